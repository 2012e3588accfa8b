using Dangjian.Core.Common;
using Dangjian.Core.Features.Development;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Development.Holidays;

public sealed record HolidayYearRequest(IReadOnlyList<HolidayDayInput>? Days);

public static class HolidayEndpoints
{
    public static RouteGroupBuilder MapHolidayEndpoints(this RouteGroupBuilder api)
    {
        var development = api.MapGroup("/development").WithTags("发展党员");

        // The calendar is national and not anyone's data: every signed-in user may read it; only 系统管理员 change it.
        development.MapGet("/holidays/{year:int}", async (int year, GetHolidayYearHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new GetHolidayYearQuery(year), ct)).ToHttp(days => Results.Ok(new { year, days })))
            .WithSummary("某年度国务院办公厅节假日安排：休息日和调休上班日（isWorkday=true）");

        development.MapPut("/holidays/{year:int}", async (int year, HolidayYearRequest request, SetHolidayYearHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new SetHolidayYearCommand(year, request.Days ?? []), await access.ScopeAsync(ct), ct)).ToHttp(count => Results.Ok(new { year, count })))
            .WithSummary("登记或更正某年度的节假日安排（整年替换，仅系统管理员）；记入审计日志");

        development.MapGet("/working-days", async (DateOnly? from, int? days, GetWorkingDaysHandler handler, CancellationToken ct) =>
            {
                if (from is not DateOnly start) return ProblemResponses.ToProblem([Error.Validation("development.working_from", "请填写起始日期（from=yyyy-MM-dd）", "From")]);
                return (await handler.HandleAsync(new GetWorkingDaysQuery(start, days ?? 5), ct)).ToHttp(Results.Ok);
            })
            .WithSummary("工作日计算：从 from 起（含当日）数满 days 个工作日（默认 5，按节假日安排）的最后一天，及期间的休息日和调休上班日");

        return api;
    }
}
