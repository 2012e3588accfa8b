using Dangjian.Core.Common;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Obligations;

/// <summary>
/// The figures behind <c>compliance.rate</c> and <c>compliance.overdue</c>, from one evaluation of the subtree. An
/// organization counts for an obligation when at least one of its occurrences that end inside the period is decided —
/// met, or ended unmet (overdue). Occurrences still running and unmet are left out: they are not due yet. It met the
/// obligation when every such occurrence was met.
/// </summary>
internal static class ComplianceFigures
{
    public sealed record PerObligation(Obligation Obligation, int Applicable, int Met, IReadOnlySet<long> Missed);

    public static readonly MetricDimension ObligationDimension = new("obligation", "组织生活规则");

    public static async Task<IReadOnlyList<PerObligation>> LoadAsync(MetricScope scope, CancellationToken ct)
    {
        var organizations = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath);
        var result = await ComplianceEvaluator.EvaluateAsync(scope.Db, organizations, scope.From, scope.To, scope.Db.Clock.Today(), ct);
        var figures = new List<PerObligation>(result.Obligations.Count);
        for (var i = 0; i < result.Obligations.Count; i++)
        {
            var (applicable, met, missed) = (0, 0, new HashSet<long>());
            foreach (var row in result.Rows)
            {
                var decided = row.Cells[i].Occurrences
                    .Where(o => o.End >= scope.From && o.End <= scope.To && o.Status is ComplianceStatus.Met or ComplianceStatus.Overdue)
                    .ToList();
                if (decided.Count == 0) continue;
                applicable++;
                if (decided.All(o => o.Status == ComplianceStatus.Met)) met++;
                else missed.Add(row.Organization.Id);
            }

            figures.Add(new PerObligation(result.Obligations[i], applicable, met, missed));
        }

        return figures;
    }

    /// <summary>Percentage with one decimal, half away from zero; 0 when nothing applies.</summary>
    public static decimal Rate(int part, int whole) => whole == 0 ? 0m : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary><c>compliance.rate{obligation}</c>: share of the organizations an obligation applies to that met it in every occurrence ending in the period.</summary>
public sealed class ComplianceRateMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("compliance.rate", "组织生活规则完成率", "%", MetricKind.Flow, [ComplianceFigures.ObligationDimension],
        "本组织及下级组织中，适用某项组织生活规则的组织里，统计期内结束的每个周期（月、季度或年度）都已完成的组织所占比例，保留一位小数；" +
        "尚未结束且未完成的周期不计。合计为全部“组织×规则”组合的完成比例。");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var figures = await ComplianceFigures.LoadAsync(scope, ct);
        return dimension == ComplianceFigures.ObligationDimension.Key
            ? figures.Select(f => new MetricValue(f.Obligation.Code, f.Obligation.Name, ComplianceFigures.Rate(f.Met, f.Applicable))).ToList()
            : [new MetricValue(null, "合计", ComplianceFigures.Rate(figures.Sum(f => f.Met), figures.Sum(f => f.Applicable)))];
    }
}

/// <summary><c>compliance.overdue{obligation}</c>: organizations that missed an occurrence of the obligation ending in the period.</summary>
public sealed class ComplianceOverdueMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("compliance.overdue", "未完成组织生活规则的组织", "个", MetricKind.Flow, [ComplianceFigures.ObligationDimension],
        "本组织及下级组织中，统计期内结束的某个周期未按规定完成组织生活规则（逾期未完成）的组织数；合计中每个组织只计一次。");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var figures = await ComplianceFigures.LoadAsync(scope, ct);
        return dimension == ComplianceFigures.ObligationDimension.Key
            ? figures.Select(f => new MetricValue(f.Obligation.Code, f.Obligation.Name, f.Missed.Count)).ToList()
            : [new MetricValue(null, "合计", figures.SelectMany(f => f.Missed).Distinct().Count())];
    }
}
