using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Access;

public static class AccessErrors
{
    public static Error UserRequired => Error.Validation("access.user_required", "请选择用户", "UserId");
    public static Error OrganizationRequired => Error.Validation("access.organization_required", "请选择授权的组织", "OrganizationId");
    public static Error OnlySystemAdminGrantsSystemAdmin => Error.Forbidden("只有系统管理员可以授予系统管理员角色");
    public static Error AlreadyGranted => Error.Conflict("access.already_granted", "该用户在此组织已有这个角色");
    public static Error GrantNotFound(long id) => Error.NotFound("access.grant_not_found", $"授权（编号 {id}）不存在或不在您的管理范围内");
    public static Error LastSystemAdmin => Error.Conflict("access.last_system_admin", "不能撤销最后一个系统管理员");
}
