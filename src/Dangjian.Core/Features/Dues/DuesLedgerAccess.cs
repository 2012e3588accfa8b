using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>Loading what a ledger request is about, through the one <see cref="AccessScope"/>: out of scope is not found.</summary>
internal static class DuesLedgerAccess
{
    public static async Task<Result<Organization>> LoadOrganizationAsync(DangjianDbContext db, long organizationId, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return DuesLedgerErrors.OrganizationNotFound(organizationId);
        var allowed = scope.Check(organization.Path, permission);
        return allowed.IsSuccess ? organization : allowed.FirstError;
    }

    /// <summary>The organizations in scope, narrowed to the subtree under <paramref name="underId"/> when given.</summary>
    public static async Task<Result<IQueryable<Organization>>> SubtreeAsync(DangjianDbContext db, AccessScope scope, long? underId, CancellationToken ct)
    {
        var found = await db.InScopeUnderAsync(scope, underId, ct);
        return found.IsSuccess ? found : DuesLedgerErrors.OrganizationNotFound(underId ?? 0);
    }

    /// <summary>
    /// Whether the branch consents to quarterly payment: the <see cref="DuesSettings"/> nearest on the branch's path wins
    /// (the branch's own, else its 党总支's, else the 党委's…); without any, monthly only.
    /// </summary>
    public static async Task<bool> AllowsQuarterlyAsync(DangjianDbContext db, string branchPath, CancellationToken ct)
    {
        var ids = OrgPath.Ids(branchPath);
        var settings = await db.Set<DuesSettings>().AsNoTracking().Where(s => ids.Contains(s.OrganizationId))
            .Select(s => new { s.OrganizationId, s.AllowsQuarterly }).ToListAsync(ct);
        for (var i = ids.Count - 1; i >= 0; i--)
        {
            var own = settings.FirstOrDefault(s => s.OrganizationId == ids[i]);
            if (own is not null) return own.AllowsQuarterly;
        }

        return false;
    }
}
