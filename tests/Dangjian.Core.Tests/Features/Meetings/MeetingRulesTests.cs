using Dangjian.Core.Common;
using Dangjian.Core.Features.Meetings;
using static Dangjian.Core.Features.Meetings.MeetingKindCodes;

namespace Dangjian.Core.Tests.Features.Meetings;

public sealed class MeetingRulesTests
{
    private static readonly string[] General = [BranchGeneralMeeting];
    private static readonly string[] Committee = [CommitteeMeeting];

    /// <summary><paramref name="voters"/> voting members of whom <paramref name="present"/> came, plus <paramref name="excluded"/> approved exclusions (absent).</summary>
    private static AttendanceCounts Members(int voters, int present, int excluded = 0, int probationaryPresent = 0)
    {
        var rows = new List<AttendeeFact>();
        for (var i = 0; i < voters; i++) rows.Add(new AttendeeFact(AttendeeRole.Member, i < present ? AttendanceStatus.Present : AttendanceStatus.Absent, true, false, false));
        for (var i = 0; i < excluded; i++) rows.Add(new AttendeeFact(AttendeeRole.Member, AttendanceStatus.Leave, true, false, true));
        for (var i = 0; i < probationaryPresent; i++) rows.Add(new AttendeeFact(AttendeeRole.Member, AttendanceStatus.Present, false, false, false));
        return MeetingRules.Count(rows, null);
    }

    private static AttendanceCounts CommitteeOf(int seats, int present) =>
        MeetingRules.Count(Enumerable.Range(0, seats).Select(i => new AttendeeFact(AttendeeRole.Member, i < present ? AttendanceStatus.Present : AttendanceStatus.Leave, true, true, false)), seats);

    private static AgendaFact Decision() => new(0, "讨论年度工作计划", true, null, null, null, null);

    private static AgendaFact Vote(int yes, int no = 0, int abstain = 0, bool passed = true) => new(0, "接收预备党员", true, yes, no, abstain, passed);

    [Theory]
    [InlineData(10, 5, false)] // exactly half present: no decision
    [InlineData(10, 6, true)]
    [InlineData(9, 4, false)]
    [InlineData(9, 5, true)]
    [InlineData(1, 1, true)]
    [InlineData(0, 0, false)]
    public void MajorityRules_GeneralMeetingQuorate_StrictlyMoreThanHalf(int expected, int present, bool quorate) =>
        MajorityRules.GeneralMeetingQuorate(present, expected).ShouldBe(quorate);

    [Theory]
    [InlineData(10, 5, false)] // exactly half yes fails
    [InlineData(10, 6, true)]
    [InlineData(7, 3, false)]
    [InlineData(7, 4, true)]
    public void MajorityRules_ResolutionPasses_MoreThanHalfOfExpected(int expected, int yes, bool passes) =>
        MajorityRules.ResolutionPasses(yes, expected).ShouldBe(passes);

    [Theory]
    [InlineData(5, 2, false)]
    [InlineData(5, 3, true)]
    [InlineData(4, 2, false)]
    [InlineData(3, 2, true)]
    public void MajorityRules_CommitteeMeetingQuorate_MoreThanHalfOfSeats(int seats, int present, bool quorate) =>
        MajorityRules.CommitteeMeetingQuorate(present, seats).ShouldBe(quorate);

    [Fact]
    public void GeneralMeeting_ExactlyHalfPresent_DecisionRefusedWithTheNumbers()
    {
        var errors = MeetingRules.CheckDecisions(General, Members(10, 5), [Decision()]);
        var error = errors.ShouldHaveSingleItem();
        error.Kind.ShouldBe(ErrorKind.Conflict);
        error.Message.ShouldBe("支部党员大会应到会有表决权党员 10 人，实到 5 人，未超过半数，不能作出决定");
    }

    [Fact]
    public void GeneralMeeting_HalfPlusOnePresent_DecisionStands() =>
        MeetingRules.CheckDecisions(General, Members(10, 6), [Decision()]).ShouldBeEmpty();

