using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Members;

/// <summary>Errors of moves, status changes and the 集中排查.</summary>
public static class MemberChangeErrors
{
    public static Error NotActive => Error.Conflict("member.inactive", "该党员已出党或已转出系统");
    public static Error MoveToSamePlace => Error.Validation("member.move_same", "目标支部和党小组与当前相同", "ToOrganizationId");
    public static Error MoveInFuture => Error.Validation("member.move_future", "调整日期不能晚于今天", "On");
    public static Error MoveBeforePlacement(DateOnly from) => Error.Conflict("member.move_before", $"调整日期不能早于进入当前支部的日期（{from:yyyy-MM-dd}）", "On");
    public static Error StatusDateRequired => Error.Validation("member.status_date", "请填写日期", "On");
    public static Error StatusDateInFuture => Error.Validation("member.status_future", "日期不能晚于今天", "On");
    public static Error StatusDateBeforeAdmission => Error.Validation("member.status_before_admission", "日期不能早于入党日期", "On");
    public static Error StatusReasonRequired => Error.Validation("member.status_reason", "请填写原因", "Reason");
    public static Error StatusReasonTooLong => Error.Validation("member.status_reason_long", "原因不能超过 500 个字", "Reason");
    public static Error ExitTypeRequired => Error.Validation("member.exit_type", "请选择出党方式", "ExitType");
    public static Error ProbationEndRequired => Error.Validation("member.probation_end", "请填写留党察看期满日期", "ProbationEndsOn");
    public static Error ProbationEndOutOfRange => Error.Validation("member.probation_end_range", "留党察看期为一年或两年，期满日期应在决定日期之后、两年以内", "ProbationEndsOn");
    public static Error StatusTransitionNotAllowed(MembershipStatus from, MembershipStatus to) =>
        Error.Conflict("member.status_transition", $"党籍状态为“{from.Label()}”时不能改为“{to.Label()}”");
}
