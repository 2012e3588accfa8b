using Dangjian.Core.Data;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Assistance;

/// <summary>帮扶记录: the assistance metrics read "no data" for a subtree that has never recorded a visit or a problem.</summary>
public sealed class AssistanceSource : MetricSource
{
    public static readonly AssistanceSource Instance = new();

    private AssistanceSource()
    {
    }

    public override string Key => "assistance";

    public override string Label => "帮扶工作记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<AssistanceVisit>().Where(v => v.VisitedOn <= asOf && ids.Contains(v.OrganizationId)).Select(v => v.OrganizationId)
            .Concat(db.Set<AssistanceProblem>().Where(p => p.CollectedOn <= asOf && ids.Contains(p.OrganizationId)).Select(p => p.OrganizationId));
    }
}

/// <summary><c>assistance.visits</c>: 走访 in the period, one visit to one household being one 户次.</summary>
public sealed class AssistanceVisitsMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("assistance.visits", "走访帮扶户", "户次", MetricKind.Flow, [],
        "统计期内本组织及下级组织登记的帮扶走访次数（按走访日期计，走访一户一次计 1 户次）。");

    public MetricSource Source => AssistanceSource.Instance;

    private static IQueryable<AssistanceVisit> Visits(MetricScope scope)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<AssistanceVisit>().AsNoTracking().Where(v => v.VisitedOn >= from && v.VisitedOn <= to && ids.Contains(v.OrganizationId));
    }

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        MetricFacts.CountAsync(Visits(scope).Select(v => v.OrganizationId), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        from v in Visits(scope)
        join h in scope.Db.Set<AssistanceHousehold>().AsNoTracking() on v.HouseholdId equals h.Id
        select new MetricRecord
        {
            RecordType = MetricRecordTypes.AssistanceHousehold, RecordId = h.Id, OrganizationId = v.OrganizationId, Date = v.VisitedOn, Title = h.Name + " 走访",
            Detail = v.Note,
        };
}

/// <summary>
/// The four problem figures. Collected is a flow: problems collected in the period. Resolved, in progress and pending split
/// those same problems by their status at the period end, read from their dates: resolved on or before the last day of the
/// period is 已解决; started by then but resolved later (even the next day) is 解决中; not started by then is 待解决.
/// So collected = resolved + in progress + pending for every period.
/// </summary>
public abstract class AssistanceProblemMetric : IMetric
{
    public abstract MetricDefinition Definition { get; }

    public MetricSource Source => AssistanceSource.Instance;

    /// <summary>Which of the period's problems this figure counts, given the period end.</summary>
    protected abstract IQueryable<AssistanceProblem> Filter(IQueryable<AssistanceProblem> problems, DateOnly end);

    private IQueryable<AssistanceProblem> Problems(MetricScope scope)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return Filter(scope.Db.Set<AssistanceProblem>().AsNoTracking().Where(p => p.CollectedOn >= from && p.CollectedOn <= to && ids.Contains(p.OrganizationId)), to);
    }

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        MetricFacts.CountAsync(Problems(scope).Select(p => p.OrganizationId), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        from p in Problems(scope)
        join h in scope.Db.Set<AssistanceHousehold>().AsNoTracking() on p.HouseholdId equals h.Id
        select new MetricRecord
        {
            RecordType = MetricRecordTypes.AssistanceHousehold, RecordId = h.Id, OrganizationId = p.OrganizationId, Date = p.CollectedOn, Title = p.Description,
            Detail = h.Name,
        };
}

/// <summary><c>assistance.issuesCollected</c>: problems collected from 帮扶户 in the period.</summary>
public sealed class AssistanceIssuesCollectedMetric : AssistanceProblemMetric
{
    public override MetricDefinition Definition { get; } = new("assistance.issuesCollected", "收集帮扶户问题", "件", MetricKind.Flow, [],
        "统计期内本组织及下级组织收集的帮扶户需解决问题件数（按收集日期计）。");

    protected override IQueryable<AssistanceProblem> Filter(IQueryable<AssistanceProblem> problems, DateOnly end) => problems;
}

/// <summary><c>assistance.issuesResolved</c>: of the period's problems, those resolved by the period end.</summary>
public sealed class AssistanceIssuesResolvedMetric : AssistanceProblemMetric
{
    public override MetricDefinition Definition { get; } = new("assistance.issuesResolved", "已解决帮扶户问题", "件", MetricKind.Flow, [],
        "统计期内收集的帮扶户问题中，截至统计期末已解决的件数（解决日期不晚于期末最后一天）。");

    protected override IQueryable<AssistanceProblem> Filter(IQueryable<AssistanceProblem> problems, DateOnly end) =>
        problems.Where(p => p.ResolvedOn != null && p.ResolvedOn <= end);
}

/// <summary><c>assistance.issuesInProgress</c>: of the period's problems, those started but not resolved at the period end.</summary>
public sealed class AssistanceIssuesInProgressMetric : AssistanceProblemMetric
{
    public override MetricDefinition Definition { get; } = new("assistance.issuesInProgress", "正在解决帮扶户问题", "件", MetricKind.Flow, [],
        "统计期内收集的帮扶户问题中，截至统计期末已开始解决、尚未解决的件数（期末之后才解决的仍计为正在解决）。");

    protected override IQueryable<AssistanceProblem> Filter(IQueryable<AssistanceProblem> problems, DateOnly end) =>
        problems.Where(p => (p.ResolvedOn == null || p.ResolvedOn > end) && p.StartedOn != null && p.StartedOn <= end);
}

/// <summary><c>assistance.issuesPending</c>: of the period's problems, those not yet started at the period end.</summary>
public sealed class AssistanceIssuesPendingMetric : AssistanceProblemMetric
{
    public override MetricDefinition Definition { get; } = new("assistance.issuesPending", "待解决帮扶户问题", "件", MetricKind.Flow, [],
        "统计期内收集的帮扶户问题中，截至统计期末尚未开始解决的件数。");

    protected override IQueryable<AssistanceProblem> Filter(IQueryable<AssistanceProblem> problems, DateOnly end) =>
        problems.Where(p => (p.ResolvedOn == null || p.ResolvedOn > end) && (p.StartedOn == null || p.StartedOn > end));
}
