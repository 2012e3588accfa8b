using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Metrics;

/// <summary>
/// A reference to a figure, as written in templates, URLs and the API: <c>key</c> (the total), <c>key|dimension=value</c>
/// (one value of a dimension, value given by code or by label, e.g. <c>meetings.count|kind=支部党员大会</c>) or
/// <c>key{dimension}</c> (the whole breakdown).
/// </summary>
public sealed record MetricRef(string Key, string? Dimension = null, string? DimensionValue = null)
{
    public bool IsBreakdown => Dimension is not null && DimensionValue is null;

    public override string ToString() =>
        Dimension is null ? Key : DimensionValue is null ? $"{Key}{{{Dimension}}}" : $"{Key}|{Dimension}={DimensionValue}";

    public static Result<MetricRef> Parse(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0) return Invalid(s);
        var bar = s.IndexOf('|');
        if (bar >= 0)
        {
            var key = s[..bar].Trim();
            var filter = s[(bar + 1)..];
            var eq = filter.IndexOf('=');
            if (eq <= 0 || !IsKey(key)) return Invalid(s);
            var (dimension, value) = (filter[..eq].Trim(), filter[(eq + 1)..].Trim());
            return dimension.Length == 0 || value.Length == 0 ? Invalid(s) : new MetricRef(key, dimension, value);
        }

        var brace = s.IndexOf('{');
        if (brace >= 0)
        {
            var key = s[..brace].Trim();
            if (!s.EndsWith('}') || !IsKey(key)) return Invalid(s);
            var dimension = s[(brace + 1)..^1].Trim();
            return dimension.Length == 0 ? Invalid(s) : new MetricRef(key, dimension);
        }

        return IsKey(s) ? new MetricRef(s) : Invalid(s);
    }

    /// <summary>Keys are <c>module.measure</c>: letters, digits, '_' and '.', with at least one dot.</summary>
    public static bool IsKey(string key) =>
        key.Length is > 2 and <= 100 && key.Contains('.') && !key.StartsWith('.') && !key.EndsWith('.')
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static Result<MetricRef> Invalid(string text) =>
        Error.Validation("metric.ref", $"“{text}”不是有效的指标写法，应为“指标键”“指标键|维度=值”或“指标键{{维度}}”");
}
