using Dangjian.Cli.Infrastructure;

namespace Dangjian.Cli.Demo;

/// <summary><c>demo seed</c>.</summary>
public static class DemoCommands
{
    public static readonly CliCommand Seed = new(
        "demo", "seed", "写入演示用的组织架构和账号", [], SeedAsync,
        Details: "会先创建或升级数据库结构。可以重复运行：已存在的演示数据不会重复创建。\n"
            + $"演示账号 secretary1 与 viewer 的密码是 {DemoUsersStep.Password}，请勿在正式环境中使用。");

    private static async Task<int> SeedAsync(CommandContext context, CancellationToken ct)
    {
        await context.MigrateAsync(ct);
        var seeded = await context.Service<DemoSeeder>().SeedAsync(context.Out, ct);
        if (!seeded.IsSuccess)
        {
            return context.Fail(seeded.Errors);
        }

        context.Out.WriteLine(seeded.Value.AlreadyPresent ? "演示数据已存在" : "演示数据已写入");
        return ExitCodes.Success;
    }
}
