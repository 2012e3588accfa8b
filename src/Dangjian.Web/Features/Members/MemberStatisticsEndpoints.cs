using Dangjian.Core.Features.Members;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Members;

public static class MemberStatisticsEndpoints
{
    public static RouteGroupBuilder MapMemberStatisticsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/members/statistics", async (long? organizationId, DateOnly? date, GetMemberStatisticsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetMemberStatisticsQuery(organizationId, date), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithTags("党员").WithSummary("党员统计：按党内统计口径分类（指定组织及下级，指定日期，按组织关系历史计算）");
        return api;
    }
}
