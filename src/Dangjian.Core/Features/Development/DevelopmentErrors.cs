using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Development;

public static class DevelopmentErrors
{
    public static Error NotFound(long id) => Error.NotFound("development.not_found", $"发展对象档案（编号 {id}）不存在或不在您的管理范围内");
    public static Error ApplicationDateRequired => Error.Validation("development.application_required", "请填写递交入党申请书的日期", "ApplicationDate");
    public static Error ApplicationInFuture => Error.Validation("development.application_future", "申请日期不能晚于今天", "ApplicationDate");
    public static Error EmploymentRequired => Error.Validation("development.employment_required", "请选择从业状态", "EmploymentStatus");
    public static Error RecommendedWithoutLeague => Error.Validation("development.league", "只有共青团员才能由团组织推优", "RecommendedByLeague");
    public static Error IdTakenByCandidate => Error.Conflict("development.id_taken", "该身份证号已有入党申请档案", "IdNumber");
    public static Error IdTakenByMember => Error.Conflict("development.id_member", "该身份证号已登记为党员，不能再登记入党申请", "IdNumber");
    public static Error ApplicationAfterSteps(DateOnly first) =>
        Error.Conflict("development.application_after", $"申请日期不能晚于已完成步骤的日期（{first:yyyy-MM-dd}）", "ApplicationDate");

    public static Error UnknownStep(int step) => Error.Validation("development.step_unknown", $"步骤编号 {step} 不存在（应为 1 至 25）", "Step");
    public static Error StepDone(string name) => Error.Conflict("development.step_done", $"“{name}”已完成；如需改日期，请填写原因进行更正", "Step");
    public static Error StepOutOfOrder(string name, string previous) =>
        Error.Conflict("development.step_order", $"“{name}”之前须先完成“{previous}”", "Step");
    public static Error StepBeforePrevious(string name, string previous, DateOnly previousOn) =>
        Error.Conflict("development.step_date_order", $"“{name}”的日期不能早于“{previous}”（{previousOn:yyyy-MM-dd}）", "CompletedOn");
    public static Error StepAfterNext(string name, string next, DateOnly nextOn) =>
        Error.Conflict("development.step_date_next", $"“{name}”的日期不能晚于后一步骤“{next}”（{nextOn:yyyy-MM-dd}）", "CompletedOn");
    public static Error StepInFuture => Error.Validation("development.step_future", "步骤日期不能晚于今天", "CompletedOn");
    public static Error StepNotRepeatableHere(string name) => Error.Conflict("development.step_repeat", $"“{name}”在当前阶段不能再登记", "Step");
    public static Error Closed => Error.Conflict("development.closed", "该同志已转正或已取消预备党员资格，发展程序已结束");
    public static Error PersonRequired(string name) => Error.Validation("development.person_required", $"“{name}”请填写经办人或审批组织", "Person");
    public static Error TextTooLong(string label, int max) => Error.Validation("development.too_long", $"{label}不能超过 {max} 个字");

    public static Error CorrectionReasonRequired => Error.Validation("development.reason_required", "更正日期须填写原因", "Reason");
    public static Error StepNotFound => Error.NotFound("development.step_not_found", "该步骤记录不存在");

    // Named hard rules (domain.md §6).
    public static Error MentorCount => Error.Validation("development.mentor_count", "培养联系人应为 1 至 2 名正式党员", "MemberIds");
    public static Error SponsorCount => Error.Validation("development.sponsor_count", "入党介绍人应为 2 名正式党员", "MemberIds");
    public static Error PersonNotFullMember(string name, string role) =>
        Error.Conflict("development.not_full_member", $"{name}不是正式党员，不能担任{role}", "MemberIds");
    public static Error SponsorOnProbationPunishment(string name) =>
        Error.Conflict("development.sponsor_punished", $"{name}正在留党察看期间，不能担任入党介绍人", "MemberIds");
    public static Error PersonNotMember(long id) => Error.Validation("development.person_unknown", $"党员（编号 {id}）不存在或不在您的管理范围内", "MemberIds");

