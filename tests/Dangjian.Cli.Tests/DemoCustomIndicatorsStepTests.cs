using Dangjian.Cli.Demo;
using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.WorkLog.CustomIndicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class DemoCustomIndicatorsStepTests : CliTestBase
{
    [Fact]
    public async Task DemoSeed_DefinesTwoIndicatorsWithValues_ReadableAsMetrics_AndIsIdempotent()
    {
        var run = await Db.RunAsync("demo", "seed");
        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("自定义指标");
        await using var services = Db.Services();
        int valuesAfterFirstRun;
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            var indicators = await db.Set<CustomIndicator>().OrderBy(i => i.Key).ToListAsync(Ct);
            indicators.Select(i => (i.Key, i.Name, i.Unit)).ShouldBe([(DemoCustomIndicatorsStep.DraftsKey, "起草文稿", "篇"), (DemoCustomIndicatorsStep.EpidemicKey, "疫情防控支出", "万元")]);
            valuesAfterFirstRun = await db.Set<CustomIndicatorValue>().CountAsync(Ct);
            valuesAfterFirstRun.ShouldBeGreaterThan(0);

            var today = TimeProvider.System.Today();
            var root = await db.Organizations.Where(o => o.Code == DemoCatalog.RootCode).Select(o => o.Id).SingleAsync(Ct);
            var table = await scope.ServiceProvider.GetRequiredService<GetMetricValuesHandler>().HandleAsync(
                new GetMetricValuesQuery(root, MetricTargetMode.Subtree, new DateOnly(today.Year, 1, 1), today, ["custom." + DemoCustomIndicatorsStep.DraftsKey]),
                AccessScope.Everything(null), Ct);
            table.IsSuccess.ShouldBeTrue();
            var drafts = await db.Set<CustomIndicatorValue>().Where(v => v.IndicatorId == indicators[0].Id).SumAsync(v => v.Value, Ct);
            table.Value.Reading(table.Value.Rows.Single(), table.Value.Columns.Single()).Value.ShouldBe(drafts);
        }

        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<CustomIndicatorValue>().CountAsync(Ct)).ShouldBe(valuesAfterFirstRun);
        }
    }
}
