using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Data;
using Dangjian.Core.Features.WorkLog.Care;
using Dangjian.Core.Features.WorkLog.Commendations;
using Dangjian.Core.Features.WorkLog.Donations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class DemoDonationsStepTests : CliTestBase
{
    [Fact]
    public async Task DemoSeed_RecordsTwoDonationDrivesCareVisitsAndACommendation_AndIsIdempotent()
    {
        var run = await Db.RunAsync("demo", "seed");
        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("捐款、慰问与表彰");
        await using var services = Db.Services();
        int visits;
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<DonationDrive>().CountAsync(Ct)).ShouldBe(2);
            (await db.Set<DonationDonor>().CountAsync(Ct)).ShouldBeGreaterThan(10);
            (await db.Set<DonationDrive>().CountAsync(d => d.Recipient == DonationRecipient.PartyOrganization, Ct)).ShouldBe(1);
            visits = await db.Set<CareVisit>().CountAsync(Ct);
            visits.ShouldBeGreaterThanOrEqualTo(4);
            (await db.Set<CareVisit>().CountAsync(v => v.Reason == CareReason.Festival, Ct)).ShouldBeGreaterThan(0);
            (await db.Set<Commendation>().CountAsync(Ct)).ShouldBe(1);
        }

        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<DonationDrive>().CountAsync(Ct)).ShouldBe(2);
            (await db.Set<CareVisit>().CountAsync(Ct)).ShouldBe(visits);
        }
    }
}
