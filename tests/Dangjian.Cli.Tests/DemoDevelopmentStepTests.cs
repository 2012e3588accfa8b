using Dangjian.Cli.Demo;
using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class DemoDevelopmentStepTests : CliTestBase
{
    [Fact]
    public async Task DemoSeed_PutsFortyPeopleAtEveryStage_WithAnOverdueApprovalAndAProbationEndingNextMonth_AndIsIdempotent()
    {
        var run = await Db.RunAsync("demo", "seed");
        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("发展党员：40 人");
        await using var services = Db.Services();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            var candidates = await db.Set<Candidate>().AsNoTracking().Include(c => c.Steps).ToListAsync(Ct);
            candidates.Count.ShouldBe(DemoDevelopmentStep.PeopleCount);
            var stages = candidates.GroupBy(c => c.StageOn(today)).ToDictionary(g => g.Key, g => g.Count());
            stages[CandidateStage.Applicant].ShouldBe(8);
            stages[CandidateStage.Activist].ShouldBe(10);
            stages[CandidateStage.DevelopmentTarget].ShouldBe(9); // 8 + the one voted on and waiting for approval
            stages[CandidateStage.Probationary].ShouldBe(8); // 7 + the extended one
            stages[CandidateStage.Confirmed].ShouldBe(4);
            stages[CandidateStage.Cancelled].ShouldBe(1);

            // Admission created the 预备党员 records; 转正 made four of them 正式; the cancelled one left the Party.
            var memberIds = candidates.Where(c => c.MemberId != null).Select(c => c.MemberId!.Value).ToList();
            memberIds.Count.ShouldBe(DemoDevelopmentStep.AdmittedCount);
            var members = await db.Set<Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToListAsync(Ct);
            members.Count(m => m.Category == MemberCategory.Full).ShouldBe(4);
            members.Count(m => m.Status == MembershipStatus.Left).ShouldBe(1);
            candidates.Single(c => c.ExtensionMonths != null).ExtensionMonths.ShouldBe(6);

            var endingNextMonth = candidates.Where(c => c.StageOn(today) == CandidateStage.Probationary && c.ProbationEndsOn is DateOnly end && end > today && end <= today.AddMonths(1)).ToList();
            endingNextMonth.Count.ShouldBe(1);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var root = await RootAsync(scope.ServiceProvider);
            var board = await scope.ServiceProvider.GetRequiredService<GetDevelopmentBoardHandler>().HandleAsync(new GetDevelopmentBoardQuery(root), AccessScope.Everything(null), Ct);
            board.IsSuccess.ShouldBeTrue();
            board.Value.Overdue.ShouldContain(p => p.Warnings.Any(w => w.Overdue && w.Rule == DevelopmentTracker.Rules.ApprovalDue));
            board.Value.Overdue.ShouldContain(p => p.Warnings.Any(w => w.Overdue && w.Rule == DevelopmentTracker.Rules.TalkDue));
        }

        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<Candidate>().CountAsync(Ct)).ShouldBe(DemoDevelopmentStep.PeopleCount);
        }
    }

    private static async Task<long> RootAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
        return await db.Organizations.Where(o => o.ParentId == null).Select(o => o.Id).FirstAsync();
    }
}
