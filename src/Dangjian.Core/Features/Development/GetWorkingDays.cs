using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development;

/// <summary>
/// The working-day calculator of the holiday page: the last day of a period that starts on <see cref="From"/> and holds
/// <see cref="WorkingDays"/> working days, counted as the 公示 rule counts them, so an administrator can check a year's notice
/// (a 公示 across 国庆) before relying on it. The calendar is national, so any signed-in user may read it.
/// </summary>
public sealed record GetWorkingDaysQuery(DateOnly From, int WorkingDays);

/// <summary>The end date, and the days inside the period that are not ordinary weekdays (rest days and 调休上班日), to explain it.</summary>
public sealed record WorkingDaysResult(DateOnly From, int WorkingDays, DateOnly EndOn, int CalendarDays, IReadOnlyList<WorkingDaysException> Exceptions);

public sealed record WorkingDaysException(DateOnly Date, bool IsWorkday, string? Name);

public sealed class GetWorkingDaysHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public const int MaxWorkingDays = 250;

    public async Task<Result<WorkingDaysResult>> HandleAsync(GetWorkingDaysQuery query, CancellationToken ct)
    {
        if (query.WorkingDays is < 1 or > MaxWorkingDays)
            return Error.Validation("development.working_days", $"工作日天数应在 1 至 {MaxWorkingDays} 之间", "Days");
        if (query.From.Year is < 2000 or > 2100) return Error.Validation("development.working_from", "起始日期应在 2000 至 2100 年之间", "From");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A working day needs at most a week and the longest holiday; twice the days plus a month bounds the search.
        var until = query.From.AddDays(query.WorkingDays * 2 + 31);
        var days = await db.Set<HolidayDay>().AsNoTracking().Where(d => d.Date >= query.From && d.Date <= until)
            .OrderBy(d => d.Date).Select(d => new { d.Date, d.IsWorkday, d.Name }).ToListAsync(ct);
        var calendar = new WorkingDayCalendar(days.Select(d => (d.Date, d.IsWorkday)));
        var end = calendar.EndOfWorkingDays(query.From, query.WorkingDays);
        var exceptions = days.Where(d => d.Date <= end).Select(d => new WorkingDaysException(d.Date, d.IsWorkday, d.Name)).ToList();
        return new WorkingDaysResult(query.From, query.WorkingDays, end, end.DayNumber - query.From.DayNumber + 1, exceptions);
    }
}

/// <summary>The years whose holiday notice is registered (the year chooser of the holiday page).</summary>
public sealed record GetHolidayYearsQuery;

public sealed class GetHolidayYearsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<IReadOnlyList<HolidayYearSummary>> HandleAsync(GetHolidayYearsQuery query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<HolidayDay>().AsNoTracking().GroupBy(d => d.NoticeYear)
            .Select(g => new { Year = g.Key, Rest = g.Count(d => !d.IsWorkday), Work = g.Count(d => d.IsWorkday) }).ToListAsync(ct);
        return rows.OrderBy(r => r.Year).Select(r => new HolidayYearSummary(r.Year, r.Rest, r.Work)).ToList();
    }
}

public sealed record HolidayYearSummary(int Year, int RestDays, int Workdays);
