using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Infrastructure;

/// <summary>What a running command sees: its validated options, the three streams, the environment and the services.</summary>
public sealed class CommandContext(
    CliCommand command,
    ParsedArguments arguments,
    TextWriter stdout,
    TextWriter stderr,
    TextReader stdin,
    Func<string, string?> environment,
    DatabaseSettings? database,
    IServiceProvider? services)
{
    public CliCommand Command { get; } = command;
    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;
    public TextReader In { get; } = stdin;
    public Func<string, string?> Environment { get; } = environment;

    public DatabaseSettings Database => database ?? throw new InvalidOperationException($"命令 {Command.FullName} 没有声明使用数据库");

    public IServiceProvider Services => services ?? throw new InvalidOperationException($"命令 {Command.FullName} 没有声明使用数据库");

    public string? Get(string name) => arguments.Get(name);

    /// <summary>Required options were checked before the command ran, so reading one cannot fail.</summary>
    public string Required(string name) => arguments.Get(name) ?? throw new InvalidOperationException($"缺少必填选项 --{name}");

    public int? GetInteger(string name) => arguments.Get(name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public bool Has(string name) => arguments.Has(name);

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Prints each broken rule's Chinese message; returns the exit code for "the system refused".</summary>
    public int Fail(IReadOnlyList<Error> errors)
    {
        foreach (var error in errors)
        {
            Err.WriteLine($"出错：{error.Message}");
        }

        return ExitCodes.RuleError;
    }

    /// <summary>
    /// Core's tables first, then Identity's: both live in one database with their own history tables (architecture decision 0).
    /// Returns the migrations applied to each, so <c>db migrate</c> can say what it did.
    /// </summary>
    public async Task<(IReadOnlyList<string> Core, IReadOnlyList<string> Identity)> MigrateAsync(CancellationToken ct)
    {
        await using var core = await Service<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(ct);
        var corePending = (await core.Database.GetPendingMigrationsAsync(ct)).ToList();
        await DatabaseMigrator.MigrateAsync(core, ct);

        await using var identity = await Service<IDbContextFactory<IdentityDb>>().CreateDbContextAsync(ct);
        var identityPending = (await identity.Database.GetPendingMigrationsAsync(ct)).ToList();
        await DatabaseMigrator.MigrateAsync(identity, ct);
        return (corePending, identityPending);
    }
}
