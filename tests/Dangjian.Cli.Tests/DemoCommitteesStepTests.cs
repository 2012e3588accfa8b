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
    public async Task DemoSeed_WithoutMembers_CreatesNoTerms()
    {
        var run = await Db.RunAsync("demo", "seed");
        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        await using var services = Db.Services();
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
        (await db.Set<Term>().CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task DemoSeed_WithMembers_GivesBranchesTerms_OneExpiringOneOverdue_AndIsIdempotent()
    {
        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);
        await using var services = Db.Services();
        long first, second;
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            var branches = await db.Organizations.AsNoTracking().Where(o => o.Kind == Dangjian.Core.Features.Organizations.OrganizationKind.Branch).OrderBy(o => o.Code).Select(o => o.Id).ToListAsync(Ct);
            first = branches[0];
            second = branches[1];
            var create = scope.ServiceProvider.GetRequiredService<CreateMemberHandler>();
            var n = 0;
            foreach (var (branch, count) in new[] { (first, 8), (second, 3) })
            {
                for (var i = 0; i < count; i++, n++)
                {
                    var birth = new DateOnly(1980, 1, 1).AddDays(n * 11);
                    var first17 = $"110101{birth:yyyyMMdd}{n * 2 + 1:000}";
                    var result = await create.HandleAsync(new CreateMemberCommand(branch, null, new MemberInput
                    {
                        Name = $"演示党员{n}", Gender = Gender.Male, Ethnicity = "汉族", BirthDate = birth, IdNumber = first17 + IdNumber.CheckCharacter(first17),
                        EmploymentStatus = EmploymentStatus.Employed, ApplicationDate = new DateOnly(2008, 1, 1), AdmittedOn = new DateOnly(2010, 1, 1),
                        ConfirmedOn = new DateOnly(2011, 1, 1), Category = MemberCategory.Full,
                    }), AccessScope.Everything(null), Ct);
                    result.IsSuccess.ShouldBeTrue(result.IsSuccess ? "" : result.FirstError.Message);
                }
            }
        }

        var run = await Db.RunAsync("demo", "seed");
        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("班子与换届");
        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);

        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            var today = TimeProvider.System.Today();
            var terms = await db.Set<Term>().AsNoTracking().ToListAsync(Ct);
            terms.Count.ShouldBe(2);
            var expiring = terms.Single(t => t.OrganizationId == first);
            (expiring.PlannedEndOn.DayNumber - today.DayNumber).ShouldBeInRange(0, CommitteeRules.ExpiryWarningDays);
            terms.Single(t => t.OrganizationId == second).PlannedEndOn.ShouldBeLessThan(today);
            var seats = await db.Set<CommitteeMember>().AsNoTracking().Where(c => c.OrganizationId == first && c.To == null).ToListAsync(Ct);
            seats.Count.ShouldBe(3);
            seats.ShouldContain(s => s.Post == CommitteePost.Secretary);
            (await db.Set<Election>().SingleAsync(e => e.OrganizationId == first, Ct)).IsValid.ShouldBeTrue();
            (await db.Set<CommitteeMember>().AsNoTracking().Where(c => c.OrganizationId == second && c.To == null).Select(c => c.Post).ToListAsync(Ct)).ShouldBe([CommitteePost.Secretary]);
        }
    }
}
