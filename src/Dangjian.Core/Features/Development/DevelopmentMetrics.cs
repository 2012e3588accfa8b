using Dangjian.Core.Data;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

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

    public static IQueryable<MetricRecord> AsRecords(IQueryable<Candidate> candidates, System.Linq.Expressions.Expression<Func<Candidate, MetricRecord>> projection) =>
        candidates.Select(projection);
}

/// <summary>Shared shape of the 发展党员 metrics: a filter over candidates, counted per organization, listed as candidate records.</summary>
public abstract class CandidateCountMetric : IMetric
{
    public abstract MetricDefinition Definition { get; }

    public MetricSource Source => DevelopmentSource.Instance;

    protected abstract IQueryable<Candidate> Filter(IQueryable<Candidate> candidates, DateOnly from, DateOnly to);

    /// <summary>The date shown with each record: the milestone the metric counts.</summary>
    protected abstract System.Linq.Expressions.Expression<Func<Candidate, MetricRecord>> Record { get; }

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        dimension is null
            ? MetricFacts.CountAsync(Filter(DevelopmentMetricQueries.Candidates(scope), scope.From, scope.To).Select(c => c.OrganizationId), ct)
            : throw MetricFacts.UnknownDimension(Definition, dimension);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        if (dimension is not null) throw MetricFacts.UnknownDimension(Definition, dimension);
        return Filter(DevelopmentMetricQueries.Candidates(scope), scope.From, scope.To).Select(Record);
    }
}

/// <summary><c>development.applicants</c>: 入党申请人 at the period end (applied, not yet an activist).</summary>
public sealed class DevelopmentApplicantsMetric : CandidateCountMetric
{
    public override MetricDefinition Definition { get; } = new("development.applicants", "入党申请人", "人", MetricKind.PointInTime, [],
        "期末已递交入党申请书、尚未确定为入党积极分子的人数");

    protected override IQueryable<Candidate> Filter(IQueryable<Candidate> c, DateOnly from, DateOnly to) =>
        c.Where(x => x.ApplicationDate <= to && (x.ActivistOn == null || x.ActivistOn > to) && (x.CancelledOn == null || x.CancelledOn > to));

    protected override System.Linq.Expressions.Expression<Func<Candidate, MetricRecord>> Record => x => new MetricRecord
    {
        RecordType = MetricRecordTypes.Candidate, RecordId = x.Id, OrganizationId = x.OrganizationId, Date = x.ApplicationDate, Title = x.Name, Detail = "入党申请人",
    };
}

/// <summary><c>development.activists</c>: 入党积极分子 at the period end.</summary>
public sealed class DevelopmentActivistsMetric : CandidateCountMetric
{
    public override MetricDefinition Definition { get; } = new("development.activists", "入党积极分子", "人", MetricKind.PointInTime, [],
        "期末已确定为入党积极分子、尚未确定为发展对象的人数");

    protected override IQueryable<Candidate> Filter(IQueryable<Candidate> c, DateOnly from, DateOnly to) =>
        c.Where(x => x.ActivistOn <= to && (x.TargetOn == null || x.TargetOn > to) && (x.CancelledOn == null || x.CancelledOn > to));

    protected override System.Linq.Expressions.Expression<Func<Candidate, MetricRecord>> Record => x => new MetricRecord
    {
        RecordType = MetricRecordTypes.Candidate, RecordId = x.Id, OrganizationId = x.OrganizationId, Date = x.ActivistOn, Title = x.Name, Detail = "入党积极分子",
    };
}

/// <summary><c>development.targets</c>: 发展对象 at the period end (chosen, not yet approved as 预备党员).</summary>
public sealed class DevelopmentTargetsMetric : CandidateCountMetric
{
    public override MetricDefinition Definition { get; } = new("development.targets", "发展对象", "人", MetricKind.PointInTime, [],
        "期末已确定为发展对象、尚未经上级党委审批接收为预备党员的人数");

    protected override IQueryable<Candidate> Filter(IQueryable<Candidate> c, DateOnly from, DateOnly to) =>
        c.Where(x => x.TargetOn <= to && (x.AdmittedOn == null || x.AdmittedOn > to) && (x.CancelledOn == null || x.CancelledOn > to));

    protected override System.Linq.Expressions.Expression<Func<Candidate, MetricRecord>> Record => x => new MetricRecord
    {
        RecordType = MetricRecordTypes.Candidate, RecordId = x.Id, OrganizationId = x.OrganizationId, Date = x.TargetOn, Title = x.Name, Detail = "发展对象",
    };
}

