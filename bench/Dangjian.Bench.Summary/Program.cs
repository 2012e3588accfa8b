using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Dangjian.Bench.Summary;
using Dangjian.Bench.Shared;
using Dangjian.Core;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project bench/Dangjian.Bench.Summary -- [sqlite|postgres|all] [--branches 2000] [--general-branches 20]
//   [--sibling-branches 200] [--members 50] [--year 2025] [--no-dues] [--runs 10] [--warmup 2] [--per-metric] [--explain N] [--sql] [--keep]
//   [--refs prefix,prefix] [--drop-index IX_A,IX_B] [--pg-options "-c jit=off"] [--instrument summary]
// The figures of a year summary for a subtree of 2,000 branches (100,000 members, a year of meetings), on a throw-away
// database. What it generates, measures and found: docs/bench-summary.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(a))?.ToLowerInvariant() ?? "all";
var runs = IntOption("--runs", 10);
var warmup = IntOption("--warmup", 2);
var year = IntOption("--year", DateTime.UtcNow.Year - 1);
var explainCount = IntOption("--explain", 0);
var perMetric = args.Contains("--per-metric");
var keep = args.Contains("--keep");
var dues = !args.Contains("--no-dues");
var shape = TreeShape.For(IntOption("--branches", 2000), IntOption("--general-branches", 20), IntOption("--sibling-branches", 200), IntOption("--members", 50));
var providers = mode switch
{
    "sqlite" => new[] { "sqlite" },
    "postgres" or "postgresql" => ["postgres"],
    "all" => ["sqlite", "postgres"],
    _ => throw new ArgumentException($"unknown mode '{mode}': use sqlite, postgres or all"),
};
var postgresServer = Environment.GetEnvironmentVariable("DANGJIAN_BENCH_POSTGRES") ?? BenchDatabase.DefaultPostgres;
// --refs dues.,meetings.attendance: only the references starting with one of these (for experiments; the figures in the
// docs use all). --drop-index IX_A,IX_B: drop these indexes after migrating (to measure a migration's indexes against none).
// --pg-options "-c jit=off": passed to PostgreSQL as the connection's Options.
var only = StringOption("--refs")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
var dropIndexes = StringOption("--drop-index")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
var refTexts = SummaryBench.SummaryRefs().Where(r => only.Length == 0 || only.Any(o => r.StartsWith(o, StringComparison.Ordinal))).ToList();
var refs = SummaryBench.Parse(refTexts);

var output = Console.Out;
output.WriteLine("# Dangjian year-summary bench");
output.WriteLine();
output.WriteLine($"- date: {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}");
output.WriteLine($"- machine: {Environment.ProcessorCount} logical CPUs (nproc), {CpuModel()}, {MemoryGb()}");
output.WriteLine($"- OS: {RuntimeInformation.OSDescription}; runtime {RuntimeInformation.FrameworkDescription}; {(IsOptimized() ? "Release" : "Debug (!)")} build");
output.WriteLine($"- load average at start: {LoadAverage()}");
output.WriteLine($"- tree: {shape.Describe()}");
output.WriteLine($"- period: {year}-01-01..{year}-12-31");
output.WriteLine($"- harness: {warmup} warm-up runs, then {runs} timed runs per scenario (Stopwatch, each run timed alone, a new DbContext per run); " +
    "CPU per run = this process + the PostgreSQL backend (/proc), averaged over the timed runs");
output.WriteLine($"- {refTexts.Count} metric references ({MetricCatalogue.Default.Definitions.Count} registered metrics): {string.Join(", ", refTexts.Select(r => $"`{r}`"))}");
output.WriteLine();

