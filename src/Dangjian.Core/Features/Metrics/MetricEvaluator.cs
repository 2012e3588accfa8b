using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Metrics;

/// <summary>An organization a figure is wanted for: its whole subtree, or the organization alone.</summary>
public sealed record MetricTarget(long OrganizationId, string Path, bool IncludeSubtree = true);

/// <summary>
/// A figure for one target. <see cref="Value"/> is null when the metric's module holds no record for the target ("no data",
/// metrics.md rule 5) — different from 0. <see cref="Breakdown"/> is set for a <c>key{dimension}</c> reference.
/// </summary>
public sealed record MetricReading(MetricRef Ref, MetricDefinition Definition, MetricSource Source, MetricTarget Target, decimal? Value, IReadOnlyList<MetricValue>? Breakdown)
{
    public bool HasData => Value is not null;

    /// <summary>What the figure is called in a sentence or header, with the dimension value when there is one.</summary>
    public string Label => Ref.DimensionValue is null ? Definition.Label : $"{Definition.Label}（{Ref.DimensionValue}）";
}

/// <summary>The readings of one batch, by reference and organization.</summary>
public sealed class MetricReadings(IReadOnlyList<MetricReading> readings)
{
    private readonly Dictionary<(string, long, bool), MetricReading> _byKey =
        readings.GroupBy(r => (r.Ref.ToString(), r.Target.OrganizationId, r.Target.IncludeSubtree)).ToDictionary(g => g.Key, g => g.First());

    public IReadOnlyList<MetricReading> All { get; } = readings;

    public MetricReading Get(MetricRef metricRef, long organizationId, bool includeSubtree = true) =>
        _byKey[(metricRef.ToString(), organizationId, includeSubtree)];
}

/// <summary>A reference checked against the catalogue: the metric, and a dimension value resolved to its code.</summary>
public sealed record ResolvedMetricRef(MetricRef Ref, IMetric Metric, string? DimensionCode);

/// <summary>
/// Evaluates a batch of metric references for many organizations and one period with one facts query per (metric, dimension)
/// and one "in use" query per module, whatever the number of organizations: facts are read per organization over the
/// targets' common subtree and rolled up here. This is the only place figures are combined (architecture decision 8).
/// </summary>
public static class MetricEvaluator
{
    public static async Task<Result<IReadOnlyList<ResolvedMetricRef>>> ResolveAsync(
        DangjianDbContext db, MetricCatalogue catalogue, IEnumerable<MetricRef> refs, CancellationToken ct)
    {
        var resolved = new List<ResolvedMetricRef>();
        var errors = new List<Error>();
        foreach (var metricRef in refs.DistinctBy(r => r.ToString()))
        {
            var metric = await catalogue.FindAsync(db, metricRef.Key, ct);
            if (metric is null)
            {
                errors.Add(MetricErrors.UnknownKey(metricRef.Key));
                continue;
            }

            if (metricRef.Dimension is null)
            {
                resolved.Add(new ResolvedMetricRef(metricRef, metric, null));
                continue;
            }

            if (metric.Definition.Dimension(metricRef.Dimension) is null)
            {
                errors.Add(MetricErrors.UnknownDimension(metric.Definition, metricRef.Dimension));
                continue;
            }

            string? code = null;
            if (metricRef.DimensionValue is { } wanted)
            {
                var values = await metric.DimensionValuesAsync(db, metricRef.Dimension, ct);
                code = values.FirstOrDefault(v => v.Code == wanted)?.Code ?? values.FirstOrDefault(v => v.Label == wanted)?.Code;
                if (code is null)
                {
                    errors.Add(MetricErrors.UnknownDimensionValue(metric.Definition, metricRef.Dimension, wanted, values));
                    continue;
                }
            }

            resolved.Add(new ResolvedMetricRef(metricRef, metric, code));
        }

        return errors.Count > 0 ? Result<IReadOnlyList<ResolvedMetricRef>>.Failure(errors) : resolved;
    }

    public static async Task<Result<MetricReadings>> EvaluateAsync(
        DangjianDbContext db, MetricCatalogue catalogue, IReadOnlyList<MetricRef> refs, IReadOnlyList<MetricTarget> targets,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (from > to) return MetricErrors.Period(from, to);
        var resolved = await ResolveAsync(db, catalogue, refs, ct);
        if (!resolved.IsSuccess) return Result<MetricReadings>.Failure(resolved.Errors);
        return await EvaluateAsync(db, resolved.Value, targets, from, to, ct);
    }

