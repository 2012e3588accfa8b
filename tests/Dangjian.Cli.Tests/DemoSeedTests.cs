using Dangjian.Cli.Demo;
using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Dangjian.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class DemoSeedTests : CliTestBase
{
    [Fact]
    public async Task DemoSeed_EmptyDatabase_CreatesTheDemoTreeAndUsers()
    {
        var run = await Db.RunAsync("demo", "seed");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("secretary1");
        run.Out.ShouldContain("viewer");
        await using var services = Db.Services();
        await using var scope = services.CreateAsyncScope();
        await using var core = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
        var organizations = await core.Organizations.AsNoTracking().ToListAsync(Ct);
        organizations.Count(o => o.Kind == OrganizationKind.Committee).ShouldBe(1);
        organizations.Count(o => o.Kind == OrganizationKind.GeneralBranch).ShouldBe(3);
        organizations.Count(o => o.Kind == OrganizationKind.Branch).ShouldBe(12);
        organizations.Count(o => o.Kind == OrganizationKind.Group).ShouldBe(30);

        // Every node hangs where the rules put it, and every path was placed by the handler.
        var byId = organizations.ToDictionary(o => o.Id);
        var root = organizations.Single(o => o.ParentId is null);
        root.Code.ShouldBe(DemoCatalog.RootCode);
        organizations.Where(o => o.ParentId is not null).ShouldAllBe(o => byId[o.ParentId!.Value].Kind.CanContain(o.Kind));
        organizations.Where(o => o.ParentId is not null).ShouldAllBe(o => o.FoundedOn >= byId[o.ParentId!.Value].FoundedOn);
        organizations.ShouldAllBe(o => o.Path.StartsWith(root.Path));
        var groupsPerBranch = organizations.Where(o => o.Kind == OrganizationKind.Group).GroupBy(o => o.ParentId).Select(g => g.Count()).ToList();
        groupsPerBranch.Count.ShouldBe(12);
        groupsPerBranch.Count(c => c == 3).ShouldBe(6);
        groupsPerBranch.Count(c => c == 2).ShouldBe(6);

        var grants = await core.RoleGrants.AsNoTracking().ToListAsync(Ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var secretary = (await users.FindByNameAsync("secretary1")).ShouldNotBeNull();
        var viewer = (await users.FindByNameAsync("viewer")).ShouldNotBeNull();
        (await users.CheckPasswordAsync(secretary, DemoUsersStep.Password)).ShouldBeTrue();
        var firstBranch = organizations.Single(o => o.Code == DemoCatalog.FirstBranchCode);
        firstBranch.Kind.ShouldBe(OrganizationKind.Branch);
        grants.ShouldContain(g => g.UserId == secretary.Id && g.Role == Role.Worker && g.OrganizationId == firstBranch.Id);
        grants.ShouldContain(g => g.UserId == viewer.Id && g.Role == Role.ReadOnly && g.OrganizationId == root.Id);
        grants.ShouldNotContain(g => g.Role == Role.SystemAdmin);

        // Created through the handlers, so the audit log names the operator.
        (await core.AuditEntries.CountAsync(a => a.EntityType == nameof(Organization), Ct)).ShouldBeGreaterThanOrEqualTo(46);
    }

    [Fact]
    public async Task DemoSeed_SecondRun_IsIdempotent()
    {
        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);

        var again = await Db.RunAsync("demo", "seed");

        again.ExitCode.ShouldBe(ExitCodes.Success, again.Err);
        again.Out.ShouldContain("演示数据已存在");
        await using var services = Db.Services();
        await using var scope = services.CreateAsyncScope();
        await using var core = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
        (await core.Organizations.CountAsync(Ct)).ShouldBe(46);
        (await core.RoleGrants.CountAsync(Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task DemoSeed_RootCodeUsedByARealOrganization_ExitsOneAndAddsNothing()
    {
        (await Db.RunAsync("db", "migrate")).ExitCode.ShouldBe(ExitCodes.Success);
        await using (var services = Db.Services())
        await using (var scope = services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateOrganizationHandler>().HandleAsync(
                new CreateOrganizationCommand(null, new OrganizationInput { Code = DemoCatalog.RootCode, Name = "中共某县委员会", Kind = OrganizationKind.Committee }),
                AccessScope.Everything(null), Ct);
            created.IsSuccess.ShouldBeTrue();
        }

        var run = await Db.RunAsync("demo", "seed");

        run.ExitCode.ShouldBe(ExitCodes.RuleError);
        run.Err.ShouldContain("不能写入演示数据");
        await using var check = Db.Services();
        await using var checkScope = check.CreateAsyncScope();
        await using var core = await checkScope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
        (await core.Organizations.CountAsync(Ct)).ShouldBe(1);
    }
}
