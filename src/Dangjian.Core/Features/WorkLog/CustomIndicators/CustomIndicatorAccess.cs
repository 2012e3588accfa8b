using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.CustomIndicators;

/// <summary>An indicator with the organization whose subtree it applies to.</summary>
internal sealed record LoadedIndicator(CustomIndicator Indicator, Organization Organization);

/// <summary>
/// Who sees and changes indicators. An indicator of a 党委 is seen by everyone who works inside its subtree (a branch worker
/// records the 党委's indicator for the branch) and by everyone whose scope contains it; it is defined, renamed, archived and
/// deleted only by administrators of its organization (<see cref="Permission.Administer"/>); values are recorded with
/// <see cref="Permission.Write"/> on the value's organization, which must lie inside the indicator's subtree.
/// </summary>
internal static class CustomIndicatorAccess
{
    public static bool Sees(AccessScope scope, string indicatorPath) =>
        scope.IsSystemAdmin || scope.Allows(indicatorPath, Permission.Read)
        || scope.Roots.Any(r => r.Role.Grants(Permission.Read) && OrgPath.IsWithin(r.Path, indicatorPath));

    /// <summary>Whether the caller may record values of the indicator for some organization.</summary>
    public static bool Records(AccessScope scope, string indicatorPath) =>
        scope.IsSystemAdmin || scope.Allows(indicatorPath, Permission.Write)
        || scope.Roots.Any(r => r.Role.Grants(Permission.Write) && OrgPath.IsWithin(r.Path, indicatorPath));

    public static async Task<Result<LoadedIndicator>> LoadAsync(DangjianDbContext db, long id, AccessScope scope, Permission permission, CancellationToken ct, bool track = false)
    {
        var indicators = track ? db.Set<CustomIndicator>() : db.Set<CustomIndicator>().AsNoTracking();
        var indicator = await indicators.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null) return CustomIndicatorErrors.NotFound(id);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == indicator.OrganizationId, ct);
        if (!Sees(scope, organization.Path)) return CustomIndicatorErrors.NotFound(id);
        if (permission == Permission.Administer && !scope.Allows(organization.Path, Permission.Administer)) return CustomIndicatorErrors.AdministerOnly(organization.Name);
        return new LoadedIndicator(indicator, organization);
    }
}