    public static async Task<MetricReadings> EvaluateAsync(
        DangjianDbContext db, IReadOnlyList<ResolvedMetricRef> refs, IReadOnlyList<MetricTarget> targets, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var readings = new List<MetricReading>();
        // Targets in different trees share no subtree; each tree is read once.
        foreach (var group in targets.GroupBy(t => OrgPath.Ids(t.Path)[0]))
        {
            var groupTargets = group.ToList();
            var root = CommonAncestor(groupTargets.Select(t => t.Path));
            var scope = new MetricScope(db, root, from, to).SharingReads();
            var rollup = await Rollup.CreateAsync(db, root, groupTargets, ct);

            var inUse = new Dictionary<string, IReadOnlySet<long>>();
            foreach (var source in refs.Select(r => r.Metric.Source).DistinctBy(s => s.Key))
                inUse[source.Key] = (await source.OrganizationsInUse(db, root, to).Distinct().ToListAsync(ct)).ToHashSet();

            var facts = new Dictionary<(string, string?), IReadOnlyList<MetricFact>>();
            foreach (var r in refs)
            {
                var definition = r.Metric.Definition;
                var factKey = (definition.Key, r.Ref.Dimension);
                if (!facts.TryGetValue(factKey, out var metricFacts))
                    facts[factKey] = metricFacts = await r.Metric.FactsAsync(scope, r.Ref.Dimension, ct);

                var dimensionValues = r.Ref.IsBreakdown ? await r.Metric.DimensionValuesAsync(db, r.Ref.Dimension!, ct) : [];
                var perTarget = rollup.Assign(metricFacts);
                var usedBy = rollup.TargetsWithAny(inUse[r.Metric.Source.Key]);
                foreach (var target in groupTargets)
                {
                    if (!usedBy.Contains(target))
                    {
                        readings.Add(new MetricReading(r.Ref, definition, r.Metric.Source, target, null, null));
                        continue;
                    }

                    var mine = perTarget.GetValueOrDefault(target) ?? [];
                    if (r.Ref.IsBreakdown)
                    {
                        var breakdown = Breakdown(definition, mine, dimensionValues);
                        readings.Add(new MetricReading(r.Ref, definition, r.Metric.Source, target, Combine(definition, mine), breakdown));
                    }
                    else
                    {
                        var selected = r.DimensionCode is null ? mine : mine.Where(f => f.DimensionValue == r.DimensionCode).ToList();
                        readings.Add(new MetricReading(r.Ref, definition, r.Metric.Source, target, Combine(definition, selected), null));
                    }
                }
            }
        }

        return new MetricReadings(readings);
    }

    /// <summary>
    /// The figure of the scope's whole subtree, always a number (0 without records): for callers that show one module's own
    /// statistics and do not need "no data". Reports and dashboards use <see cref="EvaluateAsync(DangjianDbContext, MetricCatalogue, IReadOnlyList{MetricRef}, IReadOnlyList{MetricTarget}, DateOnly, DateOnly, CancellationToken)"/>.
    /// </summary>
    public static async Task<IReadOnlyList<MetricValue>> EvaluateAsync(this IMetric metric, MetricScope scope, string? dimension, CancellationToken ct)
    {
        var facts = await metric.FactsAsync(scope, dimension, ct);
        if (dimension is null) return [new MetricValue(null, "合计", Combine(metric.Definition, facts))];
        return Breakdown(metric.Definition, facts, await metric.DimensionValuesAsync(scope.Db, dimension, ct));
    }

    /// <summary>The records behind a figure of one target, narrowed to the organization itself when the target excludes its subtree.</summary>
    public static IQueryable<MetricRecord> Records(IMetric metric, MetricScope scope, MetricTarget target, string? dimension, string? dimensionCode)
    {
        var records = metric.Records(scope with { RootPath = target.Path }, dimension, dimensionCode);
        var id = target.OrganizationId;
        return target.IncludeSubtree ? records : records.Where(r => r.OrganizationId == id);
    }

    public static decimal Combine(MetricDefinition definition, IEnumerable<MetricFact> facts)
    {
        decimal value = 0, @base = 0, max = 0;
        var first = true;
        foreach (var f in facts)
        {
            value += f.Value;
            @base += f.Base;
            max = first ? f.Value : Math.Max(max, f.Value);
            first = false;
        }

        if (definition.Aggregation == MetricAggregation.Max) return max;

        return definition.Aggregation == MetricAggregation.Percent ? Percent(value, @base) : value;
    }

    /// <summary>Percentage with one decimal, half away from zero; 0 when the base is 0 (ui.md: rates as 87.5%).</summary>
    public static decimal Percent(decimal part, decimal whole) =>
        whole == 0 ? 0m : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    private static List<MetricValue> Breakdown(MetricDefinition definition, IReadOnlyList<MetricFact> facts, IReadOnlyList<MetricDimensionValue> values)
    {
        var byCode = facts.GroupBy(f => f.DimensionValue ?? "").ToDictionary(g => g.Key, g => g.ToList());
        var result = values
            .Where(v => !v.Retired || byCode.ContainsKey(v.Code))
            .Select(v => new MetricValue(v.Code, v.Label, Combine(definition, byCode.GetValueOrDefault(v.Code) ?? []))).ToList();
        var known = values.Select(v => v.Code).ToHashSet();
        // Facts whose value is not (or no longer) offered still count: unfilled fields, archived kinds.
        foreach (var (code, rest) in byCode.Where(kv => !known.Contains(kv.Key)))
        {
            var value = Combine(definition, rest);
            if (rest.Any(f => f.Value != 0 || f.Base != 0)) result.Add(new MetricValue(code == "" ? null : code, code == "" ? "未填写" : code, value));
        }

        return result;
    }

