using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// The records a dues metric counts (metrics.md, "党费"). Ledger figures follow the dues month: a month counts when its first day
/// lies in [first day of the period's first month, period end]. Payment figures follow <see cref="DuesPayment.PaidOn"/> and
/// remittances <see cref="DuesRemittance.RemittedOn"/>, both ends of the period included.
/// </summary>
internal static class DuesMetricQueries
{
    public static IQueryable<long> Subtree(MetricScope scope) => scope.Db.Organizations.InSubtree(scope.RootPath).Select(o => o.Id);

    public static IQueryable<DuesLedgerLine> Lines(MetricScope scope)
    {
        var ids = Subtree(scope);
        var (from, to) = (DuesMonth.Of(scope.From), scope.To);
        return scope.Db.Set<DuesLedgerLine>().AsNoTracking().Where(l => l.Month >= from && l.Month <= to && ids.Contains(l.OrganizationId));
    }

    public static IQueryable<DuesPayment> Payments(MetricScope scope, DuesPaymentKind kind)
    {
        var ids = Subtree(scope);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<DuesPayment>().AsNoTracking().Where(p => p.Kind == kind && p.PaidOn >= from && p.PaidOn <= to && ids.Contains(p.OrganizationId));
    }

    public static async Task<(decimal Due, decimal Paid)> DueAndPaidAsync(MetricScope scope, CancellationToken ct)
    {
        var sums = await Lines(scope).GroupBy(l => 1).Select(g => new { Due = g.Sum(l => l.Due), Paid = g.Sum(l => l.Paid) }).SingleOrDefaultAsync(ct);
        return (sums?.Due ?? 0m, sums?.Paid ?? 0m);
    }

    public static IReadOnlyList<MetricValue> Total(decimal value) => [new MetricValue(null, "合计", value)];
}

/// <summary><c>dues.due</c>: 元 owed for the months of the period.</summary>
public sealed class DuesDueMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.due", "应交党费", "元", MetricKind.Flow, [],
        "统计期内各月（按党费所属月份）本组织及下级组织党员月度台账的应交金额合计（已扣除经批准的减免）");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        DuesMetricQueries.Total((await DuesMetricQueries.DueAndPaidAsync(scope, ct)).Due);
}

/// <summary><c>dues.paid</c>: 元 paid toward the months of the period, whenever it was paid (补缴 included).</summary>
public sealed class DuesPaidMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.paid", "实交党费", "元", MetricKind.Flow, [],
        "统计期内各月（按党费所属月份）月度台账的已交金额合计，含事后补缴到这些月份的金额；不含自愿多交和大额党费");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        DuesMetricQueries.Total((await DuesMetricQueries.DueAndPaidAsync(scope, ct)).Paid);
}

/// <summary><c>dues.collectionRate</c>: paid ÷ due × 100, one decimal, half-up.</summary>
public sealed class DuesCollectionRateMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.collectionRate", "党费收缴率", "%", MetricKind.Flow, [],
        "实交党费 ÷ 应交党费 × 100，保留一位小数；应交为 0 时为 0");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var (due, paid) = await DuesMetricQueries.DueAndPaidAsync(scope, ct);
        return DuesMetricQueries.Total(due == 0 ? 0m : Math.Round(paid * 100m / due, 1, MidpointRounding.AwayFromZero));
    }
}

/// <summary>
/// <c>dues.arrearsMembers</c>: members with a month of the period not fully paid at the period end. "At the period end" counts only
/// payments made by then (their allocations), so a later back-payment does not rewrite an earlier report.
/// </summary>
public sealed class DuesArrearsMembersMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.arrearsMembers", "欠交党费党员", "人", MetricKind.PointInTime, [],
        "截至统计期末，统计期内有任一月份党费未交足的党员人数（按期末前的交纳记录计算）");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var db = scope.Db;
        var end = scope.To;
        var count = await (from l in DuesMetricQueries.Lines(scope)
                           let paidByEnd = db.Set<DuesAllocation>()
                               .Where(a => a.LedgerLineId == l.Id && db.Set<DuesPayment>().Any(p => p.Id == a.PaymentId && p.PaidOn <= end))
                               .Sum(a => (decimal?)a.Amount) ?? 0m
                           where l.Due > paidByEnd
                           select l.MemberId).Distinct().CountAsync(ct);
        return DuesMetricQueries.Total(count);
    }
}

/// <summary><c>dues.backPayMembers</c>: members who made a back-payment (补缴) in the period.</summary>
public sealed class DuesBackPayMembersMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.backPayMembers", "补缴党费党员", "人", MetricKind.Flow, [],
        "统计期内（按交纳日期）在本组织及下级组织补缴党费的党员人数，一人多次补缴计一人");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        DuesMetricQueries.Total(await DuesMetricQueries.Payments(scope, DuesPaymentKind.BackPayment).Select(p => p.MemberId).Distinct().CountAsync(ct));
}

/// <summary><c>dues.backPayAmount</c>: 元 back-paid in the period.</summary>
public sealed class DuesBackPayAmountMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.backPayAmount", "补缴党费金额", "元", MetricKind.Flow, [],
        "统计期内（按交纳日期）本组织及下级组织登记的补缴党费金额合计");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        DuesMetricQueries.Total(await DuesMetricQueries.Payments(scope, DuesPaymentKind.BackPayment).SumAsync(p => p.Amount, ct));
}

/// <summary>
/// <c>dues.remitted</c>: 元 handed up out of the subtree in the period. A branch's remittance to its 总支 inside the subtree is a
/// move within it and is not counted, so the figure never counts the same money twice.
/// </summary>
public sealed class DuesRemittedMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.remitted", "上缴党费", "元", MetricKind.Flow, [],
        "统计期内（按上缴日期）本组织及下级组织上缴到本组织以外上级党组织的党费合计（下级向本组织内上级的上缴不重复计算）");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var ids = DuesMetricQueries.Subtree(scope);
        var (from, to) = (scope.From, scope.To);
        var amount = await scope.Db.Set<DuesRemittance>().AsNoTracking()
            .Where(r => r.RemittedOn >= from && r.RemittedOn <= to && ids.Contains(r.OrganizationId) && !ids.Contains(r.ToOrganizationId))
            .SumAsync(r => r.Amount, ct);
        return DuesMetricQueries.Total(amount);
    }
}

/// <summary><c>dues.specialLarge</c>: 大额党费 (one-off voluntary payments of 1000 元 or more) received in the period.</summary>
public sealed class DuesSpecialLargeMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.specialLarge", "大额党费", "元", MetricKind.Flow, [],
        "统计期内（按交纳日期）本组织及下级组织收到的一次性自愿交纳 1000 元以上（含）的大额党费合计");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        DuesMetricQueries.Total(await DuesMetricQueries.Payments(scope, DuesPaymentKind.LargeVoluntary).SumAsync(p => p.Amount, ct));
}
