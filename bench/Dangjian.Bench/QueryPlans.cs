using System.Data.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dangjian.Bench;

/// <summary>
/// Prints the SQL that EF Core generates for the subtree queries (from <c>ToQueryString()</c>, or captured from the
/// handlers as they run) and the database's own plan for exactly that SQL and those parameter values.
/// </summary>
internal sealed class QueryPlans(BenchDatabase database, IServiceProvider services, CommandCapture capture, CityTree tree, TextWriter output)
{
    private IDbContextFactory<DangjianDbContext> Factory => services.GetRequiredService<IDbContextFactory<DangjianDbContext>>();

    public async Task WriteAsync(Scenarios scenarios)
    {
        var district = tree.DistrictIds[0];
        var neighbour = tree.DistrictIds[1];
        output.WriteLine($"## {database.Label}: SQL and query plans");
        output.WriteLine();
        output.WriteLine($"{database.Description}; {tree.Shape.Total:N0} organizations.");
        if (database.IsPostgres)
        {
            // The statistics autovacuum would gather by itself shortly after a bulk load; without them the planner guesses.
            await RunAsync("ANALYZE \"Organizations\"");
            output.WriteLine("`ANALYZE \"Organizations\"` was run first (what autovacuum does after a load). Plans of SELECTs are `EXPLAIN ANALYZE` (executed); the UPDATE is plain `EXPLAIN` (not executed).");
        }
        else
        {
            output.WriteLine("No `ANALYZE` (the application never runs it, so these are the plans a live database gets). `EXPLAIN QUERY PLAN` output, one line per plan row.");
        }

        output.WriteLine();

        var oneRoot = await scenarios.OrgAdminScopeAsync(district);
        var twoRoots = await scenarios.OrgAdminScopeAsync(district, neighbour);

        await using (var db = await Factory.CreateDbContextAsync())
        {
            var query = oneRoot.Organizations(db.Organizations.AsNoTracking());
            await WriteQueryAsync("1. `scope.Organizations(db.Organizations)`: a 组织管理员 over one district (ToQueryString)", query.ToQueryString(), CapturedCommand.From(query.CreateDbCommand()));

            query = twoRoots.Organizations(db.Organizations.AsNoTracking());
            await WriteQueryAsync("2. `scope.Organizations(db.Organizations)`: a scope with two subtrees, OR-ed ranges (ToQueryString)", query.ToQueryString(), CapturedCommand.From(query.CreateDbCommand()));
        }

        await using (var db = await Factory.CreateDbContextAsync())
        {
            var path = oneRoot.Roots[0].Path;
            var query = db.Organizations.AsNoTracking().Where(o => o.Path.StartsWith(path));
            await WriteQueryAsync("For contrast, what the code avoids: `Where(o => o.Path.StartsWith(path))` (ToQueryString)", query.ToQueryString(), CapturedCommand.From(query.CreateDbCommand()));
        }

        var counted = await CaptureAsync(async () =>
        {
            await using var db = await Factory.CreateDbContextAsync();
            await oneRoot.Organizations(db.Organizations.AsNoTracking()).CountAsync();
        });
        await WriteQueryAsync("3. `scope.Organizations(…).CountAsync()`: scenario (b), captured", null, counted.Single());

        var treeQuery = await CaptureAsync(async () =>
        {
            var handler = services.GetRequiredService<GetOrganizationTreeHandler>();
            var result = await handler.HandleAsync(new GetOrganizationTreeQuery(district), oneRoot, CancellationToken.None);
            if (!result.IsSuccess) throw new InvalidOperationException(result.FirstError.Message);
        });
        await WriteQueryAsync("4. `GetOrganizationTreeHandler` with RootId = the district, called by that district's 组织管理员: scenario (c), captured; first statement (root's path)", null, treeQuery[0]);
        await WriteQueryAsync("4b. `GetOrganizationTreeHandler`: second statement (the subtree, scope range AND root range)", null, treeQuery[1]);

        var move = services.GetRequiredService<MoveOrganizationHandler>();
        var moved = await CaptureAsync(async () =>
        {
            var result = await move.HandleAsync(new MoveOrganizationCommand(district, neighbour, "查看执行计划"), AccessScope.Everything(null), CancellationToken.None);
            if (!result.IsSuccess) throw new InvalidOperationException(result.FirstError.Message);
        });
        var back = await move.HandleAsync(new MoveOrganizationCommand(district, tree.RootId, "查看执行计划"), AccessScope.Everything(null), CancellationToken.None);
        if (!back.IsSuccess) throw new InvalidOperationException(back.FirstError.Message);

        output.WriteLine("### 5. `MoveOrganizationHandler`: every statement of one move, in order (captured)");
        output.WriteLine();
        output.WriteLine("```sql");
        foreach (var command in moved)
        {
            output.WriteLine(command.Sql.Trim() + (command.Sql.TrimEnd().EndsWith(';') ? "" : ";"));
            if (command.Parameters.Count > 0) output.WriteLine($"-- parameters: {command.ParameterText}");
            output.WriteLine();
        }

        output.WriteLine("```");
        output.WriteLine();
        var update = moved.Last(c => c.Sql.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase));
        await WriteQueryAsync("5b. The descendants' single set-based UPDATE", null, update, isUpdate: true);
    }

    private async Task<List<CapturedCommand>> CaptureAsync(Func<Task> action)
    {
        var recorded = new List<CapturedCommand>();
        capture.Recording = recorded;
        try
        {
            await action();
        }
        finally
        {
            capture.Recording = null;
        }

        return recorded;
    }

    private async Task WriteQueryAsync(string title, string? queryString, CapturedCommand command, bool isUpdate = false)
    {
        output.WriteLine($"### {title}");
        output.WriteLine();
        output.WriteLine("```sql");
        output.WriteLine((queryString ?? command.Sql).Trim());
        if (queryString is null && command.Parameters.Count > 0) output.WriteLine($"-- parameters: {command.ParameterText}");
        output.WriteLine("```");
        output.WriteLine();
        var plan = await ExplainAsync(command, analyze: !isUpdate, seqScanOff: false);
        WritePlan(database.IsPostgres ? (isUpdate ? "EXPLAIN" : "EXPLAIN ANALYZE") : "EXPLAIN QUERY PLAN", plan);
        if (database.IsPostgres && plan.Any(l => l.Contains("Seq Scan", StringComparison.Ordinal)))
        {
            WritePlan((isUpdate ? "EXPLAIN" : "EXPLAIN ANALYZE") + " after SET LOCAL enable_seqscan = off", await ExplainAsync(command, analyze: !isUpdate, seqScanOff: true));
        }
    }

    private void WritePlan(string label, IReadOnlyList<string> plan)
    {
        output.WriteLine($"{label}:");
        output.WriteLine();
        output.WriteLine("```");
        foreach (var line in plan) output.WriteLine(line);
        output.WriteLine("```");
        output.WriteLine();
    }

    private async Task<IReadOnlyList<string>> ExplainAsync(CapturedCommand command, bool analyze, bool seqScanOff)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (seqScanOff)
        {
            await using var set = connection.CreateCommand();
            set.Transaction = transaction;
            set.CommandText = "SET LOCAL enable_seqscan = off";
            await set.ExecuteNonQueryAsync();
        }

        await using var explain = connection.CreateCommand();
        explain.Transaction = transaction;
        explain.CommandText = (database.IsPostgres ? analyze ? "EXPLAIN ANALYZE " : "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.Sql;
        foreach (var parameter in command.Parameters) explain.Parameters.Add(CapturedCommand.Copy(parameter));
        var rows = new List<(long Id, long Parent, string Detail)>();
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (database.IsPostgres) lines.Add(reader.GetString(0));
                else rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(3)));
            }
        }

        await transaction.RollbackAsync();
        return database.IsPostgres ? lines : SqliteTree(rows);
    }

    /// <summary>Lays out SQLite's (id, parent, detail) rows the way the sqlite3 shell prints them.</summary>
    private static List<string> SqliteTree(List<(long Id, long Parent, string Detail)> rows)
    {
        var lines = new List<string> { "QUERY PLAN" };
        void Walk(long parent, string indent)
        {
            var children = rows.Where(r => r.Parent == parent).ToList();
            for (var i = 0; i < children.Count; i++)
            {
                var last = i == children.Count - 1;
                lines.Add($"{indent}{(last ? "`--" : "|--")}{children[i].Detail}");
                Walk(children[i].Id, indent + (last ? "   " : "|  "));
            }
        }

        Walk(0, "");
        return lines;
    }

    private DbConnection Open() => database.IsPostgres
        ? new NpgsqlConnection(database.Settings.ConnectionString)
        : new SqliteConnection(database.Settings.SqliteConnectionString);

    private async Task RunAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
