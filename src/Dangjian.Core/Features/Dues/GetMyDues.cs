using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

public sealed record GetMyDuesQuery(int? Year);

/// <summary>One month of the member's year: what the schedule asks, and what the ledger holds if the month has a line yet.</summary>
public sealed record MyDuesMonth(DateOnly Month, decimal? Due, bool Reduced, decimal? LedgerDue, decimal? Paid, decimal? Outstanding, string? ExcusedReason);

public sealed record MyDuesPayment(
    DateOnly PaidOn, decimal Amount, PaymentMethod Method, DuesPaymentKind Kind, string? ReceiptNumber, string? CollectorName, string? PaidByName,
    decimal VoluntaryExtra, DateOnly? PeriodFrom, DateOnly? PeriodTo);

public sealed record MyArrearsMonth(DateOnly Month, decimal Due, decimal Paid, decimal Outstanding);

public sealed record MyDues(
    long MemberId, string MemberName, string OrganizationName, int Year, DuesProfileItem? Profile, IReadOnlyList<DuesReductionItem> Reductions,
    IReadOnlyList<MyDuesMonth> Months, IReadOnlyList<MyDuesPayment> Payments, IReadOnlyList<MyArrearsMonth> Arrears)
{
    /// <summary>What is still owed for past and current months, to the 分 (the sum of the listed lines).</summary>
    public decimal ArrearsTotal => Arrears.Sum(a => a.Outstanding);

    public decimal PaidThisYear => Payments.Where(p => p.PaidOn.Year == Year).Sum(p => p.Amount);
}

/// <summary>
/// 党员 self-service (issue 5, item 8): a member user sees their own base, monthly amounts, payments and arrears — and
/// nobody else's: the record is found by the caller's own user id, never by an id in the request.
/// </summary>
public sealed class GetMyDuesHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPayments = 200;

    public async Task<Result<MyDues>> HandleAsync(GetMyDuesQuery query, AccessScope scope, CancellationToken ct)
    {
        if (scope.UserId is null) return MemberErrors.NotLinked;
        var today = clock.Today();
        var year = query.Year ?? today.Year;
        if (!DuesBranch.IsValidYear(year)) return DuesProfileErrors.YearOutOfRange;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await (from m in db.Set<Member>().AsNoTracking()
                            join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
                            where m.UserId == scope.UserId
                            select new { m.Id, m.Name, OrganizationName = o.Name }).FirstOrDefaultAsync(ct);
        if (member is null) return MemberErrors.NotLinked;

        var profile = await db.Set<DuesProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.MemberId == member.Id && p.Year == year, ct);
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 1);
        var reductions = await db.Set<DuesReduction>().AsNoTracking()
            .Where(r => r.MemberId == member.Id && r.FromMonth <= yearEnd && r.ToMonth >= yearStart)
            .OrderBy(r => r.FromMonth)
            .Select(r => new DuesReductionItem(r.Id, r.MemberId, member.Name, r.OrganizationId, "", r.FromMonth, r.ToMonth, r.ReducedMonthly, r.Reason,
                r.BranchDecisionOn, r.BranchDecisionNote, r.HigherApprovalOn, r.HigherApprovalNote))
            .ToListAsync(ct);

        var schedule = (await DuesSchedule.ForMemberYearAsync(db, member.Id, year, ct)).ToDictionary(r => r.Month);
        var lines = await db.Set<DuesLedgerLine>().AsNoTracking()
            .Where(l => l.MemberId == member.Id && l.Month >= yearStart && l.Month <= yearEnd)
            .Select(l => new { l.Month, l.Due, l.Paid, l.ExcusedReason })
            .ToListAsync(ct);
        var lineByMonth = lines.ToDictionary(l => l.Month);
        var months = new List<MyDuesMonth>();
        for (var m = 1; m <= 12; m++)
        {
            var month = DuesMonth.Of(year, m);
            var planned = schedule.GetValueOrDefault(month);
            var line = lineByMonth.GetValueOrDefault(month);
            if (planned is null && line is null) continue;
            months.Add(new MyDuesMonth(month, planned?.Due, planned?.ReductionId is not null && planned.Due != planned.ProfileMonthly,
                line?.Due, line?.Paid, line is null ? null : line.Due - line.Paid, line?.ExcusedReason));
        }

        var payments = await (from p in db.Set<DuesPayment>().AsNoTracking()
                              join payer in db.Set<Member>().AsNoTracking() on p.PaidByMemberId equals (long?)payer.Id into payers
                              from payer in payers.DefaultIfEmpty()
                              where p.MemberId == member.Id && p.PaidOn >= yearStart && p.PaidOn < yearStart.AddYears(1)
                              orderby p.PaidOn descending, p.Id descending
                              select new MyDuesPayment(p.PaidOn, p.Amount, p.Method, p.Kind, p.ReceiptNumber, p.CollectorName, payer == null ? null : payer.Name,
                                  p.VoluntaryExtra, p.PeriodFrom, p.PeriodTo)).Take(MaxPayments).ToListAsync(ct);

        // Arrears over every year, up to this month: a debt from last year is still a debt.
        var thisMonth = DuesMonth.Of(today);
        var arrears = (await db.Set<DuesLedgerLine>().AsNoTracking()
                .Where(l => l.MemberId == member.Id && l.Month <= thisMonth && l.Paid < l.Due)
                .OrderBy(l => l.Month)
                .Select(l => new { l.Month, l.Due, l.Paid })
                .ToListAsync(ct))
            .Select(l => new MyArrearsMonth(l.Month, l.Due, l.Paid, l.Due - l.Paid))
            .ToList();

        return new MyDues(member.Id, member.Name, member.OrganizationName, year, profile is null ? null : DuesProfileItem.From(profile), reductions,
            months, payments, arrears);
    }
}
