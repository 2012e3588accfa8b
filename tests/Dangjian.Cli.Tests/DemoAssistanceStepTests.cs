using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Data;
using Dangjian.Core.Features.WorkLog.Assistance;
using Dangjian.Core.Features.WorkLog.Brand;
using Dangjian.Core.Features.WorkLog.Publicity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class DemoAssistanceStepTests : CliTestBase
{
    [Fact]
    public async Task DemoSeed_RecordsMonthsOfAssistanceAndPublicity_InEveryProblemState_AndIsIdempotent()
    {
        var run = await Db.RunAsync("demo", "seed");
        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("帮扶、宣传与党建品牌");
        await using var services = Db.Services();
        int visits;
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<AssistanceHousehold>().CountAsync(Ct)).ShouldBe(6);
            visits = await db.Set<AssistanceVisit>().CountAsync(Ct);
            visits.ShouldBe(36);
            (await db.Set<AssistanceProblem>().CountAsync(p => p.ResolvedOn != null, Ct)).ShouldBe(6);
            (await db.Set<AssistanceProblem>().CountAsync(p => p.ResolvedOn == null && p.StartedOn != null, Ct)).ShouldBe(6);
            (await db.Set<AssistanceProblem>().CountAsync(p => p.StartedOn == null, Ct)).ShouldBe(6);
            (await db.Set<PublicityItem>().CountAsync(Ct)).ShouldBe(54);
            (await db.Set<BrandActivity>().CountAsync(Ct)).ShouldBe(18);
        }

        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<AssistanceVisit>().CountAsync(Ct)).ShouldBe(visits);
        }
    }
}
