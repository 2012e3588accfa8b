using Dangjian.Core.Data;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Transfers;

/// <summary>
/// The single computation of <c>members.transferredIn</c> and <c>members.transferredOut</c> (metrics.md, flows) for a
/// subtree and a period [periodStart, periodEnd]. A transfer counts on the day the relationship actually moved: an
/// internal one when accepted, one out of the system on the letter's issue date, one from outside on arrival.
/// Internal transfers with both ends inside the subtree are moves within it and count for neither.
/// </summary>
public static class TransferMetrics
{
    public static Task<int> TransferredInCountAsync(DangjianDbContext db, string subtreePath, DateOnly periodStart, DateOnly periodEnd, CancellationToken ct)
    {
        var inside = db.Organizations.AsNoTracking().InSubtree(subtreePath).Select(o => o.Id);
        return db.Set<Transfer>().AsNoTracking()
            .Where(t => t.ToOrganizationId != null && inside.Contains(t.ToOrganizationId.Value)
                        && ((t.Kind == TransferKind.Internal && t.Status == TransferStatus.Accepted && !(t.FromOrganizationId != null && inside.Contains(t.FromOrganizationId.Value)))
                            || (t.Kind == TransferKind.InFromOutside && t.Status == TransferStatus.Completed))
                        && t.DecidedOn >= periodStart && t.DecidedOn <= periodEnd)
            .CountAsync(ct);
    }

    public static Task<int> TransferredOutCountAsync(DangjianDbContext db, string subtreePath, DateOnly periodStart, DateOnly periodEnd, CancellationToken ct)
    {
        var inside = db.Organizations.AsNoTracking().InSubtree(subtreePath).Select(o => o.Id);
        return db.Set<Transfer>().AsNoTracking()
            .Where(t => t.FromOrganizationId != null && inside.Contains(t.FromOrganizationId.Value)
                        && ((t.Kind == TransferKind.Internal && t.Status == TransferStatus.Accepted && !(t.ToOrganizationId != null && inside.Contains(t.ToOrganizationId.Value))
                             && t.DecidedOn >= periodStart && t.DecidedOn <= periodEnd)
                            || (t.Kind == TransferKind.OutOfSystem && t.Status != TransferStatus.Cancelled && t.IssuedOn >= periodStart && t.IssuedOn <= periodEnd)))
            .CountAsync(ct);
    }
}

/// <summary><c>members.transferredIn</c> in the catalogue, computed by <see cref="TransferMetrics"/>.</summary>
public sealed class MembersTransferredInMetric : Metrics.IMetric
{
    public Metrics.MetricDefinition Definition { get; } = new("members.transferredIn", "转入党员", "人", Metrics.MetricKind.Flow, [],
        "统计期内组织关系转入本组织及下级组织的党员（系统内转接以接收日计，系统外转入以到达日计；下级组织之间的调动不计）。");

    public async Task<IReadOnlyList<Metrics.MetricValue>> EvaluateAsync(Metrics.MetricScope scope, string? dimension, CancellationToken ct) =>
        [new Metrics.MetricValue(null, "合计", await TransferMetrics.TransferredInCountAsync(scope.Db, scope.RootPath, scope.From, scope.To, ct))];
}

/// <summary><c>members.transferredOut</c> in the catalogue, computed by <see cref="TransferMetrics"/>.</summary>
public sealed class MembersTransferredOutMetric : Metrics.IMetric
{
    public Metrics.MetricDefinition Definition { get; } = new("members.transferredOut", "转出党员", "人", Metrics.MetricKind.Flow, [],
        "统计期内组织关系从本组织及下级组织转出的党员（系统内转接以接收日计，转出系统以介绍信开具日计；下级组织之间的调动不计）。");

    public async Task<IReadOnlyList<Metrics.MetricValue>> EvaluateAsync(Metrics.MetricScope scope, string? dimension, CancellationToken ct) =>
        [new Metrics.MetricValue(null, "合计", await TransferMetrics.TransferredOutCountAsync(scope.Db, scope.RootPath, scope.From, scope.To, ct))];
}
