using Dangjian.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Metrics;

/// <summary>
/// Every metric a user may ask for: the ones modules register in code and those of families whose keys live in the
/// database (e.g. <c>custom.*</c>). Definitions name no organization, so they need no scope.
/// </summary>
public sealed class GetMetricDefinitionsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<IReadOnlyList<MetricDefinition>> HandleAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MetricCatalogue.Default.DefinitionsAsync(db, ct);
    }
}
