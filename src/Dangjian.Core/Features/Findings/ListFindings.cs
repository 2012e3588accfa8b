using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Reminders;
using Dangjian.Core.Features.Talks;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Findings;

/// <summary>Findings of the organizations in scope (under <see cref="Under"/> when given): unresolved first, nearest deadline first.</summary>
public sealed record ListFindingsQuery
{
    public long? Under { get; init; }
    public FindingStatus? Status { get; init; }

    /// <summary>Only unresolved findings past their deadline.</summary>
    public bool OverdueOnly { get; init; }

    public FindingSource? Source { get; init; }
    public long? SourceId { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>A finding as lists show it, with where it came from (<see cref="SourceLink"/> opens the source's 问题清单).</summary>
public sealed record FindingListItem(
    long Id, long OrganizationId, string OrganizationName, FindingSource Source, string SourceLabel, long SourceId, string? SourceTitle, DateOnly? SourceDate,
    string Description, long? OwnerMemberId, string OwnerName, DateOnly Deadline, FindingStatus Status, string StatusLabel, DateOnly? ResolvedOn, string? Note,
    bool Overdue, bool CanWrite)
{
    public string SourceLink => Source switch
    {
        _ => $"/meetings/{SourceId}/findings",
    };
}

public sealed class ListFindingsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Page<FindingListItem>>> HandleAsync(ListFindingsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var page = await FindingQueries.PageAsync(db, organizations.Value, query, scope, clock.Today(), ct);
        return page;
    }
}

/// <summary>The 问题清单 of one 组织生活会/民主生活会, with the people its findings may be assigned to.</summary>
public sealed record GetMeetingFindingsQuery(long MeetingId);

public sealed record MeetingFindings(
    long MeetingId, long OrganizationId, string OrganizationName, string Topic, DateOnly HeldOn, IReadOnlyList<string> Kinds, bool IsLifeMeeting, bool CanWrite,
    IReadOnlyList<FindingListItem> Findings, IReadOnlyList<OrganizationPerson> People);

public sealed class GetMeetingFindingsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<MeetingFindings>> HandleAsync(GetMeetingFindingsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await FindingSources.LoadAsync(db, FindingSource.LifeMeeting, query.MeetingId, scope, Permission.Read, ct, kindChecked: false);
        if (!source.IsSuccess) return source.FirstError;
        var organization = source.Value.Organization;
        var kinds = await (from link in db.Set<MeetingKindLink>().AsNoTracking()
                           join kind in db.Set<MeetingKind>().AsNoTracking() on link.MeetingKindId equals kind.Id
                           where link.MeetingId == query.MeetingId
                           orderby kind.SortOrder
                           select new { kind.Code, kind.Name }).ToListAsync(ct);
        var isLife = kinds.Any(k => FindingSources.LifeMeetingKindCodes.Contains(k.Code));
        var canWrite = scope.Allows(organization.Path, Permission.Write);
        var findings = await FindingQueries.PageAsync(db, db.Organizations.AsNoTracking().Where(o => o.Id == organization.Id),
            new ListFindingsQuery { Source = FindingSource.LifeMeeting, SourceId = query.MeetingId, PageSize = 100 }, scope, clock.Today(), ct, all: true);
        var people = canWrite ? await OrganizationPeople.OnAsync(db, organization, source.Value.Date, ct) : [];
        return new MeetingFindings(query.MeetingId, organization.Id, organization.Name, source.Value.Title, source.Value.Date, kinds.Select(k => k.Name).ToList(),
            isLife, canWrite, findings.Items, people);
    }
}

/// <summary>Counts of a meeting's findings by status, for the summary on the meeting page.</summary>
public sealed record FindingCounts(int Total, int Open, int InProgress, int Resolved, int Overdue);

public sealed record GetFindingCountsQuery(FindingSource Source, long SourceId);

public sealed class GetFindingCountsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<FindingCounts>> HandleAsync(GetFindingCountsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await FindingSources.LoadAsync(db, query.Source, query.SourceId, scope, Permission.Read, ct, kindChecked: false);
        if (!source.IsSuccess) return source.FirstError;
        var today = clock.Today();
        var rows = await db.Set<Finding>().AsNoTracking()
            .Where(f => f.Source == query.Source && f.SourceId == query.SourceId)
            .GroupBy(f => new { f.Status, Late = f.Deadline < today })
            .Select(g => new { g.Key.Status, g.Key.Late, Count = g.Count() })
            .ToListAsync(ct);
        return new FindingCounts(rows.Sum(r => r.Count), rows.Where(r => r.Status == FindingStatus.Open).Sum(r => r.Count),
            rows.Where(r => r.Status == FindingStatus.InProgress).Sum(r => r.Count), rows.Where(r => r.Status == FindingStatus.Resolved).Sum(r => r.Count),
            rows.Where(r => r.Status != FindingStatus.Resolved && r.Late).Sum(r => r.Count));
    }
}

