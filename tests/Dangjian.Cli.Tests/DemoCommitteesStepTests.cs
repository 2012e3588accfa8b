using Dangjian.Cli.Demo;
using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class DemoCommitteesStepTests : CliTestBase
{
    [Fact]
    public async Task DemoSeed_GivesEveryBranchWithMembersATerm_OneExpiringOneOverdue_AndIsIdempotent()
    {
        var run = await Db.RunAsync("demo", "seed");
        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("班子与换届");
        await using var services = Db.Services();
        int termsAfterFirstRun;
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            var today = TimeProvider.System.Today();
            var branchesWithMembers = await db.Set<Member>().Select(m => m.OrganizationId).Distinct().CountAsync(Ct);
            var terms = await db.Set<Term>().AsNoTracking().ToListAsync(Ct);
            terms.Count.ShouldBe(branchesWithMembers);
            terms.Count(t => t.PlannedEndOn >= today && t.PlannedEndOn.DayNumber - today.DayNumber <= CommitteeRules.ExpiryWarningDays).ShouldBe(1);
            terms.Count(t => t.PlannedEndOn < today).ShouldBe(1);
            (await db.Set<CommitteeMember>().AsNoTracking().CountAsync(c => c.To == null && c.Post == CommitteePost.Secretary, Ct)).ShouldBe(branchesWithMembers);
            (await db.Set<Election>().AsNoTracking().CountAsync(Ct)).ShouldBeGreaterThan(0);
            termsAfterFirstRun = terms.Count;
        }

        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<Term>().CountAsync(Ct)).ShouldBe(termsAfterFirstRun);
        }
    }
}
