using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Dues;

namespace Dangjian.Web.Features.Dues;

/// <summary>ui.md formats for dues: 1,234.50 in tables, 87.5% for rates, 2026年6月 for months, yyyy-MM in month inputs.</summary>
public static class DuesFormat
{
    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Rate(decimal? rate) => rate is decimal r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Month(DateOnly? month) => month is DateOnly m ? DuesMonth.Label(m) : "";

    public static string MonthInput(DateOnly month) => DuesMonthText.Format(month);

    public static string StatusBadge(DuesLineStatus status) => status switch
    {
        DuesLineStatus.Paid => "text-bg-success",
        DuesLineStatus.Partial => "text-bg-warning",
        DuesLineStatus.Unpaid => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    /// <summary>Reads a page's "month" query value; blank is the current month, anything else unreadable is an error shown on the page.</summary>
    public static DateOnly? ParseMonth(string? text, TimeProvider clock, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return DuesMonth.Of(clock.Today());
        if (DuesMonthText.Parse(text) is DateOnly month) return month;
        error = DuesLedgerErrors.MonthInvalid.Message;
        return null;
    }
}
