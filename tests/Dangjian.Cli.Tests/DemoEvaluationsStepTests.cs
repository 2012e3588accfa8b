using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Evaluations;
using Dangjian.Core.Features.Talks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class DemoEvaluationsStepTests : CliTestBase
{
    [Fact]
    public async Task DemoSeed_RecordsLastYearsEvaluationsAndThisYearsTalks_WithOneCase_AndIsIdempotent()
    {
        var run = await Db.RunAsync("demo", "seed");
        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("民主评议与谈心谈话");
        await using var services = Db.Services();
        int talksAfterFirstRun;
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<EvaluationSession>().CountAsync(Ct)).ShouldBe(11);
            (await db.Set<DispositionCase>().CountAsync(c => c.Status == DispositionStatus.Open, Ct)).ShouldBe(1);
            (await db.Set<EvaluationEntry>().CountAsync(e => e.Grade == EvaluationGrade.Excellent, Ct)).ShouldBeGreaterThan(0);
            talksAfterFirstRun = await db.Set<HeartToHeartTalk>().CountAsync(Ct);
            talksAfterFirstRun.ShouldBeGreaterThan(100);
        }

        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<HeartToHeartTalk>().CountAsync(Ct)).ShouldBe(talksAfterFirstRun);
        }
    }
}
