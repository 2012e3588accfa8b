using System.Globalization;
using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

public sealed record GetMemberDetailsQuery(long MemberId);

public sealed record MemberRecordItem(
    long Id, MemberRecordKind Kind, string Title, string? Detail, DateOnly? FromDate, DateOnly? ToDate, string? Level, string? Type, string? Relation);

public sealed record MemberPlacementItem(long Id, long OrganizationId, string OrganizationName, long? GroupId, string? GroupName, DateOnly From, DateOnly? To);

/// <summary>A member file as one caller may see it: ID number and phone masked unless <see cref="IsMasked"/> is false.</summary>
public sealed record MemberDetails(
    long Id, string Name, Gender Gender, string Ethnicity, DateOnly BirthDate, string IdNumber, string? NativePlace, Education? Education, string? Degree,
    Occupation? Occupation, EmploymentStatus EmploymentStatus, string? Employer, string? JobTitle, bool IsLeadingCadre, string? CadreLevel, string? Phone,
    string? Address, DateOnly? ApplicationDate, DateOnly AdmittedOn, DateOnly? ConfirmedOn, MemberCategory Category, MembershipStatus Status,
    DateOnly? StatusSince, DateOnly? ProbationPunishmentEndsOn, ExitType? ExitType, DateOnly? ExitedOn, string? ExitReason, bool IsMobile, string? MobileWhere,
    DateOnly? MobileSince, bool IsLostContact, DateOnly? LostContactSince, long OrganizationId, string OrganizationName, long? GroupId, string? GroupName,
    bool HasAccount, bool IsMasked, bool CanEdit, bool CanAdminister, IReadOnlyList<MemberRecordItem> Records, IReadOnlyList<MemberPlacementItem> Placements)
{
    public int AgeOn(DateOnly date) => Member.AgeOn(BirthDate, date);
}

/// <summary>
/// One member's file. ID number and phone are masked for anyone who does not administer the member's organization
/// (<see cref="MemberPrivacy"/>); an unmasked view is audited.
/// </summary>
public sealed class GetMemberDetailsHandler(IDbContextFactory<DangjianDbContext> dbFactory, ICurrentActor actor)
{
    public async Task<Result<MemberDetails>> HandleAsync(GetMemberDetailsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, query.MemberId, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (member, path) = loaded.Value;
        var unmasked = MemberPrivacy.MaySeeUnmasked(scope, path);
        var details = await MemberFiles.DetailsAsync(db, member, unmasked, scope.Allows(path, Permission.Write), scope.Allows(path, Permission.Administer), ct);
        if (unmasked && (member.UserId is null || member.UserId != scope.UserId))
        {
            await MemberPrivacy.RecordUnmaskedViewsAsync(db, actor, [(member.Id, member.OrganizationId)], ct);
        }

        return details;
    }
}

public sealed record GetMemberTimelineQuery(long MemberId, int? Page = null, int? PageSize = null);

/// <summary>
/// Every audit entry about a member, newest first: the member row itself (including audited views), its placements,
/// and its repeatable records, removed ones included.
/// </summary>
public sealed class GetMemberTimelineHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<AuditLogItem>>> HandleAsync(GetMemberTimelineQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, query.MemberId, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        return await MemberFiles.TimelineAsync(db, query.MemberId, masked: !MemberPrivacy.MaySeeUnmasked(scope, loaded.Value.Path), query.Page, query.PageSize, ct);
    }
}

public sealed record GetMyMemberRecordQuery(int? Page = null, int? PageSize = null);

public sealed record MyMemberRecord(MemberDetails Details, Page<AuditLogItem> Timeline);

/// <summary>
/// Self-service (我的档案): the member linked to the caller's log-in, unmasked, with its history. Reading one's own
/// data needs no subtree rights and is not an audited view.
/// </summary>
public sealed class GetMyMemberRecordHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<MyMemberRecord>> HandleAsync(GetMyMemberRecordQuery query, AccessScope scope, CancellationToken ct)
    {
        if (scope.UserId is null) return MemberErrors.NotLinked;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.Set<Member>().AsNoTracking().FirstOrDefaultAsync(m => m.UserId == scope.UserId, ct);
        if (member is null) return MemberErrors.NotLinked;
        var details = await MemberFiles.DetailsAsync(db, member, unmasked: true, canEdit: false, canAdminister: false, ct);
        var timeline = await MemberFiles.TimelineAsync(db, member.Id, masked: false, query.Page, query.PageSize, ct);
        return new MyMemberRecord(details, timeline);
    }
}

