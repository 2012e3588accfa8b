using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Meetings;

/// <summary>One attendance row as the decision rules see it.</summary>
public sealed record AttendeeFact(AttendeeRole Role, AttendanceStatus Status, bool IsVoter, bool IsCommitteeMember, bool Excluded)
{
    public static AttendeeFact Of(MeetingAttendee a) => new(a.Role, a.Status, a.IsVoter, a.IsCommitteeMember, a.ExcludedFromExpected);
}

/// <summary>One 议题 as the decision rules see it; <paramref name="Index"/> is its position in the form (from 0).</summary>
public sealed record AgendaFact(int Index, string Title, bool HasDecision, int? VotesYes, int? VotesNo, int? VotesAbstain, bool? Passed)
{
    public bool IsVoted => VotesYes is not null;

    public static AgendaFact Of(int index, AgendaItem item) =>
        new(index, item.Title, !string.IsNullOrWhiteSpace(item.Decision) || item.IsVoted, item.VotesYes, item.VotesNo, item.VotesAbstain, item.Passed);
}

/// <summary>
/// The attendance figures of a meeting. 应到 counts the roster rows less approved exclusions; 列席 and guests never count.
/// </summary>
public sealed record AttendanceCounts(
    int Expected, int Present, int Leave, int Absent, int Excluded, int ExpectedVoters, int PresentVoters,
    int? CommitteeSize, int PresentCommitteeMembers, int NonVoting, int Guests)
{
    /// <summary>实到 ÷ 应到 in percent, one decimal (ui.md); null without anyone expected.</summary>
    public decimal? AttendanceRate => Expected == 0 ? null : Math.Round(Present * 100m / Expected, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Whose votes decide a meeting's 议题, and how many of them should attend and did.</summary>
public enum DecidingBody
{
    /// <summary>支部党员大会: the members with a vote (应到会 less approved exclusions).</summary>
    GeneralMeeting,

    /// <summary>支委会 / 党组（党委）会议: the committee's members in office on the meeting date.</summary>
    Committee,

    /// <summary>Any other meeting that records a vote: the members with a vote on the roster, as for a 党员大会, but without its quorum rule.</summary>
    Members,
}

public sealed record Electorate(DecidingBody Body, int Expected, int Present)
{
    /// <summary>"有表决权党员" or "委员", for the sentences the user reads.</summary>
    public string Noun => Body == DecidingBody.Committee ? "委员" : "有表决权党员";
}

/// <summary>
/// The rules a meeting record must keep, on top of <see cref="MajorityRules"/> (which holds the arithmetic):
/// <list type="bullet">
/// <item>《支部工作条例》第十四条: a 支部党员大会 may decide only when more than half of the members with a vote who should
/// attend are present; a resolution passes with yes votes from more than half of those who should attend (应到会), not of those
/// present. Approved exclusions (long-term sick, abroad 6 months or more, …; domain.md §3) reduce 应到会, each with a reason.</item>
/// <item>《支部工作条例》: a 支委会 "须有半数以上委员到会方可进行" — more than half of the committee's members in office that day.
/// The same reading is applied to a 党组（党委）会议, whose members are the organization's committee seats.</item>
/// <item>Votes cast cannot exceed the deciding members present.</item>
/// </list>
/// Quorum is checked only when the record carries a decision (a 议题 with a decision or a vote): a meeting without a quorum
/// can still be recorded as held — it counts for attendance and obligations — but it cannot have decided anything.
/// Who is 应到 depends on the kinds: the leadership kinds (<see cref="LeadershipKinds"/>) expect the committee, every
/// other kind expects the organization's roster on the date (for a 党小组, the group's).
/// </summary>
public static class MeetingRules
{
    /// <summary>
    /// Meetings of the 班子, whose 应到 is the committee in office rather than every member: 支委会, 党组（党委）会议,
    /// 民主生活会 (held by the 领导班子) and 理论学习中心组学习 (whose members are the 班子成员).
    /// </summary>
    public static readonly IReadOnlySet<string> LeadershipKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        MeetingKindCodes.CommitteeMeeting, MeetingKindCodes.PartyCommitteeMeeting, MeetingKindCodes.LeadershipLifeMeeting, MeetingKindCodes.CentralGroupStudy,
    };

    /// <summary>Kinds whose decisions are taken by the committee (and need its quorum when one is recorded).</summary>
    public static readonly IReadOnlySet<string> CommitteeDecisionKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        MeetingKindCodes.CommitteeMeeting, MeetingKindCodes.PartyCommitteeMeeting,
    };

    /// <summary>Whether the roster of the organization is 应到: any kind other than a leadership kind involves every member.</summary>
    public static bool ExpectsRoster(IReadOnlyCollection<string> kindCodes) => kindCodes.Any(k => !LeadershipKinds.Contains(k));

    /// <summary>Whether the committee in office is 应到 (its members are added to the roster when they are not on it).</summary>
    public static bool ExpectsCommittee(IReadOnlyCollection<string> kindCodes) => kindCodes.Any(LeadershipKinds.Contains);

    public static AttendanceCounts Count(IEnumerable<AttendeeFact> attendees, int? committeeSize)
    {
        int expected = 0, present = 0, leave = 0, absent = 0, excluded = 0, expectedVoters = 0, presentVoters = 0, presentCommittee = 0, nonVoting = 0, guests = 0;
        foreach (var a in attendees)
        {
            if (a.Role == AttendeeRole.NonVoting)
            {
                nonVoting++;
                continue;
            }

            if (a.Role == AttendeeRole.Guest)
            {
                guests++;
                continue;
            }

            var isPresent = a.Status == AttendanceStatus.Present;
            if (a.Excluded) excluded++;
            else expected++;
            if (isPresent) present++;
            else if (a.Status == AttendanceStatus.Leave) leave++;
            else absent++;
            if (a.IsVoter && !a.Excluded)
            {
                expectedVoters++;
                if (isPresent) presentVoters++;
            }

            if (a.IsCommitteeMember && isPresent) presentCommittee++;
        }

        return new AttendanceCounts(expected, present, leave, absent, excluded, expectedVoters, presentVoters, committeeSize, presentCommittee, nonVoting, guests);
    }

    /// <summary>A 党员大会 decides as the members; a 支委会 or 党组（党委）会议 alone as the committee; anything else as the members.</summary>
    public static DecidingBody BodyFor(IReadOnlyCollection<string> kindCodes) =>
        kindCodes.Contains(MeetingKindCodes.BranchGeneralMeeting) ? DecidingBody.GeneralMeeting
        : kindCodes.Any(CommitteeDecisionKinds.Contains) ? DecidingBody.Committee
        : DecidingBody.Members;

    public static Electorate ElectorateFor(IReadOnlyCollection<string> kindCodes, AttendanceCounts counts)
    {
        var body = BodyFor(kindCodes);
        return body == DecidingBody.Committee
            ? new Electorate(body, counts.CommitteeSize ?? 0, counts.PresentCommitteeMembers)
            : new Electorate(body, counts.ExpectedVoters, counts.PresentVoters);
    }

    /// <summary>
    /// Every rule the recorded decisions break, as conflicts with the numbers in the message. Empty when the record may stand.
    /// Input errors (missing result, negative votes) are the handler's validation, checked before this.
    /// </summary>
    public static IReadOnlyList<Error> CheckDecisions(IReadOnlyCollection<string> kindCodes, AttendanceCounts counts, IReadOnlyList<AgendaFact> items)
    {
        var errors = new List<Error>();
        if (!items.Any(i => i.HasDecision || i.IsVoted)) return errors;

        if (kindCodes.Contains(MeetingKindCodes.BranchGeneralMeeting) && !MajorityRules.GeneralMeetingQuorate(counts.PresentVoters, counts.ExpectedVoters))
        {
            errors.Add(counts.ExpectedVoters == 0
                ? MeetingErrors.NoVotersExpected
                : MeetingErrors.GeneralMeetingNotQuorate(counts.ExpectedVoters, counts.PresentVoters));
        }

        if (kindCodes.Any(CommitteeDecisionKinds.Contains) && !MajorityRules.CommitteeMeetingQuorate(counts.PresentCommitteeMembers, counts.CommitteeSize ?? 0))
        {
            errors.Add((counts.CommitteeSize ?? 0) == 0
                ? MeetingErrors.NoCommittee
                : MeetingErrors.CommitteeNotQuorate(counts.CommitteeSize!.Value, counts.PresentCommitteeMembers));
        }

        var electorate = ElectorateFor(kindCodes, counts);
        foreach (var item in items.Where(i => i.IsVoted))
        {
            int yes = item.VotesYes!.Value, no = item.VotesNo ?? 0, abstain = item.VotesAbstain ?? 0;
            if (!MajorityRules.VotesPossible(yes, no, abstain, electorate.Present))
            {
                errors.Add(MeetingErrors.TooManyVotes(item.Index, item.Title, yes + no + abstain, electorate));
                continue;
            }

            var passes = MajorityRules.ResolutionPasses(yes, electorate.Expected);
            if (item.Passed == true && !passes) errors.Add(MeetingErrors.PassedWithoutMajority(item.Index, item.Title, yes, electorate));
            if (item.Passed == false && passes) errors.Add(MeetingErrors.FailedDespiteMajority(item.Index, item.Title, yes, electorate));
        }

        return errors;
    }

    /// <summary>The verdict the rules give a voted 议题, as the detail page shows it; null when it was not voted on.</summary>
    public static VoteVerdict? Verdict(AgendaFact item, Electorate electorate)
    {
        if (item.VotesYes is not int yes) return null;
        var passes = MajorityRules.ResolutionPasses(yes, electorate.Expected);
        var explanation = passes
            ? $"赞成 {yes} 票，超过应到会{electorate.Noun} {electorate.Expected} 人的半数"
            : $"赞成 {yes} 票，未超过应到会{electorate.Noun} {electorate.Expected} 人的半数";
        return new VoteVerdict(passes, passes ? "通过" : "未通过", explanation);
    }
}

public sealed record VoteVerdict(bool Passes, string Label, string Explanation);