var all = new List<Measurement>();
foreach (var provider in providers)
{
    await using var database = provider == "postgres" ? await BenchDatabase.CreatePostgresAsync("summary", postgresServer, keep, StringOption("--pg-options")) : BenchDatabase.CreateSqlite("summary", keep);
    var timer = new CommandTimer();
    var services = new ServiceCollection();
    services.AddSingleton<ICurrentActor>(new FixedActor("bench", "基准测试"));
    services.AddDangjianCore(database.Settings);
    services.ConfigureDbContext<DangjianDbContext>(options => options.AddInterceptors(timer));
    await using var root = services.BuildServiceProvider(validateScopes: true);
    await using var scope = root.CreateAsyncScope();
    var sp = scope.ServiceProvider;
    var factory = sp.GetRequiredService<IDbContextFactory<DangjianDbContext>>();

    await using (var db = await factory.CreateDbContextAsync())
    {
        await DatabaseMigrator.MigrateAsync(db);
        output.WriteLine($"## {database.Label}: {database.Description}, server {await BenchDatabase.VersionAsync(db)}");
        output.WriteLine();
        output.WriteLine($"Migrations: {string.Join(", ", await db.Database.GetAppliedMigrationsAsync())}");
        foreach (var index in dropIndexes)
        {
            var sql = $"DROP INDEX \"{index}\"";
            await db.Database.ExecuteSqlRawAsync(sql);
            output.WriteLine($"Dropped index {index} (--drop-index).");
        }

        output.WriteLine();
    }

    var generation = Stopwatch.StartNew();
    var tree = await Generator.CreateTreeAsync(sp.GetRequiredService<CreateOrganizationHandler>(), shape);
    var treeTime = generation.Elapsed;
    string rootPath;
    await using (var db = await factory.CreateDbContextAsync())
    {
        var counts = await Generator.AddRecordsAsync(db, shape, tree, year, dues);
        output.WriteLine($"Generated the tree through CreateOrganizationHandler in {treeTime.TotalSeconds:F1} s, then the records by bulk INSERT in {(generation.Elapsed - treeTime).TotalSeconds:F1} s.");
        output.WriteLine();
        output.WriteLine("| table | rows |");
        output.WriteLine("|---|---:|");
        foreach (var (table, rows) in counts) output.WriteLine($"| {table} | {rows:N0} |");
        output.WriteLine();
        await BenchDatabase.AnalyzeAsync(db);
        rootPath = await db.Organizations.Where(o => o.Id == tree.RootId).Select(o => o.Path).SingleAsync();
    }

    output.WriteLine($"Load average after generating: {LoadAverage()}");
    output.WriteLine();

    int? backend;
    await using (var db = await factory.CreateDbContextAsync()) backend = await BenchDatabase.BackendPidAsync(db);
    TimeSpan Cpu() => CpuClock.Process() + CpuClock.Backend(backend);

    var bench = new SummaryBench(database.Label, sp, factory, timer, tree, rootPath, year, warmup, runs, Cpu, output);
    await CheckAsync(bench, refs, shape, output);

    // The timed scenarios, one call each, in the order of the table; each is a method of SummaryBench that makes one MeasureAsync call.
    await bench.TimeBatchSubtreeAsync(refs);
    await bench.TimeHandlerSubtreeAsync(refTexts);
    await bench.TimeChildrenAsync(refTexts);
    await bench.TimeSummaryAsync();

    output.WriteLine();
    output.WriteLine(Measurement.Header);
    foreach (var m in bench.Results) output.WriteLine(m.Row);
    output.WriteLine();
    output.WriteLine($"Load average after the scenarios: {LoadAverage()}");
    if (backend is not null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var after = await BenchDatabase.BackendPidAsync(db);
        output.WriteLine(after == backend
            ? $"All queries ran in PostgreSQL backend {backend}; its CPU time is included in the CPU column."
            : $"WARNING: the backend changed ({backend} → {after}); the CPU column misses part of the server's time.");
    }

    output.WriteLine();

    // One more run of scenario 1 (or 3, --instrument summary) with every statement timed: which facts query the time goes to.
    var instrumentSummary = StringOption("--instrument") == "summary";
    var (wall, processCpu, statements) = await bench.InstrumentedAsync(instrumentSummary ? bench.DraftSummaryAsync : () => bench.EvaluateBatchAsync(refs));
    output.WriteLine($"### {database.Label}: scenario {(instrumentSummary ? 3 : 1)}, one instrumented run");
    output.WriteLine();
    output.WriteLine($"{wall:F1} ms wall, {processCpu:F1} ms CPU in this process; {statements.Count} SQL statements took {statements.Sum(s => s.Milliseconds):F1} ms wall " +
        $"and {statements.Sum(s => s.CpuMilliseconds):F1} ms of this process's CPU (execute to reader closed); the rest is resolution and roll-up in memory. Slowest 15:");
    output.WriteLine();
    output.WriteLine("| wall ms | process CPU ms | rows | statement (start) |");
    output.WriteLine("|---:|---:|---:|---|");
    foreach (var s in statements.OrderByDescending(s => s.Milliseconds).Take(15))
        output.WriteLine($"| {s.Milliseconds:F1} | {s.CpuMilliseconds:F0} | {s.Rows:N0} | `{s.Summary.Replace("|", "\\|", StringComparison.Ordinal)}` |");
    output.WriteLine();

    if (args.Contains("--sql") || explainCount > 0)
    {
        foreach (var s in statements.OrderByDescending(s => s.Milliseconds).Take(Math.Max(3, explainCount)))
        {
            output.WriteLine($"```sql\n-- {s.Milliseconds:F1} ms; parameters: {s.ParameterText}\n{s.Sql}\n```");
            output.WriteLine();
            if (explainCount > 0)
            {
                output.WriteLine($"```\n{await bench.ExplainAsync(s)}\n```");
                output.WriteLine();
            }
        }
    }

    if (perMetric)
    {
        output.WriteLine($"### {database.Label}: each reference on its own (1 warm-up, {Math.Max(3, runs / 2)} runs), slowest first");
        output.WriteLine();
        output.WriteLine("| reference | module | median ms | max ms | value for the subtree |");
        output.WriteLine("|---|---|---:|---:|---|");
        foreach (var (text, source, stats, value) in await bench.PerMetricAsync(refTexts, 1, Math.Max(3, runs / 2)))
            output.WriteLine($"| `{text.Replace("|", "\\|", StringComparison.Ordinal)}` | {source} | {stats.MedianMs:F0} | {stats.MaxMs:F0} | {value.Replace("|", "\\|", StringComparison.Ordinal)} |");
        output.WriteLine();
    }

    all.AddRange(bench.Results);
}

