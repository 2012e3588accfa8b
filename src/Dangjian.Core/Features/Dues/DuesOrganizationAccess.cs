using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

internal static class DuesOrganizationAccess
{
    /// <summary>The organization behind a dues request: not found outside the caller's scope, forbidden without <paramref name="permission"/>.</summary>
    public static async Task<Result<Organization>> LoadAsync(DangjianDbContext db, long organizationId, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return BackPayErrors.OrganizationNotFound(organizationId);
        var allowed = scope.Check(organization.Path, permission);
        return allowed.IsSuccess ? organization : allowed.FirstError;
    }
}
