using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Meetings;

/// <summary>
/// Meetings in the caller's scope, newest first: under a subtree root (<see cref="UnderId"/>), of a kind (by code), held
/// within [<see cref="From"/>, <see cref="To"/>] (both inclusive), with a topic containing <see cref="Search"/>.
/// </summary>
public sealed record ListMeetingsQuery
{
    public long? UnderId { get; init; }
    public string? KindCode { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Search { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record MeetingListItem(
    long Id, DateOnly HeldOn, long OrganizationId, string OrganizationName, string Topic, IReadOnlyList<MeetingKindTag> Kinds,
    int Expected, int Present, decimal? AttendanceRate, int AgendaItems);

public sealed class ListMeetingsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<MeetingListItem>>> HandleAsync(ListMeetingsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inScope = await db.InScopeUnderAsync(scope, query.UnderId, ct);
        if (!inScope.IsSuccess) return inScope.FirstError;
        if (query.From is DateOnly from && query.To is DateOnly to && from > to)
        {
            return Error.Validation("meeting.range", "开始日期不能晚于结束日期", "From");
        }

        var meetings =
            from m in db.Set<Meeting>().AsNoTracking()
            join o in inScope.Value on m.OrganizationId equals o.Id
            select new { Meeting = m, OrganizationName = o.Name };
        if (!string.IsNullOrWhiteSpace(query.KindCode))
        {
            var code = query.KindCode.Trim();
            var kindId = await db.Set<MeetingKind>().Where(k => k.Code == code).Select(k => (long?)k.Id).SingleOrDefaultAsync(ct);
            if (kindId is null) return MeetingErrors.KindUnknown(code);
            var withKind = db.Set<MeetingKindLink>().Where(l => l.MeetingKindId == kindId).Select(l => l.MeetingId);
            meetings = meetings.Where(x => withKind.Contains(x.Meeting.Id));
        }

        if (query.From is DateOnly start) meetings = meetings.Where(x => x.Meeting.HeldOn >= start);
        if (query.To is DateOnly end) meetings = meetings.Where(x => x.Meeting.HeldOn <= end);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            meetings = meetings.Where(x => x.Meeting.Topic.Contains(term));
        }

        var size = Page<MeetingListItem>.NormalizeSize(query.PageSize);
        var number = Page<MeetingListItem>.NormalizeNumber(query.Page);
        var total = await meetings.CountAsync(ct);
        var rows = await meetings.OrderByDescending(x => x.Meeting.HeldOn).ThenByDescending(x => x.Meeting.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(x => new { x.Meeting.Id, x.Meeting.HeldOn, x.Meeting.OrganizationId, x.OrganizationName, x.Meeting.Topic })
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
        var kinds = (await (from l in db.Set<MeetingKindLink>().AsNoTracking()
                            join k in db.Set<MeetingKind>().AsNoTracking() on l.MeetingKindId equals k.Id
                            where ids.Contains(l.MeetingId)
                            select new { l.MeetingId, k.Id, k.Code, k.Name, k.SortOrder }).ToListAsync(ct))
            .ToLookup(k => k.MeetingId);
        var attendance = (await db.Set<MeetingAttendee>().AsNoTracking()
                .Where(a => ids.Contains(a.MeetingId) && a.Role == AttendeeRole.Member)
                .GroupBy(a => a.MeetingId)
                .Select(g => new
                {
                    MeetingId = g.Key,
                    Expected = g.Sum(a => a.ExcludedFromExpected ? 0 : 1),
                    Present = g.Sum(a => a.Status == AttendanceStatus.Present ? 1 : 0),
                })
                .ToListAsync(ct))
            .ToDictionary(a => a.MeetingId);
        var agenda = (await db.Set<AgendaItem>().AsNoTracking().Where(a => ids.Contains(a.MeetingId))
                .GroupBy(a => a.MeetingId).Select(g => new { MeetingId = g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(a => a.MeetingId, a => a.Count);

        var items = rows.Select(r =>
        {
            var a = attendance.GetValueOrDefault(r.Id);
            int expected = a?.Expected ?? 0, present = a?.Present ?? 0;
            decimal? rate = expected == 0 ? null : Math.Round(present * 100m / expected, 1, MidpointRounding.AwayFromZero);
            return new MeetingListItem(
                r.Id, r.HeldOn, r.OrganizationId, r.OrganizationName, r.Topic,
                kinds[r.Id].OrderBy(k => k.SortOrder).ThenBy(k => k.Id).Select(k => new MeetingKindTag(k.Id, k.Code, k.Name)).ToList(),
                expected, present, rate, agenda.GetValueOrDefault(r.Id));
        }).ToList();
        return new Page<MeetingListItem>(items, total, number, size);
    }
}
