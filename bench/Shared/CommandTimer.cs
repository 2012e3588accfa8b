using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dangjian.Bench.Shared;

/// <summary>A parameter of a recorded statement, kept with its type so the statement can be sent again under EXPLAIN.</summary>
internal sealed record RecordedParameter(string Name, object? Value, DbParameter Original);

internal sealed record TimedStatement(string Summary, double Milliseconds, double CpuMilliseconds, int Rows, string Sql, IReadOnlyList<RecordedParameter> Parameters)
{
    public string ParameterText => string.Join(", ", Parameters.Select(p => $"{p.Name}={Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)}"));
}

/// <summary>
/// While started, times each query from execution to the reader's disposal (SQLite computes a GROUP BY while the rows are
/// read, so the execute call alone would hide it), with this process's CPU time over the same span, and counts the rows
/// read. The parameters are kept for EXPLAIN.
/// </summary>
internal sealed class CommandTimer : DbCommandInterceptor
{
    private readonly Dictionary<DbCommand, (Stopwatch Wall, TimeSpan Cpu)> _running = [];
    private List<TimedStatement>? _done;

    public void Start() => _done = [];

    public List<TimedStatement> Stop()
    {
        var done = _done ?? [];
        _done = null;
        return done;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_done is not null) _running[command] = (Stopwatch.StartNew(), CpuClock.Process());
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (_done is not null && _running.Remove(command, out var started))
        {
            var sql = string.Join(' ', command.CommandText.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
            var parameters = command.Parameters.Cast<DbParameter>().Select(p => new RecordedParameter(p.ParameterName, p.Value, p)).ToList();
            _done.Add(new TimedStatement(sql.Length > 160 ? sql[..160] + " …" : sql, started.Wall.Elapsed.TotalMilliseconds,
                (CpuClock.Process() - started.Cpu).TotalMilliseconds, eventData.ReadCount, command.CommandText, parameters));
        }

        return result;
    }
}
