using Dangjian.Core.Data;

namespace Dangjian.Core.Features.Metrics;

/// <summary>Whether a figure is a state at the period end or a count of events inside the period (metrics.md, rule 3).</summary>
public enum MetricKind
{
    PointInTime,
    Flow,
}

/// <summary>How an organization's facts combine into the figure of a subtree.</summary>
public enum MetricAggregation
{
    /// <summary>The figure is the sum of the facts' values (counts, 元, 人次).</summary>
    Sum,

    /// <summary>The figure is Σ value ÷ Σ base × 100, one decimal, half away from zero; 0 when the base is 0.</summary>
    Percent,

    /// <summary>The figure is the largest fact value (e.g. a custom indicator aggregated by maximum); 0 without facts.</summary>
    Max,
}

public sealed record MetricDimension(string Key, string Label);

/// <summary>One catalogue entry: a stable key, what the user reads, and exactly what is counted.</summary>
public sealed record MetricDefinition(
    string Key, string Label, string Unit, MetricKind Kind, IReadOnlyList<MetricDimension> Dimensions, string Description,
    MetricAggregation Aggregation = MetricAggregation.Sum)
{
    public MetricDimension? Dimension(string? key) => key is null ? null : Dimensions.FirstOrDefault(d => d.Key == key);
}

/// <summary>Where and when a metric's facts are read: a subtree (by path, already inside the caller's scope) and a period [From, To].</summary>
public sealed record MetricScope(DangjianDbContext Db, string RootPath, DateOnly From, DateOnly To)
{
    // Only a batch's scope shares reads (SharingReads); copies made with `with` share the store, and the key carries the
    // subtree and period, so a copy never reads another's result.
    private Dictionary<(string, string, DateOnly, DateOnly), object>? Shared { get; init; }

    /// <summary>
    /// This scope with reads shared for its lifetime: <see cref="MetricEvaluator"/> makes one per batch, so the data cannot
    /// change under it. A scope made directly reads afresh every time.
    /// </summary>
    public MetricScope SharingReads() => this with { Shared = new() };

    /// <summary>
    /// Reads a result once per evaluation batch: metrics that are different views of the same rows (dues due, paid and
    /// collection rate; compliance rate and overdue; attendance count and rate) name one shared read instead of each
    /// running it. <paramref name="name"/> must identify the read and everything it depends on besides the scope.
    /// </summary>
    public Task<T> SharedAsync<T>(string name, Func<Task<T>> read)
    {
        if (Shared is null) return read();
        var key = (name, RootPath, From, To);
        if (Shared.TryGetValue(key, out var found)) return (Task<T>)found;
        var task = read();
        Shared[key] = task;
        return task;
    }
}

/// <summary>
/// One value of a metric; <see cref="Key"/> is the dimension value's code (null for the total). Counts and 元 and rates share
/// one decimal type so a rate (e.g. meetings.attendanceRate, a percentage with one decimal) needs no second shape.
/// </summary>
public sealed record MetricValue(string? Key, string Label, decimal Value);

/// <summary>
/// One organization's contribution to a metric, for one dimension value (null: the total, or "未填写" in a breakdown).
/// Facts are additive: the figure of any subtree is the sum of its organizations' facts, so one GROUP BY serves every
/// organization of a batch. A <see cref="MetricAggregation.Percent"/> metric carries its numerator in <see cref="Value"/>
/// and its denominator in <see cref="Base"/>.
/// <para>
/// A <see cref="SubtreeCorrection"/> fact applies only to subtrees, never to the organization alone: counts that are not plain
/// per-organization sums (a transfer between two branches of one 党委 is a move within it; a member in arrears in two branches
/// counts once for their 党委) are made additive by a correction at the two organizations' deepest common ancestor
/// (see <see cref="MetricTree"/>). Summed over a subtree it cancels exactly what the subtree should not count; for the ancestor
/// alone it would be meaningless (a negative count), so a target without its subtree leaves it out.
/// </para>
/// </summary>
public sealed record MetricFact(long OrganizationId, string? DimensionValue, decimal Value, decimal Base = 0, bool SubtreeCorrection = false);

/// <summary>
/// A value a dimension can take: a stable code, and the label the user reads. A <see cref="Retired"/> value (an archived
/// meeting kind) is no longer offered: a breakdown lists it only where it has facts, and a reference may still name it.
/// </summary>
public sealed record MetricDimensionValue(string Code, string Label, bool Retired = false);

/// <summary>
/// One record behind a figure ("show me the 12 党课"). <see cref="RecordType"/> and <see cref="RecordId"/> name the record; the
/// web host turns them into a link. A class with settable members, not a positional record, so that EF can filter, sort and
/// page a projection of it in SQL.
/// </summary>
public sealed class MetricRecord
{
    public string RecordType { get; init; } = "";
    public long RecordId { get; init; }
    public long OrganizationId { get; init; }
    public DateOnly? Date { get; init; }
    public string Title { get; init; } = "";
    public string? Detail { get; init; }
}

