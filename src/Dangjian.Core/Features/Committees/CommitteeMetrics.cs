using Dangjian.Core.Data;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Committees;

/// <summary>换届选举和届期记录: committee figures read "no data" for a subtree that has recorded no term and no election.</summary>
public sealed class CommitteesSource : MetricSource
{
    public static readonly CommitteesSource Instance = new();

    private CommitteesSource()
    {
    }

    public override string Key => "committees";

    public override string Label => "换届选举和届期记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = CommitteeMetricQueries.Subtree(db, rootPath);
        return db.Set<Term>().Where(t => t.StartedOn <= asOf && ids.Contains(t.OrganizationId)).Select(t => t.OrganizationId)
            .Concat(db.Set<Election>().Where(e => e.HeldOn <= asOf && ids.Contains(e.OrganizationId)).Select(e => e.OrganizationId));
    }
}

internal static class CommitteeMetricQueries
{
    public static IQueryable<long> Subtree(DangjianDbContext db, string root) => db.Organizations.InSubtree(root).Select(o => o.Id);

    public static IQueryable<Election> ValidElections(MetricScope scope)
    {
        var ids = Subtree(scope.Db, scope.RootPath);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<Election>().AsNoTracking().Where(e => e.IsValid && e.HeldOn >= from && e.HeldOn <= to && ids.Contains(e.OrganizationId));
    }

    /// <summary>An election is listed as the term it opened.</summary>
    public static IQueryable<MetricRecord> AsRecords(MetricScope scope, IQueryable<Election> elections, Func<IQueryable<Election>, IQueryable<ElectionRow>> rows) =>
        from r in rows(elections)
        join t in scope.Db.Set<Term>() on r.TermId equals t.Id
        select new MetricRecord
        {
            RecordType = MetricRecordTypes.CommitteeTerm, RecordId = t.Id, OrganizationId = r.OrganizationId, Date = r.HeldOn,
            Title = r.Title ?? "第" + t.Number.ToString() + "届委员会换届选举",
        };

    internal sealed class ElectionRow
    {
        public long TermId { get; init; }
        public long OrganizationId { get; init; }
        public DateOnly HeldOn { get; init; }
        public string? Title { get; init; }
    }
}

/// <summary><c>committee.elections</c>: valid 换届选举 held in the period in the subtree.</summary>
public sealed class CommitteeElectionsMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("committee.elections", "换届选举", "次", MetricKind.Flow, [],
        "统计期内本组织及下级组织举行并有效的换届选举次数（无效选举不计）。");

    public MetricSource Source => CommitteesSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        MetricFacts.CountAsync(CommitteeMetricQueries.ValidElections(scope).Select(e => e.OrganizationId), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        CommitteeMetricQueries.AsRecords(scope, CommitteeMetricQueries.ValidElections(scope), elections =>
            elections.Select(e => new CommitteeMetricQueries.ElectionRow { TermId = e.TermId, OrganizationId = e.OrganizationId, HeldOn = e.HeldOn }));
}

/// <summary><c>committee.electedMembers</c>: candidates elected in the period's valid elections.</summary>
public sealed class CommitteeElectedMembersMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("committee.electedMembers", "换届选举产生的委员", "名", MetricKind.Flow, [],
        "统计期内有效换届选举中当选的委员人数（得票超过应到会人数半数并在应选名额内）。");

    public MetricSource Source => CommitteesSource.Instance;

    private static IQueryable<CommitteeMetricQueries.ElectionRow> Elected(MetricScope scope, IQueryable<Election> elections) =>
        from c in scope.Db.Set<ElectionCandidate>().AsNoTracking()
        join e in elections on c.ElectionId equals e.Id
        where c.Elected
        select new CommitteeMetricQueries.ElectionRow { TermId = e.TermId, OrganizationId = e.OrganizationId, HeldOn = e.HeldOn, Title = c.Name };

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        MetricFacts.CountAsync(Elected(scope, CommitteeMetricQueries.ValidElections(scope)).Select(r => r.OrganizationId), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    /// <summary>One record per elected 委员 (their name as the title), shown as the term the election opened.</summary>
    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        CommitteeMetricQueries.AsRecords(scope, CommitteeMetricQueries.ValidElections(scope), elections => Elected(scope, elections));
}

/// <summary>
/// <c>committee.termsExpiring</c>: organizations whose sitting term, on the period end, ends within 60 days or is already overdue.
/// An organization counts once per state, so its facts are 1 per (organization, state).
/// </summary>
public sealed class CommitteeTermsExpiringMetric : IMetric
{
    private const string Expiring = "expiring";
    private const string Overdue = "overdue";

    public MetricDefinition Definition { get; } = new("committee.termsExpiring", "即将届满或逾期未换届的组织", "个", MetricKind.PointInTime,
        [new("state", "状态")],
        $"统计日在任的一届，{CommitteeRules.ExpiryWarningDays} 天内届满（即将届满）或已过届满日期仍未换届（逾期）的组织数。");

    public MetricSource Source => CommitteesSource.Instance;

    private static IQueryable<Term> ExpiringOrOverdue(MetricScope scope)
    {
        var ids = CommitteeMetricQueries.Subtree(scope.Db, scope.RootPath);
        var d = scope.To;
        var horizon = d.AddDays(CommitteeRules.ExpiryWarningDays);
        return scope.Db.Set<Term>().AsNoTracking()
            .Where(t => ids.Contains(t.OrganizationId) && t.StartedOn <= d && (t.EndedOn == null || t.EndedOn > d) && t.PlannedEndOn <= horizon);
    }

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        if (dimension is not null && dimension != "state") throw MetricFacts.UnknownDimension(Definition, dimension);
        var d = scope.To;
        var rows = ExpiringOrOverdue(scope).Select(t => new MetricKey<bool> { OrganizationId = t.OrganizationId, Value = t.PlannedEndOn < d });
        var facts = await MetricFacts.CountAsync(rows, overdue => overdue ? Overdue : Expiring, ct);
        // The total adds the two states, as the breakdown shows them.
        return facts.Select(f => f with { Value = 1, DimensionValue = dimension is null ? null : f.DimensionValue }).ToList();
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        dimension == "state"
            ? Task.FromResult<IReadOnlyList<MetricDimensionValue>>([new(Expiring, "即将届满"), new(Overdue, "逾期未换届")])
            : MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        var d = scope.To;
        var terms = ExpiringOrOverdue(scope);
        terms = (dimension, dimensionValue) switch
        {
            (_, null) => terms,
            ("state", Expiring) => terms.Where(t => t.PlannedEndOn >= d),
            ("state", Overdue) => terms.Where(t => t.PlannedEndOn < d),
            _ => throw new ArgumentException($"指标“{Definition.Key}”的维度“{dimension}”没有取值“{dimensionValue}”", nameof(dimensionValue)),
        };
        return terms.Select(t => new MetricRecord
        {
            RecordType = MetricRecordTypes.CommitteeTerm, RecordId = t.Id, OrganizationId = t.OrganizationId, Date = t.PlannedEndOn,
            Title = "第" + t.Number.ToString() + "届委员会", Detail = t.PlannedEndOn < d ? "逾期未换届" : "即将届满",
        });
    }
}
