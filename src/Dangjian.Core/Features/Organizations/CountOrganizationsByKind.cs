using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

/// <summary>
/// Organizations by kind in a subtree that existed on <see cref="On"/> (point in time): founded by then and not yet dissolved.
/// One GROUP BY over the subtree's index range.
/// </summary>
public sealed record CountOrganizationsByKindQuery(long? RootId, DateOnly On);

public sealed record KindCount(OrganizationKind Kind, int Count)
{
    public string Label => Kind.Label();
}

public sealed class CountOrganizationsByKindHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<IReadOnlyList<KindCount>>> HandleAsync(CountOrganizationsByKindQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inScope = await db.InScopeUnderAsync(scope, query.RootId, ct);
        if (!inScope.IsSuccess) return inScope.FirstError;
        var organizations = inScope.Value;

        var on = query.On;
        var counts = await organizations
            .Where(o => (o.FoundedOn == null || o.FoundedOn <= on) && (o.DissolvedOn == null || o.DissolvedOn > on))
            .GroupBy(o => o.Kind)
            .Select(g => new KindCount(g.Key, g.Count()))
            .ToListAsync(ct);
        return counts.OrderBy(c => c.Kind).ToList();
    }
}
