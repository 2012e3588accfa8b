using Dangjian.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Access;

/// <summary>Builds a user's <see cref="AccessScope"/> from their role grants, with the granted organizations' current paths.</summary>
public sealed class AccessScopeLoader(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<AccessScope> LoadAsync(string? userId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return AccessScope.Nobody;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId).ToListAsync(ct);
        if (grants.Any(g => g.Role == Role.SystemAdmin))
        {
            return AccessScope.Everything(userId);
        }

        var orgIds = grants.Where(g => g.OrganizationId != null).Select(g => g.OrganizationId!.Value).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking()
            .Where(o => orgIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Path, o.Name })
            .ToDictionaryAsync(o => o.Id, ct);
        var roots = grants
            .Where(g => g.OrganizationId != null && orgs.ContainsKey(g.OrganizationId.Value))
            .Select(g => new ScopeRoot(g.OrganizationId!.Value, orgs[g.OrganizationId.Value].Path, orgs[g.OrganizationId.Value].Name, g.Role))
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ToList();
        return new AccessScope(userId, false, roots);
    }
}
