using Microsoft.Data.Sqlite;

namespace Dangjian.Cli.Tests;

/// <summary>Each test class gets its own temporary database per test; classes run in parallel.</summary>
public abstract class CliTestBase : IDisposable
{
    protected const string GoodPassword = "Secret2026ok";

    protected TempDatabase Db { get; } = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Db.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static async Task<List<string>> TablesAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    protected static async Task<long> CountOrganizationsAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Organizations";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
