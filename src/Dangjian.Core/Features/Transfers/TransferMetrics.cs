using Dangjian.Core.Data;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Transfers;

/// <summary>组织关系转接记录: transfer figures read "no data" for a subtree no transfer was ever issued from or to.</summary>
public sealed class TransfersSource : MetricSource
{
    public static readonly TransfersSource Instance = new();

    private TransfersSource()
    {
    }

    public override string Key => "transfers";

    public override string Label => "组织关系转接记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        var issued = db.Set<Transfer>().Where(t => t.IssuedOn <= asOf);
        return issued.Where(t => t.FromOrganizationId != null && ids.Contains(t.FromOrganizationId.Value)).Select(t => t.FromOrganizationId!.Value)
            .Concat(issued.Where(t => t.ToOrganizationId != null && ids.Contains(t.ToOrganizationId.Value)).Select(t => t.ToOrganizationId!.Value));
    }
}

/// <summary>
/// The single computation of <c>members.transferredIn</c> and <c>members.transferredOut</c> (metrics.md, flows) for a
/// subtree and a period [periodStart, periodEnd]. A transfer counts on the day the relationship actually moved: an
/// internal one when accepted, one out of the system on the letter's issue date, one from outside on arrival.
/// Internal transfers with both ends inside the subtree are moves within it and count for neither.
/// </summary>
public static class TransferMetrics
{
    /// <summary>Transfers that arrived in the subtree in the period, moves within it included.</summary>
    private static IQueryable<Transfer> ArrivedIn(DangjianDbContext db, IQueryable<long> inside, DateOnly periodStart, DateOnly periodEnd) =>
        db.Set<Transfer>().AsNoTracking()
            .Where(t => t.ToOrganizationId != null && inside.Contains(t.ToOrganizationId.Value)
                        && ((t.Kind == TransferKind.Internal && t.Status == TransferStatus.Accepted) || (t.Kind == TransferKind.InFromOutside && t.Status == TransferStatus.Completed))
                        && t.DecidedOn >= periodStart && t.DecidedOn <= periodEnd);

    /// <summary>Transfers that left the subtree in the period, moves within it included.</summary>
    private static IQueryable<Transfer> LeftFrom(DangjianDbContext db, IQueryable<long> inside, DateOnly periodStart, DateOnly periodEnd) =>
        db.Set<Transfer>().AsNoTracking()
            .Where(t => t.FromOrganizationId != null && inside.Contains(t.FromOrganizationId.Value)
                        && ((t.Kind == TransferKind.Internal && t.Status == TransferStatus.Accepted && t.DecidedOn >= periodStart && t.DecidedOn <= periodEnd)
                            || (t.Kind == TransferKind.OutOfSystem && t.Status != TransferStatus.Cancelled && t.IssuedOn >= periodStart && t.IssuedOn <= periodEnd)));

    private static IQueryable<long> Inside(DangjianDbContext db, string subtreePath) => db.Organizations.AsNoTracking().InSubtree(subtreePath).Select(o => o.Id);

    public static IQueryable<Transfer> TransferredIn(DangjianDbContext db, string subtreePath, DateOnly periodStart, DateOnly periodEnd)
    {
        var inside = Inside(db, subtreePath);
        return ArrivedIn(db, inside, periodStart, periodEnd)
            .Where(t => !(t.Kind == TransferKind.Internal && t.FromOrganizationId != null && inside.Contains(t.FromOrganizationId.Value)));
    }

    public static IQueryable<Transfer> TransferredOut(DangjianDbContext db, string subtreePath, DateOnly periodStart, DateOnly periodEnd)
    {
        var inside = Inside(db, subtreePath);
        return LeftFrom(db, inside, periodStart, periodEnd)
            .Where(t => !(t.Kind == TransferKind.Internal && t.ToOrganizationId != null && inside.Contains(t.ToOrganizationId.Value)));
    }

    public static Task<int> TransferredInCountAsync(DangjianDbContext db, string subtreePath, DateOnly periodStart, DateOnly periodEnd, CancellationToken ct) =>
        TransferredIn(db, subtreePath, periodStart, periodEnd).CountAsync(ct);

