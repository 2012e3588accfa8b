using Dangjian.Bench.Shared;
using System.Data.Common;
using System.Globalization;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Summaries;
using Dangjian.Documents.Summaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench.Summary;

/// <summary>
/// The timed scenarios on one generated database. Each scenario is one method that makes one <see cref="MeasureAsync"/> call
/// (warm-up runs, then timed runs, a new DbContext per run, as a request would); the results collect in <see cref="Results"/>.
/// </summary>
internal sealed class SummaryBench(
    string database, IServiceProvider services, IDbContextFactory<DangjianDbContext> factory, CommandTimer timer,
    BenchTree tree, string rootPath, int year, int warmup, int runs, Func<TimeSpan> cpu, TextWriter output)
{
    public List<Measurement> Results { get; } = [];

    public IServiceProvider Services => services;
    public BenchTree Tree => tree;
    public DateOnly From { get; } = new(year, 1, 1);
    public DateOnly To { get; } = new(year, 12, 31);
    public AccessScope Everyone { get; } = AccessScope.Everything("bench");
    public MetricTarget Subtree => new(tree.RootId, rootPath, true);

    /// <summary>
    /// Every reference a year summary may print: each registered metric's total, each metric's breakdown by each of its
    /// dimensions (meetings.count{kind}, lectures.count{lecturerRole}, …), and meetings.count for each built-in kind by name.
    /// </summary>
    public static IReadOnlyList<string> SummaryRefs()
    {
        var refs = new List<string>();
        foreach (var definition in MetricCatalogue.Default.Definitions)
        {
            refs.Add(definition.Key);
            refs.AddRange(definition.Dimensions.Select(d => $"{definition.Key}{{{d.Key}}}"));
        }

        refs.AddRange(MeetingKindCodes.BuiltIn.Select(k => $"meetings.count|kind={k.Name}"));
        return refs;
    }

    public static IReadOnlyList<MetricRef> Parse(IEnumerable<string> refs) => refs.Select(r => MetricRef.Parse(r).Value).ToList();

    /// <summary>Times one scenario: <paramref name="operation"/> returns what the run produced, in words, for the table.</summary>
    public async Task<Measurement> MeasureAsync(string scenario, Func<Task<string>> operation)
    {
        var rows = "";
        var (stats, cpuMs) = await Timing.MeasureAsync(warmup, runs, cpu, async _ => rows = await operation());
        var measurement = new Measurement(database, scenario, rows, warmup, stats, cpuMs);
        Results.Add(measurement);
        output.WriteLine($"<!-- {measurement.Scenario}: median {stats.MedianMs:F0} ms, max {stats.MaxMs:F0} ms -->");
        return measurement;
    }

    /// <summary>Scenario 1: the whole batch for the subtree as one target, straight through <see cref="MetricEvaluator"/>.</summary>
    public Task<Measurement> TimeBatchSubtreeAsync(IReadOnlyList<MetricRef> refs) =>
        MeasureAsync($"1. MetricEvaluator batch, {refs.Count} refs × 1 target (the 区委's subtree), {year}", async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var readings = (await MetricEvaluator.EvaluateAsync(db, MetricCatalogue.Default, refs, [Subtree], From, To, default)).Value;
            return Describe(readings.All);
        });

    /// <summary>Scenario 1b: the same through <see cref="GetMetricValuesHandler"/> in Subtree mode (scope check, node, resolution).</summary>
    public Task<Measurement> TimeHandlerSubtreeAsync(IReadOnlyList<string> refs) =>
        MeasureAsync($"1b. GetMetricValuesHandler, Subtree mode, {refs.Count} refs", async () =>
        {
            var table = (await services.GetRequiredService<GetMetricValuesHandler>()
                .HandleAsync(new GetMetricValuesQuery(tree.RootId, MetricTargetMode.Subtree, From, To, refs), Everyone, default)).Value;
            return Describe(table.Readings.All);
        });

    /// <summary>Scenario 2: the same batch in Children mode: one row per 党总支, the 区委's own row and the total.</summary>
    public Task<Measurement> TimeChildrenAsync(IReadOnlyList<string> refs) =>
        MeasureAsync($"2. GetMetricValuesHandler, Children mode, {refs.Count} refs", async () =>
        {
            var table = (await services.GetRequiredService<GetMetricValuesHandler>()
                .HandleAsync(new GetMetricValuesQuery(tree.RootId, MetricTargetMode.Children, From, To, refs), Everyone, default)).Value;
            return $"{table.Rows.Count} rows; " + Describe(table.Readings.All);
        });

    /// <summary>
    /// Scenario 3, what the issue's target is about: the 年度 党建工作总结 of the subtree drafted as a user asks for it —
    /// <see cref="GenerateSummaryHandler"/> (template, every figure its sentences and problems name, the draft stored) and the
    /// docx in the official layout with its xlsx appendix of figures.
    /// </summary>
    public Task<Measurement> TimeSummaryAsync() =>
        MeasureAsync($"3. 年度党建工作总结: GenerateSummaryHandler + docx + xlsx appendix, {year}", DraftSummaryAsync);

    public async Task<string> DraftSummaryAsync()
    {
        var draft = (await services.GetRequiredService<GenerateSummaryHandler>()
            .HandleAsync(new GenerateSummaryCommand(tree.RootId, From, To, SummaryKind.Annual), Everyone, default)).Value;
        var docx = SummaryDocuments.Docx(draft);
        var xlsx = SummaryDocuments.Xlsx(draft);
        return $"{draft.Figures.Count} figures, {draft.Missing.Count} 待补充; docx {docx.Length / 1024:N0} KB, xlsx {xlsx.Length / 1024:N0} KB";
    }

    /// <summary>
    /// Each reference on its own (resolution, the organizations of the subtree, its module's "in use" query, its facts), a
    /// baseline with no reference (only the organizations), sorted slowest first.
    /// </summary>
    public async Task<List<(string Ref, string Source, Stats Stats, string Value)>> PerMetricAsync(IReadOnlyList<string> refs, int perMetricWarmup, int perMetricRuns)
    {
        var result = new List<(string, string, Stats, string)>();
        foreach (var text in refs.Prepend(""))
        {
            var samples = new List<double>();
            var value = "";
            var source = "";
            for (var i = 0; i < perMetricWarmup + perMetricRuns; i++)
            {
                var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                await using var db = await factory.CreateDbContextAsync();
                if (text.Length == 0)
                {
                    await MetricEvaluator.EvaluateAsync(db, [], [Subtree], From, To, default);
                    value = "(organizations of the subtree only)";
                }
                else
                {
                    var reading = (await MetricEvaluator.EvaluateAsync(db, MetricCatalogue.Default, Parse([text]), [Subtree], From, To, default)).Value.All[0];
                    value = Format(reading);
                    source = reading.Source.Key;
                }

                if (i >= perMetricWarmup) samples.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            result.Add((text.Length == 0 ? "(baseline: no reference)" : text, source, Stats.Of(samples), value));
        }

        return result.OrderByDescending(r => ((Stats)r.Item3).MedianMs).ToList();
    }

    /// <summary>One run of an operation (scenario 1's batch, or scenario 3's drafting) with every statement timed.</summary>
    public async Task<(double WallMs, double ProcessCpuMs, List<TimedStatement> Statements)> InstrumentedAsync(Func<Task> operation)
    {
        timer.Start();
        var cpuBefore = CpuClock.Process();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await operation();
        stopwatch.Stop();
        return (stopwatch.Elapsed.TotalMilliseconds, (CpuClock.Process() - cpuBefore).TotalMilliseconds, timer.Stop());
    }

    public async Task EvaluateBatchAsync(IReadOnlyList<MetricRef> refs)
    {
        await using var db = await factory.CreateDbContextAsync();
        await MetricEvaluator.EvaluateAsync(db, MetricCatalogue.Default, refs, [Subtree], From, To, default);
    }

    /// <summary>The database's plan for a recorded statement, sent again with its parameters (PostgreSQL: executed, with buffers).</summary>
    public async Task<string> ExplainAsync(TimedStatement statement)
    {
        await using var db = await factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = (db.IsPostgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + statement.Sql;
        foreach (var p in statement.Parameters)
        {
            if (p.Original is ICloneable cloneable)
            {
                command.Parameters.Add((DbParameter)cloneable.Clone());
                continue;
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = p.Name;
            parameter.Value = p.Value ?? DBNull.Value;
            parameter.DbType = p.Original.DbType;
            command.Parameters.Add(parameter);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(db.IsPostgres
                ? reader.GetString(0)
                : $"{reader.GetValue(0)} {reader.GetValue(1)} {reader.GetValue(3)}");
        }

        return string.Join('\n', lines);
    }

    public static string Describe(IReadOnlyList<MetricReading> readings)
    {
        var withData = readings.Count(r => r.HasData);
        var meetings = readings.FirstOrDefault(r => r.Ref.ToString() == "meetings.count" && r.Target.IncludeSubtree && r.HasData);
        return $"{readings.Count} readings, {withData} with data" + (meetings is null ? "" : $"; meetings.count {meetings.Value:N0}");
    }

    public static string Format(MetricReading reading)
    {
        if (!reading.HasData) return "no data";
        if (reading.Breakdown is null) return reading.Value!.Value.ToString("#,##0.##", CultureInfo.InvariantCulture);
        var parts = reading.Breakdown.Where(v => v.Value != 0).Select(v => $"{v.Label} {v.Value.ToString("#,##0.##", CultureInfo.InvariantCulture)}").ToList();
        return parts.Count == 0 ? "all 0" : string.Join(", ", parts.Take(6)) + (parts.Count > 6 ? $", … ({parts.Count})" : "");
    }
}
