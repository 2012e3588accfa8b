using Dangjian.Core.Data;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Volunteering;

/// <summary>志愿服务活动记录: the volunteer.* figures read "no data" where no activity was ever recorded.</summary>
public sealed class VolunteeringSource : MetricSource
{
    public static readonly VolunteeringSource Instance = new();

    private VolunteeringSource()
    {
    }

    public override string Key => "volunteering";

    public override string Label => "志愿服务活动记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<VolunteerActivity>().Where(a => a.HeldOn <= asOf && ids.Contains(a.OrganizationId)).Select(a => a.OrganizationId);
    }
}

/// <summary>在职党员到社区报到记录.</summary>
public sealed class CommunityReportsSource : MetricSource
{
    public static readonly CommunityReportsSource Instance = new();

    private CommunityReportsSource()
    {
    }

    public override string Key => "communityReports";

    public override string Label => "在职党员到社区报到记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<CommunityReport>().Where(r => r.ReportedOn <= asOf && ids.Contains(r.OrganizationId)).Select(r => r.OrganizationId);
    }
}

/// <summary>党员先锋岗（示范岗、责任区）记录.</summary>
public sealed class PioneerPostsSource : MetricSource
{
    public static readonly PioneerPostsSource Instance = new();

    private PioneerPostsSource()
    {
    }

    public override string Key => "pioneerPosts";

    public override string Label => "党员先锋岗（示范岗、责任区）记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<PioneerPost>().Where(p => p.From <= asOf && ids.Contains(p.OrganizationId)).Select(p => p.OrganizationId);
    }
}

/// <summary>The queries the volunteering metrics share.</summary>
public static class VolunteeringMetricQueries
{
    /// <summary>Activities held in the period by organizations of the subtree.</summary>
    public static IQueryable<VolunteerActivity> Activities(MetricScope scope)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<VolunteerActivity>().AsNoTracking().Where(a => a.HeldOn >= from && a.HeldOn <= to && ids.Contains(a.OrganizationId));
    }

    /// <summary>Each party member's participation in an activity of the period, at the activity's organization.</summary>
    public static IQueryable<ParticipationRow> Participations(MetricScope scope) =>
        from a in Activities(scope)
        join p in scope.Db.Set<VolunteerParticipant>().AsNoTracking() on a.Id equals p.ActivityId
        select new ParticipationRow { ActivityId = a.Id, OrganizationId = a.OrganizationId, HeldOn = a.HeldOn, Title = a.Title, MemberId = p.MemberId, Hours = p.Hours };

    public static IQueryable<MetricRecord> ActivityRecords(IQueryable<VolunteerActivity> activities) =>
        activities.Select(a => new MetricRecord
        {
            RecordType = MetricRecordTypes.VolunteerActivity, RecordId = a.Id, OrganizationId = a.OrganizationId, Date = a.HeldOn, Title = a.Title, Detail = a.ServiceProject,
        });

    public static IQueryable<CommunityReport> Reports(MetricScope scope)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<CommunityReport>().AsNoTracking().Where(r => r.ReportedOn >= from && r.ReportedOn <= to && ids.Contains(r.OrganizationId));
    }

    /// <summary>Posts in effect at any time in the period: set up by its end, not yet ended at its start.</summary>
    public static IQueryable<PioneerPost> Posts(MetricScope scope)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<PioneerPost>().AsNoTracking().Where(p => p.From <= to && (p.To == null || p.To >= from) && ids.Contains(p.OrganizationId));
    }

    /// <summary>Distinct members over (member, organization) pairs: each member once in any subtree holding one of their organizations.</summary>
    public static async Task<IReadOnlyList<MetricFact>> DistinctMembersAsync(MetricScope scope, IQueryable<MetricKey<long>> memberAt, CancellationToken ct)
    {
        var pairs = await memberAt.Distinct().ToListAsync(ct);
        var tree = await MetricTree.LoadAsync(scope, ct);
        return tree.Distinct(pairs.Select(p => (p.Value, p.OrganizationId)));
    }
}

