using Dangjian.Core.Data;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Dangjian.Core.Features.Development;

/// <summary>发展党员记录: the pipeline figures read "no data" for a subtree that has never registered an 入党申请.</summary>
public sealed class DevelopmentSource : MetricSource
{
    public static readonly DevelopmentSource Instance = new();

    private DevelopmentSource()
    {
    }

    public override string Key => "development";

    public override string Label => "发展党员记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<Candidate>().Where(c => c.ApplicationDate <= asOf && ids.Contains(c.OrganizationId)).Select(c => c.OrganizationId);
    }
}

/// <summary>发展党员计划: the plan figures read "no data" where no yearly plan was ever set.</summary>
public sealed class DevelopmentPlanSource : MetricSource
{
    public static readonly DevelopmentPlanSource Instance = new();

    private DevelopmentPlanSource()
    {
    }

    public override string Key => "developmentPlans";

    public override string Label => "发展党员年度计划";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        var year = asOf.Year;
        return db.Set<DevelopmentPlan>().Where(p => p.Year <= year && ids.Contains(p.OrganizationId)).Select(p => p.OrganizationId);
    }
}

internal static class DevelopmentMetricQueries
{
    /// <summary>Candidates held by the subtree's organizations (where the person is developed today).</summary>
    public static IQueryable<Candidate> Candidates(MetricScope scope)
    {
        var ids = scope.Db.Organizations.InSubtree(scope.RootPath).Select(o => o.Id);
        return scope.Db.Set<Candidate>().AsNoTracking().Where(c => ids.Contains(c.OrganizationId));
    }
}

/// <summary>
/// Shared shape of the 发展党员 counts, each a milestone date of <see cref="Candidate"/>. A point-in-time stage counts the
/// people who reached it (<paramref name="reached"/> on or before the period end) and had not yet reached the next one
/// (<paramref name="left"/>) nor been cancelled by then; a flow counts the milestones dated inside the period. Each record is
/// the person, dated by the milestone.
/// </summary>
public abstract class CandidateCountMetric(
    MetricDefinition definition, Expression<Func<Candidate, DateOnly?>> reached, Expression<Func<Candidate, DateOnly?>>? left, string detail) : IMetric
{
    public MetricDefinition Definition { get; } = definition;

    public MetricSource Source => DevelopmentSource.Instance;

    private IQueryable<Candidate> Counted(MetricScope scope)
    {
        var (from, to) = (scope.From, scope.To);
        var x = reached.Parameters[0];
        var on = reached.Body;
        Expression<Func<DateOnly?, bool>> inPeriod = Definition.Kind == MetricKind.Flow ? d => d >= from && d <= to : d => d <= to;
        var test = Replace(inPeriod, on);
        if (Definition.Kind == MetricKind.PointInTime)
        {
            Expression<Func<DateOnly?, bool>> notYet = d => d == null || d > to;
            if (left is not null) test = Expression.AndAlso(test, Replace(notYet, ReplacingExpressionVisitor.Replace(left.Parameters[0], x, left.Body)));
            test = Expression.AndAlso(test, Replace(notYet, Expression.Property(x, nameof(Candidate.CancelledOn))));
        }

        return DevelopmentMetricQueries.Candidates(scope).Where(Expression.Lambda<Func<Candidate, bool>>(test, x));
    }

    /// <summary>The body of <paramref name="predicate"/> applied to <paramref name="date"/>.</summary>
    private static Expression Replace(Expression<Func<DateOnly?, bool>> predicate, Expression date) =>
        ReplacingExpressionVisitor.Replace(predicate.Parameters[0], date, predicate.Body);

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        dimension is null
            ? MetricFacts.CountAsync(Counted(scope).Select(c => c.OrganizationId), ct)
            : throw MetricFacts.UnknownDimension(Definition, dimension);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        if (dimension is not null) throw MetricFacts.UnknownDimension(Definition, dimension);
        Expression<Func<Candidate, DateOnly?, MetricRecord>> record = (x, on) => new MetricRecord
        {
            RecordType = MetricRecordTypes.Candidate, RecordId = x.Id, OrganizationId = x.OrganizationId, Date = on, Title = x.Name, Detail = detail,
        };
        var candidate = reached.Parameters[0];
        var body = ReplacingExpressionVisitor.Replace(record.Parameters[0], candidate, ReplacingExpressionVisitor.Replace(record.Parameters[1], reached.Body, record.Body));
        return Counted(scope).Select(Expression.Lambda<Func<Candidate, MetricRecord>>(body, candidate));
    }
}

