using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Meetings;

public sealed record GetMeetingQuery(long Id);

public sealed record MeetingKindTag(long Id, string Code, string Name);

public sealed record MeetingAttendeeItem(
    long Id, long? MemberId, string Name, AttendeeRole Role, string RoleLabel, AttendanceStatus Status, string StatusLabel, string? LeaveReason,
    bool IsVoter, bool IsCommitteeMember, bool Excluded, string? ExclusionReason);

/// <summary>A 议题 with the verdict the rules give its vote (null when it was not voted on).</summary>
public sealed record MeetingAgendaItem(
    long Id, int Order, string Title, AgendaTopic Topic, string TopicLabel, string? Decision, int? VotesYes, int? VotesNo, int? VotesAbstain, bool? Passed,
    VoteVerdict? Verdict);

public sealed record MeetingSpeakerItem(long Id, long? MemberId, string Name, string? Summary);

/// <summary>A quorum rule that applies to the meeting, and whether its attendance met it.</summary>
public sealed record QuorumCheck(string Rule, bool Met, string Message);

/// <summary>One meeting with its figures: 应到/实到/请假/缺席/出席率, the quorum of its kinds and each 议题's verdict.</summary>
public sealed record MeetingView(
    long Id, long OrganizationId, string OrganizationName, OrganizationKind OrganizationKind, DateOnly HeldOn, TimeOnly? StartTime, string? Place, string Topic,
    IReadOnlyList<MeetingKindTag> Kinds, long? HostMemberId, string? HostName, long? RecorderMemberId, string? RecorderName,
    long? LecturerMemberId, string? LecturerName, LecturerRole? LecturerRole, string? LecturerRoleLabel, string? Minutes, DateTime RecordedAt,
    AttendanceCounts Counts, Electorate Electorate, IReadOnlyList<QuorumCheck> Quorum,
    IReadOnlyList<MeetingAttendeeItem> Attendees, IReadOnlyList<MeetingAgendaItem> AgendaItems, IReadOnlyList<MeetingSpeakerItem> KeySpeakers,
    bool CanWrite)
{
    public IReadOnlyList<string> KindCodes => Kinds.Select(k => k.Code).ToList();
}

public sealed class GetMeetingHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<MeetingView>> HandleAsync(GetMeetingQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var loaded = await MeetingAccess.LoadMeetingAsync(db, query.Id, scope, Permission.Read, withRows: true, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (m, organization) = loaded.Value;

        var kindIds = m.Kinds.Select(k => k.MeetingKindId).ToList();
        var kinds = await db.Set<MeetingKind>().Where(k => kindIds.Contains(k.Id)).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .Select(k => new MeetingKindTag(k.Id, k.Code, k.Name)).ToListAsync(ct);
        var codes = kinds.Select(k => k.Code).ToList();

        var attendees = m.Attendees.OrderBy(a => a.Role).ThenBy(a => a.Id).ToList();
        var counts = MeetingRules.Count(attendees.Select(AttendeeFact.Of), m.CommitteeSize);
        var electorate = MeetingRules.ElectorateFor(codes, counts);
        var agenda = m.AgendaItems.OrderBy(a => a.Order).ThenBy(a => a.Id).ToList();

        return new MeetingView(
            m.Id, m.OrganizationId, organization.Name, organization.Kind, m.HeldOn, m.StartTime, m.Place, m.Topic, kinds,
            m.HostMemberId, m.HostName, m.RecorderMemberId, m.RecorderName, m.LecturerMemberId, m.LecturerName, m.LecturerRole, m.LecturerRole?.Label(),
            m.Minutes, m.RecordedAt, counts, electorate, Quorum(codes, counts),
            attendees.Select(a => new MeetingAttendeeItem(
                a.Id, a.MemberId, a.Name, a.Role, a.Role.Label(), a.Status, a.Status.Label(), a.LeaveReason, a.IsVoter, a.IsCommitteeMember,
                a.ExcludedFromExpected, a.ExclusionReason)).ToList(),
            agenda.Select((a, i) => new MeetingAgendaItem(
                a.Id, a.Order, a.Title, a.Topic, a.Topic.Label(), a.Decision, a.VotesYes, a.VotesNo, a.VotesAbstain, a.Passed,
                MeetingRules.Verdict(AgendaFact.Of(i, a), electorate))).ToList(),
            m.KeySpeakers.OrderBy(s => s.Id).Select(s => new MeetingSpeakerItem(s.Id, s.MemberId, s.Name, s.Summary)).ToList(),
            scope.Allows(organization.Path, Permission.Write));
    }

    /// <summary>The quorum rules of the meeting's kinds, stated with the numbers, whether or not a decision was recorded.</summary>
    private static List<QuorumCheck> Quorum(IReadOnlyCollection<string> codes, AttendanceCounts counts)
    {
        var checks = new List<QuorumCheck>();
        if (codes.Contains(MeetingKindCodes.BranchGeneralMeeting))
        {
            var met = MajorityRules.GeneralMeetingQuorate(counts.PresentVoters, counts.ExpectedVoters);
            checks.Add(new QuorumCheck("支部党员大会", met,
                $"应到会有表决权党员 {counts.ExpectedVoters} 人，实到 {counts.PresentVoters} 人，{(met ? "超过半数，可以作出决定" : "未超过半数，不能作出决定")}"));
        }

        if (codes.Any(MeetingRules.CommitteeDecisionKinds.Contains))
        {
            var size = counts.CommitteeSize ?? 0;
            var met = MajorityRules.CommitteeMeetingQuorate(counts.PresentCommitteeMembers, size);
            checks.Add(new QuorumCheck("委员会会议", met,
                $"应到会委员 {size} 人，实到 {counts.PresentCommitteeMembers} 人，{(met ? "超过半数，可以作出决定" : "未超过半数，不能作出决定")}"));
        }

        return checks;
    }
}
