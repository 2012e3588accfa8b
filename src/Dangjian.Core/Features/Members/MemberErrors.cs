using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Members;

public static class MemberErrors
{
    public static Error NotFound(long id) => Error.NotFound("member.not_found", $"党员（编号 {id}）不存在或不在您的管理范围内");
    public static Error NameRequired => Error.Validation("member.name_required", "请填写姓名", "Name");
    public static Error NameTooLong => Error.Validation("member.name_too_long", $"姓名不能超过 {Member.NameMaxLength} 个字", "Name");
    public static Error GenderRequired => Error.Validation("member.gender_required", "请选择性别", "Gender");
    public static Error BirthDateRequired => Error.Validation("member.birth_required", "请填写出生日期", "BirthDate");
    public static Error BirthInFuture => Error.Validation("member.birth_future", "出生日期不能晚于今天", "BirthDate");
    public static Error BirthDateMismatch(DateOnly fromId) => Error.Validation("member.birth_mismatch", $"出生日期与身份证号不符（身份证号显示为 {fromId:yyyy-MM-dd}）", "BirthDate");
    public static Error GenderMismatch(Gender fromId) => Error.Validation("member.gender_mismatch", $"性别与身份证号不符（身份证号显示为{fromId.Label()}）", "Gender");
    public static Error AdmittedRequired => Error.Validation("member.admitted_required", "请填写入党日期", "AdmittedOn");
    public static Error CategoryRequired => Error.Validation("member.category_required", "请选择党员类别（正式/预备）", "Category");
    public static Error EmploymentRequired => Error.Validation("member.employment_required", "请选择从业状态", "EmploymentStatus");
    public static Error ApplicationBeforeBirth => Error.Validation("member.application_order", "申请入党日期应晚于出生日期", "ApplicationDate");

    public static Error UnderageAtApplication(DateOnly eighteenth) =>
        Error.Validation("member.underage", $"申请入党时未满 18 周岁（{eighteenth:yyyy-MM-dd} 起满 18 周岁）", "ApplicationDate");

    public static Error AdmittedBeforeApplication => Error.Validation("member.admitted_order", "入党日期应晚于申请入党日期", "AdmittedOn");
    public static Error AdmittedBeforeBirth => Error.Validation("member.admitted_birth", "入党日期应晚于出生日期", "AdmittedOn");
    public static Error AdmittedInFuture => Error.Validation("member.admitted_future", "入党日期不能晚于今天", "AdmittedOn");
    public static Error ConfirmedBeforeAdmitted => Error.Validation("member.confirmed_order", "转正日期应晚于入党日期", "ConfirmedOn");
    public static Error ConfirmedInFuture => Error.Validation("member.confirmed_future", "转正日期不能晚于今天", "ConfirmedOn");
    public static Error ProbationaryWithConfirmation => Error.Validation("member.probationary_confirmed", "预备党员不应有转正日期", "ConfirmedOn");
    public static Error PhoneInvalid => Error.Validation("member.phone", "联系电话只能包含数字、空格、+ 和 -，最长 20 位", "Phone");
    public static Error MobileSinceRequired => Error.Validation("member.mobile_since", "流动党员请填写外出日期", "MobileSince");
    public static Error LostContactSinceRequired => Error.Validation("member.lost_since", "失联党员请填写失联日期", "LostContactSince");
    public static Error OrganizationNotFound(long id) => new(ErrorKind.NotFound, "member.org_not_found", $"组织（编号 {id}）不存在或不在您的管理范围内", "OrganizationId");
    public static Error IdTaken => Error.Conflict("member.id_taken", "该身份证号已登记为党员", "IdNumber");
    public static Error NotABranch(string name) => Error.Validation("member.not_branch", $"“{name}”不是党支部，党员组织关系只能在党支部（含联合、临时党支部）", "OrganizationId");
    public static Error GroupNotInBranch => Error.Validation("member.group_not_in_branch", "党小组不属于该党支部", "GroupId");
    public static Error OrganizationDissolved(string name) => Error.Conflict("member.org_dissolved", $"“{name}”已撤销，不能接收党员", "OrganizationId");
    public static Error AccountExists => Error.Conflict("member.account_exists", "该党员已开通账号");
    public static Error NotLinked => Error.NotFound("member.not_linked", "您的账号尚未关联党员档案，请联系所在党组织的管理员");

    // Moves, status changes and the 集中排查.
    public static Error NotActive => Error.Conflict("member.inactive", "该党员已出党或已转出系统");
    public static Error MoveToSamePlace => Error.Validation("member.move_same", "目标支部和党小组与当前相同", "ToOrganizationId");
    public static Error MoveInFuture => Error.Validation("member.move_future", "调整日期不能晚于今天", "On");
    public static Error MoveBeforePlacement(DateOnly from) => Error.Conflict("member.move_before", $"调整日期不能早于进入当前支部的日期（{from:yyyy-MM-dd}）", "On");
    public static Error StatusDateRequired => Error.Validation("member.status_date", "请填写日期", "On");
    public static Error StatusDateInFuture => Error.Validation("member.status_future", "日期不能晚于今天", "On");
    public static Error StatusDateBeforeAdmission => Error.Validation("member.status_before_admission", "日期不能早于入党日期", "On");
    public static Error StatusReasonRequired => Error.Validation("member.status_reason", "请填写原因", "Reason");
    public static Error StatusReasonTooLong => Error.Validation("member.status_reason_long", "原因不能超过 500 个字", "Reason");
    public static Error DisqualifiedThroughPipeline => Error.Validation("member.exit_disqualified", "取消预备党员资格请在发展党员程序中办理", "ExitType");
    public static Error ExitTypeRequired => Error.Validation("member.exit_type", "请选择出党方式", "ExitType");
    public static Error ProbationEndRequired => Error.Validation("member.probation_end", "请填写留党察看期满日期", "ProbationEndsOn");
    public static Error ProbationEndOutOfRange => Error.Validation("member.probation_end_range", "留党察看期为一年或两年，期满日期应在决定日期之后、两年以内", "ProbationEndsOn");
    public static Error StatusTransitionNotAllowed(MembershipStatus from, MembershipStatus to) =>
        Error.Conflict("member.status_transition", $"党籍状态为“{from.Label()}”时不能改为“{to.Label()}”");
}
