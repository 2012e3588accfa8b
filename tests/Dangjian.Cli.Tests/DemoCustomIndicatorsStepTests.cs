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

/// <summary>The step needs only the demo tree, so the test runs the organizations step and this one (not the whole seed).</summary>
public sealed class DemoCustomIndicatorsStepTests : CliTestBase
{
    [Fact]
    public async Task DemoStep_DefinesTwoIndicatorsWithValues_ReadableAsMetrics_AndIsIdempotent()
    {
        (await Db.RunAsync("db", "migrate")).ExitCode.ShouldBe(ExitCodes.Success);
        await using var services = Db.Services();
        var log = new StringWriter();
        (await RunStepsAsync(services, log)).ShouldBeGreaterThan(0);
        log.ToString().ShouldContain("自定义指标：起草文稿（篇）、疫情防控支出（万元）");

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
            var drafts = (await db.Set<CustomIndicatorValue>().Where(v => v.IndicatorId == indicators[0].Id).Select(v => v.Value).ToListAsync(Ct)).Sum();
            drafts.ShouldBeGreaterThan(0);
            table.Value.Reading(table.Value.Rows.Single(), table.Value.Columns.Single()).Value.ShouldBe(drafts);
        }

        (await RunStepsAsync(services, TextWriter.Null)).ShouldBe(0);
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<CustomIndicatorValue>().CountAsync(Ct)).ShouldBe(valuesAfterFirstRun);
        }
    }

    private async Task<int> RunStepsAsync(IServiceProvider services, TextWriter log)
    {
        await using var scope = services.CreateAsyncScope();
        var context = new DemoSeedContext(log);
        var steps = scope.ServiceProvider.GetServices<IDemoSeedStep>();
        var created = 0;
        foreach (var step in steps.Where(s => s is DemoOrganizationsStep or DemoCustomIndicatorsStep).OrderBy(s => s.Order))
        {
            var result = await step.RunAsync(context, Ct);
            result.IsSuccess.ShouldBeTrue(string.Join("；", result.Errors.Select(e => e.Message)));
            if (step is DemoCustomIndicatorsStep) created += result.Value;
        }

        return created;
    }
}