    [Fact]
    public void GeneralMeeting_NotQuorateWithoutDecision_IsRecordedAsHeld() =>
        MeetingRules.CheckDecisions(General, Members(10, 3), [new AgendaFact(0, "学习传达会议精神", false, null, null, null, null)]).ShouldBeEmpty();

    [Fact]
    public void GeneralMeeting_ProbationaryMembersPresent_DoNotMakeTheQuorum()
    {
        var counts = Members(10, 5, probationaryPresent: 3);
        counts.Present.ShouldBe(8);
        counts.PresentVoters.ShouldBe(5);
        MeetingRules.CheckDecisions(General, counts, [Decision()]).ShouldHaveSingleItem().Code.ShouldBe("meeting.general_not_quorate");
    }

    [Fact]
    public void Vote_ExactlyHalfOfExpectedYes_CannotBeRecordedAsPassed()
    {
        var error = MeetingRules.CheckDecisions(General, Members(10, 10), [Vote(5, 5)]).ShouldHaveSingleItem();
        error.Kind.ShouldBe(ErrorKind.Conflict);
        error.Message.ShouldBe("议题“接收预备党员”赞成 5 票，未超过应到会有表决权党员 10 人的半数，不能记为通过");
        error.Field.ShouldBe("Agenda.0");
        MeetingRules.CheckDecisions(General, Members(10, 10), [Vote(5, 5, passed: false)]).ShouldBeEmpty();
    }

    [Fact]
    public void Vote_HalfPlusOneOfExpected_PassesEvenWhenManyAreAbsent()
    {
        // 6 of 10 present all vote yes: more than half of 应到会, so it passes although nobody else could vote.
        MeetingRules.CheckDecisions(General, Members(10, 6), [Vote(6)]).ShouldBeEmpty();
        MeetingRules.CheckDecisions(General, Members(10, 6), [Vote(6, passed: false)]).ShouldHaveSingleItem().Code.ShouldBe("meeting.failed_despite_majority");
    }

    [Fact]
    public void Vote_MajorityOfThosePresentButNotOfExpected_Fails()
    {
        // 7 of 12 present, 5 yes: a majority of those present, not of 应到会.
        MeetingRules.CheckDecisions(General, Members(12, 7), [Vote(5, 2)]).ShouldHaveSingleItem().Code.ShouldBe("meeting.passed_without_majority");
    }

    [Fact]
    public void Exclusions_ReduceTheExpected_ForQuorumAndForVotes()
    {
        // 10 voters, 2 approved exclusions: 应到会 is 8. 5 present is a quorum of 8 (not of 10), and 5 yes passes on 8.
        var counts = Members(8, 5, excluded: 2);
        counts.ExpectedVoters.ShouldBe(8);
        counts.Expected.ShouldBe(8);
        counts.Excluded.ShouldBe(2);
        MeetingRules.CheckDecisions(General, counts, [Vote(5)]).ShouldBeEmpty();

        var without = Members(10, 5);
        MeetingRules.CheckDecisions(General, without, [Vote(5)]).Select(e => e.Code).ShouldBe(["meeting.general_not_quorate", "meeting.passed_without_majority"]);
    }

    [Fact]
    public void Vote_MoreBallotsThanVotersPresent_IsRefused()
    {
        var error = MeetingRules.CheckDecisions(General, Members(10, 6), [Vote(5, 1, 1)]).ShouldHaveSingleItem();
        error.Message.ShouldBe("议题“接收预备党员”赞成、反对、弃权合计 7 票，多于实到会有表决权党员 6 人");
    }

    [Fact]
    public void CommitteeMeeting_ExactlyHalfOfSeatsPresent_CannotDecide()
    {
        MeetingRules.CheckDecisions(Committee, CommitteeOf(4, 2), [Decision()]).ShouldHaveSingleItem().Message
            .ShouldBe("应到会委员 4 人，实到 2 人，未超过半数，不能作出决定");
        MeetingRules.CheckDecisions(Committee, CommitteeOf(5, 3), [Decision()]).ShouldBeEmpty();
    }

