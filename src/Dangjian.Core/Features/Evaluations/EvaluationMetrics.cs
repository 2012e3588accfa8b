using Dangjian.Core.Data;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Evaluations;

/// <summary>
/// The sessions the 民主评议 metrics count: held (HeldOn) inside the period by an organization of the subtree. A session counts
/// for the period it was held in, not for the year it reviews, so a January session for last year reports in January.
/// </summary>
internal static class EvaluationMetricQueries
{
    public static IQueryable<EvaluationSession> Sessions(MetricScope scope)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<EvaluationSession>().AsNoTracking().Where(s => s.HeldOn >= from && s.HeldOn <= to && ids.Contains(s.OrganizationId));
    }

    public static IQueryable<EvaluationEntry> Entries(MetricScope scope)
    {
        var sessions = Sessions(scope).Select(s => s.Id);
        return scope.Db.Set<EvaluationEntry>().AsNoTracking().Where(e => sessions.Contains(e.SessionId));
    }
}

/// <summary><c>evaluation.sessions</c>: 民主评议党员 sessions held in the period.</summary>
public sealed class EvaluationSessionsMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("evaluation.sessions", "民主评议党员", "次", MetricKind.Flow, [],
        "统计期内本组织及下级组织召开的民主评议党员次数（按评议日期计，每个党支部每年一次）。");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        [new MetricValue(null, "合计", await EvaluationMetricQueries.Sessions(scope).CountAsync(ct))];
}

/// <summary><c>evaluation.participants</c>: members who took part in the period's sessions.</summary>
public sealed class EvaluationParticipantsMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("evaluation.participants", "参加民主评议的党员", "人", MetricKind.Flow, [],
        "统计期内召开的民主评议中参加评议的党员人数（含参加评议但不评定等次的预备党员）。");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        [new MetricValue(null, "合计", await EvaluationMetricQueries.Entries(scope).CountAsync(e => e.Participated, ct))];
}

/// <summary><c>evaluation.graded{grade}</c>: members given each grade in the period's sessions.</summary>
public sealed class EvaluationGradedMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("evaluation.graded", "评定等次的党员", "人", MetricKind.Flow, [new("grade", "等次")],
        "统计期内召开的民主评议中评定了等次的党员人数，按优秀、合格、基本合格、不合格分列（未评定等次的不计）。");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var rows = await EvaluationMetricQueries.Entries(scope).Where(e => e.Grade != null)
            .GroupBy(e => e.Grade).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return dimension switch
        {
            null or "" => [new MetricValue(null, "合计", rows.Sum(r => r.Count))],
            "grade" => Enum.GetValues<EvaluationGrade>().Select(grade => new MetricValue(grade.ToString(), grade.Label(), rows.Where(r => r.Key == grade).Sum(r => r.Count))).ToList(),
            _ => throw new ArgumentException($"指标 evaluation.graded 没有维度“{dimension}”", nameof(dimension)),
        };
    }
}
