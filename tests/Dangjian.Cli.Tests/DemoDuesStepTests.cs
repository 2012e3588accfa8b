using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Dues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class DemoDuesStepTests : CliTestBase
{
    [Fact]
    public async Task DemoSeed_RecordsAYearOfDues_WithArrearsAReviewCaseAndABackPayment_AndIsIdempotent()
    {
        var run = await Db.RunAsync("demo", "seed");
        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("党费");
        await using var services = Db.Services();
        int paymentsAfterFirstRun;
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<DuesProfile>().CountAsync(Ct)).ShouldBeGreaterThan(50);
            (await db.Set<DuesLedgerLine>().Select(l => l.Month).Distinct().CountAsync(Ct)).ShouldBe(12);
            (await db.Set<DuesReviewCase>().CountAsync(c => c.Status == DuesCaseStatus.Open, Ct)).ShouldBe(1);
            (await db.Set<DuesPayment>().CountAsync(p => p.Kind == DuesPaymentKind.BackPayment, Ct)).ShouldBe(1);
            paymentsAfterFirstRun = await db.Set<DuesPayment>().CountAsync(Ct);
        }

        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<DuesPayment>().CountAsync(Ct)).ShouldBe(paymentsAfterFirstRun);
        }
    }
}
