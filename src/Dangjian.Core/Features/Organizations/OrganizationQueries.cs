using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

public static class OrganizationQueries
{
    /// <summary>
    /// The organizations a list is about: those in the caller's scope, narrowed to the subtree under
    /// <paramref name="underId"/> when one is given (not found when that node is outside the scope).
    /// </summary>
    public static async Task<Result<IQueryable<Organization>>> InScopeUnderAsync(
        this DangjianDbContext db, AccessScope scope, long? underId, CancellationToken ct, Permission permission = Permission.Read)
    {
        var organizations = scope.Organizations(db.Organizations.AsNoTracking(), permission);
        if (underId is not long id) return Result<IQueryable<Organization>>.Success(organizations);
        var path = await organizations.Where(o => o.Id == id).Select(o => o.Path).SingleOrDefaultAsync(ct);
        return path is null ? OrganizationErrors.NotFound(id) : Result<IQueryable<Organization>>.Success(organizations.InSubtree(path));
    }

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
    internal static async Task<Result<Organization>> LoadForAdministrationAsync(this DangjianDbContext db, long id, AccessScope scope, CancellationToken ct)
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
