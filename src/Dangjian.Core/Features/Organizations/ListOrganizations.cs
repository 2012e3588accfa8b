using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

/// <summary>A flat, paged list of organizations in scope, for the API and for pickers.</summary>
public sealed record ListOrganizationsQuery(
    long? UnderId = null, string? Search = null, OrganizationKind? Kind = null, bool IncludeDissolved = false, int? Page = null, int? PageSize = null,
    bool TopLevelOnly = false);

public sealed record OrganizationListItem(long Id, long? ParentId, string Path, string Code, string Name, OrganizationKind Kind, DateOnly? FoundedOn, DateOnly? DissolvedOn);

public sealed class ListOrganizationsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<OrganizationListItem>>> HandleAsync(ListOrganizationsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inScope = await db.InScopeUnderAsync(scope, query.UnderId, ct);
        if (!inScope.IsSuccess) return inScope.FirstError;
        var organizations = inScope.Value;

        if (!query.IncludeDissolved) organizations = organizations.Where(o => o.DissolvedOn == null);
        if (query.TopLevelOnly) organizations = organizations.Where(o => o.ParentId == null);
        if (query.Kind is OrganizationKind kind) organizations = organizations.Where(o => o.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            organizations = organizations.Where(o => o.Name.Contains(term) || o.Code.Contains(term) || (o.ShortName != null && o.ShortName.Contains(term)));
        }

        var size = Page<OrganizationListItem>.NormalizeSize(query.PageSize);
        var number = Page<OrganizationListItem>.NormalizeNumber(query.Page);
        var total = await organizations.CountAsync(ct);
        var items = await organizations
            .OrderBy(o => o.Path)
            .Skip((number - 1) * size).Take(size)
            .Select(o => new OrganizationListItem(o.Id, o.ParentId, o.Path, o.Code, o.Name, o.Kind, o.FoundedOn, o.DissolvedOn))
            .ToListAsync(ct);
        return new Page<OrganizationListItem>(items, total, number, size);
    }
}
