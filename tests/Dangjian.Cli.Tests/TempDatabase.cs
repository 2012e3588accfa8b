using Dangjian.Cli;
using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed record CliRun(int ExitCode, string Out, string Err);

/// <summary>
/// A SQLite file of its own per test, so tests run in parallel without sharing state; the environment is an explicit
/// dictionary, so a developer's Database__Provider or DANGJIAN_ADMIN_PASSWORD cannot leak into a test.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "dangjian-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        File = Path.Combine(Folder, "dangjian.db");
    }

    public string Folder { get; }
    public string File { get; }
    public string ConnectionString => $"Data Source={File}";
    public Dictionary<string, string?> Environment { get; } = [];

    public DatabaseSettings Settings => DatabaseSettings.From("Sqlite", ConnectionString);

    /// <summary>Runs <c>dangjian</c> against this database, as an operator would with --provider and --connection.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public async Task<CliRun> RunWithInputAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        string[] all = [.. args, "--provider", "Sqlite", "--connection", ConnectionString];
        var code = await CliApp.RunAsync(all, stdout, stderr, input, name => Environment.GetValueOrDefault(name), TestContext.Current.CancellationToken);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The application's own services over this database, to check what a command left behind.</summary>
    public ServiceProvider Services() => CliServices.Build(Settings, FixedActor.System);

    public void Dispose()
    {
        // Pooled connections keep the file open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it would not be.
        }
    }
}
