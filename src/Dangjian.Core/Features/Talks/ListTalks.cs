using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Talks;

/// <summary>谈心谈话 of the organizations in scope (under <see cref="Under"/> when given), newest first.</summary>
public sealed record ListTalksQuery
{
    public long? Under { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>Talks in which this member took either side.</summary>
    public long? MemberId { get; init; }

    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record TalkListItem(
    long Id, long OrganizationId, string OrganizationName, DateOnly HeldOn, long InitiatorMemberId, string InitiatorName,
    long PartnerMemberId, string PartnerName, string Topic, string? Note, bool CanWrite);

public sealed class ListTalksHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<TalkListItem>>> HandleAsync(ListTalksQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;

        var talks = db.Set<HeartToHeartTalk>().AsNoTracking();
        if (query.From is DateOnly from) talks = talks.Where(t => t.HeldOn >= from);
        if (query.To is DateOnly to) talks = talks.Where(t => t.HeldOn <= to);
        if (query.MemberId is long memberId) talks = talks.Where(t => t.InitiatorMemberId == memberId || t.PartnerMemberId == memberId);
        var rows =
            from t in talks
            join o in organizations.Value on t.OrganizationId equals o.Id
            join i in db.Set<Member>().AsNoTracking() on t.InitiatorMemberId equals i.Id
            join p in db.Set<Member>().AsNoTracking() on t.PartnerMemberId equals p.Id
            select new { Talk = t, OrganizationName = o.Name, o.Path, InitiatorName = i.Name, PartnerName = p.Name };

        var size = Page<TalkListItem>.NormalizeSize(query.PageSize);
        var number = Page<TalkListItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(r => r.Talk.HeldOn).ThenByDescending(r => r.Talk.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = page.Select(r => new TalkListItem(r.Talk.Id, r.Talk.OrganizationId, r.OrganizationName, r.Talk.HeldOn, r.Talk.InitiatorMemberId, r.InitiatorName,
            r.Talk.PartnerMemberId, r.PartnerName, r.Talk.Topic, r.Talk.Note, scope.Allows(r.Path, Permission.Write))).ToList();
        return new Page<TalkListItem>(items, total, number, size);
    }
}

public sealed record TalkDetails(
    long Id, long OrganizationId, string OrganizationName, DateOnly HeldOn, long InitiatorMemberId, string InitiatorName,
    long PartnerMemberId, string PartnerName, string Topic, string? Note, bool CanWrite);

public sealed record GetTalkQuery(long Id);

public sealed class GetTalkHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<TalkDetails>> HandleAsync(GetTalkQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (
                from t in db.Set<HeartToHeartTalk>().AsNoTracking()
                join o in db.Organizations.AsNoTracking() on t.OrganizationId equals o.Id
                join i in db.Set<Member>().AsNoTracking() on t.InitiatorMemberId equals i.Id
                join p in db.Set<Member>().AsNoTracking() on t.PartnerMemberId equals p.Id
                where t.Id == query.Id
                select new { Talk = t, OrganizationName = o.Name, o.Path, InitiatorName = i.Name, PartnerName = p.Name })
            .SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return TalkErrors.NotFound(query.Id);
        var talk = row.Talk;
        return new TalkDetails(talk.Id, talk.OrganizationId, row.OrganizationName, talk.HeldOn, talk.InitiatorMemberId, row.InitiatorName, talk.PartnerMemberId, row.PartnerName,
            talk.Topic, talk.Note, scope.Allows(row.Path, Permission.Write));
    }
}

/// <summary>Whom a talk of an organization on a date can name: its roster and its committee (for the form's member selects).</summary>
public sealed record GetTalkPeopleQuery(long OrganizationId, DateOnly On);

public sealed record TalkPeople(long OrganizationId, string OrganizationName, IReadOnlyList<OrganizationPerson> People);

public sealed class GetTalkPeopleHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<TalkPeople>> HandleAsync(GetTalkPeopleQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await TalkAccess.LoadOrganizationAsync(db, query.OrganizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        return new TalkPeople(loaded.Value.Id, loaded.Value.Name, await OrganizationPeople.OnAsync(db, loaded.Value, query.On, ct));
    }
}

/// <summary>谈心谈话记录: talks.count reads "no data" for a subtree that has never recorded a talk.</summary>
public sealed class TalksSource : MetricSource
{
    public static readonly TalksSource Instance = new();

    private TalksSource()
    {
    }

    public override string Key => "talks";

    public override string Label => "谈心谈话记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<HeartToHeartTalk>().Where(t => t.HeldOn <= asOf && ids.Contains(t.OrganizationId)).Select(t => t.OrganizationId);
    }
}

/// <summary><c>talks.count</c>: 谈心谈话 held in the period in the subtree.</summary>
public sealed class TalksCountMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("talks.count", "谈心谈话", "次", MetricKind.Flow, [],
        "统计期内本组织及下级组织登记的谈心谈话次数（按谈话日期计，每条记录一次）。");

    public MetricSource Source => TalksSource.Instance;

    private static IQueryable<HeartToHeartTalk> Talks(MetricScope scope)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<HeartToHeartTalk>().AsNoTracking().Where(t => t.HeldOn >= from && t.HeldOn <= to && ids.Contains(t.OrganizationId));
    }

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        MetricFacts.CountAsync(Talks(scope).Select(t => t.OrganizationId), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        Talks(scope).Select(t => new MetricRecord
        {
            RecordType = MetricRecordTypes.Talk, RecordId = t.Id, OrganizationId = t.OrganizationId, Date = t.HeldOn, Title = t.Topic, Detail = t.Note,
        });
}