internal static class FindingQueries
{
    public static IQueryable<Finding> Overdue(IQueryable<Finding> findings, DateOnly today) =>
        findings.Where(f => f.Status != FindingStatus.Resolved && f.Deadline < today);

    public static async Task<Page<FindingListItem>> PageAsync(
        DangjianDbContext db, IQueryable<Organization> organizations, ListFindingsQuery query, AccessScope scope, DateOnly today, CancellationToken ct, bool all = false)
    {
        var findings = db.Set<Finding>().AsNoTracking();
        if (query.Status is FindingStatus status) findings = findings.Where(f => f.Status == status);
        if (query.OverdueOnly) findings = Overdue(findings, today);
        if (query.Source is FindingSource source) findings = findings.Where(f => f.Source == source);
        if (query.SourceId is long sourceId) findings = findings.Where(f => f.SourceId == sourceId);
        var rows =
            from f in findings
            join o in organizations on f.OrganizationId equals o.Id
            join m in db.Set<Meeting>().AsNoTracking() on f.SourceId equals m.Id into ms
            from m in ms.DefaultIfEmpty()
            let isMeeting = f.Source == FindingSource.LifeMeeting && m != null
            select new { Finding = f, OrganizationName = o.Name, o.Path, Topic = isMeeting ? m!.Topic : null, HeldOn = isMeeting ? m!.HeldOn : (DateOnly?)null };

        var size = all ? int.MaxValue : Page<FindingListItem>.NormalizeSize(query.PageSize);
        var number = all ? 1 : Page<FindingListItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var ordered = all
            ? rows.OrderBy(r => r.Finding.Id)
            : rows.OrderBy(r => r.Finding.Status == FindingStatus.Resolved ? 1 : 0).ThenBy(r => r.Finding.Deadline).ThenByDescending(r => r.Finding.Id);
        var list = await (all ? ordered : ordered.Skip((number - 1) * size).Take(size)).ToListAsync(ct);
        var items = list.Select(r =>
        {
            var f = r.Finding;
            return new FindingListItem(f.Id, f.OrganizationId, r.OrganizationName, f.Source, f.Source.Label(), f.SourceId, r.Topic, r.HeldOn, f.Description, f.OwnerMemberId,
                f.OwnerName, f.Deadline, f.Status, f.Status.Label(), f.ResolvedOn, f.Note, f.Status != FindingStatus.Resolved && f.Deadline < today,
                scope.Allows(r.Path, Permission.Write));
        }).ToList();
        return new Page<FindingListItem>(items, total, number, all ? Math.Max(total, 1) : size);
    }
}

/// <summary>Findings of 组织生活会/民主生活会 still open after their deadline: the owner's rectification is overdue.</summary>
public sealed class FindingReminders(IDbContextFactory<DangjianDbContext> dbFactory) : IReminderSource
{
    public const string Category = "问题整改";

    public async Task<IReadOnlyList<Reminder>> GetAsync(AccessScope scope, string? rootPath, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = scope.Organizations(db.Organizations.AsNoTracking());
        if (rootPath is not null) organizations = organizations.InSubtree(rootPath);
        var rows = await (
                from f in FindingQueries.Overdue(db.Set<Finding>().AsNoTracking(), today)
                join o in organizations on f.OrganizationId equals o.Id
                orderby f.Deadline, f.Id
                select new { f.Description, f.OwnerName, f.Deadline, f.Source, f.SourceId, o.Name, OrganizationId = o.Id })
            .Take(200).ToListAsync(ct);
        return rows.Select(r => new Reminder(ReminderSeverity.Overdue, Category,
            $"{r.Name}：问题“{Shorten(r.Description)}”（责任人 {r.OwnerName}）整改时限 {r.Deadline:yyyy-MM-dd} 已过，尚未整改完成",
            $"/meetings/{r.SourceId}/findings", r.OrganizationId, r.Deadline)).ToList();
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
