using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>A stored profile as the pages and the API show it.</summary>
public sealed record DuesProfileItem(
    long Id, long MemberId, long OrganizationId, int Year, DuesMemberType MemberType, DuesBaseParts? Parts, decimal? Base, decimal? FixedAmount,
    decimal? Rate, decimal ComputedMonthly, decimal? OverrideMonthly, string? OverrideReason)
{
    public decimal Monthly => OverrideMonthly ?? ComputedMonthly;
    public string MemberTypeLabel => MemberType.Label();

    public static DuesProfileItem From(DuesProfile p) => new(
        p.Id, p.MemberId, p.OrganizationId, p.Year, p.MemberType, PartsOf(p), p.Base, p.FixedAmount, p.Rate, p.ComputedMonthly, p.OverrideMonthly, p.OverrideReason);

    /// <summary>The parts are stored only when the base was built from them; the gross pay says whether it was.</summary>
    public static DuesBaseParts? PartsOf(DuesProfile p) => p.GrossRegularPay is { } gross
        ? new DuesBaseParts(gross, p.IncomeTax ?? 0, p.SocialInsuranceIndividual ?? 0, p.SocialInsuranceEmployer ?? 0, p.Annuity ?? 0, p.ExcludedAllowances ?? 0)
        : null;
}

/// <summary>
/// One row of the wizard: the member (ID number masked unless the caller administers the branch, <see cref="MemberPrivacy"/>),
/// when the branch held them this year, this year's profile if set, last year's for reference, and a suggested type.
/// </summary>
public sealed record DuesWizardMember(
    long MemberId, string Name, string IdNumber, bool IdMasked, MemberCategory Category, DateOnly InBranchFrom, DateOnly? InBranchUntil,
    DuesMemberType? SuggestedType, DuesProfileItem? Profile, DuesProfileItem? PreviousYear);

public sealed record DuesWizard(
    long OrganizationId, string OrganizationName, string OrganizationPath, int Year, DateOnly ListedFrom, DateOnly ListedUntil, bool CanWrite,
    IReadOnlyList<DuesWizardMember> Members)
{
    public int WithProfile => Members.Count(m => m.Profile is not null);

    /// <summary>What the listed members owe a month under their profiles, before reductions (sum of the rows, to the 分).</summary>
    public decimal TotalMonthly => Members.Sum(m => m.Profile?.Monthly ?? 0m);
}

/// <summary><see cref="IncludeIdNumbers"/> false: pickers that only need names get every ID number masked, and no view is audited.</summary>
public sealed record GetDuesProfilesQuery(long OrganizationId, int Year, bool IncludeIdNumbers = true);

