using Dangjian.Core.Data;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>One member's arrears at the end of the last completed month.</summary>
public sealed class MemberArrears
{
    public long MemberId { get; init; }

    /// <summary>Unpaid months since the last fully paid one (the 自行脱党 count).</summary>
    public int ConsecutiveMonths { get; init; }

    /// <summary>The first month of that run.</summary>
    public DateOnly? RunFrom { get; init; }

    /// <summary>All months not fully paid, up to the last completed month (excused months not counted).</summary>
    public int MonthsOwed { get; init; }

    public decimal DueOwed { get; init; }
    public decimal PaidOwed { get; init; }

    public decimal Outstanding => DueOwed - PaidOwed;
}

/// <summary>
/// Arrears from the ledger. 党章第九条: 党员连续六个月不交纳党费而又没有正当理由的，是自动脱党; the branch warns and educates before
/// that point (domain.md §5: an alert at 3 months, a review case at 6).
/// <list type="bullet">
/// <item>Only completed months count: the current month can still be paid.</item>
/// <item>A month is unpaid while its line is not fully paid (Paid &lt; Due); a month paid in part is still owed.</item>
/// <item>A month with a recorded reason (<see cref="DuesLedgerLine.ExcusedReason"/>) breaks no run and is not counted.</item>
/// <item>The consecutive months are the unpaid months after the member's last fully paid month (an exempt 0 元 month is fully
/// paid). Months without a ledger line (not generated, or the member was outside the system) neither break nor count.</item>
/// <item>The count follows the member across branches: months owed at the old branch and at the new one form one run.</item>
/// </list>
/// </summary>
public static class DuesArrears
{
    /// <summary>提醒: 连续 3 个月未交纳党费.</summary>
    public const int ReminderMonths = 3;

    /// <summary>自行脱党审查: 连续 6 个月未交纳党费 without a recorded reason (党章第九条).</summary>
    public const int ReviewCaseMonths = 6;

    public static DateOnly LastCompletedMonth(DateOnly today) => DuesMonth.Of(today).AddMonths(-1);

    /// <summary>
    /// Arrears of the given members (those with at least one unpaid month), as one grouped query over their ledger lines.
    /// </summary>
    public static IQueryable<MemberArrears> Of(DangjianDbContext db, IQueryable<long> memberIds, DateOnly lastCompleted)
    {
        var lines = db.Set<DuesLedgerLine>().AsNoTracking().Where(l => l.Month <= lastCompleted && memberIds.Contains(l.MemberId));
        var unpaid = lines.Where(l => l.ExcusedReason == null && l.Paid < l.Due);

        // An unpaid month is in the current run when no fully paid month of the member comes after it.
        var tagged = unpaid.Select(l => new
        {
            l.MemberId,
            l.Month,
            l.Due,
            l.Paid,
            InRun = !lines.Any(x => x.MemberId == l.MemberId && x.Month > l.Month && x.ExcusedReason == null && x.Paid >= x.Due),
        });
        return from t in tagged
               group t by t.MemberId into g
               select new MemberArrears
               {
                   MemberId = g.Key,
                   ConsecutiveMonths = g.Count(t => t.InRun),
                   RunFrom = g.Where(t => t.InRun).Min(t => (DateOnly?)t.Month),
                   MonthsOwed = g.Count(),
                   DueOwed = g.Sum(t => t.Due),
                   PaidOwed = g.Sum(t => t.Paid),
               };
    }

    /// <summary>Members who count in a subtree's arrears: those whose relationship it holds today (not left, not moved out of the system).</summary>
    public static IQueryable<Member> CurrentMembers(DangjianDbContext db, IQueryable<long> organizationIds) =>
        db.Set<Member>().AsNoTracking().Where(m => organizationIds.Contains(m.OrganizationId) && m.Status != MembershipStatus.Left && m.TransferredOutOn == null);
}

/// <summary>
/// "党费交至" of a member from the ledger: the last month such that every ledger month up to it is fully paid. Null when the
/// first month is not (or there is no ledger yet). A transfer letter (介绍信) defaults to it.
/// </summary>
public static class DuesPaidUpTo
{
    public static async Task<DateOnly?> ForMemberAsync(DangjianDbContext db, long memberId, CancellationToken ct)
    {
        var lines = db.Set<DuesLedgerLine>().AsNoTracking().Where(l => l.MemberId == memberId);
        var firstUnpaid = await lines.Where(l => l.Paid < l.Due).MinAsync(l => (DateOnly?)l.Month, ct);
        return firstUnpaid is DateOnly unpaid
            ? await lines.Where(l => l.Month < unpaid).MaxAsync(l => (DateOnly?)l.Month, ct)
            : await lines.MaxAsync(l => (DateOnly?)l.Month, ct);
    }
}