/// <summary><c>development.applicants</c>: 入党申请人 at the period end (applied, not yet an activist).</summary>
public sealed class DevelopmentApplicantsMetric() : CandidateCountMetric(
    new("development.applicants", "入党申请人", "人", MetricKind.PointInTime, [], "期末已递交入党申请书、尚未确定为入党积极分子的人数"),
    x => x.ApplicationDate, x => x.ActivistOn, "入党申请人");

/// <summary><c>development.activists</c>: 入党积极分子 at the period end.</summary>
public sealed class DevelopmentActivistsMetric() : CandidateCountMetric(
    new("development.activists", "入党积极分子", "人", MetricKind.PointInTime, [], "期末已确定为入党积极分子、尚未确定为发展对象的人数"),
    x => x.ActivistOn, x => x.TargetOn, "入党积极分子");

/// <summary><c>development.targets</c>: 发展对象 at the period end (chosen, not yet approved as 预备党员).</summary>
public sealed class DevelopmentTargetsMetric() : CandidateCountMetric(
    new("development.targets", "发展对象", "人", MetricKind.PointInTime, [], "期末已确定为发展对象、尚未经上级党委审批接收为预备党员的人数"),
    x => x.TargetOn, x => x.AdmittedOn, "发展对象");

/// <summary><c>development.probationary</c>: 预备党员 developed through the pipeline, at the period end.</summary>
public sealed class DevelopmentProbationaryMetric() : CandidateCountMetric(
    new("development.probationary", "预备党员", "人", MetricKind.PointInTime, [], "期末经上级党委审批接收、尚未批准转正且未取消资格的预备党员人数（按发展党员记录统计）"),
    x => x.AdmittedOn, x => x.ConfirmedOn, "预备党员");

/// <summary><c>development.admitted</c>: new 预备党员, counted on the upper approval (domain.md §8: 发展党员 are counted after approval).</summary>
public sealed class DevelopmentAdmittedMetric() : CandidateCountMetric(
    new("development.admitted", "发展党员", "人", MetricKind.Flow, [], "期间内经上级党委审批接收的预备党员人数（按审批日期统计）"),
    x => x.AdmittedOn, null, "接收为预备党员");

/// <summary><c>development.confirmed</c>: 转正, counted on the upper approval of the 转正.</summary>
public sealed class DevelopmentConfirmedMetric() : CandidateCountMetric(
    new("development.confirmed", "预备党员转正", "人", MetricKind.Flow, [], "期间内经上级党委批准转为正式党员的人数（按审批日期统计）"),
    x => x.ConfirmedOn, null, "转为正式党员");

/// <summary><c>development.extended</c>: probation extended.</summary>
public sealed class DevelopmentExtendedMetric() : CandidateCountMetric(
    new("development.extended", "延长预备期", "人", MetricKind.Flow, [], "期间内决定延长预备期的人数"),
    x => x.ExtendedOn, null, "延长预备期");

/// <summary><c>development.cancelled</c>: 预备党员资格 cancelled.</summary>
public sealed class DevelopmentCancelledMetric() : CandidateCountMetric(
    new("development.cancelled", "取消预备党员资格", "人", MetricKind.Flow, [], "期间内取消预备党员资格的人数"),
    x => x.CancelledOn, null, "取消预备党员资格");

