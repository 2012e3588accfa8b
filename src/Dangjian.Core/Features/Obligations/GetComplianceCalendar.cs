using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Obligations;

/// <summary>The work calendar of one month for an organization's subtree: meetings held, and obligations falling due.</summary>
public sealed record GetComplianceCalendarQuery(long OrganizationId, int Year, int Month);

public sealed record CalendarMeeting(long Id, DateOnly HeldOn, TimeOnly? StartTime, string Topic, long OrganizationId, string OrganizationName, IReadOnlyList<string> Kinds);

/// <summary>An organization that has not met an obligation whose occurrence ends this month.</summary>
public sealed record CalendarUnmet(long OrganizationId, string Name, int Count, int MinCount, ComplianceStatus Status, string StatusLabel, string? Note);

/// <summary>
/// An obligation whose occurrence ends in the month: how many organizations it applies to, how many met it, and the
/// first <see cref="GetComplianceCalendarHandler.UnmetShown"/> that have not.
/// </summary>
public sealed record CalendarDue(
    long ObligationId, string Code, string Name, ObligationEvidence Evidence, IReadOnlyList<string> KindCodes, string OccurrenceLabel, DateOnly OccurrenceStart, DateOnly DueOn,
    int Applicable, int Met, int Unmet, IReadOnlyList<CalendarUnmet> UnmetShown);

public sealed record ComplianceCalendar(
    long OrganizationId, string OrganizationName, int Year, int Month, DateOnly Today, IReadOnlyList<CalendarMeeting> Meetings, int MeetingTotal, IReadOnlyList<CalendarDue> Due);

public sealed class GetComplianceCalendarHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public const int MeetingLimit = 300;
    public const int UnmetShown = 20;

    public async Task<Result<ComplianceCalendar>> HandleAsync(GetComplianceCalendarQuery query, AccessScope scope, CancellationToken ct)
    {
        if (query.Year is < 1900 or > 9999 || query.Month is < 1 or > 12) return ObligationErrors.MonthInvalid;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.OrganizationId, ct);
        if (!organizations.IsSuccess) return ObligationErrors.OrganizationNotFound(query.OrganizationId);
        var name = await db.Organizations.Where(o => o.Id == query.OrganizationId).Select(o => o.Name).SingleAsync(ct);

        var first = new DateOnly(query.Year, query.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var ids = organizations.Value.Select(o => o.Id);
        var held = db.Set<Meeting>().AsNoTracking().Where(m => m.HeldOn >= first && m.HeldOn <= last && ids.Contains(m.OrganizationId));
        var total = await held.CountAsync(ct);
        var meetings = await (
                from m in held
                join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
                orderby m.HeldOn, m.StartTime, m.Id
                select new { m.Id, m.HeldOn, m.StartTime, m.Topic, m.OrganizationId, o.Name })
            .Take(MeetingLimit)
            .ToListAsync(ct);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var kinds = (await (
                    from l in db.Set<MeetingKindLink>().AsNoTracking()
                    join k in db.Set<MeetingKind>().AsNoTracking() on l.MeetingKindId equals k.Id
                    where meetingIds.Contains(l.MeetingId)
                    orderby k.SortOrder, k.Id
                    select new { l.MeetingId, k.Name })
                .ToListAsync(ct))
            .ToLookup(k => k.MeetingId, k => k.Name);

        var today = clock.Today();
        var result = await ComplianceEvaluator.EvaluateAsync(db, organizations.Value, first, last, today, ct);
        var due = new List<CalendarDue>();
        for (var i = 0; i < result.Obligations.Count; i++)
        {
            var obligation = result.Obligations[i];
            var ending = result.Rows
                .Select(r => (r.Organization, Occurrence: r.Cells[i].Occurrences.FirstOrDefault(o => o.End >= first && o.End <= last && o.Status != ComplianceStatus.NotApplicable)))
                .Where(x => x.Occurrence is not null)
                .ToList();
            // Overrides may give organizations different frequencies: one entry per occurrence (a month, a quarter, the year).
            foreach (var group in ending.GroupBy(x => (x.Occurrence!.Start, x.Occurrence.End)).OrderBy(g => g.Key.End).ThenByDescending(g => g.Key.Start))
            {
                var unmet = group.Where(x => x.Occurrence!.Status != ComplianceStatus.Met).ToList();
                var sample = group.First().Occurrence!;
                var count = group.Count();
                due.Add(new CalendarDue(
                    obligation.Id, obligation.Code, obligation.Name, obligation.Evidence, obligation.KindCodes, sample.Label, sample.Start, sample.End,
                    count, count - unmet.Count, unmet.Count,
                    unmet.Take(UnmetShown).Select(x => new CalendarUnmet(
                        x.Organization.Id, x.Organization.Name, x.Occurrence!.Count, x.Occurrence.MinCount, x.Occurrence.Status, x.Occurrence.Status.Label(), x.Occurrence.Note)).ToList()));
            }
        }

        return new ComplianceCalendar(
            query.OrganizationId, name, query.Year, query.Month, today,
            meetings.Select(m => new CalendarMeeting(m.Id, m.HeldOn, m.StartTime, m.Topic, m.OrganizationId, m.Name, kinds[m.Id].ToList())).ToList(),
            total, due);
    }
}
