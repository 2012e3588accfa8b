using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

public sealed record GetOrganizationDetailsQuery(long Id);

public sealed record OrganizationSummary(long Id, string Code, string Name, OrganizationKind Kind, bool IsDissolved);

public sealed record OrganizationDetails(
    long Id,
    long? ParentId,
    string Path,
    string Code,
    string Name,
    string? ShortName,
    OrganizationKind Kind,
    string? HostUnitName,
    UnitCategory? HostUnitCategory,
    DateOnly? FoundedOn,
    int SortOrder,
    DateOnly? DissolvedOn,
    string? DissolutionReason,
    IReadOnlyList<OrganizationSummary> Ancestors,
    IReadOnlyList<OrganizationSummary> Children,
    int SubtreeSize,
    bool CanAdminister)
{
    public string KindLabel => Kind.Label();
    public string? HostUnitCategoryLabel => HostUnitCategory?.Label();
}

public sealed class GetOrganizationDetailsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<OrganizationDetails>> HandleAsync(GetOrganizationDetailsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await scope.Organizations(db.Organizations.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == query.Id, ct);
        if (organization is null)
        {
            return OrganizationErrors.NotFound(query.Id);
        }

        // Ancestors are shown as the breadcrumb even above the caller's own subtree: the names of one's superiors are not secret.
        var ancestorIds = OrgPath.Ids(organization.Path).Where(id => id != organization.Id).ToList();
        var ancestors = await db.Organizations.AsNoTracking()
            .Where(o => ancestorIds.Contains(o.Id))
            .Select(o => new OrganizationSummary(o.Id, o.Code, o.Name, o.Kind, o.DissolvedOn != null))
            .ToListAsync(ct);
        ancestors = ancestors.OrderBy(a => ancestorIds.IndexOf(a.Id)).ToList();
        var children = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentId == organization.Id)
            .OrderBy(o => o.DissolvedOn != null).ThenBy(o => o.SortOrder).ThenBy(o => o.Code)
            .Select(o => new OrganizationSummary(o.Id, o.Code, o.Name, o.Kind, o.DissolvedOn != null))
            .ToListAsync(ct);
        var subtreeSize = await db.Organizations.InSubtree(organization.Path).CountAsync(o => o.DissolvedOn == null, ct);

        return new OrganizationDetails(
            organization.Id, organization.ParentId, organization.Path, organization.Code, organization.Name, organization.ShortName,
            organization.Kind, organization.HostUnitName, organization.HostUnitCategory, organization.FoundedOn, organization.SortOrder,
            organization.DissolvedOn, organization.DissolutionReason, ancestors, children, subtreeSize,
            scope.Allows(organization.Path, Permission.Administer));
    }
}
