using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dangjian.Web.Features.Metrics;

/// <summary>
/// What site.js draws with ECharts (ui.md "Charts"): a title, the unit on the value axis, categories, and per point the
/// records page a click opens. Pages put it in a data attribute next to a table of the same numbers, so the figures stay
/// readable without scripts and to screen readers.
/// </summary>
public sealed record ChartSpec(string Title, string Type, string Unit, string CategoryAxis, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, bool Stack = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One series; a null point is "no data" and is drawn as a gap, never as 0.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Data, IReadOnlyList<string?> Links);
