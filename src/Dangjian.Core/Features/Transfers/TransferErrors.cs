using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Transfers;

public static class TransferErrors
{
    public static Error NotFound(long id) => Error.NotFound("transfer.not_found", $"转接记录（编号 {id}）不存在或不在您的管理范围内");
    public static Error IssuedOnRequired => Error.Validation("transfer.issued_required", "请填写介绍信开具日期", "IssuedOn");
    public static Error IssuedInFuture => Error.Validation("transfer.issued_future", "介绍信开具日期不能晚于今天", "IssuedOn");
    public static Error ValidDaysOutOfRange => Error.Validation("transfer.valid_days", $"介绍信有效期应为 1 至 {TransferRules.MaxValidDays} 天（最长 3 个月）", "ValidDays");
    public static Error LetterNumberTooLong => Error.Validation("transfer.letter_too_long", $"介绍信编号不能超过 {Transfer.LetterNumberMaxLength} 个字", "LetterNumber");
    public static Error ReasonTooLong => Error.Validation("transfer.reason_too_long", $"原因不能超过 {Transfer.ReasonMaxLength} 个字", "Reason");
    public static Error DuesMonthInvalid => Error.Validation("transfer.dues_month", "党费缴纳至月份格式应为 yyyy-MM", "DuesPaidUpTo");
    public static Error ExternalNameRequired => Error.Validation("transfer.external_required", "请填写系统外党组织名称", "ExternalOrganizationName");
    public static Error ExternalNameTooLong => Error.Validation("transfer.external_too_long", $"党组织名称不能超过 {Transfer.ExternalNameMaxLength} 个字", "ExternalOrganizationName");
    public static Error TargetNotFound(long id) => new(ErrorKind.NotFound, "transfer.target_not_found", $"接收组织（编号 {id}）不存在", "ToOrganizationId");
    public static Error TargetNotBranch(string name) => Error.Validation("transfer.target_not_branch", $"“{name}”不是党支部，组织关系只能转入党支部", "ToOrganizationId");
    public static Error TargetDissolved(string name) => Error.Conflict("transfer.target_dissolved", $"“{name}”已撤销，不能接收组织关系", "ToOrganizationId");
    public static Error SameBranch => Error.Validation("transfer.same_branch", "接收组织与当前所在支部相同", "ToOrganizationId");
    public static Error AlreadyPending => Error.Conflict("transfer.pending", "该党员已有一条待处理的组织关系转接");
    public static Error MemberNotActive => Error.Conflict("transfer.member_inactive", "该党员已出党或已转出系统，不能办理转接");
    public static Error NotPending => Error.Conflict("transfer.not_pending", "该转接已处理，不能重复操作");
    public static Error NotInternal => Error.Conflict("transfer.not_internal", "只有系统内转接需要接收方确认");
    public static Error NotOutOfSystem => Error.Conflict("transfer.not_out", "只有转出系统外的转接需要登记回执");
    public static Error DecisionBeforeIssue => Error.Validation("transfer.decided_before_issue", "处理日期不能早于介绍信开具日期", "On");
    public static Error DecisionInFuture => Error.Validation("transfer.decided_future", "处理日期不能晚于今天", "On");
    public static Error RejectReasonRequired => Error.Validation("transfer.reject_reason", "退回时请填写原因", "Note");
    public static Error DecisionBeforePlacement(DateOnly from) => Error.Conflict("transfer.before_placement", $"处理日期不能早于党员进入当前支部的日期（{from:yyyy-MM-dd}）", "On");
}
