using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog;

/// <summary>
/// The checks every 工作台账 record shares (issue 7: "bad input is refused with Chinese messages and changes nothing"):
/// amounts and counts never negative, no date in the future, at most 24 hours per person per day, decimals within what an
/// indicator allows, and people and organizations inside the caller's scope. Collects every error of a form at once.
/// </summary>
public sealed class WorkLogValidation
{
    /// <summary>A person cannot serve more than a day's hours in a day.</summary>
    public const decimal MaxHoursPerPersonPerDay = 24m;

    private readonly List<Error> _errors = [];

    public IReadOnlyList<Error> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public Result<T> Fail<T>() => Result<T>.Failure(_errors.ToList());

    public void Add(Error error) => _errors.Add(error);

    public string? Text(string? value, string field, string label, int maxLength, bool required = true)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) _errors.Add(Error.Validation("worklog.required", $"请填写{label}", field));
            return null;
        }

        if (text.Length > maxLength) _errors.Add(Error.Validation("worklog.tooLong", $"{label}不能超过{maxLength}个字", field));
        return text;
    }

    public void NotNegative(decimal? value, string field, string label)
    {
        if (value < 0) _errors.Add(Error.Validation("worklog.negative", $"{label}不能为负数", field));
    }

    public void NotNegative(int? value, string field, string label) => NotNegative((decimal?)value, field, label);

    /// <summary>Work is recorded after it happens: today is allowed, tomorrow is not (China time).</summary>
    public void NotInFuture(DateOnly? date, DateOnly today, string field, string label = "日期")
    {
        if (date > today) _errors.Add(Error.Validation("worklog.future", $"{label}（{date:yyyy-MM-dd}）不能晚于今天（{today:yyyy-MM-dd}）", field));
    }

    public void Period(DateOnly from, DateOnly? to, string field, string label = "结束日期")
    {
        if (to < from) _errors.Add(Error.Validation("worklog.period", $"{label}（{to:yyyy-MM-dd}）不能早于开始日期（{from:yyyy-MM-dd}）", field));
    }

    /// <summary>Hours one person served on one day: 24 is allowed, 24.01 is not.</summary>
    public void HoursPerDay(decimal hours, string field, string who)
    {
        NotNegative(hours, field, $"{who}的服务时长");
        if (hours > MaxHoursPerPersonPerDay)
            _errors.Add(Error.Validation("worklog.hours", $"{who}一天的服务时长为{hours}小时，不能超过{MaxHoursPerPersonPerDay:0}小时", field));
    }

    /// <summary>A value may carry at most <paramref name="decimals"/> decimal places (12.5 with 1 allowed; 12.55 refused).</summary>
    public void Decimals(decimal value, int decimals, string field, string label)
    {
        if (DecimalPlaces(value) > decimals)
            _errors.Add(Error.Validation("worklog.decimals", decimals == 0 ? $"{label}应为整数" : $"{label}最多保留{decimals}位小数", field));
    }

    public static int DecimalPlaces(decimal value)
    {
        value = Math.Abs(value);
        var places = 0;
        while (value != decimal.Truncate(value))
        {
            value *= 10;
            places++;
        }

        return places;
    }

    /// <summary>The organization the record belongs to, writable by the caller; its path, or an error recorded.</summary>
    public async Task<string?> OrganizationAsync(DangjianDbContext db, AccessScope scope, long organizationId, CancellationToken ct, string field = "organizationId")
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).SingleOrDefaultAsync(ct);
        if (path is null)
        {
            _errors.Add(Error.NotFound("not_found", "组织不存在或不在您的管理范围内"));
            return null;
        }

        var allowed = scope.Check(path, Permission.Write);
        if (!allowed.IsSuccess)
        {
            _errors.Add(allowed.FirstError);
            return null;
        }

        return path;
    }

    /// <summary>
    /// Members named on a record must be ones the caller may record work for (their current organization inside the caller's
    /// Write scope). Members outside it are reported by id only: their names are not the caller's to see.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, string>> MembersAsync(
        DangjianDbContext db, AccessScope scope, IReadOnlyCollection<long> memberIds, CancellationToken ct, string field = "members")
    {
        var ids = memberIds.Distinct().ToList();
        if (ids.Count != memberIds.Count) _errors.Add(Error.Validation("worklog.duplicateMember", "同一名党员不能重复登记", field));
        if (ids.Count == 0) return new Dictionary<long, string>();
        var rows = await (from m in db.Set<Member>().AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
                          where ids.Contains(m.Id)
                          select new { m.Id, m.Name, o.Path }).ToListAsync(ct);
        var allowed = rows.Where(r => scope.Allows(r.Path, Permission.Write)).ToDictionary(r => r.Id, r => r.Name);
        var outside = ids.Where(id => !allowed.ContainsKey(id)).ToList();
        if (outside.Count > 0)
            _errors.Add(Error.Validation("worklog.memberScope", $"党员（编号 {string.Join("、", outside)}）不存在或不在您的管理范围内", field));
        return allowed;
    }
}
