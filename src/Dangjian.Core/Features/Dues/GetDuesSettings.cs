using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// The dues rules in force for an organization and where they come from: its own <see cref="DuesSettings"/>, else the nearest
/// ancestor's, else the defaults (nothing held back, monthly payment only — quarterly payment needs the branch's consent).
/// </summary>
public sealed record EffectiveDuesSettings(
    long OrganizationId, decimal HeldSharePercent, bool AllowsQuarterly, long? SourceOrganizationId, string? SourceOrganizationName)
{
    public const decimal DefaultHeldSharePercent = 0m;
    public const bool DefaultAllowsQuarterly = false;

    public bool IsOwn => SourceOrganizationId == OrganizationId;
    public bool IsDefault => SourceOrganizationId is null;
}

/// <summary>Resolves settings for other features (remittance, payments) without a scope check: callers have checked theirs.</summary>
public static class DuesSettingsLookup
{
    /// <summary>Nearest on the path wins: one query for the settings of the node and all its ancestors.</summary>
    public static async Task<EffectiveDuesSettings> EffectiveAsync(DangjianDbContext db, long organizationId, string organizationPath, CancellationToken ct)
    {
        var ids = OrgPath.Ids(organizationPath);
        var found = await (from s in db.Set<DuesSettings>().AsNoTracking()
                           join o in db.Organizations.AsNoTracking() on s.OrganizationId equals o.Id
                           where ids.Contains(s.OrganizationId)
                           select new { s.OrganizationId, s.HeldSharePercent, s.AllowsQuarterly, o.Name, o.Path }).ToListAsync(ct);
        var nearest = found.OrderByDescending(s => OrgPath.Depth(s.Path)).FirstOrDefault();
        return nearest is null
            ? new EffectiveDuesSettings(organizationId, EffectiveDuesSettings.DefaultHeldSharePercent, EffectiveDuesSettings.DefaultAllowsQuarterly, null, null)
            : new EffectiveDuesSettings(organizationId, nearest.HeldSharePercent, nearest.AllowsQuarterly, nearest.OrganizationId, nearest.Name);
    }

    public static async Task<EffectiveDuesSettings?> EffectiveAsync(DangjianDbContext db, long organizationId, CancellationToken ct)
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).SingleOrDefaultAsync(ct);
        return path is null ? null : await EffectiveAsync(db, organizationId, path, ct);
    }
}

public sealed record GetDuesSettingsQuery(long OrganizationId);

/// <summary>Settings set explicitly somewhere below the organization, so a user sees which subtrees differ.</summary>
public sealed record DuesSettingsOverride(long OrganizationId, string OrganizationName, decimal HeldSharePercent, bool AllowsQuarterly);

public sealed record DuesSettingsView(
    long OrganizationId, string OrganizationName, EffectiveDuesSettings Effective, IReadOnlyList<DuesSettingsOverride> Below, bool CanAdminister);

public sealed class GetDuesSettingsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public const int MaxBelow = 200;

    public async Task<Result<DuesSettingsView>> HandleAsync(GetDuesSettingsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == query.OrganizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return DuesProfileErrors.OrganizationNotFound(query.OrganizationId);
        var effective = await DuesSettingsLookup.EffectiveAsync(db, organization.Id, organization.Path, ct);
        var end = OrgPath.RangeEnd(organization.Path);
        var below = await (from s in db.Set<DuesSettings>().AsNoTracking()
                           join o in db.Organizations.AsNoTracking() on s.OrganizationId equals o.Id
                           where string.Compare(o.Path, organization.Path) > 0 && string.Compare(o.Path, end) < 0
                           orderby o.Path
                           select new DuesSettingsOverride(o.Id, o.Name, s.HeldSharePercent, s.AllowsQuarterly)).Take(MaxBelow).ToListAsync(ct);
        return new DuesSettingsView(organization.Id, organization.Name, effective, below, scope.Allows(organization.Path, Permission.Administer));
    }
}
