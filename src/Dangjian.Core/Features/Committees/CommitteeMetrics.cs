using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Committees;

internal static class CommitteeMetricQueries
{
    public static IQueryable<long> Subtree(DangjianDbContext db, string root) => db.Organizations.InSubtree(root).Select(o => o.Id);

    public static IQueryable<Election> ValidElections(MetricScope scope)
    {
        var ids = Subtree(scope.Db, scope.RootPath);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<Election>().AsNoTracking().Where(e => e.IsValid && e.HeldOn >= from && e.HeldOn <= to && ids.Contains(e.OrganizationId));
    }
}

/// <summary><c>committee.elections</c>: valid 换届选举 held in the period in the subtree.</summary>
public sealed class CommitteeElectionsMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("committee.elections", "换届选举", "次", MetricKind.Flow, [],
        "统计期内本组织及下级组织举行并有效的换届选举次数（无效选举不计）。");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        [new MetricValue(null, "合计", await CommitteeMetricQueries.ValidElections(scope).CountAsync(ct))];
}

/// <summary><c>committee.electedMembers</c>: candidates elected in the period's valid elections.</summary>
public sealed class CommitteeElectedMembersMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("committee.electedMembers", "换届选举产生的委员", "名", MetricKind.Flow, [],
        "统计期内有效换届选举中当选的委员人数（得票超过应到会人数半数并在应选名额内）。");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var elections = CommitteeMetricQueries.ValidElections(scope).Select(e => e.Id);
        var count = await scope.Db.Set<ElectionCandidate>().AsNoTracking().CountAsync(c => c.Elected && elections.Contains(c.ElectionId), ct);
        return [new MetricValue(null, "合计", count)];
    }
}

/// <summary><c>committee.termsExpiring</c>: organizations whose sitting term, on the period end, ends within 60 days or is already overdue.</summary>
public sealed class CommitteeTermsExpiringMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("committee.termsExpiring", "即将届满或逾期未换届的组织", "个", MetricKind.PointInTime,
        [new("state", "状态")],
        $"统计日在任的一届，{CommitteeRules.ExpiryWarningDays} 天内届满（即将届满）或已过届满日期仍未换届（逾期）的组织数。");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var ids = CommitteeMetricQueries.Subtree(scope.Db, scope.RootPath);
        var d = scope.To;
        var horizon = d.AddDays(CommitteeRules.ExpiryWarningDays);
        var rows = await scope.Db.Set<Term>().AsNoTracking()
            .Where(t => ids.Contains(t.OrganizationId) && t.StartedOn <= d && (t.EndedOn == null || t.EndedOn > d) && t.PlannedEndOn <= horizon)
            .GroupBy(t => t.PlannedEndOn < d ? 1 : 0)
            .Select(g => new { g.Key, Count = g.Select(t => t.OrganizationId).Distinct().Count() })
            .ToListAsync(ct);
        var expiring = rows.Where(r => r.Key == 0).Sum(r => r.Count);
        var overdue = rows.Where(r => r.Key == 1).Sum(r => r.Count);
        return dimension == "state"
            ? [new MetricValue("expiring", "即将届满", expiring), new MetricValue("overdue", "逾期未换届", overdue)]
            : [new MetricValue(null, "合计", expiring + overdue)];
    }
}
