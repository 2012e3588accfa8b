using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class AdminCreateTests : CliTestBase
{
    [Fact]
    public async Task AdminCreate_AdminAlreadyExists_CreatesAnotherSystemAdmin()
    {
        var first = await Db.RunAsync("admin", "create", "--user", "admin", "--name", "系统管理员", "--password", GoodPassword);
        var second = await Db.RunAsync("admin", "create", "--user", "admin2", "--name", "第二管理员", "--password", GoodPassword);

        first.ExitCode.ShouldBe(ExitCodes.Success, first.Err);
        second.ExitCode.ShouldBe(ExitCodes.Success, second.Err);
        second.Out.ShouldContain("admin2");
        await using var services = Db.Services();
        await using var scope = services.CreateAsyncScope();
        await using var core = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
        (await core.RoleGrants.CountAsync(g => g.Role == Role.SystemAdmin, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task AdminCreate_WeakPassword_ExitsOneWithChineseError()
    {
        var run = await Db.RunAsync("admin", "create", "--user", "admin", "--name", "系统管理员", "--password", "short");

        run.ExitCode.ShouldBe(ExitCodes.RuleError);
        run.Err.ShouldContain("出错：密码至少需要 8 位");
        run.Err.ShouldNotContain(" at ");
        await using var services = Db.Services();
        await using var scope = services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserAdministration>().SystemAdminExistsAsync(Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task AdminCreate_DuplicateUserName_ExitsOneWithChineseError()
    {
        (await Db.RunAsync("admin", "create", "--user", "admin", "--name", "甲", "--password", GoodPassword)).ExitCode.ShouldBe(ExitCodes.Success);

        var run = await Db.RunAsync("admin", "create", "--user", "admin", "--name", "乙", "--password", GoodPassword);

        run.ExitCode.ShouldBe(ExitCodes.RuleError);
        run.Err.ShouldContain("用户名“admin”已被使用");
    }

    [Fact]
    public async Task AdminCreate_NoPasswordOption_ReadsEnvironmentThenStdin()
    {
        Db.Environment[Users.AdminCommands.PasswordVariable] = GoodPassword;
        var fromEnvironment = await Db.RunWithInputAsync("", "admin", "create", "--user", "admin", "--name", "甲");
        Db.Environment.Clear();
        var fromStdin = await Db.RunWithInputAsync(GoodPassword + "\n", "admin", "create", "--user", "admin2", "--name", "乙");

        fromEnvironment.ExitCode.ShouldBe(ExitCodes.Success, fromEnvironment.Err);
        fromStdin.ExitCode.ShouldBe(ExitCodes.Success, fromStdin.Err);
        await using var services = Db.Services();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        (await users.CheckPasswordAsync((await users.FindByNameAsync("admin"))!, GoodPassword)).ShouldBeTrue();
        (await users.CheckPasswordAsync((await users.FindByNameAsync("admin2"))!, GoodPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task AdminCreate_EmptyStdin_ExitsOne()
    {
        var run = await Db.RunWithInputAsync("", "admin", "create", "--user", "admin", "--name", "甲");

        run.ExitCode.ShouldBe(ExitCodes.RuleError);
        run.Err.ShouldContain("没有提供密码");
    }
}
