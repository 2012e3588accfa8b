using System.Data.Common;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Identity;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dangjian.Web.Tests.Features.Platform;

/// <summary>
/// The hand-written migrations (docs/adr/0002) must build exactly the schema the model describes: migrate one empty
/// database, create another from the model, and compare tables, columns and indexes. A model change without a migration fails here.
/// </summary>
public abstract class SchemaMatchesModelTests(DatabaseKind kind)
{
    [Fact]
    public async Task MigratedSchema_EqualsSchemaCreatedFromModel()
    {
        if (kind == DatabaseKind.Postgres && TestDatabase.PostgresConnection is null) Assert.Skip(TestDatabase.SkipReason);
        await using var migrated = await TestDatabase.CreateAsync(kind);
        await using var created = await TestDatabase.CreateAsync(kind);

        await using (var core = CoreContext(migrated)) await DatabaseMigrator.MigrateAsync(core);
        await using (var identity = IdentityContext(migrated)) await DatabaseMigrator.MigrateAsync(identity);
        await using (var core = CoreContext(created)) await core.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        await using (var identity = IdentityContext(created)) await identity.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();

        var expected = await DescribeAsync(created);
        var actual = await DescribeAsync(migrated);
        expected.ShouldNotBeEmpty();
        expected.ShouldContain(line => line.StartsWith("column Organizations.Path", StringComparison.Ordinal));
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        (missing.Count + extra.Count).ShouldBe(0,
            $"迁移后的结构与模型不一致。\n模型有而迁移没有：\n{string.Join("\n", missing)}\n迁移有而模型没有：\n{string.Join("\n", extra)}");
    }

    [Fact]
    public async Task Migrate_RunTwice_IsANoOp()
    {
        if (kind == DatabaseKind.Postgres && TestDatabase.PostgresConnection is null) Assert.Skip(TestDatabase.SkipReason);
        await using var database = await TestDatabase.CreateAsync(kind);
        await using (var core = CoreContext(database)) await DatabaseMigrator.MigrateAsync(core);
        await using (var core = CoreContext(database))
        {
            await DatabaseMigrator.MigrateAsync(core);
            (await core.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            (await core.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
        }
    }

    private static DangjianDbContext CoreContext(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<DangjianDbContext>();
        DatabaseSettings.From(database.Provider, database.ConnectionString).Configure(options);
        return new DangjianDbContext(options.Options, FixedActor.System, TimeProvider.System);
    }

    private static IdentityDb IdentityContext(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<IdentityDb>();
        IdentityDb.Configure(options, DatabaseSettings.From(database.Provider, database.ConnectionString));
        return new IdentityDb(options.Options);
    }

    private static async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        await using var db = CoreContext(database);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = database.Kind == DatabaseKind.Sqlite ? await DescribeSqliteAsync(connection) : await DescribePostgresAsync(connection);
        return lines.Where(l => !l.Contains("MigrationsHistory", StringComparison.Ordinal) && !l.Contains("__EFMigrationsLock", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> DescribeSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                r => $"column {table}.{r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} pk={r.GetInt64(3)}"));
            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')", r => (Name: r.GetString(0), Unique: r.GetInt64(1), Origin: r.GetString(2)));
            foreach (var index in indexes.Where(i => i.Origin == "c"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno", r => r.GetString(0));
                lines.Add($"index {table}.{index.Name} unique={index.Unique} ({string.Join(",", columns)})");
            }

            lines.AddRange(await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                r => $"fk {table}.{r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} on delete {r.GetString(3)}"));
        }

        return lines;
    }

    private static async Task<List<string>> DescribePostgresAsync(DbConnection connection)
    {
        var lines = await QueryAsync(connection, """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' nullable=' || is_nullable || ' collation=' || coalesce(collation_name, '-') || ' identity=' || is_identity
            FROM information_schema.columns WHERE table_schema = 'public'
            """, r => r.GetString(0));
        lines.AddRange(await QueryAsync(connection, "SELECT 'table ' || table_name FROM information_schema.tables WHERE table_schema = 'public'", r => r.GetString(0)));
        lines.AddRange(await QueryAsync(connection, "SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'", r => r.GetString(0)));
        lines.AddRange(await QueryAsync(connection, """
            SELECT 'fk ' || conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE contype = 'f' AND connamespace = 'public'::regnamespace
            """, r => r.GetString(0)));
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(read(reader));
        return list;
    }
}

public sealed class SchemaMatchesModelTests_Sqlite() : SchemaMatchesModelTests(DatabaseKind.Sqlite);

public sealed class SchemaMatchesModelTests_Postgres() : SchemaMatchesModelTests(DatabaseKind.Postgres);
