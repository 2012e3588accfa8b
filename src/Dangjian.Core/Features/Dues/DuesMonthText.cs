using System.Globalization;

namespace Dangjian.Core.Features.Dues;

/// <summary>Months as users and the API write them: "yyyy-MM" (a full "yyyy-MM-dd" counts for its month).</summary>
public static class DuesMonthText
{
    public static DateOnly? Parse(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (DateOnly.TryParseExact(t, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return month;
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return DuesMonth.Of(day);
        return null;
    }

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
