using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Dues;

namespace Dangjian.Web.Features.Dues;

/// <summary>One row of the ledger grid's quick payment entry.</summary>
public sealed class PayRow
{
    public string? MemberId { get; set; }
    public string? Amount { get; set; }
    public string? Method { get; set; }
    public string? ReceiptNumber { get; set; }
}

/// <summary>The ledger grid: one form for the page, the pressed button (<see cref="Op"/>) names the member whose row is recorded.</summary>
public sealed class LedgerPayForm
{
    public string? Op { get; set; }
    public string? PaidOn { get; set; }
    public string? CollectorName { get; set; }
    public List<PayRow> Rows { get; set; } = [];
}

/// <summary>The full payment form on a member's dues page.</summary>
public sealed class PaymentForm
{
    public string? Amount { get; set; }
    public string? PaidOn { get; set; }
    public string? Method { get; set; }
    public string? Kind { get; set; }
    public string? CollectorName { get; set; }
    public string? ReceiptNumber { get; set; }
    public string? PaidByMemberId { get; set; }
    public bool Quarterly { get; set; }
    public string? Note { get; set; }
}

public sealed class DeletePaymentForm
{
    public string? PaymentId { get; set; }
    public string? Reason { get; set; }
}

public sealed class ExcuseForm
{
    public string? MemberId { get; set; }
    public string? Month { get; set; }
    public string? Reason { get; set; }
    public bool Withdraw { get; set; }
}

public sealed class DecisionForm
{
    public string? CaseId { get; set; }
    public string? DecidedOn { get; set; }
    public string? Decision { get; set; }
}

/// <summary>Parses the text fields of the dues forms into command values, with Chinese errors under each field.</summary>
internal static class DuesFormParse
{
    public static decimal? Amount(string? text, List<Error> errors, string field = "Amount", string label = "交费金额")
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parsed = DuesCalculator.ParseAmount(text, field, label);
        if (parsed.IsSuccess) return parsed.Value;
        errors.AddRange(parsed.Errors);
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

    public static TEnum? Enum<TEnum>(string? text) where TEnum : struct, System.Enum =>
        System.Enum.TryParse<TEnum>(text, out var value) && System.Enum.IsDefined(value) ? value : null;
}
