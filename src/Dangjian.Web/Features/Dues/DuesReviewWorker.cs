using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Dues;

/// <summary>
/// Opens 自行脱党 review cases once a day over the whole system (<see cref="OpenDuesReviewCasesHandler"/>). A sixth unpaid
/// month completes with the calendar, not with a save, so a request alone would never notice it. The handler is idempotent
/// and the one-open-case index guards against a concurrent check from the cases page. Dues:ReviewCheckHours (default 24;
/// 0 turns the check off) sets the interval; the first check runs a minute after start.
/// </summary>
public sealed class DuesReviewWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DuesReviewWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = configuration.GetValue("Dues:ReviewCheckHours", 24.0);
        if (hours <= 0) return;
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromHours(hours));
            do
            {
                await CheckAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<JobActor>().ActFor("system", "系统（党费检查）");
            var result = await scope.ServiceProvider.GetRequiredService<OpenDuesReviewCasesHandler>()
                .HandleAsync(new OpenDuesReviewCasesCommand(null), AccessScope.Everything(null), ct);
            if (result.IsSuccess && result.Value > 0) logger.LogInformation("党费检查：新立自行脱党审查案件 {Count} 件", result.Value);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "党费检查出错");
        }
    }
}
