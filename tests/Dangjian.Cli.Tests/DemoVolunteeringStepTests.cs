using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Data;
using Dangjian.Core.Features.WorkLog.Volunteering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class DemoVolunteeringStepTests : CliTestBase
{
    [Fact]
    public async Task DemoSeed_RecordsHalfAYearOfVolunteering_AndIsIdempotent()
    {
        var run = await Db.RunAsync("demo", "seed");
        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("志愿服务：");
        await using var services = Db.Services();
        int activities;
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            activities = await db.Set<VolunteerActivity>().CountAsync(Ct);
            activities.ShouldBeGreaterThanOrEqualTo(6 * 10);
            var months = (await db.Set<VolunteerActivity>().Select(a => a.HeldOn).ToListAsync(Ct)).Select(d => (d.Year, d.Month)).Distinct().Count();
            months.ShouldBeGreaterThanOrEqualTo(6);
            (await db.Set<VolunteerParticipant>().CountAsync(Ct)).ShouldBeGreaterThan(activities * 2);
            (await db.Set<VolunteerActivity>().CountAsync(a => a.ProjectClaimed, Ct)).ShouldBeGreaterThan(0);
            (await db.Set<CommunityReport>().CountAsync(Ct)).ShouldBeGreaterThan(0);
            (await db.Set<PioneerPost>().Select(p => p.Kind).Distinct().CountAsync(Ct)).ShouldBe(3);
        }

        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<VolunteerActivity>().CountAsync(Ct)).ShouldBe(activities);
        }
    }
}
