using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;

namespace Dangjian.Core.Features.Committees;

/// <summary>One rule's verdict on an election, in the words the user sees.</summary>
public sealed record RuleCheck(string Code, bool Passed, string Message);

/// <summary>
/// The term and election rules as pure functions (domain.md §2). "超过" is strict; "以上/不少于" include the boundary.
/// All arithmetic is on integers, so no rounding can move a boundary.
/// </summary>
public static class CommitteeRules
{
    /// <summary>Days before a term's planned end when the 工作台 starts reminding (domain.md §2, [default] 2 months).</summary>
    public const int ExpiryWarningDays = 60;

    /// <summary>
    /// 《任期意见》(2018) 一: 基层党委每届任期 5 年; 党总支、党支部每届 3 年; 村、社区党组织每届 5 年.
    /// Returns null for a 党小组, which has no elected committee of its own.
    /// </summary>
    public static int? TermYears(OrganizationKind kind, UnitCategory? hostUnit)
    {
        if (kind == OrganizationKind.Group) return null;
        if (hostUnit is UnitCategory.Village or UnitCategory.Community) return 5;
        return kind is OrganizationKind.GeneralBranch || kind.IsBranch() ? 3 : 5;
    }

    /// <summary>《任期意见》: the term ends the same calendar day <paramref name="years"/> after it started.</summary>
    public static DateOnly PlannedEnd(DateOnly startedOn, int years) => startedOn.AddYears(years);

    /// <summary>
    /// 《选举条例》(2020), 差额选举: 委员候选人数应多于应选人数 20% 以上 (差额选举), rounded up: ceil(1.2 × seats).
    /// 3 seats → 4, 4 → 5, 5 → 6.
    /// </summary>
    public static int MinimumCandidates(int seats) => (seats * 6 + 4) / 5;

    /// <summary>
    /// 《选举条例》, 选举大会的有效人数: 有选举权的到会人数超过应到会人数的五分之四, 会议有效. "超过" is strict (present × 5 &gt; expected × 4);
    /// <paramref name="strict"/> = false applies the disputed "不少于" reading (≥), an organization setting.
    /// </summary>
    public static bool QuorumMet(int shouldAttend, int present, bool strict) =>
        strict ? present * 5L > shouldAttend * 4L : present * 5L >= shouldAttend * 4L;

    /// <summary>《选举条例》, 计票: 收回的选票多于发出的选票, 选举无效; equal is valid.</summary>
    public static bool BallotsValid(int issued, int returned) => returned <= issued;

    /// <summary>
    /// 《选举条例》, 当选: 被选举人获得的赞成票超过应到会有选举权人数的半数, 始得当选. Exactly half fails.
    /// </summary>
    public static bool ReachesMajority(int votes, int shouldAttend) => votes * 2L > shouldAttend;

    /// <summary>
    /// 《选举条例》, 废票: 所选人数多于规定应选人数的选票为废票. The counters report the void ballots; votes come only from the rest.
    /// </summary>
    public static int CountableBallots(int returned, int voidBallots) => Math.Max(0, returned - voidBallots);

    /// <summary>
    /// Only 正式党员 with their 党籍 in order vote, elect and stand (《选举条例》 选举人和被选举人; 《党章》 第七条: 预备党员没有表决权、选举权和被选举权;
    /// 留党察看 and 停止党籍 members have neither).
    /// </summary>
    public static bool MayStand(MemberCategory category, MembershipStatus status) =>
        category == MemberCategory.Full && status == MembershipStatus.Normal;

    /// <summary>
    /// Evaluates a counted election: validity (ballots, quorum) and, when valid, who is elected — those above half of 应到会,
    /// highest first, up to the seats. A tie across the last seat elects none of the tied candidates (《选举条例》: 票数相等不能确定当选人时, 应就票数相等的被选举人再次投票).
    /// </summary>
    public static ElectionOutcome Evaluate(ElectionCount count, bool strictQuorum)
    {
        var checks = new List<RuleCheck>();
        var minimum = MinimumCandidates(count.Seats);
        checks.Add(new RuleCheck("candidates", count.Votes.Count >= minimum,
            count.Votes.Count >= minimum
                ? $"候选人 {count.Votes.Count} 名，应选 {count.Seats} 名，差额不少于 20%（至少 {minimum} 名）：符合"
                : $"候选人 {count.Votes.Count} 名，应选 {count.Seats} 名，候选人应多于应选人数 20%，至少 {minimum} 名：不符合"));

        var quorum = QuorumMet(count.ShouldAttend, count.Present, strictQuorum);
        var rule = strictQuorum ? "超过" : "不少于";
        checks.Add(new RuleCheck("quorum", quorum,
            $"应到会 {count.ShouldAttend} 人，实到会 {count.Present} 人，{rule}应到会人数的五分之四：{(quorum ? "符合，会议有效" : "不符合，会议无效")}"));

        var ballots = BallotsValid(count.BallotsIssued, count.BallotsReturned);
        checks.Add(new RuleCheck("ballots", ballots,
            ballots
                ? $"发出选票 {count.BallotsIssued} 张，收回 {count.BallotsReturned} 张（其中废票 {count.VoidBallots} 张）：收回不多于发出，选举有效"
                : $"发出选票 {count.BallotsIssued} 张，收回 {count.BallotsReturned} 张：收回多于发出，选举无效"));

        var valid = quorum && ballots && count.Votes.Count >= minimum;
        var elected = new HashSet<int>();
        var tie = false;
        if (valid)
        {
            var majority = count.Votes
                .Select((votes, index) => (votes, index))
                .Where(c => ReachesMajority(c.votes, count.ShouldAttend))
                .OrderByDescending(c => c.votes)
                .ToList();
            if (majority.Count <= count.Seats)
            {
                elected.UnionWith(majority.Select(c => c.index));
            }
            else
            {
                var cut = majority[count.Seats - 1].votes;
                var above = majority.Where(c => c.votes > cut).ToList();
                var atCut = majority.Where(c => c.votes == cut).ToList();
                if (above.Count + atCut.Count <= count.Seats)
                {
                    elected.UnionWith(above.Concat(atCut).Select(c => c.index));
                }
                else
                {
                    elected.UnionWith(above.Select(c => c.index));
                    tie = true;
                }
            }
        }

        var half = count.ShouldAttend / 2.0m;
        var results = count.Votes.Select((votes, index) => new CandidateOutcome(index, votes, elected.Contains(index),
            !valid ? "选举无效，不产生当选人"
            : elected.Contains(index) ? $"得票 {votes}，超过应到会人数的半数（{half:0.#}）：当选"
            : ReachesMajority(votes, count.ShouldAttend) ? $"得票 {votes}，超过半数，但与他人票数相等或名额已满：未当选，须就票数相等者再次投票"
            : $"得票 {votes}，未超过应到会人数的半数（{half:0.#}）：未当选")).ToList();
        if (tie)
        {
            checks.Add(new RuleCheck("tie", false, "超过半数的候选人多于应选名额且末位票数相等，应就票数相等的候选人再次投票"));
        }

        return new ElectionOutcome(valid, checks, results);
    }
}

/// <summary>The counted figures of one election.</summary>
public sealed record ElectionCount(int Seats, int ShouldAttend, int Present, int BallotsIssued, int BallotsReturned, int VoidBallots, IReadOnlyList<int> Votes);

public sealed record CandidateOutcome(int Index, int Votes, bool Elected, string Message);

public sealed record ElectionOutcome(bool IsValid, IReadOnlyList<RuleCheck> Checks, IReadOnlyList<CandidateOutcome> Candidates);
