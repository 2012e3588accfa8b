using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

/// <summary>Live organizations the caller may act on with <see cref="Permission"/>, in tree order, for pickers.</summary>
public sealed record GetOrganizationChoicesQuery(Permission Permission, int Limit = 2000);

public sealed record OrganizationChoice(long Id, string Name, string Code, OrganizationKind Kind, string Path)
{
    public int Depth => Common.OrgPath.Depth(Path);
}

public sealed class GetOrganizationChoicesHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<IReadOnlyList<OrganizationChoice>> HandleAsync(GetOrganizationChoicesQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await scope.Organizations(db.Organizations.AsNoTracking(), query.Permission)
            .Where(o => o.DissolvedOn == null)
            .OrderBy(o => o.Path)
            .Take(query.Limit)
            .Select(o => new { o.Id, o.Name, o.Code, o.Kind, o.Path })
            .ToListAsync(ct);
        return rows.Select(r => new OrganizationChoice(r.Id, r.Name, r.Code, r.Kind, r.Path)).ToList();
    }
}