    public static Error TargetTooEarly(DateOnly activistOn, DateOnly earliest) =>
        Error.Conflict("development.target_too_early", $"确定为入党积极分子（{activistOn:yyyy-MM-dd}）后须经过一年以上培养教育，最早 {earliest:yyyy-MM-dd} 可确定为发展对象", "CompletedOn");
    public static Error PoliticalReviewNotPassed => Error.Conflict("development.review_failed", "政治审查未通过（或未作出结论），不能继续发展", "ReviewPassed");
    public static Error TrainingTooShort => Error.Conflict("development.training_short", "集中培训时间一般不少于 3 天（或不少于 24 个学时）", "TrainingDays");
    public static Error NoticeRequired => Error.Validation("development.notice_required", "请填写公示的起止日期", "NoticeFrom");
    public static Error NoticeOrder => Error.Validation("development.notice_order", "公示结束日期不能早于开始日期", "NoticeTo");
    public static Error NoticeTooShort(int days, int required) =>
        Error.Conflict("development.notice_short", $"公示期只有 {days} 个工作日，应不少于 {required} 个工作日（按节假日安排计算）", "NoticeTo");
    public static Error NoticeAfterStep => Error.Conflict("development.notice_after", "公示应在本步骤之前结束", "NoticeTo");
    public static Error VoteRequired => Error.Validation("development.vote_required", "请填写应到会、实到会人数和表决结果", "Vote");
    public static Error VoteImpossible => Error.Validation("development.vote_impossible", "表决票数与到会人数不符（赞成、反对、弃权之和不能超过实到会人数，书面意见不能超过未到会人数）", "Vote");
    public static Error NoQuorum(int present, int expected) =>
        Error.Conflict("development.no_quorum", $"有表决权的党员实到 {present} 人，未超过应到会 {expected} 人的半数，支部大会不能表决", "Vote");
    public static Error VoteFailed(int yes, int expected) =>
        Error.Conflict("development.vote_failed", $"赞成 {yes} 票（含书面意见），未超过应到会有表决权党员 {expected} 人的半数，表决未通过", "Vote");
    public static Error ApprovalTooLate(DateOnly voteOn, DateOnly lastDay) =>
        Error.Conflict("development.approval_redo", $"支部大会决议（{voteOn:yyyy-MM-dd}）后超过六个月（{lastDay:yyyy-MM-dd} 后）才审批，须重新履行接收预备党员手续", "CompletedOn");
    public static Error ConfirmationTooEarly(DateOnly probationEnds) =>
        Error.Conflict("development.confirm_too_early", $"预备期 {probationEnds:yyyy-MM-dd} 期满，支部大会讨论转正不能早于期满之日", "CompletedOn");
    public static Error NotProbationary => Error.Conflict("development.not_probationary", "只有预备党员（已审批接收、尚未转正）才能延长预备期或取消预备党员资格");
    public static Error AlreadyExtended => Error.Conflict("development.extended_once", "预备期只能延长一次", "Months");
    public static Error ExtensionMonths => Error.Validation("development.extension_months", "延长预备期的时间不能少于半年，最长不超过一年（6 至 12 个月）", "Months");
    public static Error DecisionReasonRequired => Error.Validation("development.decision_reason", "请填写原因", "Reason");
    public static Error DecisionInFuture => Error.Validation("development.decision_future", "日期不能晚于今天", "On");
    public static Error DecisionBeforeVote => Error.Validation("development.decision_before_vote", "日期不能早于接收为预备党员的日期", "On");

    // Plans, settings and the holiday calendar.
    public static Error PlanRange => Error.Validation("development.plan_range", "计划数应为不小于 0 的整数，区间的下限不能大于上限", "Minimum");
    public static Error PlanYear => Error.Validation("development.plan_year", "年度应在 2000 至 2100 之间", "Year");
    public static Error SettingsRange => Error.Validation("development.settings_range", "确定积极分子的提示月数应在 0 至 24 之间，公示工作日应在 1 至 30 之间");
    public static Error HolidayYear => Error.Validation("development.holiday_year", "年度应在 2000 至 2100 之间", "Year");
    public static Error HolidayOutsideYear(DateOnly date) =>
        Error.Validation("development.holiday_outside", $"日期 {date:yyyy-MM-dd} 不属于该年度的节假日安排（只能在该年度及上一年 12 月）", "Days");
    public static Error HolidayTwice(DateOnly date) => Error.Validation("development.holiday_twice", $"日期 {date:yyyy-MM-dd} 重复登记", "Days");
    public static Error HolidayWorkdayNotWeekend(DateOnly date) =>
        Error.Validation("development.holiday_workday", $"调休上班日 {date:yyyy-MM-dd} 应为周六或周日", "Days");
    public static Error NotAdministrator => Error.Forbidden("只有系统管理员才能维护节假日安排");
}
