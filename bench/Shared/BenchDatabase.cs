using System.Data.Common;
using Dangjian.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dangjian.Bench.Shared;

/// <summary>
/// A throw-away database for one run, as in bench/Dangjian.Bench: a SQLite file under the temp folder, or a dedicated
/// PostgreSQL database (ICU zh-Hans-CN default collation when the server has ICU, like a Chinese production server).
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

    public static BenchDatabase CreateSqlite(string bench, bool keep)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dangjian-bench");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{bench}-{Environment.ProcessId}.db");
        DeleteSqliteFiles(file);
        return new BenchDatabase("SQLite", DatabaseSettings.From("Sqlite", $"Data Source={file}"), $"file {file} (WAL, as DatabaseMigrator sets it)", () =>
        {
            SqliteConnection.ClearAllPools();
            if (!keep) DeleteSqliteFiles(file);
            return Task.CompletedTask;
        });
    }

    public static async Task<BenchDatabase> CreatePostgresAsync(string bench, string serverConnection, bool keep, string? options = null)
    {
        var name = $"dangjian_bench_{bench}_{Environment.ProcessId}";
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

        // One pooled connection, so every query runs in the same server backend and its CPU time can be read.
        var settings = DatabaseSettings.From("Postgres", new NpgsqlConnectionStringBuilder(serverConnection)
        {
            Database = name, MaxPoolSize = 1, ConnectionIdleLifetime = 3600, Options = options,
        }.ToString());
        return new BenchDatabase("PostgreSQL", settings, $"database {name} (default collation {collation}{(options is null ? "" : $"; connection options {options}")})", async () =>
        {
            NpgsqlConnection.ClearAllPools();
            if (keep) return;
            await using var admin = new NpgsqlConnection(adminConnection);
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    public async ValueTask DisposeAsync() => await _drop();

    public static async Task<string> VersionAsync(DangjianDbContext db) =>
        db.IsPostgres ? "PostgreSQL " + await ScalarAsync(db, "SHOW server_version") : "SQLite " + await ScalarAsync(db, "SELECT sqlite_version()");

    /// <summary>The server process behind the pooled connection (PostgreSQL); null for SQLite, which runs in this process.</summary>
    public static async Task<int?> BackendPidAsync(DangjianDbContext db) =>
        db.IsPostgres ? Convert.ToInt32(await ScalarAsync(db, "SELECT pg_backend_pid()"), System.Globalization.CultureInfo.InvariantCulture) : null;

    public static async Task<long> CountAsync(DangjianDbContext db, string table) => Convert.ToInt64(await ScalarAsync(db, $"SELECT COUNT(*) FROM \"{table}\""), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// PostgreSQL's autovacuum vacuums and analyzes a table within about a minute of a bulk load (an insert-only table too,
    /// since PostgreSQL 13); we run VACUUM (ANALYZE) at once so the figures do not depend on when it wakes up, and so an
    /// index-only scan finds the visibility map set, as it would on a live server. SQLite gets nothing: the application
    /// never runs ANALYZE, so neither does the bench.
    /// </summary>
    public static async Task AnalyzeAsync(DangjianDbContext db)
    {
        if (!db.IsPostgres) return;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(15));
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)");
    }

    private static async Task<object?> ScalarAsync(DangjianDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

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
