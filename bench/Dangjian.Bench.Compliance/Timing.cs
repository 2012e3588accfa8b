using System.Diagnostics;
using System.Globalization;

namespace Dangjian.Bench.Compliance;

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
internal sealed record Measurement(string Database, string Scenario, string Rows, int Warmup, Stats Stats)
{
    public string Row => string.Create(CultureInfo.InvariantCulture,
        $"| {Database} | {Scenario} | {Rows} | {Warmup} | {Stats.Count} | {Stats.MedianMs:F2} | {Stats.MinMs:F2} | {Stats.MaxMs:F2} |");

    public const string Header =
        "| database | scenario | rows | warm-up | runs | median ms | min ms | max ms |\n|---|---|---|---|---|---:|---:|---:|";
}

/// <summary>
/// The harness: run the operation <c>warmup</c> times untimed (JIT, EF's query cache, the database's caches),
/// then <c>runs</c> times under a <see cref="Stopwatch"/>, each run timed on its own.
/// </summary>
internal static class Timing
{
    public static async Task<Stats> MeasureAsync(int warmup, int runs, Func<int, Task> operation)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation(i);
        }

        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await operation(warmup + i);
            samples.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        return Stats.Of(samples);
    }
}
