using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Metrics;

/// <summary>A record's organization and dimension value, projected so that one GROUP BY counts every (organization, value).</summary>
public sealed class MetricKey<TValue>
{
    public long OrganizationId { get; init; }
    public TValue Value { get; init; } = default!;
}

/// <summary>The GROUP BY queries and dimension lists most metrics share.</summary>
public static class MetricFacts
{
    /// <summary>One fact per organization: how many of <paramref name="organizationIds"/> (one row per counted record) name it.</summary>
    public static async Task<IReadOnlyList<MetricFact>> CountAsync(IQueryable<long> organizationIds, CancellationToken ct)
    {
        var rows = await organizationIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(r => new MetricFact(r.Key, null, r.Count)).ToList();
    }

    /// <summary>One fact per (organization, value); <paramref name="code"/> turns a value into its dimension code (null: not filled in).</summary>
    public static async Task<IReadOnlyList<MetricFact>> CountAsync<TValue>(IQueryable<MetricKey<TValue>> rows, Func<TValue, string?> code, CancellationToken ct)
    {
        var groups = await rows.GroupBy(r => new { r.OrganizationId, r.Value })
            .Select(g => new { g.Key.OrganizationId, g.Key.Value, Count = g.Count() })
            .ToListAsync(ct);
        return groups.Select(g => new MetricFact(g.OrganizationId, code(g.Value), g.Count)).ToList();
    }

    /// <summary>Every value of an enum, in declaration order, coded by name.</summary>
    public static IReadOnlyList<MetricDimensionValue> EnumValues<T>(Func<T, string> label)
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new MetricDimensionValue(v.ToString(), label(v))).ToList();

    /// <summary>The enum value a dimension code names (its name, as <see cref="EnumValues{T}"/> codes it).</summary>
    public static T ParseEnum<T>(MetricDefinition definition, string dimension, string code)
        where T : struct, Enum =>
        Enum.TryParse<T>(code, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new ArgumentException($"指标“{definition.Key}”的维度“{dimension}”没有取值“{code}”", nameof(code));

    /// <summary>For a metric without dimensions: every dimension is unknown.</summary>
    public static Task<IReadOnlyList<MetricDimensionValue>> NoDimensions(MetricDefinition definition, string dimension) =>
        Task.FromException<IReadOnlyList<MetricDimensionValue>>(UnknownDimension(definition, dimension));

    /// <summary>A dimension the definition does not declare; references are checked by <see cref="MetricEvaluator.ResolveAsync"/>, so this is a caller's bug.</summary>
    public static ArgumentException UnknownDimension(MetricDefinition definition, string? dimension) =>
        new(MetricErrors.UnknownDimension(definition, dimension ?? "").Message, nameof(dimension));
}
