using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Development;

namespace Dangjian.Web.Features.Development.Holidays;

/// <summary>One row of the holiday table: a day of the notice, 休 (rest) or 班 (调休上班), with its holiday's name.</summary>
public sealed class HolidayRowForm
{
    public const string Rest = "rest";
    public const string Work = "work";

    public string? Date { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(Name);
}

/// <summary>
/// The posted year: the table's rows (corrected or marked for removal) plus lines pasted from the notice, one day a line
/// ("2025-10-01 休 国庆节"). The whole year is saved at once, as <see cref="SetHolidayYearHandler"/> replaces a notice.
/// </summary>
public sealed class HolidayYearForm
{
    public List<HolidayRowForm> Days { get; set; } = [];
    public string? Bulk { get; set; }

    public Result<IReadOnlyList<HolidayDayInput>> ToDays()
    {
        var errors = new List<Error>();
        var days = new List<HolidayDayInput>();
        for (var i = 0; i < Days.Count; i++)
        {
            var row = Days[i];
            if (row.Remove || row.IsBlank) continue;
            var where = $"第 {i + 1} 行";
            if (!TryDate(row.Date, out var date))
            {
                errors.Add(Error.Validation("holiday.date", $"{where}：日期应为 yyyy-MM-dd 格式", "Days"));
                continue;
            }

            if (row.Kind is not (HolidayRowForm.Rest or HolidayRowForm.Work))
            {
                errors.Add(Error.Validation("holiday.kind", $"{where}：请选择“休”或“班”", "Days"));
                continue;
            }

            days.Add(new HolidayDayInput(date, row.Kind == HolidayRowForm.Work, Blank(row.Name)));
        }

        var lines = (Bulk ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split([' ', '\t', '　', ',', '，'], 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0) continue;
            var where = $"批量添加第 {i + 1} 行";
            if (!TryDate(parts[0], out var date))
            {
                errors.Add(Error.Validation("holiday.bulk_date", $"{where}：日期应为 yyyy-MM-dd 格式", "Bulk"));
                continue;
            }

            if (parts.Length < 2 || parts[1] is not ("休" or "班"))
            {
                errors.Add(Error.Validation("holiday.bulk_kind", $"{where}：日期后应写“休”或“班”", "Bulk"));
                continue;
            }

            days.Add(new HolidayDayInput(date, parts[1] == "班", parts.Length > 2 ? Blank(parts[2]) : null));
        }

        return errors.Count > 0 ? Result<IReadOnlyList<HolidayDayInput>>.Failure(errors) : days;
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static HolidayRowForm Row(HolidayDayInput day) => new()
    {
        Date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Kind = day.IsWorkday ? HolidayRowForm.Work : HolidayRowForm.Rest, Name = day.Name,
    };
}
