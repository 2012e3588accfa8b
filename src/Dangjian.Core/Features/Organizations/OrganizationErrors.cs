using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Organizations;

/// <summary>Every rule an organization change can break, with the sentence the user sees.</summary>
public static class OrganizationErrors
{
    public static Error NotFound(long id) => Error.NotFound("organization.not_found", $"组织（编号 {id}）不存在或不在您的管理范围内");
    public static Error ParentNotFound(long id) => new(ErrorKind.NotFound, "organization.parent_not_found", $"上级组织（编号 {id}）不存在或不在您的管理范围内", "ParentId");
    public static Error CodeRequired => Error.Validation("organization.code_required", "请填写组织编码", "Code");
    public static Error CodeTooLong => Error.Validation("organization.code_too_long", $"组织编码不能超过 {Organization.CodeMaxLength} 个字符", "Code");
    public static Error CodeInvalid => Error.Validation("organization.code_invalid", "组织编码只能包含字母、数字、短横线（-）、下划线（_）和点（.）", "Code");
    public static Error CodeTaken(string code) => Error.Conflict("organization.code_taken", $"组织编码“{code}”已被使用", "Code");
    public static Error NameRequired => Error.Validation("organization.name_required", "请填写组织名称", "Name");
    public static Error NameTooLong => Error.Validation("organization.name_too_long", $"组织名称不能超过 {Organization.NameMaxLength} 个字", "Name");
    public static Error ShortNameTooLong => Error.Validation("organization.short_name_too_long", $"简称不能超过 {Organization.ShortNameMaxLength} 个字", "ShortName");
    public static Error HostUnitNameTooLong => Error.Validation("organization.host_unit_too_long", $"单位名称不能超过 {Organization.HostUnitNameMaxLength} 个字", "HostUnitName");
    public static Error KindRequired => Error.Validation("organization.kind_required", "请选择组织类别", "Kind");
    public static Error FoundedInFuture => Error.Validation("organization.founded_in_future", "成立日期不能晚于今天", "FoundedOn");
    public static Error SortOrderOutOfRange => Error.Validation("organization.sort_order", "排序号应在 0 到 99999 之间", "SortOrder");
    public static Error RootRequiresSystemAdmin => Error.Forbidden("只有系统管理员可以建立顶层组织");

    public static Error KindNotAllowedUnder(OrganizationKind parent, OrganizationKind child) =>
        Error.Conflict("organization.kind_not_allowed", $"{parent.Label()}下不能设立{child.Label()}", "Kind");

    public static Error ParentDissolved(string name) => Error.Conflict("organization.parent_dissolved", $"上级组织“{name}”已撤销，不能在其下设立或移入组织", "ParentId");
    public static Error Dissolved(string name) => Error.Conflict("organization.dissolved", $"组织“{name}”已撤销，不能再修改");
    public static Error MoveIntoOwnSubtree(string name) => Error.Conflict("organization.move_into_own_subtree", $"不能把“{name}”移动到它自己或它的下级组织之下", "NewParentId");
    public static Error AlreadyUnderParent(string name) => Error.Conflict("organization.same_parent", $"“{name}”已经在该上级组织之下", "NewParentId");
    public static Error HasLiveChildren(string name, int count) => Error.Conflict("organization.has_children", $"“{name}”还有 {count} 个未撤销的下级组织，请先撤销或移走它们");
    public static Error DissolutionReasonRequired => Error.Validation("organization.dissolution_reason", "请填写撤销原因", "Reason");
    public static Error DissolutionReasonTooLong => Error.Validation("organization.dissolution_reason_too_long", "撤销原因不能超过 500 个字", "Reason");
    public static Error DissolvedBeforeFounded => Error.Validation("organization.dissolved_before_founded", "撤销日期不能早于成立日期", "DissolvedOn");
    public static Error DissolvedInFuture => Error.Validation("organization.dissolved_in_future", "撤销日期不能晚于今天", "DissolvedOn");
    public static Error MoveReasonTooLong => Error.Validation("organization.move_reason_too_long", "移动原因不能超过 500 个字", "Reason");
    public static Error RootCannotMove => Error.Conflict("organization.root_move", "请指定新的上级组织", "NewParentId");
}
