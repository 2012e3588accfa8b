using System.Text;

namespace Dangjian.Cli.Infrastructure;

/// <summary>Help text, generated from the command declarations so that help and behaviour cannot disagree.</summary>
public static class HelpWriter
{
    public static readonly IReadOnlyList<OptionSpec> DatabaseOptions =
    [
        new("provider", $"数据库类型；未指定时读环境变量 {CliServices.ProviderVariable}，默认 Sqlite", ValueName: "Sqlite|Postgres"),
        new("connection", $"连接字符串；未指定时读环境变量 {CliServices.ConnectionVariable}，默认 {Core.Data.DatabaseSettings.DefaultSqliteConnection}", ValueName: "连接字符串"),
    ];

    public static void WriteOverview(TextWriter writer, IReadOnlyList<CliCommand> commands)
    {
        writer.WriteLine("dangjian —— 党建工作管理平台命令行工具");
        writer.WriteLine();
        writer.WriteLine("用法：dangjian <命令> [选项]");
        writer.WriteLine();
        writer.WriteLine("命令：");
        var rows = commands.Select(c => (c.FullName, c.Summary)).Append(("help [命令]", "显示帮助")).ToList();
        WriteRows(writer, rows);
        writer.WriteLine();
        writer.WriteLine("数据库选项（所有用到数据库的命令通用）：");
        WriteRows(writer, DatabaseOptions.Select(o => (Usage(o), o.Description)).ToList());
        writer.WriteLine();
        writer.WriteLine("运行 dangjian <命令> --help 查看该命令的选项。");
        writer.WriteLine("退出码：0 成功；1 操作被拒绝（数据不符合规则或运行出错）；2 命令用法错误。");
    }

    public static void WriteGroup(TextWriter writer, string group, IReadOnlyList<CliCommand> commands)
    {
        writer.WriteLine($"用法：dangjian {group} <子命令> [选项]");
        writer.WriteLine();
        writer.WriteLine("子命令：");
        WriteRows(writer, commands.Where(c => c.Group == group).Select(c => (c.Name, c.Summary)).ToList());
        writer.WriteLine();
        writer.WriteLine($"运行 dangjian {group} <子命令> --help 查看该子命令的选项。");
    }

    public static void WriteCommand(TextWriter writer, CliCommand command)
    {
        var usage = new StringBuilder($"dangjian {command.FullName}");
        foreach (var option in command.Options)
        {
            usage.Append(' ').Append(option.Required ? Usage(option) : $"[{Usage(option)}]");
        }

        writer.WriteLine($"用法：{usage}");
        writer.WriteLine();
        writer.WriteLine(command.Summary + "。");
        if (command.Details is not null)
        {
            writer.WriteLine(command.Details);
        }

        if (command.Options.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("选项：");
            WriteRows(writer, command.Options.Select(o => (Usage(o), o.Required ? $"{o.Description}（必填）" : o.Description)).ToList());
        }

        if (command.UsesDatabase)
        {
            writer.WriteLine();
            writer.WriteLine("数据库选项：");
            WriteRows(writer, DatabaseOptions.Select(o => (Usage(o), o.Description)).ToList());
        }
    }

    private static string Usage(OptionSpec option) => option.Kind == OptionKind.Flag ? $"--{option.Name}" : $"--{option.Name} {option.ValueName}";

    private static void WriteRows(TextWriter writer, IReadOnlyList<(string Left, string Right)> rows)
    {
        var width = rows.Max(r => DisplayWidth(r.Left)) + 3;
        foreach (var (left, right) in rows)
        {
            writer.WriteLine($"  {left}{new string(' ', width - DisplayWidth(left))}{right}");
        }
    }

    /// <summary>Chinese characters take two columns in a terminal; padding by string length would misalign the table.</summary>
    private static int DisplayWidth(string text) => text.Sum(c => c >= 0x2E80 ? 2 : 1);
}
