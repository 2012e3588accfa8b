using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;

namespace Dangjian.Core.Tests.Features.Committees;

public sealed class CommitteeRulesTests
{
    [Theory]
    [InlineData(OrganizationKind.Committee, null, 5)]
    [InlineData(OrganizationKind.WorkingCommittee, null, 5)]
    [InlineData(OrganizationKind.GeneralBranch, null, 3)]
    [InlineData(OrganizationKind.Branch, UnitCategory.GovernmentOrgan, 3)]
    [InlineData(OrganizationKind.JointBranch, null, 3)]
    [InlineData(OrganizationKind.Branch, UnitCategory.Village, 5)]
    [InlineData(OrganizationKind.GeneralBranch, UnitCategory.Community, 5)]
    public void TermYears_ByKindAndHostUnit_FollowsTermOpinion(OrganizationKind kind, UnitCategory? unit, int years) =>
        CommitteeRules.TermYears(kind, unit).ShouldBe(years);

    [Fact]
    public void TermYears_Group_HasNoTerm() => CommitteeRules.TermYears(OrganizationKind.Group, null).ShouldBeNull();

    [Fact]
    public void PlannedEnd_LeapDay_EndsOnLastDayOfFebruary() =>
        CommitteeRules.PlannedEnd(new DateOnly(2024, 2, 29), 3).ShouldBe(new DateOnly(2027, 2, 28));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 5)]
    [InlineData(5, 6)]
    [InlineData(7, 9)]
    [InlineData(10, 12)]
    public void MinimumCandidates_IsTwentyPercentMoreRoundedUp(int seats, int minimum) =>
        CommitteeRules.MinimumCandidates(seats).ShouldBe(minimum);

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Evaluate_ThreeSeats_NeedsFourCandidates(int candidates, bool valid)
    {
        var outcome = CommitteeRules.Evaluate(Count(seats: 3, votes: Enumerable.Repeat(40, candidates).ToArray()), strictQuorum: true);
        outcome.Checks.Single(c => c.Code == "candidates").Passed.ShouldBe(valid);
        outcome.IsValid.ShouldBe(valid);
    }

    [Theory]
    [InlineData(40, 32, true, false)]  // exactly 4/5: not "超过"
    [InlineData(40, 32, false, true)]  // the configured "不少于" reading
    [InlineData(40, 33, true, true)]
    [InlineData(40, 31, false, false)]
    [InlineData(7, 6, true, true)]     // 30 > 28
    [InlineData(5, 4, true, false)]    // 20 = 20
    public void QuorumMet_AtTheFourFifthsBoundary(int expected, int present, bool strict, bool met) =>
        CommitteeRules.QuorumMet(expected, present, strict).ShouldBe(met);

    [Fact]
    public void Evaluate_QuorumExactlyFourFifths_StrictInvalidNonStrictValid()
    {
        var count = Count(shouldAttend: 40, present: 32, issued: 32, returned: 32, votes: [30, 30, 30, 10]);
        CommitteeRules.Evaluate(count, strictQuorum: true).IsValid.ShouldBeFalse();
        CommitteeRules.Evaluate(count, strictQuorum: true).Candidates.ShouldAllBe(c => !c.Elected);
        CommitteeRules.Evaluate(count, strictQuorum: false).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(20, 40, false)] // exactly half fails
    [InlineData(21, 40, true)]
    [InlineData(20, 41, false)]
    [InlineData(21, 41, true)]
    public void ReachesMajority_HalfOfExpectedIsNotEnough(int votes, int expected, bool elected) =>
        CommitteeRules.ReachesMajority(votes, expected).ShouldBe(elected);

    [Fact]
    public void Evaluate_VotesExactlyHalf_NotElected_HalfPlusOne_Elected()
    {
        var outcome = CommitteeRules.Evaluate(Count(shouldAttend: 40, present: 38, issued: 38, returned: 38, votes: [20, 21, 35, 30]), strictQuorum: true);
        outcome.IsValid.ShouldBeTrue();
        outcome.Candidates.Select(c => c.Elected).ShouldBe([false, true, true, true]);
        outcome.Candidates[0].Message.ShouldContain("未当选");
        outcome.Candidates[1].Message.ShouldContain("当选");
    }

    [Theory]
    [InlineData(38, 38, true)]
    [InlineData(38, 39, false)]
    [InlineData(38, 37, true)]
    public void BallotsValid_ReturnedMoreThanIssuedIsInvalid(int issued, int returned, bool valid)
    {
        CommitteeRules.BallotsValid(issued, returned).ShouldBe(valid);
        var outcome = CommitteeRules.Evaluate(Count(shouldAttend: 40, present: 38, issued: issued, returned: returned, votes: [30, 30, 30, 10]), strictQuorum: true);
        outcome.IsValid.ShouldBe(valid);
        outcome.Checks.Single(c => c.Code == "ballots").Passed.ShouldBe(valid);
    }

    [Fact]
    public void CountableBallots_LeaveOutVoidBallots()
    {
        CommitteeRules.CountableBallots(38, 3).ShouldBe(35);
        CommitteeRules.CountableBallots(3, 5).ShouldBe(0);
    }

    [Fact]
    public void Evaluate_MoreMajoritiesThanSeats_TakesHighestUpToSeats()
    {
        var outcome = CommitteeRules.Evaluate(Count(seats: 3, shouldAttend: 40, present: 38, issued: 38, returned: 38, votes: [30, 25, 35, 22]), strictQuorum: true);
        outcome.Candidates.Select(c => c.Elected).ShouldBe([true, true, true, false]);
    }

    [Fact]
    public void Evaluate_TieAcrossLastSeat_ElectsNeitherTiedCandidate()
    {
        var outcome = CommitteeRules.Evaluate(Count(seats: 3, shouldAttend: 40, present: 38, issued: 38, returned: 38, votes: [35, 34, 25, 25]), strictQuorum: true);
        outcome.Candidates.Select(c => c.Elected).ShouldBe([true, true, false, false]);
        outcome.Checks.ShouldContain(c => c.Code == "tie" && !c.Passed);
    }

    [Theory]
    [InlineData(MemberCategory.Full, MembershipStatus.Normal, true)]
    [InlineData(MemberCategory.Probationary, MembershipStatus.Normal, false)]
    [InlineData(MemberCategory.Full, MembershipStatus.OnProbationPunishment, false)]
    [InlineData(MemberCategory.Full, MembershipStatus.Suspended, false)]
    [InlineData(MemberCategory.Full, MembershipStatus.Left, false)]
    public void MayStand_OnlyFullMembersInGoodStanding(MemberCategory category, MembershipStatus status, bool may) =>
        CommitteeRules.MayStand(category, status).ShouldBe(may);

    [Fact]
    public void Evaluate_Messages_AreChinese()
    {
        var outcome = CommitteeRules.Evaluate(Count(votes: [30, 30, 30, 10]), strictQuorum: true);
        outcome.Checks.ShouldAllBe(c => c.Message.Contains('：'));
        outcome.Checks.Single(c => c.Code == "quorum").Message.ShouldContain("超过应到会人数的五分之四");
    }

    private static ElectionCount Count(int seats = 3, int shouldAttend = 40, int present = 38, int issued = 38, int returned = 38, int voidBallots = 0, int[]? votes = null) =>
        new(seats, shouldAttend, present, issued, returned, voidBallots, votes ?? [30, 30, 30, 10]);
}
