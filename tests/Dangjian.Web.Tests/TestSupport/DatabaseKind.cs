using Npgsql;

namespace Dangjian.Web.Tests.TestSupport;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty database per fixture. PostgreSQL runs when DANGJIAN_TEST_POSTGRES holds a connection string to a
/// server where the role may create databases; otherwise those tests are skipped with the reason (and .ci/run fails on it).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DANGJIAN_TEST_POSTGRES";

    private readonly string? _adminConnection;
    private readonly string? _databaseName;
    private readonly string? _folder;

    private TestDatabase(DatabaseKind kind, string connectionString, string? adminConnection, string? databaseName, string? folder)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
        _folder = folder;
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }
    public string Provider => Kind == DatabaseKind.Postgres ? "Postgres" : "Sqlite";

    public static string? PostgresConnection => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static string SkipReason =>
        $"PostgreSQL 测试已跳过：未设置环境变量 {PostgresVariable}（PostgreSQL tests skipped: set {PostgresVariable} to a connection string whose role can CREATE DATABASE; .ci/run does）";

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "dangjian-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestDatabase(kind, $"Data Source={Path.Combine(folder, "test.db")}", null, null, folder);
        }

        var admin = PostgresConnection ?? throw new InvalidOperationException(SkipReason);
        var name = "dangjian_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase(kind, builder.ConnectionString, admin, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_databaseName is not null && _adminConnection is not null)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_adminConnection);
                await connection.OpenAsync();
                // On a loaded CI machine dropping a database with open sessions can outlast the 30 s default.
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection) { CommandTimeout = 300 };
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException e)
            {
                // A throwaway database left behind is not a test result; say so and let the run finish.
                await Console.Error.WriteLineAsync($"[tests] could not drop {_databaseName}: {e.Message}");
            }
        }

        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing request; the OS temp cleaner takes it.
            }
        }
    }
}
