namespace Dangjian.Cli.Infrastructure;

public enum OptionKind
{
    Text,
    Integer,
    Flag,
}

/// <summary>An option a command accepts. The declaration drives both validation and the help text, so they cannot drift apart.</summary>
public sealed record OptionSpec(string Name, string Description, OptionKind Kind = OptionKind.Text, bool Required = false, string ValueName = "值");

/// <summary>One command of <c>dangjian</c>: a group and a verb ("db migrate"), its options and what it does.</summary>
public sealed record CliCommand(
    string Group,
    string Name,
    string Summary,
    IReadOnlyList<OptionSpec> Options,
    Func<CommandContext, CancellationToken, Task<int>> RunAsync,
    bool UsesDatabase = true,
    string? Details = null)
{
    public string FullName => $"{Group} {Name}";
}
