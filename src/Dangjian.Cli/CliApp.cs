using System.Globalization;
using Dangjian.Cli.Database;
using Dangjian.Cli.Demo;
using Dangjian.Cli.Reports;
using Dangjian.Cli.Infrastructure;
using Dangjian.Cli.Tokens;
using Dangjian.Cli.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli;

/// <summary>
/// The <c>dangjian</c> command. Everything goes through <see cref="RunAsync(string[], TextWriter, TextWriter, TextReader, CancellationToken)"/>
/// with explicit streams, so tests drive exactly what an operator types.
/// </summary>
public static class CliApp
{
    public static readonly IReadOnlyList<CliCommand> Commands =
    [
        DbCommands.Migrate,
        DbCommands.Backup,
        AdminCommands.Create,
        TokenCommands.Create,
        DemoCommands.Seed,
        ReportCommands.Summary,
    ];

    private static readonly IReadOnlySet<string> FlagNames =
        Commands.SelectMany(c => c.Options).Where(o => o.Kind == OptionKind.Flag).Select(o => o.Name).Append("help").ToHashSet(StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin, CancellationToken ct = default) =>
        RunAsync(args, stdout, stderr, stdin, Environment.GetEnvironmentVariable, ct);

    /// <summary>The same, with the environment supplied: tests must not depend on (or change) the process's variables.</summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin, Func<string, string?> environment, CancellationToken ct = default)
    {
        try
        {
            return await DispatchAsync(args, stdout, stderr, stdin, environment, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stderr.WriteLine("出错：操作已取消");
            return ExitCodes.RuleError;
        }
        catch (Exception ex)
        {
            // An operator needs the cause (the innermost message: "no such table", "connection refused"), never a stack trace.
            stderr.WriteLine($"出错：{ex.GetBaseException().Message}");
            return ExitCodes.RuleError;
        }
    }

    private static async Task<int> DispatchAsync(
        string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin, Func<string, string?> environment, CancellationToken ct)
    {
        var parsed = ArgumentParser.Parse(args, FlagNames);
        if (parsed.Error is not null)
        {
            return Usage(stderr, parsed.Error, "dangjian --help");
        }

        var words = parsed.Words;
        var wantsHelp = parsed.Has("help");
        if (words.Count == 0)
        {
            HelpWriter.WriteOverview(wantsHelp ? stdout : stderr, Commands);
            return wantsHelp ? ExitCodes.Success : ExitCodes.UsageError;
        }

        if (words[0] == "help")
        {
            return Help(words.Skip(1).ToList(), stdout, stderr);
        }

        var group = words[0];
        if (!Commands.Any(c => c.Group == group))
        {
            return Usage(stderr, $"未知命令“{group}”", "dangjian --help");
        }

        if (words.Count == 1)
        {
            if (wantsHelp)
            {
                HelpWriter.WriteGroup(stdout, group, Commands);
                return ExitCodes.Success;
            }

            stderr.WriteLine($"用法错误：请指定 {group} 的子命令");
            HelpWriter.WriteGroup(stderr, group, Commands);
            return ExitCodes.UsageError;
        }

        var command = Commands.SingleOrDefault(c => c.Group == group && c.Name == words[1]);
        if (command is null)
        {
            return Usage(stderr, $"未知命令“{group} {words[1]}”", $"dangjian {group} --help");
        }

        if (wantsHelp)
        {
            HelpWriter.WriteCommand(stdout, command);
            return ExitCodes.Success;
        }

        if (words.Count > 2)
        {
            return Usage(stderr, $"多余的参数“{string.Join(' ', words.Skip(2))}”", $"dangjian {command.FullName} --help");
        }

        var invalid = Validate(command, parsed);
        if (invalid is not null)
        {
            return Usage(stderr, invalid, $"dangjian {command.FullName} --help");
        }

        if (!command.UsesDatabase)
        {
            return await command.RunAsync(new CommandContext(command, parsed, stdout, stderr, stdin, environment, null, null), ct);
        }

        var database = CliServices.ResolveDatabase(parsed.Get("provider"), parsed.Get("connection"), environment);
        if (!database.IsSuccess)
        {
            return Usage(stderr, database.FirstError.Message, $"dangjian {command.FullName} --help");
        }

        await using var provider = CliServices.Build(database.Value, CliServices.OperatorActor());
        await using var scope = provider.CreateAsyncScope();
        var context = new CommandContext(command, parsed, stdout, stderr, stdin, environment, database.Value, scope.ServiceProvider);
        return await command.RunAsync(context, ct);
    }

    private static int Help(IReadOnlyList<string> topic, TextWriter stdout, TextWriter stderr)
    {
        if (topic.Count == 0)
        {
            HelpWriter.WriteOverview(stdout, Commands);
            return ExitCodes.Success;
        }

        if (!Commands.Any(c => c.Group == topic[0]))
        {
            return Usage(stderr, $"未知命令“{topic[0]}”", "dangjian --help");
        }

        if (topic.Count == 1)
        {
            HelpWriter.WriteGroup(stdout, topic[0], Commands);
            return ExitCodes.Success;
        }

        var command = Commands.SingleOrDefault(c => c.Group == topic[0] && c.Name == topic[1]);
        if (command is null || topic.Count > 2)
        {
            return Usage(stderr, $"未知命令“{string.Join(' ', topic)}”", "dangjian --help");
        }

        HelpWriter.WriteCommand(stdout, command);
        return ExitCodes.Success;
    }

    private static string? Validate(CliCommand command, ParsedArguments parsed)
    {
        var allowed = command.Options.AsEnumerable();
        if (command.UsesDatabase)
        {
            allowed = allowed.Concat(HelpWriter.DatabaseOptions);
        }

        var specs = allowed.ToDictionary(o => o.Name, StringComparer.Ordinal);
        foreach (var (name, value) in parsed.Options)
        {
            if (!specs.TryGetValue(name, out var spec))
            {
                return $"命令 {command.FullName} 没有选项 --{name}";
            }

            if (spec.Kind == OptionKind.Flag && value is not null)
            {
                return $"选项 --{name} 是开关，不带值";
            }

            if (spec.Kind != OptionKind.Flag && string.IsNullOrWhiteSpace(value))
            {
                return $"选项 --{name} 的值不能为空";
            }

            if (spec.Kind == OptionKind.Integer && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                return $"选项 --{name} 需要一个整数，收到的是“{value}”";
            }
        }

        var missing = command.Options.FirstOrDefault(o => o.Required && !parsed.Has(o.Name));
        return missing is null ? null : $"缺少必填选项 --{missing.Name}（{missing.Description}）";
    }

    private static int Usage(TextWriter stderr, string message, string helpCommand)
    {
        stderr.WriteLine($"用法错误：{message}");
        stderr.WriteLine($"运行 {helpCommand} 查看用法。");
        return ExitCodes.UsageError;
    }
}
