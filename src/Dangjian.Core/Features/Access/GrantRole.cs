using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Access;

/// <summary>Gives a user a role over a subtree. 组织管理员 may grant inside their own subtree; only 系统管理员 grants 系统管理员.</summary>
public sealed record GrantRoleCommand(string UserId, long? OrganizationId, Role Role);

public sealed class GrantRoleHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(GrantRoleCommand command, AccessScope scope, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.UserId)) return AccessErrors.UserRequired;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (command.Role == Role.SystemAdmin)
        {
            if (!scope.IsSystemAdmin) return AccessErrors.OnlySystemAdminGrantsSystemAdmin;
        }
        else
        {
            if (command.OrganizationId is not long orgId) return AccessErrors.OrganizationRequired;
            var path = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Path).SingleOrDefaultAsync(ct);
            if (path is null || !scope.Allows(path, Permission.Read)) return OrganizationErrors.NotFound(orgId);
            var allowed = scope.Check(path, Permission.Administer);
            if (!allowed.IsSuccess) return allowed.FirstError;
        }

        var organizationId = command.Role == Role.SystemAdmin ? null : command.OrganizationId;
        if (await db.RoleGrants.AnyAsync(g => g.UserId == command.UserId && g.OrganizationId == organizationId && g.Role == command.Role, ct))
        {
            return AccessErrors.AlreadyGranted;
        }

        var grant = RoleGrant.Create(command.UserId, organizationId, command.Role, clock.UtcNow());
        db.RoleGrants.Add(grant);
        await db.SaveChangesAsync(ct);
        return grant.Id;
    }
}

public sealed record RevokeRoleCommand(long GrantId);

public sealed class RevokeRoleHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(RevokeRoleCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grant = await db.RoleGrants.SingleOrDefaultAsync(g => g.Id == command.GrantId, ct);
        if (grant is null) return AccessErrors.GrantNotFound(command.GrantId);
        if (grant.Role == Role.SystemAdmin || grant.OrganizationId is null)
        {
            if (!scope.IsSystemAdmin) return AccessErrors.GrantNotFound(command.GrantId);
            if (await db.RoleGrants.CountAsync(g => g.Role == Role.SystemAdmin, ct) <= 1) return AccessErrors.LastSystemAdmin;
        }
        else
        {
            var path = await db.Organizations.Where(o => o.Id == grant.OrganizationId).Select(o => o.Path).SingleAsync(ct);
            if (!scope.Allows(path, Permission.Read)) return AccessErrors.GrantNotFound(command.GrantId);
            var allowed = scope.Check(path, Permission.Administer);
            if (!allowed.IsSuccess) return allowed;
        }

        db.RoleGrants.Remove(grant);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record ListGrantsQuery(string? UserId = null);

public sealed record GrantItem(long Id, string UserId, long? OrganizationId, string? OrganizationName, Role Role, DateTime GrantedAtUtc)
{
    public string RoleLabel => Role.Label();
}

/// <summary>Grants the caller may administer: all for 系统管理员, otherwise those on organizations in their administered subtrees.</summary>
public sealed class ListGrantsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<IReadOnlyList<GrantItem>> HandleAsync(ListGrantsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grants = db.RoleGrants.AsNoTracking();
        if (!scope.IsSystemAdmin)
        {
            var ids = scope.OrganizationIds(db.Organizations, Permission.Administer);
            grants = grants.Where(g => g.OrganizationId != null && ids.Contains(g.OrganizationId.Value));
        }

        if (!string.IsNullOrEmpty(query.UserId)) grants = grants.Where(g => g.UserId == query.UserId);
        return await grants
            .OrderBy(g => g.UserId).ThenBy(g => g.Id)
            .Select(g => new GrantItem(g.Id, g.UserId, g.OrganizationId, db.Organizations.Where(o => o.Id == g.OrganizationId).Select(o => o.Name).FirstOrDefault(), g.Role, g.GrantedAtUtc))
            .ToListAsync(ct);
    }
}
