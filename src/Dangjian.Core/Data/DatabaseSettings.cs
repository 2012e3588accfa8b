using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Data;

/// <summary>Which database Dangjian runs on: embedded SQLite by default, PostgreSQL for production (architecture decision 9).</summary>
public sealed record DatabaseSettings(string Provider, string ConnectionString)
{
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string PostgresProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";
    public const string DefaultSqliteConnection = "Data Source=./data/dangjian.db";

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads "Database:Provider" and "ConnectionStrings:Dangjian" style values.</summary>
    public static DatabaseSettings From(string? provider, string? connectionString)
    {
        var isPostgres = string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase)
            || string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
        var isSqlite = string.IsNullOrWhiteSpace(provider) || string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase);
        if (!isPostgres && !isSqlite)
        {
            // A typo must not silently start an empty SQLite database in production.
            throw new InvalidOperationException($"不支持的数据库类型“{provider}”：Database:Provider 只能是 Sqlite 或 Postgres。");
        }
        if (isPostgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("选择 PostgreSQL 时必须设置 ConnectionStrings:Dangjian。");
        }

        return new DatabaseSettings(isPostgres ? "Postgres" : "Sqlite", string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString);
    }

    public void Configure(DbContextOptionsBuilder options, string migrationsHistoryTable = "__EFMigrationsHistory")
    {
        if (IsPostgres)
        {
            options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable));
        }
        else
        {
            EnsureSqliteFolder();
            options.UseSqlite(SqliteConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable));
        }
    }

    /// <summary>SQLite with foreign keys enforced on every connection.</summary>
    public string SqliteConnectionString => new SqliteConnectionStringBuilder(ConnectionString) { ForeignKeys = true }.ToString();

    public string? SqliteFile => IsPostgres ? null : new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    private void EnsureSqliteFolder()
    {
        var file = SqliteFile;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
