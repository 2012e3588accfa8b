using Dangjian.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Metrics;

/// <summary>
/// Every metric a user may ask for: the ones modules register in code and those of families whose keys live in the
/// database (e.g. <c>custom.*</c>), those visible to the caller: a custom indicator defined for another subtree is not offered
/// (its name is that subtree's business).
/// </summary>
public sealed class GetMetricDefinitionsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<IReadOnlyList<MetricDefinition>> HandleAsync(Access.AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MetricCatalogue.Default.DefinitionsAsync(db, scope, ct);
    }
}