public sealed class ParticipationRow
{
    public long ActivityId { get; init; }
    public long OrganizationId { get; init; }
    public DateOnly HeldOn { get; init; }
    public string Title { get; init; } = "";
    public long MemberId { get; init; }
    public decimal Hours { get; init; }
}

/// <summary><c>volunteer.partyVolunteers</c>: distinct party members who served in the period.</summary>
public sealed class VolunteerPartyVolunteersMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("volunteer.partyVolunteers", "党员志愿者", "人", MetricKind.Flow, [],
        "统计期内参加本组织及下级组织志愿服务活动的党员人数（按人去重：一名党员参加多次只计一人）。");

    public MetricSource Source => VolunteeringSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        VolunteeringMetricQueries.DistinctMembersAsync(scope,
            VolunteeringMetricQueries.Participations(scope).Select(p => new MetricKey<long> { OrganizationId = p.OrganizationId, Value = p.MemberId }), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        from p in VolunteeringMetricQueries.Participations(scope)
        join m in scope.Db.Set<Member>() on p.MemberId equals m.Id
        select new MetricRecord { RecordType = MetricRecordTypes.VolunteerActivity, RecordId = p.ActivityId, OrganizationId = p.OrganizationId, Date = p.HeldOn, Title = m.Name, Detail = p.Title };
}

/// <summary><c>volunteer.publicVolunteers</c>: the public volunteers (群众志愿者) counted on the period's activities.</summary>
public sealed class VolunteerPublicVolunteersMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("volunteer.publicVolunteers", "群众志愿者", "人", MetricKind.Flow, [],
        "统计期内本组织及下级组织志愿服务活动登记的群众志愿者人数之和（群众志愿者只登记人数，无法按人去重）。");

    public MetricSource Source => VolunteeringSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        (await VolunteeringMetricQueries.Activities(scope).GroupBy(a => a.OrganizationId).Select(g => new { g.Key, Count = g.Sum(a => a.PublicVolunteers) }).ToListAsync(ct))
        .Select(r => new MetricFact(r.Key, null, r.Count)).ToList();

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        VolunteeringMetricQueries.ActivityRecords(VolunteeringMetricQueries.Activities(scope).Where(a => a.PublicVolunteers > 0));
}

/// <summary><c>volunteer.personTimes</c>: Σ over the period's activities of (party participants + public volunteers).</summary>
public sealed class VolunteerPersonTimesMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("volunteer.personTimes", "志愿服务人次", "人次", MetricKind.Flow, [],
        "统计期内本组织及下级组织每次志愿服务活动的参与党员人数与群众志愿者人数之和，再按活动累加（一人参加两次计两人次）。");

    public MetricSource Source => VolunteeringSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var party = await VolunteeringMetricQueries.Participations(scope).GroupBy(p => p.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var publics = await VolunteeringMetricQueries.Activities(scope).GroupBy(a => a.OrganizationId).Select(g => new { g.Key, Count = g.Sum(a => a.PublicVolunteers) }).ToListAsync(ct);
        return party.Select(p => (p.Key, p.Count)).Concat(publics.Select(p => (p.Key, p.Count)))
            .GroupBy(r => r.Key).Select(g => new MetricFact(g.Key, null, g.Sum(r => r.Count))).ToList();
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        VolunteeringMetricQueries.ActivityRecords(VolunteeringMetricQueries.Activities(scope));
}

/// <summary><c>volunteer.hours</c>: Σ of the participants' hours on the period's activities.</summary>
public sealed class VolunteerHoursMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("volunteer.hours", "志愿服务时长", "小时", MetricKind.Flow, [],
        "统计期内本组织及下级组织志愿服务活动中每名参与党员登记的服务时长之和（群众志愿者不登记时长）。");

    public MetricSource Source => VolunteeringSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        (await VolunteeringMetricQueries.Participations(scope).GroupBy(p => p.OrganizationId).Select(g => new { g.Key, Hours = g.Sum(p => p.Hours) }).ToListAsync(ct))
        .Select(r => new MetricFact(r.Key, null, r.Hours)).ToList();

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        VolunteeringMetricQueries.ActivityRecords(VolunteeringMetricQueries.Activities(scope).Where(a => scope.Db.Set<VolunteerParticipant>().Any(p => p.ActivityId == a.Id)));
}

