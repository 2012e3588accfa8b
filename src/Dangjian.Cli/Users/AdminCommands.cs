using System.Text;
using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Features.Access;
using Dangjian.Identity;

namespace Dangjian.Cli.Users;

/// <summary><c>admin create</c>: the way in to a new installation, and the way back in when every administrator has left.</summary>
public static class AdminCommands
{
    public const string PasswordVariable = "DANGJIAN_ADMIN_PASSWORD";

    public static readonly CliCommand Create = new(
        "admin", "create", "创建系统管理员",
        [
            new("user", "登录用户名（字母、数字和 - . _ @）", Required: true, ValueName: "用户名"),
            new("name", "显示的姓名", Required: true, ValueName: "姓名"),
            new("password", $"密码，至少 8 位，含小写字母和数字；不填时读环境变量 {PasswordVariable}，再不然从标准输入读一行", ValueName: "密码"),
        ],
        CreateAsync,
        Details: "会先创建或升级数据库结构。系统已有管理员时，同样可以再创建一个系统管理员。\n"
            + "密码写在命令行上会留在 shell 历史里，生产环境建议用环境变量或标准输入传入。");

    private static async Task<int> CreateAsync(CommandContext context, CancellationToken ct)
    {
        var password = context.Get("password") ?? ReadPassword(context);
        if (string.IsNullOrEmpty(password))
        {
            context.Err.WriteLine($"出错：没有提供密码（可用 --password、环境变量 {PasswordVariable} 或标准输入）");
            return ExitCodes.RuleError;
        }

        await context.MigrateAsync(ct);
        var administration = context.Service<UserAdministration>();
        var input = new NewUser(context.Required("user"), context.Required("name"), password);

        // The first administrator goes through the setup path; later ones are created by the operator acting as the system,
        // which is what someone with shell access to the server already is.
        var created = await administration.SystemAdminExistsAsync(ct)
            ? await administration.CreateUserAsync(input, null, Role.SystemAdmin, AccessScope.Everything(null), ct)
            : await administration.CreateFirstAdminAsync(input, ct);
        if (!created.IsSuccess)
        {
            return context.Fail(created.Errors);
        }

        context.Out.WriteLine($"已创建系统管理员：{input.UserName!.Trim()}（{input.DisplayName!.Trim()}）");
        return ExitCodes.Success;
    }

    private static string? ReadPassword(CommandContext context)
    {
        if (context.Environment(PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (ReferenceEquals(context.In, Console.In) && !Console.IsInputRedirected)
        {
            context.Err.Write("请输入密码：");
            return ReadHidden(context.Err);
        }

        // Piped input: one line, without its line ending, so `echo "$PASS" | dangjian admin create ...` works.
        return context.In.ReadLine();
    }

    /// <summary>At a terminal the password is not echoed, so it does not end up on screen or in a screen recording.</summary>
    private static string ReadHidden(TextWriter prompt)
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }

                continue;
            }

            if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        prompt.WriteLine();
        return text.ToString();
    }
}
