using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Dangjian.Bench;

/// <summary>One SQL statement exactly as EF Core sent it, with copies of its parameters.</summary>
internal sealed record CapturedCommand(string Sql, IReadOnlyList<DbParameter> Parameters)
{
    public static CapturedCommand From(DbCommand command) =>
        new(command.CommandText, command.Parameters.Cast<DbParameter>().Select(Copy).ToList());

    /// <summary>A detached copy, so the statement can be re-run under EXPLAIN on another connection.</summary>
    public static DbParameter Copy(DbParameter parameter) => parameter switch
    {
        NpgsqlParameter npgsql => npgsql.Clone(),
        SqliteParameter sqlite => new SqliteParameter(sqlite.ParameterName, sqlite.Value ?? DBNull.Value) { SqliteType = sqlite.SqliteType, Size = sqlite.Size },
        _ => throw new NotSupportedException(parameter.GetType().FullName),
    };

    public string ParameterText => string.Join(", ", Parameters.Select(p => $"{p.ParameterName}='{Format(p.Value)}'"));

    private static string? Format(object? value) => value switch
    {
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Records the statements EF Core executes while <see cref="Recording"/> is set; the bench uses it to show the SQL that
/// handlers generate internally (the subtree UPDATE of a move, the tree query) and to EXPLAIN exactly those statements.
/// </summary>
internal sealed class CommandCapture : DbCommandInterceptor
{
    public List<CapturedCommand>? Recording { get; set; }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) => Recording?.Add(CapturedCommand.From(command));
}