if (providers.Length > 1)
{
    output.WriteLine("## All scenarios");
    output.WriteLine();
    output.WriteLine(Measurement.Header);
    foreach (var m in all) output.WriteLine(m.Row);
}

return 0;

// The generator's meetings read back through the catalogue: a bench whose data the metrics do not see would measure nothing.
static async Task CheckAsync(SummaryBench bench, IReadOnlyList<MetricRef> refs, TreeShape shape, TextWriter output)
{
    await using var db = await bench.Services.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
    var readings = (await MetricEvaluator.EvaluateAsync(db, MetricCatalogue.Default, refs, [bench.Subtree], bench.From, bench.To, default)).Value;
    var expected = new Dictionary<string, decimal> { ["meetings.count"] = shape.Branches * Generator.Plan.Sum(p => p.PerYear) };
    foreach (var (code, perYear) in Generator.Plan)
        expected[$"meetings.count|kind={MeetingKindCodes.BuiltIn.Single(k => k.Code == code).Name}"] = shape.Branches * perYear;
    var problems = expected.Where(e => readings.All.FirstOrDefault(r => r.Ref.ToString() == e.Key)?.Value != e.Value)
        .Select(e => $"{e.Key} = {readings.All.FirstOrDefault(r => r.Ref.ToString() == e.Key)?.Value?.ToString() ?? "no data"}, expected {e.Value:N0}").ToList();
    output.WriteLine(problems.Count == 0
        ? $"Check: the subtree's meeting counts read back as generated ({string.Join(", ", expected.Select(e => $"{e.Key} {e.Value:N0}"))})."
        : $"CHECK FAILED: {string.Join("; ", problems)}");
    output.WriteLine();
    output.WriteLine("| reference | subtree figure |");
    output.WriteLine("|---|---|");
    foreach (var reading in readings.All) output.WriteLine($"| `{reading.Ref.ToString().Replace("|", "\\|", StringComparison.Ordinal)}` | {SummaryBench.Format(reading).Replace("|", "\\|", StringComparison.Ordinal)} |");
    output.WriteLine();
}

string? StringOption(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int IntOption(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

bool IsOptionValue(string arg)
{
    var index = Array.IndexOf(args, arg);
    return index > 0 && args[index - 1] is "--branches" or "--general-branches" or "--sibling-branches" or "--members" or "--year" or "--runs" or "--warmup"
        or "--explain" or "--refs" or "--drop-index" or "--pg-options";
}

static string CpuModel() => File.Exists("/proc/cpuinfo")
    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
    : RuntimeInformation.ProcessArchitecture.ToString();

static string MemoryGb() => File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim() + " RAM" : "";

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static bool IsOptimized() =>
    typeof(TreeShape).Assembly.GetCustomAttributes(false).OfType<DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);
