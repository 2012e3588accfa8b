using System.Globalization;
using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Transfers;

/// <summary>The 介绍信 fields as typed.</summary>
public sealed record TransferLetterInput
{
    public string? LetterNumber { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public int? ValidDays { get; init; }

    /// <summary>"yyyy-MM" (or a full date; only its month counts).</summary>
    public string? DuesPaidUpTo { get; init; }

    public string? Reason { get; init; }
}

/// <summary>
/// 介绍信 rules (domain.md §7, [default]): a letter is valid normally 30 days and at most 3 months, taken here as
/// 90 days; the month the dues are paid up to is recorded.
/// </summary>
public static class TransferRules
{
    public const int DefaultValidDays = 30;
    public const int MaxValidDays = 90;

    public static Result<TransferLetter> Validate(TransferLetterInput input, DateOnly today)
    {
        var errors = new List<Error>();
        if (input.IssuedOn is null) errors.Add(TransferErrors.IssuedOnRequired);
        else if (input.IssuedOn > today) errors.Add(TransferErrors.IssuedInFuture);
        var days = input.ValidDays ?? DefaultValidDays;
        if (days < 1 || days > MaxValidDays) errors.Add(TransferErrors.ValidDaysOutOfRange);
        var letter = Blank(input.LetterNumber);
        if (letter?.Length > Transfer.LetterNumberMaxLength) errors.Add(TransferErrors.LetterNumberTooLong);
        var reason = Blank(input.Reason);
        if (reason?.Length > Transfer.ReasonMaxLength) errors.Add(TransferErrors.ReasonTooLong);
        DateOnly? dues = null;
        if (Blank(input.DuesPaidUpTo) is string duesText)
        {
            if (ParseMonth(duesText) is DateOnly month) dues = month;
            else errors.Add(TransferErrors.DuesMonthInvalid);
        }

        if (errors.Count > 0) return Result<TransferLetter>.Failure(errors);
        return new TransferLetter(letter, input.IssuedOn!.Value, days, dues, reason);
    }

    /// <summary>Reads "yyyy-MM" or "yyyy-MM-dd" as the first day of that month.</summary>
    public static DateOnly? ParseMonth(string text)
    {
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)) return m;
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return new DateOnly(d.Year, d.Month, 1);
        return null;
    }

    /// <summary>A 回执 is overdue once the letter's last valid day has passed without it.</summary>
    public static bool ReceiptOverdue(DateOnly issuedOn, int validDays, DateOnly? receiptOn, DateOnly today) =>
        receiptOn is null && today > issuedOn.AddDays(validDays - 1);

    internal static Result<string> ExternalName(string? text)
    {
        var name = Blank(text);
        if (name is null) return TransferErrors.ExternalNameRequired;
        if (name.Length > Transfer.ExternalNameMaxLength) return TransferErrors.ExternalNameTooLong;
        return name;
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
