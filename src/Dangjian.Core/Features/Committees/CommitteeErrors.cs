using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Committees;

/// <summary>Every rule a term, election or committee change can break, with the sentence the user sees.</summary>
public static class CommitteeErrors
{
    public static Error OrganizationNotFound(long id) => Error.NotFound("committee.organization_not_found", $"组织（编号 {id}）不存在或不在您的管理范围内");
    public static Error TermNotFound(long id) => Error.NotFound("committee.term_not_found", $"届次（编号 {id}）不存在或不在您的管理范围内");
    public static Error CommitteeMemberNotFound(long id) => Error.NotFound("committee.member_not_found", $"班子成员（编号 {id}）不存在或不在您的管理范围内");
    public static Error NoTermsForGroup => Error.Conflict("committee.group_has_no_term", "党小组不设委员会，没有届次");
    public static Error OrganizationDissolved(string name) => Error.Conflict("committee.organization_dissolved", $"组织“{name}”已撤销，不能再登记换届");
    public static Error StartRequired => Error.Validation("committee.start_required", "请填写本届开始日期（选举日期）", "StartedOn");
    public static Error StartInFuture => Error.Validation("committee.start_in_future", "本届开始日期不能晚于今天", "StartedOn");
    public static Error NumberOutOfRange => Error.Validation("committee.number_range", "届次应在 1 到 999 之间", "Number");
    public static Error NumberTaken(int number) => Error.Conflict("committee.number_taken", $"第{number}届已经登记过", "Number");
    public static Error StartBeforePrevious(DateOnly previous) => Error.Conflict("committee.start_before_previous", $"本届开始日期不能早于上一届的开始日期（{previous:yyyy-MM-dd}）", "StartedOn");
    public static Error NoteTooLong => Error.Validation("committee.note_too_long", $"批复说明不能超过 {Term.NoteMaxLength} 个字", "ApprovalNote");

    /// <summary>《任期意见》: 提前或延期换届 needs the higher organization's approval.</summary>
    public static Error ApprovalRequired(DateOnly plannedEnd) => Error.Validation("committee.approval_required",
        $"上一届应于 {plannedEnd:yyyy-MM-dd} 届满，提前或延期换届须经上级党组织批准，请填写批复说明", "ApprovalNote");

    public static Error HeldOnRequired => Error.Validation("committee.held_on_required", "请填写选举日期", "HeldOn");
    public static Error HeldOnInFuture => Error.Validation("committee.held_on_future", "选举日期不能晚于今天", "HeldOn");
    public static Error SeatsOutOfRange => Error.Validation("committee.seats_range", "应选名额应在 1 到 99 之间", "Seats");
    public static Error CountRequired(string field, string label) => Error.Validation("committee.count_required", $"请填写{label}（不小于 0 的整数）", field);
    public static Error PresentOverExpected => Error.Validation("committee.present_over_expected", "实到会人数不能多于应到会人数", "Present");
    public static Error VoidOverReturned => Error.Validation("committee.void_over_returned", "废票数不能多于收回的选票数", "VoidBallots");
    public static Error VotesOverBallots(string name, int votes, int countable) => Error.Validation("committee.votes_over_ballots",
        $"候选人“{name}”得票 {votes}，多于有效选票数 {countable}", "Candidates");
    public static Error CandidateNameRequired => Error.Validation("committee.candidate_name", $"每名候选人都要有姓名（不超过 {CommitteeMember.NameMaxLength} 个字）", "Candidates");
    public static Error CandidateDuplicate(string name) => Error.Validation("committee.candidate_duplicate", $"候选人“{name}”重复", "Candidates");

    /// <summary>《选举条例》: 差额不少于 20%.</summary>
    public static Error TooFewCandidates(int seats, int candidates, int minimum) => Error.Conflict("committee.too_few_candidates",
        $"应选 {seats} 名，候选人只有 {candidates} 名；委员候选人应多于应选人数的 20%，至少 {minimum} 名", "Candidates");

    public static Error CandidateNotEligible(string name) => Error.Conflict("committee.candidate_not_eligible",
        $"“{name}”不是党籍正常的正式党员，没有被选举权（预备党员、留党察看、停止党籍者不能作为候选人）", "Candidates");

    public static Error CandidateMemberNotFound(long id) => Error.Validation("committee.candidate_member_not_found", $"党员（编号 {id}）不在本组织或不在您的管理范围内", "Candidates");
    public static Error NameRequired => Error.Validation("committee.name_required", $"请填写姓名或选择党员（不超过 {CommitteeMember.NameMaxLength} 个字）", "Name");
    public static Error PostRequired => Error.Validation("committee.post_required", "请选择职务", "Post");
    public static Error FromRequired => Error.Validation("committee.from_required", "请填写任职日期", "From");
    public static Error ToBeforeFrom(DateOnly from) => Error.Validation("committee.to_before_from", $"离任日期不能早于任职日期（{from:yyyy-MM-dd}）", "To");
    public static Error AlreadyEnded => Error.Conflict("committee.already_ended", "该班子成员已经离任");
    public static Error SecretaryTaken(string name) => Error.Conflict("committee.secretary_taken", $"现任书记是“{name}”，请先登记其离任", "Post");
}