/// <summary><c>volunteer.projectsClaimed</c>: distinct 认领 service projects per organization in the period.</summary>
public sealed class VolunteerProjectsClaimedMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("volunteer.projectsClaimed", "认领服务项目", "项", MetricKind.Flow, [],
        "统计期内本组织及下级组织开展了活动的认领服务项目数（同一组织同名项目只计一项；不同组织分别计）。");

    public MetricSource Source => VolunteeringSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        (await VolunteeringMetricQueries.Activities(scope).Where(a => a.ProjectClaimed && a.ServiceProject != null)
            .Select(a => new { a.OrganizationId, a.ServiceProject }).Distinct()
            .GroupBy(a => a.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(r => new MetricFact(r.Key, null, r.Count)).ToList();

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        VolunteeringMetricQueries.ActivityRecords(VolunteeringMetricQueries.Activities(scope).Where(a => a.ProjectClaimed && a.ServiceProject != null));
}

/// <summary><c>community.reportedMembers</c>: distinct 在职党员 who reported to a community in the period.</summary>
public sealed class CommunityReportedMembersMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("community.reportedMembers", "在职党员到社区报到", "人", MetricKind.Flow, [],
        "统计期内本组织及下级组织登记到社区报到的在职党员人数（按人去重）。");

    public MetricSource Source => CommunityReportsSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        VolunteeringMetricQueries.DistinctMembersAsync(scope,
            VolunteeringMetricQueries.Reports(scope).Select(r => new MetricKey<long> { OrganizationId = r.OrganizationId, Value = r.MemberId }), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        from r in VolunteeringMetricQueries.Reports(scope)
        join m in scope.Db.Set<Member>() on r.MemberId equals m.Id
        select new MetricRecord { RecordType = MetricRecordTypes.CommunityReport, RecordId = r.Id, OrganizationId = r.OrganizationId, Date = r.ReportedOn, Title = m.Name, Detail = r.Community };
}

/// <summary><c>pioneer.posts{kind}</c>: 党员先锋岗 / 示范岗 / 责任区 in effect at any time in the period.</summary>
public sealed class PioneerPostsMetric : IMetric
{
    public const string KindDimension = "kind";

    public MetricDefinition Definition { get; } = new("pioneer.posts", "党员先锋岗（示范岗、责任区）", "个", MetricKind.Flow, [new MetricDimension(KindDimension, "类别")],
        "统计期内设立且在期内有效（设岗日期不晚于期末、未在期初前撤岗）的党员先锋岗、示范岗、责任区个数。");

    public MetricSource Source => PioneerPostsSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var posts = VolunteeringMetricQueries.Posts(scope);
        return dimension switch
        {
            null => MetricFacts.CountAsync(posts.Select(p => p.OrganizationId), ct),
            KindDimension => MetricFacts.CountAsync(posts.Select(p => new MetricKey<PioneerPostKind> { OrganizationId = p.OrganizationId, Value = p.Kind }), k => k.ToString(), ct),
            _ => throw MetricFacts.UnknownDimension(Definition, dimension),
        };
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        dimension == KindDimension
            ? Task.FromResult(MetricFacts.EnumValues<PioneerPostKind>(PioneerPostKinds.Label))
            : MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        var posts = VolunteeringMetricQueries.Posts(scope);
        if (dimension == KindDimension && dimensionValue is not null)
        {
            var kind = MetricFacts.ParseEnum<PioneerPostKind>(Definition, dimension, dimensionValue);
            posts = posts.Where(p => p.Kind == kind);
        }

        return posts.Select(p => new MetricRecord { RecordType = MetricRecordTypes.PioneerPost, RecordId = p.Id, OrganizationId = p.OrganizationId, Date = p.From, Title = p.Name, Detail = p.Note });
    }
}
