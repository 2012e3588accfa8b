using System.Linq.Expressions;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Obligations;

/// <summary>
/// The figures behind <c>compliance.rate</c> and <c>compliance.overdue</c>, from one evaluation of the subtree. An
/// organization counts for an obligation when at least one of its occurrences that end inside the period is decided —
/// met, or ended unmet (overdue). Occurrences still running and unmet are left out: they are not due yet. It met the
/// obligation when every such occurrence was met. Each (organization, obligation) is decided from the organization's own
/// records and the rules on its path, whatever subtree is evaluated, so the decisions add up across organizations.
/// Compliance is judged mostly from meeting records, so its figures read "no data" where no meeting was ever recorded.
/// </summary>
internal static class ComplianceFigures
{
    public static readonly MetricDimension ObligationDimension = new("obligation", "组织生活规则");

    public sealed record Decision(long OrganizationId, string ObligationCode, bool Met);

    /// <summary>The decisions, evaluated once per batch for the rate, the overdue count and their breakdowns.</summary>
    public static Task<IReadOnlyList<Decision>> LoadAsync(MetricScope scope, CancellationToken ct) =>
        scope.SharedAsync("compliance.decisions", () => EvaluateAsync(scope, ct));

    private static async Task<IReadOnlyList<Decision>> EvaluateAsync(MetricScope scope, CancellationToken ct)
    {
        var organizations = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath);
        var result = await ComplianceEvaluator.EvaluateAsync(scope.Db, organizations, scope.From, scope.To, scope.Db.Clock.Today(), ct);
        var decisions = new List<Decision>();
        for (var i = 0; i < result.Obligations.Count; i++)
        {
            foreach (var row in result.Rows)
            {
                var decided = row.Cells[i].Occurrences
                    .Where(o => o.End >= scope.From && o.End <= scope.To && o.Status is ComplianceStatus.Met or ComplianceStatus.Overdue)
                    .ToList();
                if (decided.Count == 0) continue;
                decisions.Add(new Decision(row.Organization.Id, result.Obligations[i].Code, decided.All(o => o.Status == ComplianceStatus.Met)));
            }
        }

        return decisions;
    }

    /// <summary>Every obligation, in the order of the compliance matrix.</summary>
    public static async Task<IReadOnlyList<MetricDimensionValue>> ValuesAsync(MetricDefinition definition, DangjianDbContext db, string dimension, CancellationToken ct)
    {
        if (dimension != ObligationDimension.Key) throw MetricFacts.UnknownDimension(definition, dimension);
        return (await db.Set<Obligation>().AsNoTracking().OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => new { o.Code, o.Name }).ToListAsync(ct))
            .Select(o => new MetricDimensionValue(o.Code, o.Name)).ToList();
    }

    public static void Check(MetricDefinition definition, string? dimension)
    {
        if (dimension is not null && dimension != ObligationDimension.Key) throw MetricFacts.UnknownDimension(definition, dimension);
    }

    /// <summary>
    /// The organizations of the subtree that existed during the period and that the obligation (any obligation, without a value)
    /// applies to by kind. Whether each one met it is decided in memory by <see cref="ComplianceEvaluator"/>, which no SQL query
    /// can repeat, so this lists the candidates; the compliance matrix shows each one's status.
    /// </summary>
    public static IQueryable<MetricRecord> Records(MetricDefinition definition, MetricScope scope, string? dimension, string? dimensionValue)
    {
        Check(definition, dimension);
        var (from, to) = (scope.From, scope.To);
        var obligations = scope.Db.Set<Obligation>().AsNoTracking();
        if (dimensionValue is not null) obligations = obligations.Where(o => o.Code == dimensionValue);
        return scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath)
            .Where(o => (o.DissolvedOn == null || o.DissolvedOn > from) && (o.FoundedOn == null || o.FoundedOn <= to))
            .Where(AnyApplies(obligations))
            .Select(o => new MetricRecord { RecordType = MetricRecordTypes.Organization, RecordId = o.Id, OrganizationId = o.Id, Title = o.Name });
    }

    /// <summary>o ⇒ obligations.Any(ob ⇒ (ob.Target == t₀ &amp;&amp; o.Kind ∈ kinds(t₀)) || …), with kinds(t) from <see cref="ObligationCalendar.KindMatches"/>.</summary>
    private static Expression<Func<Organization, bool>> AnyApplies(IQueryable<Obligation> obligations)
    {
        var o = Expression.Parameter(typeof(Organization), "o");
        var ob = Expression.Parameter(typeof(Obligation), "ob");
        Expression applies = Expression.Constant(false);
        foreach (var target in Enum.GetValues<ObligationTarget>())
        {
            Expression kindMatches = Expression.Constant(false);
            foreach (var kind in Enum.GetValues<OrganizationKind>().Where(k => ObligationCalendar.KindMatches(target, k)))
                kindMatches = Expression.OrElse(kindMatches, Expression.Equal(Expression.Property(o, nameof(Organization.Kind)), Expression.Constant(kind)));
            applies = Expression.OrElse(applies, Expression.AndAlso(Expression.Equal(Expression.Property(ob, nameof(Obligation.Target)), Expression.Constant(target)), kindMatches));
        }

        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(Obligation)], obligations.Expression, Expression.Quote(Expression.Lambda<Func<Obligation, bool>>(applies, ob)));
        return Expression.Lambda<Func<Organization, bool>>(any, o);
    }
}

