using Dangjian.Core.Data;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>党费记录: dues figures read "no data" for a subtree with no ledger month, payment or remittance up to the date.</summary>
public sealed class DuesSource : MetricSource
{
    public static readonly DuesSource Instance = new();

    private DuesSource()
    {
    }

    public override string Key => "dues";

    public override string Label => "党费记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        // EXISTS per organization of the subtree: an index probe each, instead of reading every ledger line of the subtree.
        return db.Organizations.InSubtree(rootPath)
            .Where(o => db.Set<DuesLedgerLine>().Any(l => l.OrganizationId == o.Id && l.Month <= asOf)
                        || db.Set<DuesPayment>().Any(p => p.OrganizationId == o.Id && p.PaidOn <= asOf)
                        || db.Set<DuesRemittance>().Any(r => r.OrganizationId == o.Id && r.RemittedOn <= asOf))
            .Select(o => o.Id);
    }
}

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

    /// <summary>
    /// The period's lines not fully paid at the period end. "At the period end" counts only payments made by then (their
    /// allocations), so a later back-payment does not rewrite an earlier report.
    /// <para>
    /// A line's <see cref="DuesLedgerLine.Paid"/> is the sum of all its allocations, each positive, so what was paid by the
    /// period end is never more than what is paid now: a line short now was short then (<see cref="LinesShortNow"/>, one pass
    /// over the ledger index). Only the few lines a payment made after the period end touched need the exact sum of their
    /// allocations up to the end (<see cref="LinesShortAtEndButPaidLater"/>, read from those payments). Two queries, each
    /// cheap, instead of a correlated sum per ledger line (bench-summary.md).
    /// </para>
    /// </summary>
    public static IQueryable<DuesLedgerLine> LinesInArrears(MetricScope scope) =>
        LinesShortNow(scope).Union(LinesShortAtEndButPaidLater(scope));

    /// <summary>
    /// Lines with less paid than due today. PostgreSQL compares its numerics natively. SQLite stores decimals as text and EF
    /// would compare them through a .NET callback per row, so there they are compared as doubles: amounts have two decimals,
    /// so two different amounts never round to the same double and the order is exact. (Measured on 1.2 million lines: the
    /// double casts cost PostgreSQL twice the native comparison; the callback costs SQLite several times the casts.)
    /// </summary>
    public static IQueryable<DuesLedgerLine> LinesShortNow(MetricScope scope) =>
        scope.Db.IsPostgres ? Lines(scope).Where(l => l.Due > l.Paid) : Lines(scope).Where(l => (double)l.Due > (double)l.Paid);

    /// <summary>Lines paid (partly) by a payment made after the period end, and short of their due counting only the payments made by then.</summary>
    public static IQueryable<DuesLedgerLine> LinesShortAtEndButPaidLater(MetricScope scope)
    {
        var db = scope.Db;
        var end = scope.To;
        var touchedAfterEnd = from a in db.Set<DuesAllocation>()
                              join p in db.Set<DuesPayment>() on a.PaymentId equals p.Id
                              where p.PaidOn > end
                              select a.LedgerLineId;
        return from l in Lines(scope)
               where touchedAfterEnd.Contains(l.Id)
                     && l.Due > (db.Set<DuesAllocation>()
                         .Where(a => a.LedgerLineId == l.Id && db.Set<DuesPayment>().Any(p => p.Id == a.PaymentId && p.PaidOn <= end))
                         .Sum(a => (decimal?)a.Amount) ?? 0m)
               select l;
    }

    public static IQueryable<DuesPayment> Payments(MetricScope scope, DuesPaymentKind kind)
    {
        var ids = Subtree(scope);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<DuesPayment>().AsNoTracking().Where(p => p.Kind == kind && p.PaidOn >= from && p.PaidOn <= to && ids.Contains(p.OrganizationId));
    }

    /// <summary>Remittances made in the period by organizations of the subtree, handed up inside it or out of it.</summary>
    public static IQueryable<DuesRemittance> Remittances(MetricScope scope)
    {
        var ids = Subtree(scope);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<DuesRemittance>().AsNoTracking().Where(r => r.RemittedOn >= from && r.RemittedOn <= to && ids.Contains(r.OrganizationId));
    }

    /// <summary>
    /// Per organization: Σ due and Σ paid of the period's lines, read once per batch for dues.due, dues.paid and
    /// dues.collectionRate. Summed in whole 分 (amounts have two decimals, so this is exact): SQLite stores decimals as text
    /// and would otherwise add them through a .NET callback per row.
    /// </summary>
    public static Task<IReadOnlyList<(long OrganizationId, decimal Due, decimal Paid)>> DueAndPaidAsync(MetricScope scope, CancellationToken ct) =>
        scope.SharedAsync("dues.dueAndPaid", async () =>
        {
            var rows = await Lines(scope).GroupBy(l => l.OrganizationId)
                .Select(g => new
                {
                    g.Key,
                    DueCents = g.Sum(l => (long)Math.Round((double)l.Due * 100)),
                    PaidCents = g.Sum(l => (long)Math.Round((double)l.Paid * 100)),
                })
                .ToListAsync(ct);
            return (IReadOnlyList<(long, decimal, decimal)>)rows.Select(r => (r.Key, r.DueCents / 100m, r.PaidCents / 100m)).ToList();
        });

    /// <summary>Per organization: Σ amount of the payments.</summary>
    public static async Task<IReadOnlyList<MetricFact>> AmountsAsync(IQueryable<DuesPayment> payments, CancellationToken ct) =>
        (await payments.GroupBy(p => p.OrganizationId).Select(g => new { g.Key, Amount = g.Sum(p => p.Amount) }).ToListAsync(ct))
        .Select(r => new MetricFact(r.Key, null, r.Amount)).ToList();

    /// <summary>Distinct members over (member, organization) pairs: each member once in any subtree holding one of their organizations.</summary>
    public static async Task<IReadOnlyList<MetricFact>> DistinctMembersAsync(MetricScope scope, IQueryable<MetricKey<long>> memberAt, CancellationToken ct)
    {
        var pairs = await memberAt.Distinct().ToListAsync(ct);
        var tree = await MetricTree.LoadAsync(scope, ct);
        return tree.Distinct(pairs.Select(p => (p.Value, p.OrganizationId)));
    }

    public static IQueryable<MetricRecord> LineRecords(MetricScope scope, IQueryable<DuesLedgerLine> lines) =>
        from l in lines
        join m in scope.Db.Set<Member>() on l.MemberId equals m.Id
        select new MetricRecord { RecordType = MetricRecordTypes.DuesLine, RecordId = l.Id, OrganizationId = l.OrganizationId, Date = l.Month, Title = m.Name };

    public static IQueryable<MetricRecord> PaymentRecords(MetricScope scope, IQueryable<DuesPayment> payments) =>
        from p in payments
        join m in scope.Db.Set<Member>() on p.MemberId equals m.Id
        select new MetricRecord
        {
            RecordType = MetricRecordTypes.DuesPayment, RecordId = p.Id, OrganizationId = p.OrganizationId, Date = p.PaidOn, Title = m.Name, Detail = p.ReceiptNumber,
        };
}