internal static class MemberFiles
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<MemberDetails> DetailsAsync(DangjianDbContext db, Member m, bool unmasked, bool canEdit, bool canAdminister, CancellationToken ct)
    {
        var names = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == m.OrganizationId || o.Id == m.GroupId)
            .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var records = await db.Set<MemberRecord>().AsNoTracking().Where(r => r.MemberId == m.Id)
            .OrderBy(r => r.Kind).ThenByDescending(r => r.FromDate).ThenByDescending(r => r.Id)
            .Select(r => new MemberRecordItem(r.Id, r.Kind, r.Title, r.Detail, r.FromDate, r.ToDate, r.Level, r.Type, r.Relation))
            .ToListAsync(ct);
        var placements = await (
            from p in db.Set<MemberPlacement>().AsNoTracking()
            join o in db.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
            where p.MemberId == m.Id
            orderby p.From descending, p.Id descending
            select new MemberPlacementItem(p.Id, p.OrganizationId, o.Name, p.GroupId, db.Organizations.Where(g => g.Id == p.GroupId).Select(g => g.Name).FirstOrDefault(), p.From, p.To))
            .ToListAsync(ct);
        return new MemberDetails(
            m.Id, m.Name, m.Gender, m.Ethnicity, m.BirthDate, MemberPrivacy.IdNumberFor(unmasked, m.IdNumber), m.NativePlace, m.Education, m.Degree,
            m.Occupation, m.EmploymentStatus, m.Employer, m.JobTitle, m.IsLeadingCadre, m.CadreLevel, MemberPrivacy.PhoneFor(unmasked, m.Phone), m.Address,
            m.ApplicationDate, m.AdmittedOn, m.ConfirmedOn, m.Category, m.Status, m.StatusSince, m.ProbationPunishmentEndsOn, m.ExitType, m.ExitedOn,
            m.ExitReason, m.IsMobile, m.MobileWhere, m.MobileSince, m.IsLostContact, m.LostContactSince, m.OrganizationId,
            names.GetValueOrDefault(m.OrganizationId, ""), m.GroupId, m.GroupId is long g ? names.GetValueOrDefault(g) : null,
            m.UserId is not null, !unmasked, canEdit, canAdminister, records, placements);
    }

    public static async Task<Page<AuditLogItem>> TimelineAsync(DangjianDbContext db, long memberId, bool masked, int? page, int? pageSize, CancellationToken ct)
    {
        var key = memberId.ToString(CultureInfo.InvariantCulture);
        var placementKeys = await db.Set<MemberPlacement>().Where(p => p.MemberId == memberId).Select(p => p.Id).ToListAsync(ct);
        var recordKeys = await db.Set<MemberRecord>().Where(r => r.MemberId == memberId).Select(r => r.Id).ToListAsync(ct);
        var placementStrings = placementKeys.Select(k => k.ToString(CultureInfo.InvariantCulture)).ToList();
        var recordStrings = recordKeys.Select(k => k.ToString(CultureInfo.InvariantCulture)).ToList();

        // Removed records are gone from their table; their creation and deletion rows still name the member.
        var createdMark = JsonSerializer.Serialize(new FieldChange(nameof(MemberRecord.MemberId), null, key), Json);
        var deletedMark = JsonSerializer.Serialize(new FieldChange(nameof(MemberRecord.MemberId), key, null), Json);
        var entries = db.AuditEntries.AsNoTracking().Where(e =>
            (e.EntityType == nameof(Member) && e.EntityKey == key)
            || (e.EntityType == nameof(MemberPlacement) && placementStrings.Contains(e.EntityKey))
            || (e.EntityType == nameof(MemberRecord) && (recordStrings.Contains(e.EntityKey) || e.Changes.Contains(createdMark) || e.Changes.Contains(deletedMark))));

        var size = Page<AuditLogItem>.NormalizeSize(pageSize);
        var number = Page<AuditLogItem>.NormalizeNumber(page);
        var total = await entries.CountAsync(ct);
        var rows = await entries
            .OrderByDescending(e => e.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(e => new { Entry = e, OrganizationName = db.Organizations.Where(o => o.Id == e.OrganizationId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var items = rows.Select(r =>
        {
            var changes = JsonSerializer.Deserialize<List<FieldChange>>(r.Entry.Changes) ?? [];
            if (masked) changes = changes.Select(MemberPrivacy.MaskChange).ToList();
            return new AuditLogItem(r.Entry.Id, r.Entry.AtUtc, r.Entry.UserName, r.Entry.OrganizationId, r.OrganizationName, r.Entry.EntityType, r.Entry.EntityKey, r.Entry.Action, changes, r.Entry.Reason);
        }).ToList();
        return new Page<AuditLogItem>(items, total, number, size);
    }
}

public sealed record GetMemberHeaderQuery(long MemberId);

/// <summary>A member's name and the caller's rights over them, without personal data: for pages that act on a member.</summary>
public sealed record MemberHeader(long Id, string Name, long OrganizationId, bool HasAccount, bool CanEdit, bool CanAdminister, IReadOnlyList<MemberRecordItem> Records);

public sealed class GetMemberHeaderHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<MemberHeader>> HandleAsync(GetMemberHeaderQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, query.MemberId, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (m, path) = loaded.Value;
        var records = await db.Set<MemberRecord>().AsNoTracking().Where(r => r.MemberId == m.Id).OrderBy(r => r.Id)
            .Select(r => new MemberRecordItem(r.Id, r.Kind, r.Title, r.Detail, r.FromDate, r.ToDate, r.Level, r.Type, r.Relation))
            .ToListAsync(ct);
        return new MemberHeader(m.Id, m.Name, m.OrganizationId, m.UserId is not null, scope.Allows(path, Permission.Write), scope.Allows(path, Permission.Administer), records);
    }
}
