using System.Globalization;
using Dangjian.Core.Common;

namespace Dangjian.Web.Features.Committees;

/// <summary>Parses the string fields of the committee forms, reporting Chinese errors under each field.</summary>
internal static class FormParse
{
    public static int? Int(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(Error.Validation("form.integer", $"{label}应为不小于 0 的整数", field));
        return null;
    }

    public static long? Long(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static DateOnly? Date(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        errors.Add(Error.Validation("form.date", $"{label}格式应为 yyyy-MM-dd", field));
        return null;
    }
}

public sealed class TermForm
{
    public string? Number { get; set; }
    public string? StartedOn { get; set; }
    public string? ApprovalNote { get; set; }
}

public sealed class CandidateRow
{
    public string? MemberId { get; set; }
    public string? Name { get; set; }
    public string? Votes { get; set; }
}

public sealed class ElectionForm
{
    public const int Rows = 12;

    public string? HeldOn { get; set; }
    public string? Seats { get; set; }
    public string? ShouldAttend { get; set; }
    public string? Present { get; set; }
    public string? BallotsIssued { get; set; }
    public string? BallotsReturned { get; set; }
    public string? VoidBallots { get; set; }
    public List<CandidateRow> Candidates { get; set; } = [];
}

public sealed class SeatForm
{
    public string? MemberId { get; set; }
    public string? Name { get; set; }
    public string? Post { get; set; }
    public string? From { get; set; }
}

public sealed class SeatEndForm
{
    public string? SeatId { get; set; }
    public string? To { get; set; }
}

public sealed class SettingsForm
{
    public string? Quorum { get; set; }
}
