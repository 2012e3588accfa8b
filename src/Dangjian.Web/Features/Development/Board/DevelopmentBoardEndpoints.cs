using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Development;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Development.Board;

public static class DevelopmentBoardEndpoints
{
    public static RouteGroupBuilder MapDevelopmentBoardEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/development/board", async (long? under, string? stage, int? page, int? pageSize,
                GetDevelopmentBoardHandler handler, RequestAccess access, TimeProvider clock, CancellationToken ct) =>
            {
                var scope = await access.ScopeAsync(ct);
                var result = await BoardAsync(handler, scope, clock, under, stage, page, pageSize, ct);
                return result.ToHttp(Results.Ok);
            })
            .WithTags("发展党员")
            .WithSummary("发展党员看板（under=组织编号，默认本人管理的第一个组织；stage=applicant|activist|target|probationary 只列该阶段的人员）：各阶段人数、逾期清单、每人的下一步骤及其最早/截止日期");
        return api;
    }

    /// <summary>The board of <paramref name="under"/> (the caller's first subtree when empty), shared by the page and the API.</summary>
    public static async Task<Result<DevelopmentBoardResponse>> BoardAsync(
        GetDevelopmentBoardHandler handler, AccessScope scope, TimeProvider clock, long? under, string? stage, int? page, int? pageSize, CancellationToken ct)
    {
        if (!BoardStages.TryParse(stage, out var parsedStage))
            return Error.Validation("development.stage", "阶段应为 applicant（入党申请人）、activist（入党积极分子）、target（发展对象）或 probationary（预备党员）", "stage");
        var organizationId = under ?? scope.Roots.FirstOrDefault()?.OrganizationId;
        if (organizationId is not long id) return Error.Validation("development.under_required", "请选择组织（under=组织编号）", "under");
        var board = await handler.HandleAsync(new GetDevelopmentBoardQuery(id), scope, ct);
        if (!board.IsSuccess) return Result<DevelopmentBoardResponse>.Failure(board.Errors);
        return DevelopmentBoardResponse.From(id, clock.Today(), board.Value, parsedStage, page, pageSize);
    }
}