/// <summary><c>dues.due</c>: 元 owed for the months of the period.</summary>
public sealed class DuesDueMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.due", "应交党费", "元", MetricKind.Flow, [],
        "统计期内各月（按党费所属月份）本组织及下级组织党员月度台账的应交金额合计（已扣除经批准的减免）");

    public MetricSource Source => DuesSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        (await DuesMetricQueries.DueAndPaidAsync(scope, ct)).Select(r => new MetricFact(r.OrganizationId, null, r.Due)).ToList();

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        DuesMetricQueries.LineRecords(scope, DuesMetricQueries.Lines(scope));
}

/// <summary><c>dues.paid</c>: 元 paid toward the months of the period, whenever it was paid (补缴 included).</summary>
public sealed class DuesPaidMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.paid", "实交党费", "元", MetricKind.Flow, [],
        "统计期内各月（按党费所属月份）月度台账的已交金额合计，含事后补缴到这些月份的金额；不含自愿多交和大额党费");

    public MetricSource Source => DuesSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        (await DuesMetricQueries.DueAndPaidAsync(scope, ct)).Select(r => new MetricFact(r.OrganizationId, null, r.Paid)).ToList();

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        DuesMetricQueries.LineRecords(scope, DuesMetricQueries.Lines(scope));
}

/// <summary><c>dues.collectionRate</c>: paid ÷ due × 100, one decimal, half-up; the records are the ledger lines of the period.</summary>
public sealed class DuesCollectionRateMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.collectionRate", "党费收缴率", "%", MetricKind.Flow, [],
        "实交党费 ÷ 应交党费 × 100，保留一位小数；应交为 0 时为 0", MetricAggregation.Percent);

    public MetricSource Source => DuesSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        (await DuesMetricQueries.DueAndPaidAsync(scope, ct)).Select(r => new MetricFact(r.OrganizationId, null, r.Paid, r.Due)).ToList();

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        DuesMetricQueries.LineRecords(scope, DuesMetricQueries.Lines(scope));
}

