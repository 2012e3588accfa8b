namespace Dangjian.Core.Features.Development;

/// <summary>
/// One day of a 国务院办公厅 holiday notice (holidays.md): a 休息日 inside a holiday, or a weekend day that is a 调休上班日.
/// Days not listed follow the week: Monday–Friday work, Saturday and Sunday rest. <see cref="NoticeYear"/> groups the days by
/// the notice that set them (a 元旦 range can start in the previous December), so a year can be replaced as a whole.
/// </summary>
public sealed class HolidayDay
{
    private HolidayDay()
    {
    }

    public long Id { get; private set; }
    public DateOnly Date { get; private set; }
    public int NoticeYear { get; private set; }

    /// <summary>True for a 调休上班日, false for a 休息日.</summary>
    public bool IsWorkday { get; private set; }

    public string? Name { get; private set; }

    internal static HolidayDay Create(DateOnly date, int noticeYear, bool isWorkday, string? name) =>
        new() { Date = date, NoticeYear = noticeYear, IsWorkday = isWorkday, Name = name };
}

/// <summary>Working days on the national calendar: the week, corrected by the notices' 休息日 and 调休上班日.</summary>
public sealed class WorkingDayCalendar(IEnumerable<(DateOnly Date, bool IsWorkday)> exceptions)
{
    private readonly Dictionary<DateOnly, bool> _exceptions = exceptions.ToDictionary(e => e.Date, e => e.IsWorkday);

    public static readonly WorkingDayCalendar WeekOnly = new([]);

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var workday) ? workday : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d)) count++;
        }

        return count;
    }

    /// <summary>The last day of a period that starts on <paramref name="from"/> and holds <paramref name="workingDays"/> working days.</summary>
    public DateOnly EndOfWorkingDays(DateOnly from, int workingDays)
    {
        var d = from;
        var counted = 0;
        while (true)
        {
            if (IsWorkingDay(d) && ++counted >= workingDays) return d;
            d = d.AddDays(1);
        }
    }
}