    public static Task<int> TransferredOutCountAsync(DangjianDbContext db, string subtreePath, DateOnly periodStart, DateOnly periodEnd, CancellationToken ct) =>
        TransferredOut(db, subtreePath, periodStart, periodEnd).CountAsync(ct);

    /// <summary>Facts of transfers in: one per receiving organization, less the moves within any subtree holding both ends.</summary>
    internal static async Task<IReadOnlyList<MetricFact>> TransferredInFactsAsync(MetricScope scope, CancellationToken ct)
    {
        var rows = await ArrivedIn(scope.Db, Inside(scope.Db, scope.RootPath), scope.From, scope.To)
            .GroupBy(t => new { To = t.ToOrganizationId!.Value, t.FromOrganizationId, t.Kind })
            .Select(g => new { g.Key.To, g.Key.FromOrganizationId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        var tree = await MetricTree.LoadAsync(scope, ct);
        return tree.Flows(rows.Select(r => (r.To, r.Kind == TransferKind.Internal ? r.FromOrganizationId : null, (decimal)r.Count)));
    }

    /// <summary>Facts of transfers out: one per sending organization, less the moves within any subtree holding both ends.</summary>
    internal static async Task<IReadOnlyList<MetricFact>> TransferredOutFactsAsync(MetricScope scope, CancellationToken ct)
    {
        var rows = await LeftFrom(scope.Db, Inside(scope.Db, scope.RootPath), scope.From, scope.To)
            .GroupBy(t => new { From = t.FromOrganizationId!.Value, t.ToOrganizationId, t.Kind })
            .Select(g => new { g.Key.From, g.Key.ToOrganizationId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        var tree = await MetricTree.LoadAsync(scope, ct);
        return tree.Flows(rows.Select(r => (r.From, r.Kind == TransferKind.Internal ? r.ToOrganizationId : null, (decimal)r.Count)));
    }

    /// <summary>Transfers as records of the organization at the counted end, titled by the member's name.</summary>
    internal static IQueryable<MetricRecord> AsRecords(DangjianDbContext db, IQueryable<Transfer> transfers, bool incoming) =>
        from t in transfers
        join m in db.Set<Member>() on t.MemberId equals m.Id
        select new MetricRecord
        {
            RecordType = MetricRecordTypes.Transfer, RecordId = t.Id,
            OrganizationId = incoming ? t.ToOrganizationId!.Value : t.FromOrganizationId!.Value,
            Date = incoming || t.Kind == TransferKind.Internal ? t.DecidedOn : t.IssuedOn,
            Title = m.Name, Detail = t.ExternalOrganizationName,
        };
}

/// <summary><c>members.transferredIn</c> in the catalogue, computed by <see cref="TransferMetrics"/>.</summary>
public sealed class MembersTransferredInMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("members.transferredIn", "转入党员", "人", MetricKind.Flow, [],
        "统计期内组织关系转入本组织及下级组织的党员（系统内转接以接收日计，系统外转入以到达日计；下级组织之间的调动不计）。");

    public MetricSource Source => TransfersSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        TransferMetrics.TransferredInFactsAsync(scope, ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        TransferMetrics.AsRecords(scope.Db, TransferMetrics.TransferredIn(scope.Db, scope.RootPath, scope.From, scope.To), incoming: true);
}

/// <summary><c>members.transferredOut</c> in the catalogue, computed by <see cref="TransferMetrics"/>.</summary>
public sealed class MembersTransferredOutMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("members.transferredOut", "转出党员", "人", MetricKind.Flow, [],
        "统计期内组织关系从本组织及下级组织转出的党员（系统内转接以接收日计，转出系统以介绍信开具日计；下级组织之间的调动不计）。");

    public MetricSource Source => TransfersSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        TransferMetrics.TransferredOutFactsAsync(scope, ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        TransferMetrics.AsRecords(scope.Db, TransferMetrics.TransferredOut(scope.Db, scope.RootPath, scope.From, scope.To), incoming: false);
}