/// <summary><c>development.probationary</c>: 预备党员 developed through the pipeline, at the period end.</summary>
public sealed class DevelopmentProbationaryMetric : CandidateCountMetric
{
    public override MetricDefinition Definition { get; } = new("development.probationary", "预备党员", "人", MetricKind.PointInTime, [],
        "期末经上级党委审批接收、尚未批准转正且未取消资格的预备党员人数（按发展党员记录统计）");

    protected override IQueryable<Candidate> Filter(IQueryable<Candidate> c, DateOnly from, DateOnly to) =>
        c.Where(x => x.AdmittedOn <= to && (x.ConfirmedOn == null || x.ConfirmedOn > to) && (x.CancelledOn == null || x.CancelledOn > to));

    protected override System.Linq.Expressions.Expression<Func<Candidate, MetricRecord>> Record => x => new MetricRecord
    {
        RecordType = MetricRecordTypes.Candidate, RecordId = x.Id, OrganizationId = x.OrganizationId, Date = x.AdmittedOn, Title = x.Name, Detail = "预备党员",
    };
}

/// <summary><c>development.admitted</c>: new 预备党员, counted on the upper approval (domain.md §8: 发展党员 are counted after approval).</summary>
public sealed class DevelopmentAdmittedMetric : CandidateCountMetric
{
    public override MetricDefinition Definition { get; } = new("development.admitted", "发展党员", "人", MetricKind.Flow, [],
        "期间内经上级党委审批接收的预备党员人数（按审批日期统计）");

    protected override IQueryable<Candidate> Filter(IQueryable<Candidate> c, DateOnly from, DateOnly to) =>
        c.Where(x => x.AdmittedOn >= from && x.AdmittedOn <= to);

    protected override System.Linq.Expressions.Expression<Func<Candidate, MetricRecord>> Record => x => new MetricRecord
    {
        RecordType = MetricRecordTypes.Candidate, RecordId = x.Id, OrganizationId = x.OrganizationId, Date = x.AdmittedOn, Title = x.Name, Detail = "接收为预备党员",
    };
}

/// <summary><c>development.confirmed</c>: 转正, counted on the upper approval of the 转正.</summary>
public sealed class DevelopmentConfirmedMetric : CandidateCountMetric
{
    public override MetricDefinition Definition { get; } = new("development.confirmed", "预备党员转正", "人", MetricKind.Flow, [],
        "期间内经上级党委批准转为正式党员的人数（按审批日期统计）");

    protected override IQueryable<Candidate> Filter(IQueryable<Candidate> c, DateOnly from, DateOnly to) =>
        c.Where(x => x.ConfirmedOn >= from && x.ConfirmedOn <= to);

    protected override System.Linq.Expressions.Expression<Func<Candidate, MetricRecord>> Record => x => new MetricRecord
    {
        RecordType = MetricRecordTypes.Candidate, RecordId = x.Id, OrganizationId = x.OrganizationId, Date = x.ConfirmedOn, Title = x.Name, Detail = "转为正式党员",
    };
}

/// <summary><c>development.extended</c>: probation extended.</summary>
public sealed class DevelopmentExtendedMetric : CandidateCountMetric
{
    public override MetricDefinition Definition { get; } = new("development.extended", "延长预备期", "人", MetricKind.Flow, [],
        "期间内决定延长预备期的人数");

    protected override IQueryable<Candidate> Filter(IQueryable<Candidate> c, DateOnly from, DateOnly to) =>
        c.Where(x => x.ExtendedOn >= from && x.ExtendedOn <= to);

    protected override System.Linq.Expressions.Expression<Func<Candidate, MetricRecord>> Record => x => new MetricRecord
    {
        RecordType = MetricRecordTypes.Candidate, RecordId = x.Id, OrganizationId = x.OrganizationId, Date = x.ExtendedOn, Title = x.Name, Detail = "延长预备期",
    };
}

/// <summary><c>development.cancelled</c>: 预备党员资格 cancelled.</summary>
public sealed class DevelopmentCancelledMetric : CandidateCountMetric
{
    public override MetricDefinition Definition { get; } = new("development.cancelled", "取消预备党员资格", "人", MetricKind.Flow, [],
        "期间内取消预备党员资格的人数");

    protected override IQueryable<Candidate> Filter(IQueryable<Candidate> c, DateOnly from, DateOnly to) =>
        c.Where(x => x.CancelledOn >= from && x.CancelledOn <= to);

    protected override System.Linq.Expressions.Expression<Func<Candidate, MetricRecord>> Record => x => new MetricRecord
    {
        RecordType = MetricRecordTypes.Candidate, RecordId = x.Id, OrganizationId = x.OrganizationId, Date = x.CancelledOn, Title = x.Name, Detail = "取消预备党员资格",
    };
}

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