    [Fact]
    public void CommitteeMeeting_WithoutCommittee_CannotDecide() =>
        MeetingRules.CheckDecisions(Committee, MeetingRules.Count([], 0), [Decision()]).ShouldHaveSingleItem().Code.ShouldBe("meeting.no_committee");

    [Fact]
    public void CommitteeMeeting_VotesCountAgainstTheSeats()
    {
        MeetingRules.CheckDecisions(Committee, CommitteeOf(5, 3), [Vote(2, 1)]).ShouldHaveSingleItem().Message
            .ShouldBe("议题“接收预备党员”赞成 2 票，未超过应到会委员 5 人的半数，不能记为通过");
        MeetingRules.CheckDecisions(Committee, CommitteeOf(5, 3), [Vote(3)]).ShouldBeEmpty();
        MeetingRules.CheckDecisions(Committee, CommitteeOf(5, 3), [Vote(3, 1)]).ShouldHaveSingleItem().Code.ShouldBe("meeting.too_many_votes");
    }

    [Fact]
    public void TwoKinds_GeneralMeetingWithThemeDay_KeepsTheGeneralMeetingQuorum()
    {
        string[] kinds = [ThemeDay, BranchGeneralMeeting];
        MeetingRules.CheckDecisions(kinds, Members(10, 5), [Decision()]).ShouldHaveSingleItem().Code.ShouldBe("meeting.general_not_quorate");
        MeetingRules.CheckDecisions([ThemeDay], Members(10, 5), [Decision()]).ShouldBeEmpty();
    }

    [Fact]
    public void OtherKinds_VoteStillNeedsAMajorityOfExpectedVoters() =>
        MeetingRules.CheckDecisions([GroupMeeting], Members(6, 6), [Vote(3, 3)]).ShouldHaveSingleItem().Code.ShouldBe("meeting.passed_without_majority");

    [Theory]
    [InlineData(new[] { CommitteeMeeting }, false, true)]
    [InlineData(new[] { CentralGroupStudy }, false, true)]
    [InlineData(new[] { LeadershipLifeMeeting }, false, true)]
    [InlineData(new[] { BranchGeneralMeeting }, true, false)]
    [InlineData(new[] { ThemeDay, CommitteeMeeting }, true, true)]
    [InlineData(new[] { "custom-0123456789ab" }, true, false)]
    public void Expected_LeadershipKindsExpectTheCommittee_EveryOtherKindTheRoster(string[] kinds, bool roster, bool committee)
    {
        MeetingRules.ExpectsRoster(kinds).ShouldBe(roster);
        MeetingRules.ExpectsCommittee(kinds).ShouldBe(committee);
    }

    [Fact]
    public void Count_NonVotingAndGuests_NeverCountInExpectedOrPresent()
    {
        var counts = MeetingRules.Count(
        [
            new AttendeeFact(AttendeeRole.Member, AttendanceStatus.Present, true, false, false),
            new AttendeeFact(AttendeeRole.Member, AttendanceStatus.Leave, true, false, false),
            new AttendeeFact(AttendeeRole.Member, AttendanceStatus.Absent, false, false, false),
            new AttendeeFact(AttendeeRole.Member, AttendanceStatus.Leave, true, false, true),
            new AttendeeFact(AttendeeRole.NonVoting, AttendanceStatus.Present, false, false, false),
            new AttendeeFact(AttendeeRole.Guest, AttendanceStatus.Present, false, false, false),
        ], null);
        counts.ShouldBe(new AttendanceCounts(3, 1, 2, 1, 1, 2, 1, null, 0, 1, 1));
        counts.AttendanceRate.ShouldBe(33.3m);
    }

    [Fact]
    public void Verdict_StatesTheRuleWithTheNumbers()
    {
        var electorate = MeetingRules.ElectorateFor(General, Members(10, 8));
        MeetingRules.Verdict(Vote(6), electorate)!.ShouldBe(new VoteVerdict(true, "通过", "赞成 6 票，超过应到会有表决权党员 10 人的半数"));
        MeetingRules.Verdict(Vote(5), electorate)!.Label.ShouldBe("未通过");
        MeetingRules.Verdict(Decision(), electorate).ShouldBeNull();
    }
}
