namespace Dangjian.Core.Common;

/// <summary>
/// The quorum and vote rules of branch meetings (domain.md §3), in one place: meetings and the 发展党员 admission
/// and 转正 votes (Features/Development) call these. All arithmetic is on integers, so "more than half" cannot be moved by rounding:
/// exactly half is never enough.
/// </summary>
public static class MajorityRules
{
    /// <summary>
    /// 《支部工作条例》第十四条: 支部党员大会 "有表决权的党员到会人数超过应到会人数的半数，方可召开" (so may decide).
    /// <paramref name="expectedVoters"/> is 应到会: voting members on the date, less approved exclusions.
    /// </summary>
    public static bool GeneralMeetingQuorate(int presentVoters, int expectedVoters) =>
        expectedVoters > 0 && presentVoters * 2L > expectedVoters;

    /// <summary>《支部工作条例》: 支委会 "须有半数以上委员到会" — read, as in practice, as more than half of the committee's members.</summary>
    public static bool CommitteeMeetingQuorate(int presentCommitteeMembers, int committeeMembers) =>
        committeeMembers > 0 && presentCommitteeMembers * 2L > committeeMembers;

    /// <summary>
    /// 《支部工作条例》第十四条 / 《细则》第二十四条: 表决 "赞成人数超过应到会有表决权的党员的半数，才能通过" — half of 应到会, not of
    /// those present. Written opinions of absent voters are counted by the caller as yes or no before calling.
    /// </summary>
    public static bool ResolutionPasses(int yesVotes, int expectedVoters) =>
        expectedVoters > 0 && yesVotes * 2L > expectedVoters;

    /// <summary>Votes cast cannot exceed the voters who could cast them.</summary>
    public static bool VotesPossible(int yes, int no, int abstain, int eligibleVoters) =>
        yes >= 0 && no >= 0 && abstain >= 0 && yes + no + abstain <= eligibleVoters;
}
