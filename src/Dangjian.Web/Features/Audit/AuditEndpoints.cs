using Dangjian.Core.Features.Audit;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Audit;

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (long? organizationId, bool? includeSubtree, string? entityType, string? entityKey, string? user,
                DateOnly? from, DateOnly? to, int? page, int? pageSize, GetAuditLogHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(
                new GetAuditLogQuery
                {
                    OrganizationId = organizationId, IncludeSubtree = includeSubtree ?? true, EntityType = entityType, EntityKey = entityKey,
                    UserName = user, From = from, To = to, Page = page, PageSize = pageSize,
                },
                await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithTags("审计").WithSummary("审计日志");
        return api;
    }
}
