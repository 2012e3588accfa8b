using System.Globalization;
using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Dues;

namespace Dangjian.Web.Features.Dues;

/// <summary>
/// Money and months as the dues API and forms receive them. Amounts come as JSON numbers or strings and become decimal without
/// passing through floating point (System.Text.Json reads a number's text as decimal exactly; strings go through
/// <see cref="DuesCalculator.ParseAmount"/>).
/// </summary>
internal static class DuesInput
{
    public static decimal? Amount(JsonElement? element, string field, string label, List<Error> errors)
    {
        if (element is not { } e || e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (e.ValueKind == JsonValueKind.Number)
        {
            if (e.TryGetDecimal(out var number)) return number;
        }
        else if (e.ValueKind == JsonValueKind.String)
        {
            if (string.IsNullOrWhiteSpace(e.GetString())) return null;
            return Amount(e.GetString(), field, label, errors);
        }

        errors.Add(Error.Validation("dues.amount_not_number", $"{label}应为数字或数字字符串（如 76.50 或 \"76.50\"）", field));
        return null;
    }

    public static decimal? Amount(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parsed = DuesCalculator.ParseAmount(text, field, label);
        if (parsed.IsSuccess) return parsed.Value;
        errors.AddRange(parsed.Errors);
        return null;
    }

    public static DateOnly? Month(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (MonthSpan.ParseMonth(text) is { } month) return month;
        errors.Add(Error.Validation("dues.month_format", $"{label}格式应为 yyyy-MM", field));
        return null;
    }

    public static DateOnly? Date(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        errors.Add(Error.Validation("form.date", $"{label}格式应为 yyyy-MM-dd", field));
        return null;
    }

    public static long? Long(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int? Int(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>ui.md: 元 with two decimals and thousands separators (1,234.50).</summary>
    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Money(decimal? amount) => amount is { } a ? Money(a) : "—";

    public static string MonthValue(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