/// <summary>The yearly plans of a metric scope: set in the subtree for a year the period touches.</summary>
internal static class DevelopmentPlanQueries
{
    public static IQueryable<DevelopmentPlan> Plans(MetricScope scope)
    {
        var ids = scope.Db.Organizations.InSubtree(scope.RootPath).Select(o => o.Id);
        var (fromYear, toYear) = (scope.From.Year, scope.To.Year);
        return scope.Db.Set<DevelopmentPlan>().AsNoTracking().Where(p => p.Year >= fromYear && p.Year <= toYear && ids.Contains(p.OrganizationId));
    }

    public static IQueryable<MetricRecord> AsRecords(IQueryable<DevelopmentPlan> plans) =>
        plans.Select(p => new MetricRecord
        {
            RecordType = MetricRecordTypes.DevelopmentPlan, RecordId = p.Id, OrganizationId = p.OrganizationId, Date = null,
            Title = p.Year.ToString() + "年发展党员计划", Detail = p.Minimum == p.Maximum ? p.Minimum.ToString() : p.Minimum.ToString() + "–" + p.Maximum.ToString(),
        });
}

/// <summary>
/// <c>development.planned</c>: the yearly plan of the years the period touches. A range (3–5) counts by its lower bound, the
/// number the plan commits to; the record shows the whole range.
/// </summary>
public sealed class DevelopmentPlannedMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("development.planned", "发展党员计划数", "人", MetricKind.Flow, [],
        "期间所在年度本组织及下级组织的发展党员年度计划数之和；计划为区间（如 3–5）的按下限计");

    public MetricSource Source => DevelopmentPlanSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        if (dimension is not null) throw MetricFacts.UnknownDimension(Definition, dimension);
        var rows = await DevelopmentPlanQueries.Plans(scope).GroupBy(p => p.OrganizationId).Select(g => new { g.Key, Sum = g.Sum(p => p.Minimum) }).ToListAsync(ct);
        return rows.Select(r => new MetricFact(r.Key, null, r.Sum)).ToList();
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        dimension is null ? DevelopmentPlanQueries.AsRecords(DevelopmentPlanQueries.Plans(scope)) : throw MetricFacts.UnknownDimension(Definition, dimension);
}

/// <summary>
/// <c>development.planProgress</c>: new 预备党员 (<c>development.admitted</c>) ÷ the plan (<c>development.planned</c>) × 100. Facts
/// carry both per organization, so a 党委's progress is Σ admitted ÷ Σ plan over its subtree.
/// </summary>
public sealed class DevelopmentPlanProgressMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("development.planProgress", "发展计划完成率", "%", MetricKind.Flow, [],
        "期间内经审批接收的预备党员人数 ÷ 年度计划数（区间按下限）× 100，保留一位小数", MetricAggregation.Percent);

    public MetricSource Source => DevelopmentPlanSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        if (dimension is not null) throw MetricFacts.UnknownDimension(Definition, dimension);
        var (from, to) = (scope.From, scope.To);
        var admitted = (await MetricFacts.CountAsync(DevelopmentMetricQueries.Candidates(scope).Where(c => c.AdmittedOn >= from && c.AdmittedOn <= to).Select(c => c.OrganizationId), ct))
            .ToDictionary(f => f.OrganizationId, f => f.Value);
        var planned = (await DevelopmentPlanQueries.Plans(scope).GroupBy(p => p.OrganizationId).Select(g => new { g.Key, Sum = g.Sum(p => p.Minimum) }).ToListAsync(ct))
            .ToDictionary(r => r.Key, r => (decimal)r.Sum);
        return admitted.Keys.Union(planned.Keys)
            .Select(id => new MetricFact(id, null, admitted.GetValueOrDefault(id), planned.GetValueOrDefault(id))).ToList();
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    /// <summary>The people who count toward the plan.</summary>
    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        new DevelopmentAdmittedMetric().Records(scope, dimension, dimensionValue);
}
