using Dangjian.Core.Common;
using Dangjian.Core.Features.Development;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Development.Plans;

public sealed record DevelopmentPlanRequest(int? Minimum, int? Maximum, string? Note);

public sealed record DevelopmentSettingsRequest(int? ActivistAfterMonths, int? NoticeWorkingDays);

public static class DevelopmentPlanEndpoints
{
    public static RouteGroupBuilder MapDevelopmentPlanEndpoints(this RouteGroupBuilder api)
    {
        var development = api.MapGroup("/development").WithTags("发展党员");

        development.MapGet("/plans", async (long? under, int? year, int? page, int? pageSize, GetDevelopmentPlansHandler handler, RequestAccess access, TimeProvider clock, CancellationToken ct) =>
            {
                var scope = await access.ScopeAsync(ct);
                if ((under ?? scope.Roots.FirstOrDefault()?.OrganizationId) is not long id)
                    return ProblemResponses.ToProblem([Error.Validation("development.under_required", "请选择组织（under=组织编号）", "under")]);
                return (await handler.HandleAsync(new GetDevelopmentPlansQuery(id, year ?? clock.Today().Year, page, pageSize), scope, ct)).ToHttp(Results.Ok);
            })
            .WithSummary("年度发展计划（under=组织编号，year=年度，默认今年）：本组织及下级每个组织的计划数（或区间）、当年经审批接收的预备党员人数（与指标 development.admitted 同口径，含下级）和完成情况");

        development.MapPut("/plans/{orgId:long}/{year:int}", async (long orgId, int year, DevelopmentPlanRequest request, SetDevelopmentPlanHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                if (request.Minimum is not int minimum) return ProblemResponses.ToProblem([Error.Validation("development.plan_required", "请填写计划数", "Minimum")]);
                return (await handler.HandleAsync(new SetDevelopmentPlanCommand(orgId, year, minimum, request.Maximum, request.Note), await access.ScopeAsync(ct), ct))
                    .ToHttp(id => Results.Ok(new { id }));
            })
            .WithSummary("设置某组织某年度的发展计划：minimum 为计划数，maximum 为区间上限（可空，如 3–5）；记入审计日志");

        development.MapGet("/settings/{orgId:long}", async (long orgId, GetDevelopmentSettingsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetDevelopmentSettingsQuery(orgId), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("对某组织适用的发展党员规则（确定积极分子的提示月数、公示工作日）及其来源（本级、上级或默认）");

        development.MapPut("/settings/{orgId:long}", async (long orgId, DevelopmentSettingsRequest request, SetDevelopmentSettingsHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                if (request.ActivistAfterMonths is not int months || request.NoticeWorkingDays is not int days)
                    return ProblemResponses.ToProblem([DevelopmentErrors.SettingsRange]);
                return (await handler.HandleAsync(new SetDevelopmentSettingsCommand(orgId, months, days), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent());
            })
            .WithSummary("设置本组织及下级的发展党员规则（须为该组织的管理员）；记入审计日志");

        return api;
    }
}
