using Dangjian.Core.Data;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// What one member owes for one month, and why. A class with settable members (not a positional record) so that callers
/// can keep composing the query — filter, group, sum — after the projection; EF cannot see through constructor arguments.
/// </summary>
public sealed class DuesScheduleRow
{
    public long MemberId { get; init; }

    /// <summary>The branch that holds the month (see <see cref="DuesSchedule"/>): the ledger line belongs there.</summary>
    public long OrganizationId { get; init; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; init; }

    /// <summary>The member's profile for the month's year; null when the wizard has not set one yet.</summary>
    public long? ProfileId { get; init; }

    /// <summary>The profile's monthly amount (its override if any, else the computed amount); null without a profile.</summary>
    public decimal? ProfileMonthly { get; init; }

    /// <summary>The approved reduction covering the month, if any.</summary>
    public long? ReductionId { get; init; }

    /// <summary>
    /// What is owed: the reduced amount when a reduction covers the month and is below the profile's amount, else the
    /// profile's amount; null when the member has no profile for the year (callers show 未核定, they never guess 0).
    /// </summary>
    public decimal? Due { get; init; }
}

/// <summary>
/// The one answer to "what does a member owe for a month" (domain.md §5), used by the ledger, back-payment, the member's
/// own page and anything else that needs it. Set-based: <see cref="ForBranchMonth"/> is one query for a whole branch.
/// <list type="bullet">
/// <item>Amount: the member's <see cref="DuesProfile"/> of the month's year (《党费通知》: the base is set once a year),
/// its override if any, replaced by an approved <see cref="DuesReduction"/> covering the month (《党费规定》: 少交或免交).</item>
/// <item>Where: the month belongs to the branch of the member's earliest placement overlapping the month. A member who
/// transfers on the 15th pays that month at the old branch (党员转出时党费交至转出当月) and starts at the new one the next
/// month; a transfer on the 1st moves the whole month. Placement history: <see cref="MemberPlacement"/>.</item>
/// <item>From when: a 预备党员 owes from the month of the 支部大会 vote (<see cref="Member.AdmittedOn"/>) — the month is
/// owed if they were admitted by its last day.</item>
/// <item>Until when: a member who leaves (出党, transfer out of the system) stops with their closed placement: the month of
/// leaving is owed, later months are not. A member whose 党籍 is suspended (停止党籍) owes nothing from the first full month
/// of the suspension, since a suspended member neither exercises rights nor bears the duties of membership.</item>
/// </list>
/// </summary>
public static class DuesSchedule
{
    /// <summary>Every member's due for <paramref name="month"/> across all branches; compose further (Where, GroupBy, Sum) as needed.</summary>
    public static IQueryable<DuesScheduleRow> ForMonth(DangjianDbContext db, DateOnly month) =>
        Build(db, DuesMonth.Of(month), db.Set<MemberPlacement>().AsNoTracking());

    /// <summary>
    /// The members of one branch and what each owes for <paramref name="month"/>: one query (placements joined to members,
    /// profiles and reductions), for generating ledger lines set-based. Filtered on the placement first so the
    /// (organization) index is used.
    /// </summary>
    public static IQueryable<DuesScheduleRow> ForBranchMonth(DangjianDbContext db, long organizationId, DateOnly month) =>
        Build(db, DuesMonth.Of(month), db.Set<MemberPlacement>().AsNoTracking().Where(p => p.OrganizationId == organizationId));

    /// <summary>The same for several branches at once (e.g. a whole subtree): pass the ids as a query, not a list.</summary>
    public static IQueryable<DuesScheduleRow> ForBranchesMonth(DangjianDbContext db, IQueryable<long> organizationIds, DateOnly month) =>
        Build(db, DuesMonth.Of(month), db.Set<MemberPlacement>().AsNoTracking().Where(p => organizationIds.Contains(p.OrganizationId)));

    /// <summary>
    /// What one member owes for one month, or null when no branch holds them that month (not yet admitted, left, suspended).
    /// A row with a null <see cref="DuesScheduleRow.Due"/> means the member is here but has no profile for the year.
    /// </summary>
    public static Task<DuesScheduleRow?> MonthlyDueAsync(DangjianDbContext db, long memberId, DateOnly month, CancellationToken ct) =>
        Build(db, DuesMonth.Of(month), db.Set<MemberPlacement>().AsNoTracking().Where(p => p.MemberId == memberId)).SingleOrDefaultAsync(ct);

    /// <summary>One member's twelve months of a year (months where no branch holds them are left out), one query per month.</summary>
    public static async Task<IReadOnlyList<DuesScheduleRow>> ForMemberYearAsync(DangjianDbContext db, long memberId, int year, CancellationToken ct)
    {
        var rows = new List<DuesScheduleRow>();
        for (var m = 1; m <= 12; m++)
        {
            if (await MonthlyDueAsync(db, memberId, DuesMonth.Of(year, m), ct) is { } row) rows.Add(row);
        }

        return rows;
    }

    private static IQueryable<DuesScheduleRow> Build(DangjianDbContext db, DateOnly month, IQueryable<MemberPlacement> placements)
    {
        var next = month.AddMonths(1);
        var year = month.Year;
        var allPlacements = db.Set<MemberPlacement>().AsNoTracking();
        var profiles = db.Set<DuesProfile>().AsNoTracking().Where(d => d.Year == year);
        // Reductions never overlap for a member (CreateDuesReductionHandler), so at most one joins.
        var reductions = db.Set<DuesReduction>().AsNoTracking().Where(r => r.FromMonth <= month && r.ToMonth >= month);
        return from p in placements
               where p.From < next && (p.To == null || p.To > month)
               // The earliest placement overlapping the month holds it (ties broken by id, for safety).
               where !allPlacements.Any(q => q.MemberId == p.MemberId && q.From < next && (q.To == null || q.To > month)
                                             && (q.From < p.From || (q.From == p.From && q.Id < p.Id)))
               join m in db.Set<Member>().AsNoTracking() on p.MemberId equals m.Id
               where m.AdmittedOn < next
               where !(m.Status == MembershipStatus.Suspended && m.StatusSince != null && m.StatusSince <= month)
               join d in profiles on m.Id equals d.MemberId into pd
               from d in pd.DefaultIfEmpty()
               join r in reductions on m.Id equals r.MemberId into rd
               from r in rd.DefaultIfEmpty()
               select new DuesScheduleRow
               {
                   MemberId = m.Id,
                   OrganizationId = p.OrganizationId,
                   Month = month,
                   ProfileId = d == null ? null : d.Id,
                   ProfileMonthly = d == null ? null : d.OverrideMonthly ?? d.ComputedMonthly,
                   ReductionId = r == null ? null : r.Id,
                   Due = d == null ? null
                       : r != null && r.ReducedMonthly < (d.OverrideMonthly ?? d.ComputedMonthly) ? r.ReducedMonthly
                       : d.OverrideMonthly ?? d.ComputedMonthly,
               };
    }
}
