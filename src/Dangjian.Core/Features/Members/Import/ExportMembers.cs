using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members.Import;

public sealed record ExportMembersQuery(ListMembersQuery Filter);

/// <summary>The rows of a member export, in <see cref="MemberSheet.Headers"/> order, and how many of them are unmasked.</summary>
public sealed record MemberExport(IReadOnlyList<string?[]> Rows, int UnmaskedRows);

/// <summary>
/// The roster under the current filter as sheet rows, with ID numbers and phones masked for anyone who is not an
/// administrator of the member's organization (domain.md §9, PIPL). An export with any unmasked row is audited
/// (<see cref="AuditAction.Exported"/>) with the count.
/// </summary>
public sealed class ExportMembersHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    public const int MaxRows = 100_000;

    public async Task<Result<MemberExport>> HandleAsync(ExportMembersQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = await ListMembersHandler.FilterAsync(db, query.Filter, scope, clock.Today(), ct);
        if (!filtered.IsSuccess) return Result<MemberExport>.Failure(filtered.Errors);
        var found = await filtered.Value
            .OrderBy(x => x.Path).ThenBy(x => x.Member.Name).ThenBy(x => x.Member.Id)
            .Take(MaxRows)
            .ToListAsync(ct);
        var groupIds = found.Where(x => x.Member.GroupId != null).Select(x => x.Member.GroupId!.Value).Distinct().ToList();
        var groupCodes = new Dictionary<long, string>();
        foreach (var chunk in groupIds.Chunk(500))
        {
            foreach (var g in await db.Organizations.AsNoTracking().Where(o => chunk.Contains(o.Id)).Select(o => new { o.Id, o.Code }).ToListAsync(ct))
            {
                groupCodes[g.Id] = g.Code;
            }
        }

        var unmaskedRows = 0;
        var rows = new List<string?[]>(found.Count);
        foreach (var x in found)
        {
            var unmasked = MemberPrivacy.MaySeeUnmasked(scope, x.Path);
            if (unmasked) unmaskedRows++;
            var m = x.Member;
            rows.Add(MemberSheet.Cells(
                m, x.OrganizationCode, m.GroupId is long gid ? groupCodes.GetValueOrDefault(gid) : null,
                MemberPrivacy.IdNumberFor(unmasked, m.IdNumber), MemberPrivacy.PhoneFor(unmasked, m.Phone)));
        }

        if (unmaskedRows > 0)
        {
            long? organizationId = query.Filter.UnderId;
            db.AuditEntries.Add(AuditEntry.Create(
                clock.UtcNow(), actor.UserId, actor.DisplayName, organizationId, nameof(Member), "export", AuditAction.Exported,
                System.Text.Json.JsonSerializer.Serialize(new[] { new FieldChange("UnmaskedRows", null, unmaskedRows.ToString(System.Globalization.CultureInfo.InvariantCulture)) }),
                $"导出党员名册，其中 {unmaskedRows} 行含完整身份证号和联系电话"));
            await db.SaveChangesAsync(ct);
        }

        return new MemberExport(rows, unmaskedRows);
    }
}
