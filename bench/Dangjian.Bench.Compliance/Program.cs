using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Dangjian.Bench.Compliance;
using Dangjian.Bench.Shared;
using Dangjian.Core;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Obligations;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project bench/Dangjian.Bench.Compliance -- [sqlite|postgres|all] [--branches N] [--runs N] [--warmup N] [--keep] [--sql]
// The compliance matrix for a whole tree of N branches (default 2,000) with a year of meetings, on a throw-away database.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))?.ToLowerInvariant() ?? "all";
var branches = IntOption("--branches", 2000);
var runs = IntOption("--runs", 10);
var warmup = IntOption("--warmup", 2);
var keep = args.Contains("--keep");
var providers = mode switch
{
    "sqlite" => new[] { "sqlite" },
    "postgres" or "postgresql" => ["postgres"],
    "all" => ["sqlite", "postgres"],
    _ => throw new ArgumentException($"unknown mode '{mode}': use sqlite, postgres or all"),
};
var postgresServer = Environment.GetEnvironmentVariable("DANGJIAN_BENCH_POSTGRES") ?? BenchDatabase.DefaultPostgres;
var shape = TreeShape.For(branches);
var year = DateTime.UtcNow.Year - 1;

var output = Console.Out;
output.WriteLine("# Dangjian compliance bench");
output.WriteLine();
output.WriteLine($"- date: {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}");
output.WriteLine($"- machine: {Environment.ProcessorCount} logical CPUs (nproc), {CpuModel()}, {MemoryGb()}");
output.WriteLine($"- OS: {RuntimeInformation.OSDescription}; runtime {RuntimeInformation.FrameworkDescription}; {(IsOptimized() ? "Release" : "Debug (!)")} build");
output.WriteLine($"- load average at start: {LoadAverage()}");
output.WriteLine($"- tree: {shape.Describe()}");
output.WriteLine($"- evidence year: {year} (every occurrence has ended, so every cell is decided)");
output.WriteLine($"- harness: {warmup} warm-up runs, then {runs} timed runs per scenario (Stopwatch, each run timed alone, a new DbContext per run); " +
    "CPU per run = this process + the PostgreSQL backend (/proc), averaged over the timed runs");
output.WriteLine();

