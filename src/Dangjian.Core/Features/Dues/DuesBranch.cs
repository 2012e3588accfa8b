using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>One member the profile wizard lists for a branch and year, with the span the branch held them in that year.</summary>
public sealed record DuesRosterMember(
    long MemberId, string Name, string IdNumber, MemberCategory Category, EmploymentStatus EmploymentStatus, Occupation? Occupation,
    long CurrentOrganizationId, DateOnly InBranchFrom, DateOnly? InBranchUntil);

/// <summary>
/// The branch behind a dues request and the members whose annual base it sets.
/// <para>
/// Who is listed (a decision, docs/adr/0011): every member the branch held at any time from 1 January of the year up to
/// the reference date — today for the current year, 31 December for a past year, 1 January for a future year (a branch
/// preparing next year's bases in December sees its roster as it stands). A 预备党员 admitted or a member transferred in
/// during the year is listed from then on, and gets a profile for the whole year; the ledger only charges them from the
/// month they joined (see <see cref="DuesSchedule"/>), so a later joiner never owes for months before they arrived.
/// A member who left during the year stays listed: the months they were here still need a base.
/// </para>
/// </summary>
public static class DuesBranch
{
    /// <summary>Loads a branch: not found outside the caller's scope, forbidden without <paramref name="permission"/>, refused for other kinds.</summary>
    public static async Task<Result<Organization>> LoadAsync(DangjianDbContext db, long organizationId, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return DuesProfileErrors.OrganizationNotFound(organizationId);
        var allowed = scope.Check(organization.Path, permission);
        if (!allowed.IsSuccess) return allowed.FirstError;
        if (!organization.Kind.IsBranch()) return DuesProfileErrors.NotABranch(organization.Name);
        return organization;
    }

    public static bool IsValidYear(int year) => year is >= DuesProfileErrors.MinYear and <= DuesProfileErrors.MaxYear;

    /// <summary>The last day of the year's window the wizard lists (see the class summary).</summary>
    public static DateOnly ReferenceDate(int year, DateOnly today) =>
        year < today.Year ? new DateOnly(year, 12, 31) : year == today.Year ? today : new DateOnly(year, 1, 1);

    /// <summary>The wizard's members, ordered by name. One query over the placements; spans are merged per member in memory.</summary>
    public static async Task<IReadOnlyList<DuesRosterMember>> MembersAsync(DangjianDbContext db, long branchId, int year, DateOnly today, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = ReferenceDate(year, today);
        var rows = await (
            from p in db.Set<MemberPlacement>().AsNoTracking()
            join m in db.Set<Member>().AsNoTracking() on p.MemberId equals m.Id
            where p.OrganizationId == branchId && p.From <= end && (p.To == null || p.To > start) && m.AdmittedOn <= end
            select new { m.Id, m.Name, m.IdNumber, m.Category, m.EmploymentStatus, m.Occupation, m.OrganizationId, p.From, p.To })
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.Id)
            .Select(g =>
            {
                var first = g.First();
                var from = g.Min(r => r.From);
                DateOnly? until = g.Any(r => r.To is null) ? null : g.Max(r => r.To);
                return new DuesRosterMember(first.Id, first.Name, first.IdNumber, first.Category, first.EmploymentStatus, first.Occupation, first.OrganizationId,
                    from < start ? start : from, until);
            })
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.MemberId)
            .ToList();
    }

    /// <summary>A starting suggestion for members without a profile, from what the member file already says; the user confirms it.</summary>
    public static DuesMemberType? SuggestType(EmploymentStatus status, Occupation? occupation) => status switch
    {
        EmploymentStatus.Retired => DuesMemberType.Retired,
        EmploymentStatus.Student => DuesMemberType.Student,
        EmploymentStatus.Farmer => DuesMemberType.Farmer,
        EmploymentStatus.Employed => DuesMemberType.Salaried,
        _ when occupation == Members.Occupation.FarmerHerderFisher => DuesMemberType.Farmer,
        _ => null,
    };
}
