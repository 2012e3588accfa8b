using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development;

/// <summary>Sets an organization's yearly 发展党员 plan: a number (Maximum null) or a range such as 3–5.</summary>
public sealed record SetDevelopmentPlanCommand(long OrganizationId, int Year, int Minimum, int? Maximum, string? Note = null);

public sealed class SetDevelopmentPlanHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<long>> HandleAsync(SetDevelopmentPlanCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var allowed = await OrganizationCheck.CheckAsync(db, command.OrganizationId, scope, Permission.Write, ct);
        if (allowed is not null) return allowed;
        if (command.Year is < 2000 or > 2100) return DevelopmentErrors.PlanYear;
        var maximum = command.Maximum ?? command.Minimum;
        if (command.Minimum < 0 || maximum < command.Minimum) return DevelopmentErrors.PlanRange;
        var note = CandidateRules.Blank(command.Note);
        if (note?.Length > 500) return DevelopmentErrors.TextTooLong("备注", 500);

        var plan = await db.Set<DevelopmentPlan>().SingleOrDefaultAsync(p => p.OrganizationId == command.OrganizationId && p.Year == command.Year, ct);
        if (plan is null) db.Add(plan = DevelopmentPlan.Create(command.OrganizationId, command.Year, command.Minimum, maximum, note));
        else plan.Change(command.Minimum, maximum, note);
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }
}

/// <summary>Changes the [default] development rules for an organization and everything under it (audited like every change).</summary>
public sealed record SetDevelopmentSettingsCommand(long OrganizationId, int ActivistAfterMonths, int NoticeWorkingDays);

public sealed class SetDevelopmentSettingsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(SetDevelopmentSettingsCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var allowed = await OrganizationCheck.CheckAsync(db, command.OrganizationId, scope, Permission.Administer, ct);
        if (allowed is not null) return allowed;
        if (command.ActivistAfterMonths is < 0 or > 24 || command.NoticeWorkingDays is < 1 or > 30) return DevelopmentErrors.SettingsRange;
        var settings = await db.Set<DevelopmentSettings>().SingleOrDefaultAsync(s => s.OrganizationId == command.OrganizationId, ct);
        if (settings is null) db.Add(DevelopmentSettings.For(command.OrganizationId, command.ActivistAfterMonths, command.NoticeWorkingDays));
        else settings.Change(command.ActivistAfterMonths, command.NoticeWorkingDays);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>A day of a holiday notice as an administrator enters it.</summary>
public sealed record HolidayDayInput(DateOnly Date, bool IsWorkday, string? Name);

/// <summary>
/// Adds a year's holiday notice, or replaces it when the notice is corrected (2019 劳动节, 2020 春节): the year's 休息日 and
/// 调休上班日 as a whole. Only 系统管理员: the calendar is national, not any organization's.
/// </summary>
public sealed record SetHolidayYearCommand(int Year, IReadOnlyList<HolidayDayInput> Days);

public sealed class SetHolidayYearHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<int>> HandleAsync(SetHolidayYearCommand command, AccessScope scope, CancellationToken ct)
    {
        if (!scope.IsSystemAdmin) return DevelopmentErrors.NotAdministrator;
        if (command.Year is < 2000 or > 2100) return DevelopmentErrors.HolidayYear;
        var errors = new List<Error>();
        foreach (var day in command.Days)
        {
            var inYear = day.Date.Year == command.Year || (day.Date.Year == command.Year - 1 && day.Date.Month == 12);
            if (!inYear) errors.Add(DevelopmentErrors.HolidayOutsideYear(day.Date));
            if (day.IsWorkday && day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) errors.Add(DevelopmentErrors.HolidayWorkdayNotWeekend(day.Date));
            if (CandidateRules.Blank(day.Name)?.Length > 50) errors.Add(DevelopmentErrors.TextTooLong($"{day.Date:yyyy-MM-dd} 的名称", 50));
        }

        foreach (var twice in command.Days.GroupBy(d => d.Date).Where(g => g.Count() > 1)) errors.Add(DevelopmentErrors.HolidayTwice(twice.Key));
        if (errors.Count > 0) return Result<int>.Failure(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var dates = command.Days.Select(d => d.Date).ToList();
        var replaced = await db.Set<HolidayDay>().Where(d => d.NoticeYear == command.Year || dates.Contains(d.Date)).ToListAsync(ct);
        db.RemoveRange(replaced);
        await db.SaveChangesAsync(ct);
        db.AddRange(command.Days.Select(d => HolidayDay.Create(d.Date, command.Year, d.IsWorkday, CandidateRules.Blank(d.Name))));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return command.Days.Count;
    }
}

/// <summary>The days of one year's notice, for the administrator's page.</summary>
public sealed record GetHolidayYearQuery(int Year);

public sealed class GetHolidayYearHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<IReadOnlyList<HolidayDayInput>>> HandleAsync(GetHolidayYearQuery query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var days = await db.Set<HolidayDay>().AsNoTracking().Where(d => d.NoticeYear == query.Year).OrderBy(d => d.Date)
            .Select(d => new HolidayDayInput(d.Date, d.IsWorkday, d.Name)).ToListAsync(ct);
        return days;
    }
}

internal static class OrganizationCheck
{
    public static async Task<Error?> CheckAsync(DangjianDbContext db, long organizationId, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).SingleOrDefaultAsync(ct);
        if (path is null || !scope.Allows(path, Permission.Read)) return Error.NotFound("development.org_not_found", $"组织（编号 {organizationId}）不存在或不在您的管理范围内");
        var allowed = scope.Check(path, permission);
        return allowed.IsSuccess ? null : allowed.FirstError;
    }
}
