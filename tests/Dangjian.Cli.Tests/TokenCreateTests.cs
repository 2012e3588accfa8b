using Dangjian.Cli.Infrastructure;
using Dangjian.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class TokenCreateTests : CliTestBase
{
    [Fact]
    public async Task TokenCreate_ExistingUser_PrintsTokenThatValidates()
    {
        (await Db.RunAsync("admin", "create", "--user", "admin", "--name", "系统管理员", "--password", GoodPassword)).ExitCode.ShouldBe(ExitCodes.Success);

        var run = await Db.RunAsync("token", "create", "--user", "admin", "--name", "报表脚本", "--days", "30");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Err.ShouldContain("只显示这一次");
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(1);
        var token = lines[0];
        token.ShouldStartWith(ApiTokenService.TokenPrefix);
        await using var services = Db.Services();
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().ValidateAsync(token, Ct);
        user.ShouldNotBeNull().UserName.ShouldBe("admin");
    }

    [Fact]
    public async Task TokenCreate_UnknownUser_ExitsOne()
    {
        var run = await Db.RunAsync("token", "create", "--user", "nobody", "--name", "脚本");

        run.ExitCode.ShouldBe(ExitCodes.RuleError);
        run.Err.ShouldContain("用户“nobody”不存在");
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task TokenCreate_DaysOutOfRange_ExitsOneWithTheServiceMessage()
    {
        (await Db.RunAsync("admin", "create", "--user", "admin", "--name", "系统管理员", "--password", GoodPassword)).ExitCode.ShouldBe(ExitCodes.Success);

        var run = await Db.RunAsync("token", "create", "--user", "admin", "--name", "脚本", "--days", "0");

        run.ExitCode.ShouldBe(ExitCodes.RuleError);
        run.Err.ShouldContain("有效天数应在 1 到 3650 之间");
    }
}
