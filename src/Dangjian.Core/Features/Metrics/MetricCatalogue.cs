using Dangjian.Core.Data;

namespace Dangjian.Core.Features.Metrics;

/// <summary>Whether a figure is a state at the period end or a count of events inside the period (metrics.md, rule 3).</summary>
public enum MetricKind
{
    PointInTime,
    Flow,
}

public sealed record MetricDimension(string Key, string Label);

/// <summary>One catalogue entry: a stable key, what the user reads, and exactly what is counted.</summary>
public sealed record MetricDefinition(string Key, string Label, string Unit, MetricKind Kind, IReadOnlyList<MetricDimension> Dimensions, string Description);

/// <summary>Where and when a metric is evaluated: a subtree (by path, already inside the caller's scope) and a period [From, To].</summary>
public sealed record MetricScope(DangjianDbContext Db, string RootPath, DateOnly From, DateOnly To);

/// <summary>
/// One value of a metric; <see cref="Key"/> is the dimension value's code (null for the total). Counts and 元 and rates share
/// one decimal type so a rate (e.g. meetings.attendanceRate, a percentage with one decimal) needs no second shape.
/// </summary>
public sealed record MetricValue(string? Key, string Label, decimal Value);

/// <summary>
/// A metric a module registers by implementing this interface in Core; <see cref="MetricCatalogue"/> finds every implementation.
/// Evaluation is set-based (one GROUP BY over the subtree), never one query per organization.
/// </summary>
public interface IMetric
{
    MetricDefinition Definition { get; }

    /// <param name="dimension">A key of <see cref="MetricDefinition.Dimensions"/>, or null for the total.</param>
    Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct);
}

/// <summary>The one metric catalogue (architecture decision 8): pages, API, exports and reports read figures through it.</summary>
public sealed class MetricCatalogue
{
    public static readonly MetricCatalogue Default = new(
        typeof(MetricCatalogue).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMetric).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IMetric)Activator.CreateInstance(t)!));

    private readonly Dictionary<string, IMetric> _metrics;

    public MetricCatalogue(IEnumerable<IMetric> metrics)
    {
        _metrics = metrics.ToDictionary(m => m.Definition.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<MetricDefinition> Definitions => _metrics.Values.Select(m => m.Definition).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();

    public IMetric? Find(string key) => _metrics.GetValueOrDefault(key);

    public IMetric Get(string key) => Find(key) ?? throw new KeyNotFoundException($"指标“{key}”未登记");
}
