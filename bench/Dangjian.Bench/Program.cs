using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using Dangjian.Bench;
using Dangjian.Core;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project bench/Dangjian.Bench -- [sqlite|postgres|plans|all] [--districts N] [--townships N] [--runs N] [--warmup N] [--keep]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))?.ToLowerInvariant() ?? "sqlite";
var districts = IntOption("--districts", CityShape.Default.Districts);
var townships = IntOption("--townships", CityShape.Default.Townships);
var runs = IntOption("--runs", 10);
var warmup = IntOption("--warmup", 2);
var keep = args.Contains("--keep");
var postgresServer = Environment.GetEnvironmentVariable("DANGJIAN_BENCH_POSTGRES") ?? BenchDatabase.DefaultPostgres;

(string[] Providers, bool Scenarios, bool Plans) plan = mode switch
{
    "sqlite" => (["sqlite"], true, false),
    "postgres" or "postgresql" => (["postgres"], true, false),
    "plans" => (["sqlite", "postgres"], false, true),
    "all" => (["sqlite", "postgres"], true, true),
    _ => throw new ArgumentException($"unknown mode '{mode}': use sqlite, postgres, plans or all"),
};
if (districts < 2 || townships < 2) throw new ArgumentException("--districts and --townships must be at least 2 (a subtree moves under its neighbour)");

var shape = CityShape.Default with { Districts = districts, Townships = townships };
var output = Console.Out;
output.WriteLine("# Dangjian bench");
output.WriteLine();
output.WriteLine($"- date: {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}");
output.WriteLine($"- machine: {Environment.ProcessorCount} logical CPUs (nproc), {CpuModel()}, {MemoryGb()}");
output.WriteLine($"- OS: {RuntimeInformation.OSDescription}; runtime {RuntimeInformation.FrameworkDescription}; {(IsOptimized() ? "Release" : "Debug (!)")} build");
output.WriteLine($"- load average at start: {LoadAverage()}");
output.WriteLine($"- tree: 1 city committee, {shape.Districts} districts × {shape.Townships} townships × {shape.GeneralBranches} communities × {shape.Branches} branches × {shape.Groups} groups = {shape.Total:N0} organizations; one district = {shape.DistrictSize:N0}");
output.WriteLine($"- harness: {warmup} warm-up runs, then {runs} timed runs per scenario (Stopwatch, each run timed alone)");
output.WriteLine();

var measurements = new List<Measurement>();
foreach (var provider in plan.Providers)
{
    await using var database = provider == "postgres"
        ? await BenchDatabase.CreatePostgresAsync(postgresServer, keep)
        : BenchDatabase.CreateSqlite(keep);
    var capture = new CommandCapture();
    var services = new ServiceCollection();
    services.AddSingleton<ICurrentActor>(new FixedActor("bench", "基准测试"));
    services.AddDangjianCore(database.Settings);
    services.ConfigureDbContext<DangjianDbContext>(options => options.AddInterceptors(capture));
    await using var root = services.BuildServiceProvider(validateScopes: true);
    await using var scope = root.CreateAsyncScope();
    var sp = scope.ServiceProvider;

    await using (var db = await sp.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync())
    {
        await DatabaseMigrator.MigrateAsync(db);
        output.WriteLine($"## {database.Label}: {database.Description}, server {await VersionAsync(db)}");
        output.WriteLine();
    }

    output.WriteLine($"Generating {shape.Total:N0} organizations through CreateOrganizationHandler …");
    var tree = await CityGenerator.GenerateAsync(sp.GetRequiredService<CreateOrganizationHandler>(), shape, output);
    var perSecond = shape.Total / tree.Elapsed.TotalSeconds;
    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Generated in {tree.Elapsed.TotalSeconds:F1} s ({perSecond:F0} creates/s); one create: median {tree.CreateLatency.MedianMs:F2} ms, p95 {tree.CreateLatency.P95Ms:F2} ms, max {tree.CreateLatency.MaxMs:F2} ms"));
    await using (var db = await sp.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync())
    {
        output.WriteLine($"Rows after generating: Organizations {await db.Organizations.CountAsync():N0}, AuditEntries {await db.AuditEntries.CountAsync():N0}");
    }

    output.WriteLine($"Load average after generating: {LoadAverage()}");
    output.WriteLine();

    var scenarios = new Scenarios(database, sp, tree, warmup, runs);
    if (plan.Scenarios)
    {
        var results = await scenarios.RunAsync();
        measurements.AddRange(results);
        output.WriteLine(Measurement.Header);
        foreach (var result in results) output.WriteLine(result.Row);
        output.WriteLine();
        output.WriteLine($"Load average after the scenarios: {LoadAverage()}");
        output.WriteLine();
    }

    if (plan.Plans)
    {
        await new QueryPlans(database, sp, capture, tree, output).WriteAsync(scenarios);
    }
}

if (measurements.Count > 0 && plan.Providers.Length > 1)
{
    output.WriteLine("## All scenarios");
    output.WriteLine();
    output.WriteLine(Measurement.Header);
    foreach (var m in measurements) output.WriteLine(m.Row);
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

static string MemoryGb() => File.Exists("/proc/meminfo")
    ? File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim() + " RAM"
    : "";

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static bool IsOptimized() =>
    typeof(CityShape).Assembly.GetCustomAttributes(false).OfType<System.Diagnostics.DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);

static async Task<string> VersionAsync(DangjianDbContext db)
{
    var connection = db.Database.GetDbConnection();
    await db.Database.OpenConnectionAsync();
    try
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = db.IsPostgres ? "SHOW server_version" : "SELECT 'SQLite ' || sqlite_version()";
        var version = (string)(await command.ExecuteScalarAsync())!;
        return db.IsPostgres ? "PostgreSQL " + version : version;
    }
    finally
    {
        await db.Database.CloseConnectionAsync();
    }
}