    /// <summary>The deepest path every given path lies under.</summary>
    public static string CommonAncestor(IEnumerable<string> paths)
    {
        List<long>? common = null;
        foreach (var path in paths)
        {
            var ids = OrgPath.Ids(path);
            if (common is null)
            {
                common = ids.ToList();
                continue;
            }

            var n = 0;
            while (n < common.Count && n < ids.Count && common[n] == ids[n]) n++;
            common.RemoveRange(n, common.Count - n);
        }

        if (common is null || common.Count == 0) throw new ArgumentException("目标组织不在同一棵组织树中", nameof(paths));
        return OrgPath.Separator + string.Join(OrgPath.Separator, common) + OrgPath.Separator;
    }

    /// <summary>Maps organizations of the common subtree to the targets that contain them.</summary>
    private sealed class Rollup
    {
        private readonly Dictionary<long, List<MetricTarget>> _targetsOf = new();

        public static async Task<Rollup> CreateAsync(DangjianDbContext db, string root, IReadOnlyList<MetricTarget> targets, CancellationToken ct)
        {
            var rollup = new Rollup();
            var subtreeTargets = targets.Where(t => t.IncludeSubtree).GroupBy(t => t.OrganizationId).ToDictionary(g => g.Key, g => g.ToList());
            var selfTargets = targets.Where(t => !t.IncludeSubtree).GroupBy(t => t.OrganizationId).ToDictionary(g => g.Key, g => g.ToList());
            var end = OrgPath.RangeEnd(root);
            var organizations = await db.Organizations.AsNoTracking()
                .Where(o => string.Compare(o.Path, root) >= 0 && string.Compare(o.Path, end) < 0)
                .Select(o => new { o.Id, o.Path }).ToListAsync(ct);
            foreach (var o in organizations)
            {
                var list = new List<MetricTarget>();
                foreach (var ancestor in OrgPath.Ids(o.Path))
                    if (subtreeTargets.TryGetValue(ancestor, out var t)) list.AddRange(t);
                if (selfTargets.TryGetValue(o.Id, out var s)) list.AddRange(s);
                if (list.Count > 0) rollup._targetsOf[o.Id] = list;
            }

            return rollup;
        }

        public Dictionary<MetricTarget, List<MetricFact>> Assign(IReadOnlyList<MetricFact> facts)
        {
            var result = new Dictionary<MetricTarget, List<MetricFact>>();
            foreach (var fact in facts)
            {
                if (!_targetsOf.TryGetValue(fact.OrganizationId, out var targets)) continue;
                foreach (var target in targets)
                {
                    if (fact.SubtreeCorrection && !target.IncludeSubtree) continue;
                    if (!result.TryGetValue(target, out var list)) result[target] = list = [];
                    list.Add(fact);
                }
            }

            return result;
        }

        public HashSet<MetricTarget> TargetsWithAny(IReadOnlySet<long> organizationIds)
        {
            var result = new HashSet<MetricTarget>();
            foreach (var id in organizationIds)
                if (_targetsOf.TryGetValue(id, out var targets))
                    result.UnionWith(targets);
            return result;
        }
    }
}

public static class MetricErrors
{
    public static Error UnknownKey(string key) => Error.Validation("metric.unknown", $"指标“{key}”未登记");

    public static Error UnknownDimension(MetricDefinition definition, string dimension) =>
        Error.Validation("metric.dimension", definition.Dimensions.Count == 0
            ? $"指标“{definition.Key}”（{definition.Label}）没有分类维度，不能写“{dimension}”"
            : $"指标“{definition.Key}”（{definition.Label}）没有维度“{dimension}”，可用：{string.Join("、", definition.Dimensions.Select(d => $"{d.Key}（{d.Label}）"))}");

    public static Error UnknownDimensionValue(MetricDefinition definition, string dimension, string value, IReadOnlyList<MetricDimensionValue> values) =>
        Error.Validation("metric.dimensionValue",
            $"指标“{definition.Key}”的维度“{dimension}”没有取值“{value}”，可用：{string.Join("、", values.Take(30).Select(v => v.Label))}");

    public static Error Period(DateOnly from, DateOnly to) =>
        Error.Validation("metric.period", $"统计期开始日期（{from:yyyy-MM-dd}）不能晚于结束日期（{to:yyyy-MM-dd}）");
}
