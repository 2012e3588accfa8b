using Dangjian.Core.Features.Access;
using Dangjian.Identity;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Access;

public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, long? OrganizationId, Role Role);

public sealed record GrantRoleRequest(string UserId, long? OrganizationId, Role Role);

public static class AccessEndpoints
{
    public static RouteGroupBuilder MapAccessEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("用户与权限");

        group.MapGet("/users", async (UserAdministration users, RequestAccess access, CancellationToken ct) =>
        {
            var scope = await access.ScopeAsync(ct);
            return scope.AllowsAnywhere(Permission.Administer)
                ? Results.Ok(await users.ListAsync(scope, ct))
                : ProblemResponses.ToProblem([Dangjian.Core.Common.Error.Forbidden("您没有管理用户的权限")]);
        }).WithSummary("我可管理的用户");

        group.MapPost("/users", async (CreateUserRequest request, UserAdministration users, RequestAccess access, CancellationToken ct) =>
            (await users.CreateUserAsync(new NewUser(request.UserName, request.DisplayName, request.Password), request.OrganizationId, request.Role, await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/users/{id}", new { id })))
            .WithSummary("新建用户并授予角色");

        group.MapGet("/grants", async (string? userId, ListGrantsHandler handler, RequestAccess access, CancellationToken ct) =>
            Results.Ok(await handler.HandleAsync(new ListGrantsQuery(userId), await access.ScopeAsync(ct), ct)))
            .WithSummary("授权列表（限于调用者管理的组织）");

        group.MapPost("/grants", async (GrantRoleRequest request, GrantRoleHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GrantRoleCommand(request.UserId, request.OrganizationId, request.Role), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/grants/{id}", new { id })))
            .WithSummary("授予角色");

        group.MapDelete("/grants/{id:long}", async (long id, RevokeRoleHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new RevokeRoleCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("撤销授权");

        return api;
    }
}
