using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Identity;

public sealed record NewUser(string? UserName, string? DisplayName, string? Password);

public sealed record UserListItem(string Id, string UserName, string DisplayName, bool LockedOut, IReadOnlyList<GrantItem> Grants);

/// <summary>Creates users and the first administrator, and lists the users a caller administers.</summary>
public sealed class UserAdministration(
    UserManager<AppUser> users,
    IDbContextFactory<DangjianDbContext> coreDb,
    GrantRoleHandler grantRole,
    ListGrantsHandler listGrants,
    RecordExternalChangeHandler audit,
    LinkMemberUserHandler linkMember,
    TimeProvider clock)
{
    public async Task<bool> SystemAdminExistsAsync(CancellationToken ct)
    {
        await using var db = await coreDb.CreateDbContextAsync(ct);
        return await db.RoleGrants.AnyAsync(g => g.Role == Role.SystemAdmin, ct);
    }

    /// <summary>The first 系统管理员. Works only while none exists, so the setup page cannot be used to take over a running system.</summary>
    public async Task<Result<string>> CreateFirstAdminAsync(NewUser input, CancellationToken ct)
    {
        if (await SystemAdminExistsAsync(ct)) return Error.Conflict("setup.done", "系统已有管理员，初始化页面已关闭");
        var created = await CreateAccountAsync(input, ct);
        if (!created.IsSuccess) return created;
        var granted = await grantRole.HandleAsync(new GrantRoleCommand(created.Value, null, Role.SystemAdmin), AccessScope.Everything(null), ct);
        return granted.IsSuccess ? created : Result<string>.Failure(granted.Errors);
    }

    /// <summary>Creates a user holding <paramref name="role"/> over <paramref name="organizationId"/>; the caller must administer it.</summary>
    public async Task<Result<string>> CreateUserAsync(NewUser input, long? organizationId, Role role, AccessScope scope, CancellationToken ct)
    {
        if (!scope.AllowsAnywhere(Permission.Administer)) return Error.Forbidden("您没有管理用户的权限");
        if (role == Role.SystemAdmin && !scope.IsSystemAdmin) return AccessErrors.OnlySystemAdminGrantsSystemAdmin;
        if (role != Role.SystemAdmin)
        {
            if (organizationId is not long orgId) return AccessErrors.OrganizationRequired;
            await using var db = await coreDb.CreateDbContextAsync(ct);
            var path = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Path).SingleOrDefaultAsync(ct);
            if (path is null || !scope.Allows(path, Permission.Read)) return Error.NotFound("organization.not_found", $"组织（编号 {orgId}）不存在或不在您的管理范围内");
            var allowed = scope.Check(path, Permission.Administer);
            if (!allowed.IsSuccess) return allowed.FirstError;
        }

        var created = await CreateAccountAsync(input, ct);
        if (!created.IsSuccess) return created;
        var granted = await grantRole.HandleAsync(new GrantRoleCommand(created.Value, organizationId, role), scope, ct);
        if (granted.IsSuccess) return created;

        // The account and its grant live in two stores; an account left without its grant would be a user nobody asked for.
        var orphan = await users.FindByIdAsync(created.Value);
        if (orphan is not null) await users.DeleteAsync(orphan);
        return Result<string>.Failure(granted.Errors);
    }

    /// <summary>
    /// 开通账号: a log-in for a member, holding 党员 over the member's branch (which grants no subtree rights), linked to
    /// the member file for self-service. The caller must administer the member's branch.
    /// </summary>
    public async Task<Result<string>> CreateMemberAccountAsync(long memberId, NewUser input, AccessScope scope, CancellationToken ct)
    {
        long organizationId;
        await using (var db = await coreDb.CreateDbContextAsync(ct))
        {
            var member = await db.Set<Member>().AsNoTracking().Where(m => m.Id == memberId)
                .Select(m => new { m.OrganizationId, m.UserId, Path = db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.Path).First() })
                .SingleOrDefaultAsync(ct);
            if (member is null || !scope.Allows(member.Path, Permission.Read)) return MemberErrors.NotFound(memberId);
            var allowed = scope.Check(member.Path, Permission.Administer);
            if (!allowed.IsSuccess) return allowed.FirstError;
            if (member.UserId is not null) return MemberErrors.AccountExists;
            organizationId = member.OrganizationId;
        }

        var created = await CreateUserAsync(input, organizationId, Role.Member, scope, ct);
        if (!created.IsSuccess) return created;
        var linked = await linkMember.HandleAsync(new LinkMemberUserCommand(memberId, created.Value), scope, ct);
        if (linked.IsSuccess) return created;
        var orphan = await users.FindByIdAsync(created.Value);
        if (orphan is not null) await users.DeleteAsync(orphan);
        return Result<string>.Failure(linked.Errors);
    }

    public async Task<IReadOnlyList<UserListItem>> ListAsync(AccessScope scope, CancellationToken ct)
    {
        var grants = await listGrants.HandleAsync(new ListGrantsQuery(), scope, ct);
        var byUser = grants.GroupBy(g => g.UserId).ToDictionary(g => g.Key, g => (IReadOnlyList<GrantItem>)g.ToList());
        var query = users.Users.AsNoTracking();
        if (!scope.IsSystemAdmin)
        {
            var ids = byUser.Keys.ToList();
            query = query.Where(u => ids.Contains(u.Id));
        }

        var now = clock.GetUtcNow();
        var list = await query.OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd }).ToListAsync(ct);
        return list.Select(u => new UserListItem(u.Id, u.UserName ?? "", u.DisplayName, u.LockoutEnd > now, byUser.GetValueOrDefault(u.Id, []))).ToList();
    }

    public async Task<Result<Done>> ChangePasswordAsync(string userId, string? current, string? next, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Error.NotFound("user.not_found", "用户不存在");
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next)) return Error.Validation("password.required", "请填写原密码和新密码", "NewPassword");
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded) return ToErrors<Done>(result, "NewPassword");
        await audit.HandleAsync(new RecordExternalChangeCommand("AppUser", user.Id, AuditAction.Updated, [new FieldChange("Password", "******", "******")], "修改密码"), ct);
        return Done.Value;
    }

    private async Task<Result<string>> CreateAccountAsync(NewUser input, CancellationToken ct)
    {
        var errors = new List<Error>();
        var userName = input.UserName?.Trim() ?? "";
        var displayName = input.DisplayName?.Trim() ?? "";
        if (userName.Length == 0) errors.Add(Error.Validation("user.name_required", "请填写用户名", "UserName"));
        else if (userName.Length > 64) errors.Add(Error.Validation("user.name_too_long", "用户名不能超过 64 个字符", "UserName"));
        if (displayName.Length == 0) errors.Add(Error.Validation("user.display_name_required", "请填写姓名", "DisplayName"));
        else if (displayName.Length > AppUser.DisplayNameMaxLength) errors.Add(Error.Validation("user.display_name_too_long", $"姓名不能超过 {AppUser.DisplayNameMaxLength} 个字", "DisplayName"));
        if (string.IsNullOrEmpty(input.Password)) errors.Add(Error.Validation("user.password_required", "请填写密码", "Password"));
        if (errors.Count > 0) return Result<string>.Failure(errors);

        var user = new AppUser { UserName = userName, DisplayName = displayName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
        var result = await users.CreateAsync(user, input.Password!);
        if (!result.Succeeded) return ToErrors<string>(result, "Password");
        await audit.HandleAsync(new RecordExternalChangeCommand("AppUser", user.Id, AuditAction.Created, [new FieldChange("UserName", null, userName), new FieldChange("DisplayName", null, displayName)]), ct);
        return user.Id;
    }

    private static Result<T> ToErrors<T>(IdentityResult result, string passwordField) =>
        Result<T>.Failure(result.Errors.Select(e => e.Code.Contains("UserName", StringComparison.Ordinal)
            ? (e.Code.StartsWith("Duplicate", StringComparison.Ordinal) ? Error.Conflict("user.duplicate", e.Description, "UserName") : Error.Validation("user.invalid", e.Description, "UserName"))
            : Error.Validation("user.password", e.Description, passwordField)).ToList());
}
