using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Meetings;

/// <summary>
/// Who should attend (应到) a meeting of an organization on a date, for the given kinds: the attendance form starts from it,
/// and saving checks the attendance against it.
/// </summary>
public sealed record GetMeetingRosterQuery(long OrganizationId, DateOnly Date, IReadOnlyList<string> KindCodes);

/// <summary>
/// One person expected at the meeting, with the standing on the date that decides votes and quorum.
/// <paramref name="Post"/> is the committee post label for committee members.
/// </summary>
public sealed record ExpectedAttendee(long MemberId, string Name, bool IsVoter, bool IsProbationary, bool IsCommitteeMember, string? Post);

/// <summary>
/// The 应到 of a meeting. <see cref="CommitteeSize"/> counts every committee seat in office on the date (the 支委会 quorum's
/// denominator); seats held by someone without a member record are listed in <see cref="UnlinkedSeats"/>, because their
/// attendance cannot be recorded.
/// </summary>
public sealed record MeetingRoster(
    long OrganizationId, string OrganizationName, OrganizationKind OrganizationKind, DateOnly Date, IReadOnlyList<string> KindCodes,
    IReadOnlyList<ExpectedAttendee> People, int CommitteeSize, IReadOnlyList<string> UnlinkedSeats, bool CanWrite);

public sealed class GetMeetingRosterHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<MeetingRoster>> HandleAsync(GetMeetingRosterQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MeetingAccess.LoadOrganizationAsync(db, query.OrganizationId, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var codes = query.KindCodes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        var roster = await MeetingRosters.ForAsync(db, loaded.Value, query.Date, codes, ct);
        return roster with { CanWrite = scope.Allows(loaded.Value.Path, Permission.Write) };
    }
}

internal static class MeetingRosters
{
    /// <summary>
    /// The roster of the organization on the date (for a 党小组, the group's; MemberRoster) when any kind involves every
    /// member, plus the committee in office when a leadership kind is among the kinds (MeetingRules.LeadershipKinds).
    /// </summary>
    public static async Task<MeetingRoster> ForAsync(DangjianDbContext db, Organization organization, DateOnly date, IReadOnlyList<string> kindCodes, CancellationToken ct)
    {
        var seats = await db.Set<CommitteeMember>().AsNoTracking()
            .Where(c => c.OrganizationId == organization.Id && c.From <= date && (c.To == null || c.To > date))
            .Select(c => new { c.MemberId, c.Name, c.Post })
            .ToListAsync(ct);
        var postOf = seats.Where(s => s.MemberId is not null)
            .GroupBy(s => s.MemberId!.Value)
            .ToDictionary(g => g.Key, g => g.Min(s => s.Post).Label());

        var people = new List<ExpectedAttendee>();
        if (MeetingRules.ExpectsRoster(kindCodes))
        {
            var roster = await MemberRoster.ForAsync(db, organization.Id, organization.Kind == OrganizationKind.Group, date, ct);
            people.AddRange(roster.Select(r => new ExpectedAttendee(r.MemberId, r.Name, r.IsVoter, r.IsProbationary, postOf.ContainsKey(r.MemberId), postOf.GetValueOrDefault(r.MemberId))));
        }

        if (MeetingRules.ExpectsCommittee(kindCodes))
        {
            var missing = postOf.Keys.Where(id => people.All(p => p.MemberId != id)).ToList();
            if (missing.Count > 0)
            {
                // Committee members placed elsewhere (a 党委's members sit in its branches): their standing comes from their own placement.
                var placed = (await MemberRoster.On(db, date).Where(p => missing.Contains(p.MemberId)).ToListAsync(ct))
                    .GroupBy(p => p.MemberId).ToDictionary(g => g.Key, g => g.First());
                var names = await db.Set<Member>().AsNoTracking().Where(m => missing.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
                foreach (var id in missing.Where(names.ContainsKey).OrderBy(id => postOf[id] == CommitteePost.Secretary.Label() ? 0 : 1).ThenBy(id => names[id], StringComparer.Ordinal))
                {
                    var row = placed.GetValueOrDefault(id);
                    people.Add(new ExpectedAttendee(id, names[id], row is not null && MemberRoster.IsVoterOn(row, date), row is not null && !row.IsFullOnDate, true, postOf[id]));
                }
            }
        }

        var unlinked = seats.Where(s => s.MemberId is null).Select(s => s.Name).ToList();
        return new MeetingRoster(organization.Id, organization.Name, organization.Kind, date, kindCodes, people, postOf.Count + unlinked.Count, unlinked, false);
    }
}
