using Dangjian.Core.Data;
using Dangjian.Core.Features.Metrics;

namespace Dangjian.Core.Features.Summaries;

/// <summary>The two summaries shipped: 半年 (with 下半年工作打算) and 年度.</summary>
public enum SummaryKind
{
    HalfYear,
    Annual,
}

/// <summary>Which kinds of summary a registered sentence belongs in.</summary>
[Flags]
public enum SummaryKinds
{
    HalfYear = 1,
    Annual = 2,
    Both = HalfYear | Annual,
}

/// <summary>The seven parts of "一、主要工作及成效", in the order a summary lists them.</summary>
public enum SummarySection
{
    思想建设和学习教育,
    组织建设和三会一课,
    党员队伍建设和发展党员,
    党费收缴和管理,
    作风建设和党风廉政,
    服务群众和志愿服务,
    其他工作,
}

/// <summary>
/// One sentence a module offers for a section of the summary, in template markup: figures as <c>{metricRef}</c>, and the
/// variables <c>{组织}</c>, <c>{年度}</c>, <c>{期间}</c>. <see cref="Order"/> sorts sentences inside a section.
/// </summary>
public sealed record SummarySentence(SummarySection Section, int Order, string Text, SummaryKinds Kinds = SummaryKinds.Both);

/// <summary>
/// Sentences a module registers for the drafted 党建工作总结 (docs/adr/0013). Implemented next to the module's metrics with a
/// parameterless constructor; <see cref="SummaryRegistry"/> finds every implementation, so a new module adds sentences here
/// and touches nothing in Summaries.
/// </summary>
public interface ISummarySentences
{
    IEnumerable<SummarySentence> Sentences { get; }
}

public enum SummaryFactKind
{
    /// <summary>A sentence for "二、存在的问题".</summary>
    Problem,

    /// <summary>A sentence for "三、下一步打算".</summary>
    Plan,
}

/// <summary>A problem or plan sentence, already written out (no placeholders).</summary>
public sealed record SummaryFact(SummaryFactKind Kind, int Order, string Text);

/// <summary>
/// What a facts source may read: the figures it asked for (evaluated in the draft's one batch, for the draft's target) and
/// the database, for records that are not figures (open findings, upcoming obligations).
/// </summary>
public sealed class SummaryFactContext(DangjianDbContext db, MetricTarget target, DateOnly from, DateOnly to, DateOnly today, SummaryKind kind,
    IReadOnlyDictionary<string, MetricReading> readings)
{
    public DangjianDbContext Db { get; } = db;
    public MetricTarget Target { get; } = target;
    public DateOnly From { get; } = from;
    public DateOnly To { get; } = to;
    public DateOnly Today { get; } = today;
    public SummaryKind Kind { get; } = kind;

    /// <summary>The reading of a reference the source listed in <see cref="ISummaryFacts.Refs"/>; null when unknown or unregistered.</summary>
    public MetricReading? Reading(string metricRef) => readings.GetValueOrDefault(metricRef);

    /// <summary>The value, or null for "no data" (and for a reference the catalogue does not know).</summary>
    public decimal? Value(string metricRef) => Reading(metricRef)?.Value;

    /// <summary>The period after the summarised one, of the same length in months: what "下一步" plans for.</summary>
    public (DateOnly From, DateOnly To) NextPeriod => Kind == SummaryKind.Annual
        ? (To.AddDays(1), To.AddDays(1).AddYears(1).AddDays(-1))
        : (To.AddDays(1), To.AddDays(1).AddMonths(6).AddDays(-1));
}

/// <summary>
/// Problems and plans a module drafts from facts (docs/adr/0013): "有 2 个组织未按规定召开支委会", "3 名党员欠交党费". Sentences
/// are written in our own words. Figures are read through <see cref="Refs"/> — evaluated in the same batch as the template's —
/// never by a query of the source's own.
/// </summary>
public interface ISummaryFacts
{
    /// <summary>Metric references the source reads; a reference the catalogue does not know is skipped (reads as no data).</summary>
    IReadOnlyList<string> Refs { get; }

    Task<IReadOnlyList<SummaryFact>> FactsAsync(SummaryFactContext context, CancellationToken ct);
}

/// <summary>Every module's sentences and facts sources, found by reflection the way <see cref="MetricCatalogue"/> finds metrics.</summary>
public sealed class SummaryRegistry(IEnumerable<ISummarySentences> sentences, IEnumerable<ISummaryFacts> facts)
{
    public static readonly SummaryRegistry Default = new(Discover<ISummarySentences>(), Discover<ISummaryFacts>());

    public IReadOnlyList<SummarySentence> Sentences { get; } = sentences.SelectMany(s => s.Sentences)
        .OrderBy(s => s.Section).ThenBy(s => s.Order).ToList();

    public IReadOnlyList<ISummaryFacts> Facts { get; } = facts.ToList();

    public IEnumerable<SummarySentence> For(SummarySection section, SummaryKind kind)
    {
        var flag = kind == SummaryKind.Annual ? SummaryKinds.Annual : SummaryKinds.HalfYear;
        return Sentences.Where(s => s.Section == section && s.Kinds.HasFlag(flag));
    }

    private static IEnumerable<T> Discover<T>() =>
        typeof(SummaryRegistry).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!);
}

public static class SummaryKindLabels
{
    public static string Label(this SummaryKind kind) => kind == SummaryKind.Annual ? "年度" : "半年";

    /// <summary>The words used on the command line and in the API: half-year, annual.</summary>
    public static string Code(this SummaryKind kind) => kind == SummaryKind.Annual ? "annual" : "half-year";

    public static SummaryKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "half-year" or "halfyear" or "半年" => SummaryKind.HalfYear,
        "annual" or "year" or "年度" => SummaryKind.Annual,
        _ => null,
    };
}
