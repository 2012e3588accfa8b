using Dangjian.Core.Data;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Evaluations;

/// <summary>民主评议记录: evaluation figures read "no data" for a subtree that has never held a session.</summary>
public sealed class EvaluationsSource : MetricSource
{
    public static readonly EvaluationsSource Instance = new();

    private EvaluationsSource()
    {
    }

    public override string Key => "evaluations";

    public override string Label => "民主评议记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<EvaluationSession>().Where(s => s.HeldOn <= asOf && ids.Contains(s.OrganizationId)).Select(s => s.OrganizationId);
    }
}

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

    /// <summary>The entries of the period's sessions, each with its session (for the organization and date) and the member's name.</summary>
    public static IQueryable<Entry> Entries(MetricScope scope) =>
        from e in scope.Db.Set<EvaluationEntry>().AsNoTracking()
        join s in Sessions(scope) on e.SessionId equals s.Id
        join m in scope.Db.Set<Member>() on e.MemberId equals m.Id
        select new Entry { Session = s, Participated = e.Participated, Grade = e.Grade, Name = m.Name };

    /// <summary>An entry is listed as its session, titled by the member's name.</summary>
    public static IQueryable<MetricRecord> AsRecords(IQueryable<Entry> entries) =>
        entries.Select(e => new MetricRecord
        {
            RecordType = MetricRecordTypes.Evaluation, RecordId = e.Session.Id, OrganizationId = e.Session.OrganizationId, Date = e.Session.HeldOn, Title = e.Name,
        });

    internal sealed class Entry
    {
        public EvaluationSession Session { get; init; } = null!;
        public bool Participated { get; init; }
        public EvaluationGrade? Grade { get; init; }
        public string Name { get; init; } = "";
    }
}

/// <summary><c>evaluation.sessions</c>: 民主评议党员 sessions held in the period.</summary>
public sealed class EvaluationSessionsMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("evaluation.sessions", "民主评议党员", "次", MetricKind.Flow, [],
        "统计期内本组织及下级组织召开的民主评议党员次数（按评议日期计，每个党支部每年一次）。");

    public MetricSource Source => EvaluationsSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        MetricFacts.CountAsync(EvaluationMetricQueries.Sessions(scope).Select(s => s.OrganizationId), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        EvaluationMetricQueries.Sessions(scope).Select(s => new MetricRecord
        {
            RecordType = MetricRecordTypes.Evaluation, RecordId = s.Id, OrganizationId = s.OrganizationId, Date = s.HeldOn,
            Title = s.Year.ToString() + "年度民主评议党员", Detail = s.Note,
        });
}

/// <summary><c>evaluation.participants</c>: members who took part in the period's sessions.</summary>
public sealed class EvaluationParticipantsMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("evaluation.participants", "参加民主评议的党员", "人", MetricKind.Flow, [],
        "统计期内召开的民主评议中参加评议的党员人数（含参加评议但不评定等次的预备党员）。");

    public MetricSource Source => EvaluationsSource.Instance;

    private static IQueryable<EvaluationMetricQueries.Entry> Participants(MetricScope scope) => EvaluationMetricQueries.Entries(scope).Where(e => e.Participated);

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        MetricFacts.CountAsync(Participants(scope).Select(e => e.Session.OrganizationId), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        EvaluationMetricQueries.AsRecords(Participants(scope));
}

/// <summary><c>evaluation.graded{grade}</c>: members given each grade in the period's sessions.</summary>
public sealed class EvaluationGradedMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("evaluation.graded", "评定等次的党员", "人", MetricKind.Flow, [new("grade", "等次")],
        "统计期内召开的民主评议中评定了等次的党员人数，按优秀、合格、基本合格、不合格分列（未评定等次的不计）。");

    public MetricSource Source => EvaluationsSource.Instance;

    private static IQueryable<EvaluationMetricQueries.Entry> Graded(MetricScope scope) => EvaluationMetricQueries.Entries(scope).Where(e => e.Grade != null);

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) => dimension switch
    {
        null => MetricFacts.CountAsync(Graded(scope).Select(e => e.Session.OrganizationId), ct),
        "grade" => MetricFacts.CountAsync(
            Graded(scope).Select(e => new MetricKey<EvaluationGrade?> { OrganizationId = e.Session.OrganizationId, Value = e.Grade }), grade => grade?.ToString(), ct),
        _ => throw MetricFacts.UnknownDimension(Definition, dimension),
    };

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        dimension == "grade" ? Task.FromResult(MetricFacts.EnumValues<EvaluationGrade>(g => g.Label())) : MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        var graded = Graded(scope);
        if (dimensionValue is not null)
        {
            if (dimension != "grade") throw MetricFacts.UnknownDimension(Definition, dimension);
            EvaluationGrade? grade = MetricFacts.ParseEnum<EvaluationGrade>(Definition, dimension, dimensionValue);
            graded = graded.Where(e => e.Grade == grade);
        }

        return EvaluationMetricQueries.AsRecords(graded);
    }
}
