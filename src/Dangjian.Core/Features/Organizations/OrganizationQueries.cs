using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

internal static class OrganizationQueries
{
    /// <summary>The node at <paramref name="path"/> and everything under it, as one index range (docs/adr/0003).</summary>
    public static IQueryable<Organization> InSubtree(this IQueryable<Organization> organizations, string path)
    {
        var end = OrgPath.RangeEnd(path);
        return organizations.Where(o => string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, end) < 0);
    }

    /// <summary>Everything strictly under the node at <paramref name="path"/>.</summary>
    public static IQueryable<Organization> BelowPath(this IQueryable<Organization> organizations, string path)
    {
        var end = OrgPath.RangeEnd(path);
        return organizations.Where(o => string.Compare(o.Path, path) > 0 && string.Compare(o.Path, end) < 0);
    }

    /// <summary>
    /// Loads an organization the caller is about to change: not found when outside their scope,
    /// forbidden when they may see but not administer it.
    /// </summary>
    public static async Task<Result<Organization>> LoadForAdministrationAsync(this DangjianDbContext db, long id, AccessScope scope, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read))
        {
            return OrganizationErrors.NotFound(id);
        }

        var allowed = scope.Check(organization.Path, Permission.Administer);
        return allowed.IsSuccess ? organization : allowed.FirstError;
    }
}