var all = new List<Measurement>();
foreach (var provider in providers)
{
    await using var database = provider == "postgres" ? await BenchDatabase.CreatePostgresAsync("compliance", postgresServer, keep) : BenchDatabase.CreateSqlite("compliance", keep);
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
    }

    var generation = Stopwatch.StartNew();
    var tree = await Generator.CreateTreeAsync(sp.GetRequiredService<CreateOrganizationHandler>(), shape);
    var treeTime = generation.Elapsed;
    await using (var db = await factory.CreateDbContextAsync())
    {
        await Generator.AddEvidenceAsync(db, tree, year);
        output.WriteLine($"Generated the tree through CreateOrganizationHandler in {treeTime.TotalSeconds:F1} s, then the evidence by bulk INSERT in {(generation.Elapsed - treeTime).TotalSeconds:F1} s.");
        output.WriteLine();
        output.WriteLine("| table | rows |");
        output.WriteLine("|---|---:|");
        foreach (var table in new[] { "Organizations", "Members", "MemberPlacements", "CommitteeMembers", "Meetings", "MeetingKindLinks", "EvaluationSessions", "HeartToHeartTalks" })
        {
            output.WriteLine($"| {table} | {await BenchDatabase.CountAsync(db, table):N0} |");
        }

        output.WriteLine();
        await BenchDatabase.AnalyzeAsync(db);
    }

    output.WriteLine($"Load average after generating: {LoadAverage()}");
    output.WriteLine();

    int? backend;
    await using (var db = await factory.CreateDbContextAsync()) backend = await BenchDatabase.BackendPidAsync(db);
    TimeSpan Cpu() => CpuClock.Process() + CpuClock.Backend(backend);

    var everyone = AccessScope.Everything("bench");
    var from = new DateOnly(year, 1, 1);
    var to = new DateOnly(year, 12, 31);
    var matrix = sp.GetRequiredService<GetComplianceMatrixHandler>();
    var results = new List<Measurement>();
    async Task<Measurement> MeasureAsync(string scenario, Func<Task<string>> operation)
    {
        var rows = "";
        var (stats, cpu) = await Timing.MeasureAsync(warmup, runs, Cpu, async _ => rows = await operation());
        var m = new Measurement(database.Label, scenario, rows, warmup, stats, cpu);
        results.Add(m);
        return m;
    }

    await MeasureAsync($"a. compliance matrix, whole tree, {year}: GetComplianceMatrixHandler (page 1 of 20 rows)", async () =>
    {
        var r = (await matrix.HandleAsync(new GetComplianceMatrixQuery(tree.RootId, from, to), everyone, default)).Value;
        return $"{r.Rows.Total:N0} organizations × {r.Columns.Count} obligations; {r.ProblemRows:N0} with problems";
    });
    await MeasureAsync($"b. the same, only problems, page 5 of 100 rows", async () =>
    {
        var r = (await matrix.HandleAsync(new GetComplianceMatrixQuery(tree.RootId, from, to, true, 5, 100), everyone, default)).Value;
        return $"{r.Rows.Total:N0} rows with problems";
    });
    await MeasureAsync("c. compliance matrix of one district", async () =>
    {
        var r = (await matrix.HandleAsync(new GetComplianceMatrixQuery(tree.DistrictIds[0], from, to), everyone, default)).Value;
        return $"{r.Rows.Total:N0} organizations";
    });
    await MeasureAsync("d. metric compliance.rate{obligation}, whole tree", async () =>
    {
        await using var db = await factory.CreateDbContextAsync();
        var path = await db.Organizations.Where(o => o.Id == tree.RootId).Select(o => o.Path).SingleAsync();
        var values = await MetricCatalogue.Default.Get("compliance.rate").EvaluateAsync(new MetricScope(db, path, from, to), "obligation", default);
        return string.Join(", ", values.Select(v => $"{v.Key} {v.Value}%"));
    });
    await MeasureAsync($"e. work calendar, whole tree, {year}-12", async () =>
    {
        var r = (await sp.GetRequiredService<GetComplianceCalendarHandler>().HandleAsync(new GetComplianceCalendarQuery(tree.RootId, year, 12), everyone, default)).Value;
        return $"{r.MeetingTotal:N0} meetings, {r.Due.Count} obligations due";
    });
    await MeasureAsync("f. 工作台 reminders (all sources), whole tree, today", async () =>
    {
        var r = (await sp.GetRequiredService<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(tree.RootId), everyone, default)).Value;
        return $"{r.Count} reminders";
    });

    output.WriteLine(Measurement.Header);
    foreach (var m in results) output.WriteLine(m.Row);
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

    // One more run of scenario a with every statement timed: what the second is spent on.
    timer.Start();
    var once = Stopwatch.StartNew();
    var cpuOnce = CpuClock.Process();
    await matrix.HandleAsync(new GetComplianceMatrixQuery(tree.RootId, from, to), everyone, default);
    once.Stop();
    var processCpu = (CpuClock.Process() - cpuOnce).TotalMilliseconds;
    var statements = timer.Stop();
    output.WriteLine($"Scenario a, one instrumented run: {once.Elapsed.TotalMilliseconds:F1} ms wall, {processCpu:F1} ms CPU in this process; " +
        $"{statements.Count} SQL statements took {statements.Sum(s => s.Milliseconds):F1} ms wall and {statements.Sum(s => s.CpuMilliseconds):F1} ms of this process's CPU " +
        "(execute to reader closed: the query, and reading and materializing its rows); the rest is the evaluation in memory:");
    output.WriteLine();
    output.WriteLine("| wall ms | process CPU ms | rows | statement (start) |");
    output.WriteLine("|---:|---:|---:|---|");
    foreach (var s in statements.OrderByDescending(s => s.Milliseconds))
    {
        output.WriteLine($"| {s.Milliseconds:F1} | {s.CpuMilliseconds:F0} | {s.Rows:N0} | `{s.Summary}` |");
    }

    output.WriteLine();
    if (args.Contains("--sql"))
    {
        foreach (var s in statements.OrderByDescending(s => s.Milliseconds).Take(3))
        {
            output.WriteLine($"```sql\n-- {s.Milliseconds:F1} ms; parameters: {s.ParameterText}\n{s.Sql}\n```");
            output.WriteLine();
        }
    }

    all.AddRange(results);
}

if (providers.Length > 1)
{
    output.WriteLine("## All scenarios");
    output.WriteLine();
    output.WriteLine(Measurement.Header);
    foreach (var m in all) output.WriteLine(m.Row);
}

return 0;

int IntOption(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static string CpuModel() => File.Exists("/proc/cpuinfo")
    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
    : RuntimeInformation.ProcessArchitecture.ToString();

static string MemoryGb() => File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim() + " RAM" : "";

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static bool IsOptimized() =>
    typeof(TreeShape).Assembly.GetCustomAttributes(false).OfType<DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);
