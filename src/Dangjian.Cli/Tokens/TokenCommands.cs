using Dangjian.Cli.Infrastructure;
using Dangjian.Identity;
using Microsoft.AspNetCore.Identity;

namespace Dangjian.Cli.Tokens;

/// <summary><c>token create</c>: a personal API token for scripts, shown exactly once.</summary>
public static class TokenCommands
{
    public static readonly CliCommand Create = new(
        "token", "create", "为用户创建 API 令牌",
        [
            new("user", "令牌所属用户的登录用户名", Required: true, ValueName: "用户名"),
            new("name", "令牌名称，用来区分不同用途的令牌", Required: true, ValueName: "名称"),
            new("days", "有效天数（1 到 3650）；不填则长期有效", OptionKind.Integer, ValueName: "天数"),
        ],
        CreateAsync,
        Details: "令牌只在标准输出上打印这一次（单独一行），说明文字写在标准错误上，\n"
            + "因此可以这样保存：TOKEN=$(dangjian token create --user zhangsan --name 报表脚本)");

    private static async Task<int> CreateAsync(CommandContext context, CancellationToken ct)
    {
        await context.MigrateAsync(ct);
        var userName = context.Required("user").Trim();
        var user = await context.Service<UserManager<AppUser>>().FindByNameAsync(userName);
        if (user is null)
        {
            context.Err.WriteLine($"出错：用户“{userName}”不存在");
            return ExitCodes.RuleError;
        }

        var days = context.GetInteger("days");
        var created = await context.Service<ApiTokenService>().CreateAsync(user.Id, context.Required("name"), days, ct);
        if (!created.IsSuccess)
        {
            return context.Fail(created.Errors);
        }

        var validity = days is int d ? $"{d} 天内有效" : "长期有效";
        context.Err.WriteLine($"已为用户 {user.UserName}（{user.DisplayName}）创建令牌（{validity}）。令牌只显示这一次，请立即妥善保存：");
        context.Out.WriteLine(created.Value.Token);
        return ExitCodes.Success;
    }
}
