using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Evaluations;

/// <summary>Every rule a 民主评议 session, entry or 组织处置 case can break, with the sentence the user sees.</summary>
public static class EvaluationErrors
{
    public static Error OrganizationNotFound(long id) => Error.NotFound("evaluation.organization_not_found", $"组织（编号 {id}）不存在或不在您的管理范围内");
    public static Error NotFound(long id) => Error.NotFound("evaluation.not_found", $"民主评议（编号 {id}）不存在或不在您的管理范围内");
    public static Error CaseNotFound(long id) => Error.NotFound("evaluation.case_not_found", $"组织处置（编号 {id}）不存在或不在您的管理范围内");
    public static Error NotABranch(string name) => Error.Validation("evaluation.not_branch", $"“{name}”不是党支部；民主评议党员以党支部为单位进行", "OrganizationId");
    public static Error OrganizationDissolved(string name) => Error.Conflict("evaluation.organization_dissolved", $"组织“{name}”已撤销，不能再登记民主评议");
    public static Error YearRequired => Error.Validation("evaluation.year_required", "请填写评议年度", "Year");
    public static Error YearOutOfRange(int latest) => Error.Validation("evaluation.year_range", $"评议年度应在 1921 到 {latest} 之间", "Year");
    public static Error HeldOnRequired => Error.Validation("evaluation.held_on_required", "请填写评议日期", "HeldOn");
    public static Error HeldOnInFuture => Error.Validation("evaluation.held_on_future", "评议日期不能晚于今天", "HeldOn");
    public static Error HeldOnOutsideYear(int year) => Error.Validation("evaluation.held_on_window", $"{year}年度的民主评议应在 {year} 年或 {year + 1} 年召开", "HeldOn");
    public static Error NoteTooLong => Error.Validation("evaluation.note_too_long", $"备注不能超过 {EvaluationSession.NoteMaxLength} 个字", "Note");
    public static Error MeetingNotFound(long id) => Error.Validation("evaluation.meeting_not_found", $"会议（编号 {id}）不存在或不是本支部的会议", "MeetingId");
    public static Error YearTaken(string organization, int year) => Error.Conflict("evaluation.year_taken", $"{organization}{year}年度的民主评议已经登记过，请在原记录上修改", "Year");
    public static Error DuplicateMember(long id) => Error.Validation("evaluation.member_duplicate", $"党员（编号 {id}）在评议名单中重复", "Entries");
    public static Error NotOnRoster(long id, DateOnly on) => Error.Validation("evaluation.not_on_roster", $"党员（编号 {id}）在 {on:yyyy-MM-dd} 不在本支部名册中，不能参加本次评议", "Entries");
    public static Error GradeWithoutParticipation(string name) => Error.Validation("evaluation.grade_without_participation", $"{name}未参加评议，不能评定等次", "Entries");
    public static Error ProbationaryGraded(string name) => Error.Validation("evaluation.probationary_graded", $"{name}是预备党员，参加评议但不评定等次（如本次评议对预备党员评定等次，请勾选“对预备党员评定等次”）", "Entries");
    public static Error EntryNoteTooLong(string name) => Error.Validation("evaluation.entry_note_too_long", $"{name}的评议意见不能超过 {EvaluationEntry.NoteMaxLength} 个字", "Entries");

    public static Error DeadlineOutOfRange(string name, DateOnly openedOn) => Error.Validation("evaluation.deadline_range",
        $"{name}的限期改正期限应晚于 {openedOn:yyyy-MM-dd}，且最长不超过一年（{EvaluationRules.LatestDeadline(openedOn):yyyy-MM-dd}）", "Entries");

    /// <summary>The case opened by a 不合格 grade is tracked until it is closed; the grade behind it cannot quietly disappear first.</summary>
    public static Error GradeLockedByOpenCase(string name) => Error.Conflict("evaluation.grade_locked",
        $"{name}评定为不合格后开展的组织处置尚未结案，请先在“组织处置”中结案，再修改其评议等次", "Entries");

    public static Error EntryHasCase(string name, DateOnly on) => Error.Conflict("evaluation.entry_has_case",
        $"{name}在 {on:yyyy-MM-dd} 已不在本支部名册中，但其评议结果有组织处置记录，不能移出评议名单；请核对评议日期", "HeldOn");

    public static Error CaseAlreadyClosed => Error.Conflict("evaluation.case_closed", "该组织处置已经结案");
    public static Error OutcomeRequired => Error.Validation("evaluation.outcome_required", $"请填写处置结果（不超过 {DispositionCase.TextMaxLength} 个字）", "Outcome");
    public static Error ClosedOnInFuture => Error.Validation("evaluation.closed_on_future", "结案日期不能晚于今天", "ClosedOn");
    public static Error ClosedBeforeOpened(DateOnly openedOn) => Error.Validation("evaluation.closed_before_opened", $"结案日期不能早于处置开始日期（{openedOn:yyyy-MM-dd}）", "ClosedOn");
}
