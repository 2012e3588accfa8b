using System.Diagnostics;
using System.Globalization;

namespace Dangjian.Bench.Shared;

// The harness of bench/Dangjian.Bench (see bench/README.md, "Why a Stopwatch harness"), copied so the two programs stay independent.

/// <summary>Median, minimum and maximum of a set of samples, in milliseconds.</summary>
internal sealed record Stats(int Count, double MedianMs, double MinMs, double MaxMs, double P95Ms)
{
    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0) return new Stats(0, 0, 0, 0, 0);
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var p95 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.95) - 1)];
        return new Stats(sorted.Length, median, sorted[0], sorted[^1], p95);
    }
}

/// <summary>One timed scenario: what it did, on how many rows, and its timings.</summary>
/// <summary>
/// One timed scenario. <see cref="CpuMs"/> is the CPU time one run used — this process plus, on PostgreSQL, the server
/// backend that ran its queries — averaged over the timed runs: on a shared machine it says what the run costs, while
/// the wall-clock columns also contain the time spent waiting for a core.
/// </summary>
internal sealed record Measurement(string Database, string Scenario, string Rows, int Warmup, Stats Stats, double CpuMs)
{
    public string Row => string.Create(CultureInfo.InvariantCulture,
        $"| {Database} | {Scenario} | {Rows} | {Warmup} | {Stats.Count} | {Stats.MedianMs:F0} | {Stats.MinMs:F0} | {Stats.MaxMs:F0} | {CpuMs:F0} |");

    public const string Header =
        "| database | scenario | rows | warm-up | runs | median ms | min ms | max ms | CPU ms per run |\n|---|---|---|---|---|---:|---:|---:|---:|";
}

/// <summary>
/// The harness: run the operation <c>warmup</c> times untimed (JIT, EF's query cache, the database's caches),
/// then <c>runs</c> times under a <see cref="Stopwatch"/>, each run timed on its own; CPU time is read before and after
/// the timed runs.
/// </summary>
internal static class Timing
{
    public static async Task<(Stats Stats, double CpuMs)> MeasureAsync(int warmup, int runs, Func<TimeSpan> cpu, Func<int, Task> operation)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation(i);
        }

        var samples = new List<double>(runs);
        var cpuBefore = cpu();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await operation(warmup + i);
            samples.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        return (Stats.Of(samples), (cpu() - cpuBefore).TotalMilliseconds / Math.Max(1, runs));
    }
}

/// <summary>CPU time of this process and, when known, of one PostgreSQL backend process (read from /proc on the same machine).</summary>
internal static class CpuClock
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Process() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    public static TimeSpan Backend(int? pid)
    {
        if (pid is not int id || !File.Exists($"/proc/{id}/stat")) return TimeSpan.Zero;
        var stat = File.ReadAllText($"/proc/{id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