/// <summary>
/// The module whose records a metric counts. A scope where the module holds no record at all is "no data", never 0
/// (metrics.md, rule 5): a summary then asks for the figure instead of printing a zero nobody measured.
/// </summary>
public abstract class MetricSource
{
    /// <summary>Stable key, e.g. "meetings".</summary>
    public abstract string Key { get; }

    /// <summary>What the user reads in a "待补充" note, e.g. "会议活动记录".</summary>
    public abstract string Label { get; }

    /// <summary>Organizations of the subtree that hold any record of the module dated on or before <paramref name="asOf"/>.</summary>
    public abstract IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf);
}

/// <summary>
/// A metric a module registers by implementing this interface in Core; <see cref="MetricCatalogue"/> finds every implementation
/// with a parameterless constructor. Evaluation is set-based: <see cref="FactsAsync"/> is one GROUP BY over the subtree,
/// per organization, never one query per organization. Figures are rolled up by <see cref="MetricEvaluator"/>.
/// </summary>
public interface IMetric
{
    MetricDefinition Definition { get; }

    MetricSource Source { get; }

    /// <summary>Facts per organization of the scope's subtree; <paramref name="dimension"/> is a key of the definition's dimensions, or null for totals.</summary>
    Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct);

    /// <summary>The values a dimension can take, in the order users expect; values with no facts read 0 in a breakdown.</summary>
    Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct);

    /// <summary>The records behind the figure of the scope (optionally one dimension value), as a query the caller filters and pages.</summary>
    IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue);
}

/// <summary>
/// Metrics whose keys are data, not code (e.g. <c>custom.{key}</c> indicators an administrator defines): the family resolves
/// keys under its prefix from the database.
/// </summary>
public interface IMetricFamily
{
    /// <summary>Key prefix including the dot, e.g. "custom.".</summary>
    string Prefix { get; }

    Task<IMetric?> FindAsync(DangjianDbContext db, string key, CancellationToken ct);

    Task<IReadOnlyList<MetricDefinition>> DefinitionsAsync(DangjianDbContext db, CancellationToken ct);

    /// <summary>
    /// The family's metrics a caller may see. A family whose definitions name an organization's own work (a custom indicator
    /// of one 党委 is that 党委's business) filters them here; by default every definition is offered.
    /// </summary>
    Task<IReadOnlyList<MetricDefinition>> DefinitionsAsync(DangjianDbContext db, Access.AccessScope scope, CancellationToken ct) => DefinitionsAsync(db, ct);
}

/// <summary>The one metric catalogue (architecture decision 8): pages, API, exports and reports read figures through it.</summary>
public sealed class MetricCatalogue
{
    public static readonly MetricCatalogue Default = new(
        Discover<IMetric>(typeof(MetricCatalogue).Assembly),
        Discover<IMetricFamily>(typeof(MetricCatalogue).Assembly));

    private readonly Dictionary<string, IMetric> _metrics;
    private readonly IReadOnlyList<IMetricFamily> _families;

    public MetricCatalogue(IEnumerable<IMetric> metrics, IEnumerable<IMetricFamily>? families = null)
    {
        _metrics = metrics.ToDictionary(m => m.Definition.Key, StringComparer.Ordinal);
        _families = (families ?? []).ToList();
        var clash = _metrics.Keys.FirstOrDefault(k => _families.Any(f => k.StartsWith(f.Prefix, StringComparison.Ordinal)));
        if (clash is not null) throw new InvalidOperationException($"指标“{clash}”与指标族的前缀冲突");
    }

    /// <summary>The metrics registered in code (families excluded: their keys live in the database).</summary>
    public IReadOnlyList<MetricDefinition> Definitions => _metrics.Values.Select(m => m.Definition).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();

    /// <summary>Every metric: code-registered ones and each family's, by key.</summary>
    public async Task<IReadOnlyList<MetricDefinition>> DefinitionsAsync(DangjianDbContext db, CancellationToken ct)
    {
        var all = Definitions.ToList();
        foreach (var family in _families) all.AddRange(await family.DefinitionsAsync(db, ct));
        return all.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every metric the caller may see: code-registered ones and each family's visible to <paramref name="scope"/>.</summary>
    public async Task<IReadOnlyList<MetricDefinition>> DefinitionsAsync(DangjianDbContext db, Access.AccessScope scope, CancellationToken ct)
    {
        var all = Definitions.ToList();
        foreach (var family in _families) all.AddRange(await family.DefinitionsAsync(db, scope, ct));
        return all.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
    }

    public IMetric? Find(string key) => _metrics.GetValueOrDefault(key);

    public IMetric Get(string key) => Find(key) ?? throw new KeyNotFoundException($"指标“{key}”未登记");

    /// <summary>A code-registered metric, or one of a family's.</summary>
    public async Task<IMetric?> FindAsync(DangjianDbContext db, string key, CancellationToken ct)
    {
        if (Find(key) is { } metric) return metric;
        var family = _families.FirstOrDefault(f => key.StartsWith(f.Prefix, StringComparison.Ordinal));
        return family is null ? null : await family.FindAsync(db, key, ct);
    }

    private static IEnumerable<T> Discover<T>(System.Reflection.Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (T)Activator.CreateInstance(t)!);
}