/// <summary>
/// <c>dues.arrearsMembers</c>: members with a month of the period not fully paid at the period end. A member owing in two
/// organizations (they moved) counts once in any subtree holding either; the records are the lines in arrears.
/// </summary>
public sealed class DuesArrearsMembersMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.arrearsMembers", "欠交党费党员", "人", MetricKind.PointInTime, [],
        "截至统计期末，统计期内有任一月份党费未交足的党员人数（按期末前的交纳记录计算）");

    public MetricSource Source => DuesSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        DuesMetricQueries.DistinctMembersAsync(scope,
            DuesMetricQueries.LinesShortNow(scope).Select(l => new MetricKey<long> { OrganizationId = l.OrganizationId, Value = l.MemberId })
                .Union(DuesMetricQueries.LinesShortAtEndButPaidLater(scope).Select(l => new MetricKey<long> { OrganizationId = l.OrganizationId, Value = l.MemberId })), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        DuesMetricQueries.LineRecords(scope, DuesMetricQueries.LinesInArrears(scope));
}

/// <summary><c>dues.backPayMembers</c>: members who made a back-payment (补缴) in the period, each once; the records are the back-payments.</summary>
public sealed class DuesBackPayMembersMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.backPayMembers", "补缴党费党员", "人", MetricKind.Flow, [],
        "统计期内（按交纳日期）在本组织及下级组织补缴党费的党员人数，一人多次补缴计一人");

    public MetricSource Source => DuesSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        DuesMetricQueries.DistinctMembersAsync(scope,
            DuesMetricQueries.Payments(scope, DuesPaymentKind.BackPayment).Select(p => new MetricKey<long> { OrganizationId = p.OrganizationId, Value = p.MemberId }), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        DuesMetricQueries.PaymentRecords(scope, DuesMetricQueries.Payments(scope, DuesPaymentKind.BackPayment));
}

/// <summary><c>dues.backPayAmount</c>: 元 back-paid in the period.</summary>
public sealed class DuesBackPayAmountMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.backPayAmount", "补缴党费金额", "元", MetricKind.Flow, [],
        "统计期内（按交纳日期）本组织及下级组织登记的补缴党费金额合计");

    public MetricSource Source => DuesSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        DuesMetricQueries.AmountsAsync(DuesMetricQueries.Payments(scope, DuesPaymentKind.BackPayment), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        DuesMetricQueries.PaymentRecords(scope, DuesMetricQueries.Payments(scope, DuesPaymentKind.BackPayment));
}

/// <summary>
/// <c>dues.remitted</c>: 元 handed up out of the subtree in the period. A branch's remittance to its 总支 inside the subtree is a
/// move within it and is not counted, so the figure never counts the same money twice.
/// </summary>
public sealed class DuesRemittedMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.remitted", "上缴党费", "元", MetricKind.Flow, [],
        "统计期内（按上缴日期）本组织及下级组织上缴到本组织以外上级党组织的党费合计（下级向本组织内上级的上缴不重复计算）");

    public MetricSource Source => DuesSource.Instance;

    /// <summary>Each remittance at its sender, less the moves within any subtree that also holds the receiver.</summary>
    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var rows = await DuesMetricQueries.Remittances(scope)
            .GroupBy(r => new { r.OrganizationId, r.ToOrganizationId })
            .Select(g => new { g.Key.OrganizationId, g.Key.ToOrganizationId, Amount = g.Sum(r => r.Amount) })
            .ToListAsync(ct);
        var tree = await MetricTree.LoadAsync(scope, ct);
        return tree.Flows(rows.Select(r => (r.OrganizationId, (long?)r.ToOrganizationId, r.Amount)));
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        var ids = DuesMetricQueries.Subtree(scope);
        return from r in DuesMetricQueries.Remittances(scope)
               where !ids.Contains(r.ToOrganizationId)
               join to in scope.Db.Organizations on r.ToOrganizationId equals to.Id
               select new MetricRecord
               {
                   RecordType = MetricRecordTypes.DuesRemittance, RecordId = r.Id, OrganizationId = r.OrganizationId, Date = r.RemittedOn,
                   Title = "上缴" + to.Name, Detail = r.Note,
               };
    }
}

/// <summary><c>dues.specialLarge</c>: 大额党费 (one-off voluntary payments of 1000 元 or more) received in the period.</summary>
public sealed class DuesSpecialLargeMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dues.specialLarge", "大额党费", "元", MetricKind.Flow, [],
        "统计期内（按交纳日期）本组织及下级组织收到的一次性自愿交纳 1000 元以上（含）的大额党费合计");

    public MetricSource Source => DuesSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        DuesMetricQueries.AmountsAsync(DuesMetricQueries.Payments(scope, DuesPaymentKind.LargeVoluntary), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        DuesMetricQueries.PaymentRecords(scope, DuesMetricQueries.Payments(scope, DuesPaymentKind.LargeVoluntary));
}
