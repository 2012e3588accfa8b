using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Audit;

/// <summary>
/// The audit log, filtered. Entries filed under an organization are visible to whoever may read that organization;
/// entries about users and grants without an organization only to 系统管理员.
/// </summary>
public sealed record GetAuditLogQuery
{
    public long? OrganizationId { get; init; }
    public bool IncludeSubtree { get; init; } = true;
    public string? EntityType { get; init; }
    public string? EntityKey { get; init; }
    public string? UserName { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record AuditLogItem(
    long Id, DateTime AtUtc, string UserName, long? OrganizationId, string? OrganizationName, string EntityType, string EntityKey,
    AuditAction Action, IReadOnlyList<FieldChange> Changes, string? Reason)
{
    public string ActionLabel => Action switch
    {
        AuditAction.Created => "新增",
        AuditAction.Deleted => "删除",
        AuditAction.Viewed => "查看",
        AuditAction.Exported => "导出",
        _ => "修改",
    };
}

public sealed class GetAuditLogHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<AuditLogItem>>> HandleAsync(GetAuditLogQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking();
        var organizations = scope.Organizations(db.Organizations.AsNoTracking());
        if (query.OrganizationId is long orgId)
        {
            var path = await organizations.Where(o => o.Id == orgId).Select(o => o.Path).SingleOrDefaultAsync(ct);
            if (path is null) return OrganizationErrors.NotFound(orgId);
            if (query.IncludeSubtree)
            {
                var ids = db.Organizations.InSubtree(path).Select(o => o.Id);
                entries = entries.Where(e => e.OrganizationId != null && ids.Contains(e.OrganizationId.Value));
            }
            else
            {
                entries = entries.Where(e => e.OrganizationId == orgId);
            }
        }
        else if (!scope.IsSystemAdmin)
        {
            var ids = organizations.Select(o => o.Id);
            entries = entries.Where(e => e.OrganizationId != null && ids.Contains(e.OrganizationId.Value));
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType)) entries = entries.Where(e => e.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityKey)) entries = entries.Where(e => e.EntityKey == query.EntityKey);
        if (!string.IsNullOrWhiteSpace(query.UserName)) entries = entries.Where(e => e.UserName.Contains(query.UserName.Trim()));
        if (query.From is DateOnly from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue).Subtract(ChinaClock.Offset);
            entries = entries.Where(e => e.AtUtc >= fromUtc);
        }

        if (query.To is DateOnly to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue).Subtract(ChinaClock.Offset);
            entries = entries.Where(e => e.AtUtc < toUtc);
        }

        var size = Page<AuditLogItem>.NormalizeSize(query.PageSize);
        var number = Page<AuditLogItem>.NormalizeNumber(query.Page);
        var total = await entries.CountAsync(ct);
        var rows = await entries
            .OrderByDescending(e => e.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(e => new
            {
                Entry = e,
                OrganizationName = db.Organizations.Where(o => o.Id == e.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                OrganizationPath = db.Organizations.Where(o => o.Id == e.OrganizationId).Select(o => o.Path).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r =>
        {
            var changes = System.Text.Json.JsonSerializer.Deserialize<List<FieldChange>>(r.Entry.Changes) ?? [];

            // A member's ID number and phone stay masked in the log for anyone who may not see them unmasked (domain.md §9).
            if (r.Entry.EntityType == nameof(Member) && !(r.OrganizationPath is string path ? MemberPrivacy.MaySeeUnmasked(scope, path) : scope.IsSystemAdmin))
            {
                changes = changes.Select(MemberPrivacy.MaskChange).ToList();
            }

            return new AuditLogItem(
                r.Entry.Id, r.Entry.AtUtc, r.Entry.UserName, r.Entry.OrganizationId, r.OrganizationName, r.Entry.EntityType, r.Entry.EntityKey,
                r.Entry.Action, changes, r.Entry.Reason);
        }).ToList();
        return new Page<AuditLogItem>(items, total, number, size);
    }
}
