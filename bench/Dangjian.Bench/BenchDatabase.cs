using Dangjian.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dangjian.Bench;

/// <summary>
/// A throw-away database for one run: a SQLite file under the temp folder, or a dedicated PostgreSQL database
/// created for the run and dropped afterwards. Nothing the web app uses is touched.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=dangjian;Password=dangjian";

    private readonly Func<Task> _drop;

    private BenchDatabase(string label, DatabaseSettings settings, string description, Func<Task> drop)
    {
        Label = label;
        Settings = settings;
        Description = description;
        _drop = drop;
    }

    public string Label { get; }
    public DatabaseSettings Settings { get; }
    public string Description { get; }
    public bool IsPostgres => Settings.IsPostgres;

    public static BenchDatabase CreateSqlite(bool keep)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dangjian-bench");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"bench-{Environment.ProcessId}.db");
        DeleteSqliteFiles(file);
        var settings = DatabaseSettings.From("Sqlite", $"Data Source={file}");
        return new BenchDatabase("SQLite", settings, $"file {file} (WAL, as DatabaseMigrator sets it)", () =>
        {
            SqliteConnection.ClearAllPools();
            if (!keep) DeleteSqliteFiles(file);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Creates a dedicated database. Its default collation is ICU zh-Hans-CN when the server has ICU, like a Chinese
    /// production server and unlike the C.UTF-8 default here, so the Path column's own COLLATE "C" is what the plans rely on.
    /// </summary>
    public static async Task<BenchDatabase> CreatePostgresAsync(string serverConnection, bool keep)
    {
        var name = $"dangjian_bench_{Environment.ProcessId}";
        var adminConnection = new NpgsqlConnectionStringBuilder(serverConnection) { Database = "postgres", Pooling = false }.ToString();
        string collation;
        await using (var admin = new NpgsqlConnection(adminConnection))
        {
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            try
            {
                await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'zh-Hans-CN' LOCALE 'C.UTF-8'");
                collation = "ICU zh-Hans-CN";
            }
            catch (PostgresException e)
            {
                Console.Error.WriteLine($"ICU database not available ({e.MessageText}); using the server default collation.");
                await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
                collation = "server default";
            }
        }

        var settings = DatabaseSettings.From("Postgres", new NpgsqlConnectionStringBuilder(serverConnection) { Database = name }.ToString());
        return new BenchDatabase("PostgreSQL", settings, $"database {name} (default collation {collation}; Path column COLLATE \"C\")", async () =>
        {
            NpgsqlConnection.ClearAllPools();
            if (keep) return;
            await using var admin = new NpgsqlConnection(adminConnection);
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    public async ValueTask DisposeAsync() => await _drop();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void DeleteSqliteFiles(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            if (File.Exists(path)) File.Delete(path);
        }
    }
}