/// <summary><c>compliance.rate{obligation}</c>: share of the organizations an obligation applies to that met it in every occurrence ending in the period.</summary>
public sealed class ComplianceRateMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("compliance.rate", "组织生活规则完成率", "%", MetricKind.Flow, [ComplianceFigures.ObligationDimension],
        "本组织及下级组织中，适用某项组织生活规则的组织里，统计期内结束的每个周期（月、季度或年度）都已完成的组织所占比例，保留一位小数；" +
        "尚未结束且未完成的周期不计。合计为全部“组织×规则”组合的完成比例。", MetricAggregation.Percent);

    public MetricSource Source => MeetingsSource.Instance;

    /// <summary>One fact per decided (organization, obligation): 1 of 1 when met, 0 of 1 when not.</summary>
    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        ComplianceFigures.Check(Definition, dimension);
        return (await ComplianceFigures.LoadAsync(scope, ct))
            .Select(d => new MetricFact(d.OrganizationId, dimension is null ? null : d.ObligationCode, d.Met ? 1 : 0, 1)).ToList();
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        ComplianceFigures.ValuesAsync(Definition, db, dimension, ct);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        ComplianceFigures.Records(Definition, scope, dimension, dimensionValue);
}

/// <summary><c>compliance.overdue{obligation}</c>: organizations that missed an occurrence of the obligation ending in the period.</summary>
public sealed class ComplianceOverdueMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("compliance.overdue", "未完成组织生活规则的组织", "个", MetricKind.Flow, [ComplianceFigures.ObligationDimension],
        "本组织及下级组织中，统计期内结束的某个周期未按规定完成组织生活规则（逾期未完成）的组织数；合计中每个组织只计一次。");

    public MetricSource Source => MeetingsSource.Instance;

    /// <summary>Per obligation: 1 for each organization that missed it. In total: 1 for each organization that missed any.</summary>
    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        ComplianceFigures.Check(Definition, dimension);
        var missed = (await ComplianceFigures.LoadAsync(scope, ct)).Where(d => !d.Met).ToList();
        return dimension is null
            ? missed.Select(d => d.OrganizationId).Distinct().Select(id => new MetricFact(id, null, 1)).ToList()
            : missed.Select(d => new MetricFact(d.OrganizationId, d.ObligationCode, 1)).ToList();
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        ComplianceFigures.ValuesAsync(Definition, db, dimension, ct);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        ComplianceFigures.Records(Definition, scope, dimension, dimensionValue);
}
