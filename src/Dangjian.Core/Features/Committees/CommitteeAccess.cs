using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Committees;

internal static class CommitteeAccess
{
    /// <summary>The organization behind a committee request: not found outside the caller's scope, forbidden without <paramref name="permission"/>.</summary>
    public static async Task<Result<Organization>> LoadAsync(DangjianDbContext db, long organizationId, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return CommitteeErrors.OrganizationNotFound(organizationId);
        var allowed = scope.Check(organization.Path, permission);
        return allowed.IsSuccess ? organization : allowed.FirstError;
    }

    public static async Task<bool> StrictQuorumAsync(DangjianDbContext db, long organizationId, CancellationToken ct) =>
        await db.Set<ElectionSettings>().Where(s => s.OrganizationId == organizationId).Select(s => (bool?)s.StrictQuorum).SingleOrDefaultAsync(ct) ?? true;
}
