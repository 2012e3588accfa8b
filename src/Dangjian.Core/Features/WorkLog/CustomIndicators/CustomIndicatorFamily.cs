using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Attachments;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.CustomIndicators;

/// <summary>
/// <c>custom.{key}</c>: every indicator an administrator defines is a metric, resolved from the database. An archived
/// indicator still resolves (old statistics, summaries and templates keep their figures) but is no longer offered in
/// <see cref="DefinitionsAsync"/>.
/// </summary>
public sealed class CustomIndicatorFamily : IMetricFamily
{
    public string Prefix => CustomIndicator.MetricPrefix;

    public async Task<IMetric?> FindAsync(DangjianDbContext db, string key, CancellationToken ct)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var own = key[Prefix.Length..];
        if (!CustomIndicatorRules.IsValidKey(own)) return null;
        var indicator = await db.Set<CustomIndicator>().AsNoTracking().SingleOrDefaultAsync(i => i.Key == own, ct);
        return indicator is null ? null : new CustomIndicatorMetric(indicator);
    }

    public async Task<IReadOnlyList<MetricDefinition>> DefinitionsAsync(DangjianDbContext db, CancellationToken ct)
    {
        var indicators = await db.Set<CustomIndicator>().AsNoTracking().Where(i => !i.IsArchived).ToListAsync(ct);
        return indicators.Select(CustomIndicatorMetric.Define).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The live indicators the caller sees: those of their subtree and of the organizations above it (see <see cref="CustomIndicatorAccess"/>).</summary>
    public async Task<IReadOnlyList<MetricDefinition>> DefinitionsAsync(DangjianDbContext db, AccessScope scope, CancellationToken ct)
    {
        var rows = await (from i in db.Set<CustomIndicator>().AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on i.OrganizationId equals o.Id
                          where !i.IsArchived
                          select new { Indicator = i, o.Path }).ToListAsync(ct);
        return rows.Where(r => CustomIndicatorAccess.Sees(scope, r.Path)).Select(r => CustomIndicatorMetric.Define(r.Indicator)).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
    }
}

/// <summary>One indicator as a metric: facts per organization are Σ values (合计), the number of values (计数) or the largest (最大值).</summary>
public sealed class CustomIndicatorMetric(CustomIndicator indicator) : IMetric
{
    public MetricDefinition Definition { get; } = Define(indicator);

    public MetricSource Source { get; } = new CustomIndicatorSource(indicator);

    public static MetricDefinition Define(CustomIndicator i) => new(
        i.MetricKey, i.Name, i.Unit, MetricKind.Flow, [],
        $"自定义指标（{i.Aggregation.Label()}）：统计期内本组织及下级组织登记的“{i.Name}”数值"
        + i.Aggregation switch
        {
            CustomAggregation.Sum => "之和",
            CustomAggregation.Count => "条数",
            _ => "中的最大值",
        }
        + "（按数值日期计）。" + (string.IsNullOrEmpty(i.Description) ? "" : i.Description),
        i.Aggregation == CustomAggregation.Max ? MetricAggregation.Max : MetricAggregation.Sum);

    internal static IQueryable<CustomIndicatorValue> Values(MetricScope scope, long indicatorId)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<CustomIndicatorValue>().AsNoTracking()
            .Where(v => v.IndicatorId == indicatorId && v.RecordedOn >= from && v.RecordedOn <= to && ids.Contains(v.OrganizationId));
    }

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        if (dimension is not null) throw MetricFacts.UnknownDimension(Definition, dimension);
        var values = Values(scope, indicator.Id);
        switch (indicator.Aggregation)
        {
            case CustomAggregation.Count:
                return await MetricFacts.CountAsync(values.Select(v => v.OrganizationId), ct);
            case CustomAggregation.Max:
                var max = await values.GroupBy(v => v.OrganizationId).Select(g => new { g.Key, Value = g.Max(v => v.Value) }).ToListAsync(ct);
                return max.Select(r => new MetricFact(r.Key, null, r.Value)).ToList();
            default:
                var sum = await values.GroupBy(v => v.OrganizationId).Select(g => new { g.Key, Value = g.Sum(v => v.Value) }).ToListAsync(ct);
                return sum.Select(r => new MetricFact(r.Key, null, r.Value)).ToList();
        }
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        var name = indicator.Name;
        return Values(scope, indicator.Id).Select(v => new MetricRecord
        {
            RecordType = MetricRecordTypes.CustomValue, RecordId = v.Id, OrganizationId = v.OrganizationId, Date = v.RecordedOn, Title = name, Detail = v.Note,
        });
    }
}

/// <summary>"No data" for an indicator: the organizations of the subtree that have recorded any value of it by the date.</summary>
public sealed class CustomIndicatorSource(CustomIndicator indicator) : MetricSource
{
    public override string Key => indicator.MetricKey;

    public override string Label => $"自定义指标“{indicator.Name}”的数值";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        var id = indicator.Id;
        return db.Set<CustomIndicatorValue>().Where(v => v.IndicatorId == id && v.RecordedOn <= asOf && ids.Contains(v.OrganizationId)).Select(v => v.OrganizationId);
    }
}

/// <summary>Indicator values carry evidence (photos, files): they belong to the value's organization.</summary>
public sealed class CustomValueAttachmentOwner : IAttachmentOwner
{
    public const string Kind = "customValue";

    public string OwnerKind => Kind;

    public async Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct) =>
        await db.Set<CustomIndicatorValue>().Where(v => v.Id == ownerId).Select(v => (long?)v.OrganizationId).SingleOrDefaultAsync(ct);
}
