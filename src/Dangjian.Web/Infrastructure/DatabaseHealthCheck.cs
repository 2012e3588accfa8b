using Dangjian.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dangjian.Web.Infrastructure;

/// <summary>/healthz is healthy only when the database answers a real query on our own table.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<DangjianDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Organizations.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("数据库正常");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("数据库不可用", ex);
        }
    }
}