/// <summary>The profile wizard of a branch for a year (see <see cref="DuesBranch"/> for who is listed).</summary>
public sealed class GetDuesProfilesHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    public async Task<Result<DuesWizard>> HandleAsync(GetDuesProfilesQuery query, AccessScope scope, CancellationToken ct)
    {
        if (!DuesBranch.IsValidYear(query.Year)) return DuesProfileErrors.YearOutOfRange;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await DuesBranch.LoadAsync(db, query.OrganizationId, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var branch = loaded.Value;
        var today = clock.Today();
        var members = await DuesBranch.MembersAsync(db, branch.Id, query.Year, today, ct);
        var profiles = await ProfilesAsync(db, members.Select(m => m.MemberId).ToList(), [query.Year, query.Year - 1], ct);

        var unmasked = query.IncludeIdNumbers && MemberPrivacy.MaySeeUnmasked(scope, branch.Path);
        var rows = members.Select(m => new DuesWizardMember(
            m.MemberId, m.Name, MemberPrivacy.IdNumberFor(unmasked, m.IdNumber), !unmasked, m.Category, m.InBranchFrom, m.InBranchUntil,
            DuesBranch.SuggestType(m.EmploymentStatus, m.Occupation),
            profiles.GetValueOrDefault((m.MemberId, query.Year)), profiles.GetValueOrDefault((m.MemberId, query.Year - 1)))).ToList();
        if (unmasked && rows.Count > 0)
        {
            var self = scope.UserId is null ? null : await db.Set<Member>().AsNoTracking().Where(x => x.UserId == scope.UserId).Select(x => (long?)x.Id).FirstOrDefaultAsync(ct);
            await MemberPrivacy.RecordUnmaskedViewsAsync(db, actor, members.Where(m => m.MemberId != self).Select(m => (m.MemberId, m.CurrentOrganizationId)), ct);
        }

        return new DuesWizard(branch.Id, branch.Name, branch.Path, query.Year, new DateOnly(query.Year, 1, 1), DuesBranch.ReferenceDate(query.Year, today),
            scope.Allows(branch.Path, Permission.Write), rows);
    }

    /// <summary>Profiles of these members for these years, keyed by (member, year); chunked so no IN list grows past what both databases take.</summary>
    internal static async Task<Dictionary<(long MemberId, int Year), DuesProfileItem>> ProfilesAsync(
        DangjianDbContext db, IReadOnlyList<long> memberIds, int[] years, CancellationToken ct)
    {
        var result = new Dictionary<(long, int), DuesProfileItem>();
        foreach (var chunk in memberIds.Chunk(500))
        {
            var found = await db.Set<DuesProfile>().AsNoTracking().Where(p => chunk.Contains(p.MemberId) && years.Contains(p.Year)).ToListAsync(ct);
            foreach (var p in found) result[(p.MemberId, p.Year)] = DuesProfileItem.From(p);
        }

        return result;
    }
}

public sealed record GetDuesProfileQuery(long ProfileId);

/// <summary>One profile with its member, for the edit page and the API.</summary>
public sealed record DuesProfileDetails(DuesProfileItem Profile, string MemberName, long MemberOrganizationId, string OrganizationName, bool CanWrite);

public sealed class GetDuesProfileHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<DuesProfileDetails>> HandleAsync(GetDuesProfileQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await DuesProfileAccess.LoadAsync(db, query.ProfileId, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (profile, member, organizationName, canWrite) = loaded.Value;
        return new DuesProfileDetails(DuesProfileItem.From(profile), member.Name, member.OrganizationId, organizationName, canWrite);
    }
}

/// <summary>
/// Loads a profile the caller may act on. A profile belongs to the branch that set it and to the member's branch today
/// (a member transferred in mid-year keeps the base set where they were): either branch's workers may see and correct it.
/// </summary>
internal static class DuesProfileAccess
{
    public static async Task<Result<(DuesProfile Profile, Member Member, string OrganizationName, bool CanWrite)>> LoadAsync(
        DangjianDbContext db, long profileId, AccessScope scope, Permission permission, CancellationToken ct, bool tracking = false)
    {
        // AsNoTracking applies to the whole query, so the tracking variant leaves it out everywhere.
        var query = from p in db.Set<DuesProfile>()
                    join m in db.Set<Member>() on p.MemberId equals m.Id
                    join o in db.Organizations on p.OrganizationId equals o.Id
                    join mo in db.Organizations on m.OrganizationId equals mo.Id
                    where p.Id == profileId
                    select new { Profile = p, Member = m, o.Name, o.Path, MemberPath = mo.Path };
        var row = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
        if (row is null || !(scope.Allows(row.Path, Permission.Read) || scope.Allows(row.MemberPath, Permission.Read))) return DuesProfileErrors.ProfileNotFound(profileId);
        var canWrite = scope.Allows(row.Path, Permission.Write) || scope.Allows(row.MemberPath, Permission.Write);
        if (permission != Permission.Read && !(scope.Allows(row.Path, permission) || scope.Allows(row.MemberPath, permission)))
        {
            return Error.Forbidden(AccessScope.ForbiddenMessage(permission));
        }

        return (row.Profile, row.Member, row.Name, canWrite);
    }
}
