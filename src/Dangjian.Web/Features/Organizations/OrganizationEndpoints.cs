using Dangjian.Core.Features.Organizations;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Organizations;

public sealed record CreateOrganizationRequest(
    long? ParentId, string? Code, string? Name, string? ShortName, OrganizationKind? Kind, string? HostUnitName,
    UnitCategory? HostUnitCategory, DateOnly? FoundedOn, int? SortOrder)
{
    public OrganizationInput ToInput() => new()
    {
        Code = Code, Name = Name, ShortName = ShortName, Kind = Kind, HostUnitName = HostUnitName,
        HostUnitCategory = HostUnitCategory, FoundedOn = FoundedOn, SortOrder = SortOrder,
    };
}

public sealed record UpdateOrganizationRequest(
    string? Code, string? Name, string? ShortName, OrganizationKind? Kind, string? HostUnitName, UnitCategory? HostUnitCategory,
    DateOnly? FoundedOn, int? SortOrder)
{
    public OrganizationInput ToInput() => new()
    {
        Code = Code, Name = Name, ShortName = ShortName, Kind = Kind, HostUnitName = HostUnitName,
        HostUnitCategory = HostUnitCategory, FoundedOn = FoundedOn, SortOrder = SortOrder,
    };
}

public sealed record MoveOrganizationRequest(long NewParentId, string? Reason);

public sealed record DissolveOrganizationRequest(DateOnly? DissolvedOn, string? Reason);

public static class OrganizationEndpoints
{
    public static RouteGroupBuilder MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("组织");

        group.MapGet("/", async (long? under, string? search, OrganizationKind? kind, bool? includeDissolved, int? page, int? pageSize,
                ListOrganizationsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListOrganizationsQuery(under, search, kind, includeDissolved ?? false, page, pageSize), await access.ScopeAsync(ct), ct))
                .ToHttp(Results.Ok))
            .WithSummary("组织列表（分页，限于调用者的管理范围）");

        group.MapGet("/tree", async (long? rootId, string? search, bool? includeDissolved, GetOrganizationTreeHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetOrganizationTreeQuery(rootId, search, includeDissolved ?? false), await access.ScopeAsync(ct), ct))
                .ToHttp(Results.Ok))
            .WithSummary("组织树");

        group.MapGet("/{id:long}", async (long id, GetOrganizationDetailsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetOrganizationDetailsQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("组织详情");

        group.MapPost("/", async (CreateOrganizationRequest request, CreateOrganizationHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateOrganizationCommand(request.ParentId, request.ToInput()), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/organizations/{id}", new { id })))
            .WithSummary("新建组织");

        group.MapPut("/{id:long}", async (long id, UpdateOrganizationRequest request, UpdateOrganizationHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateOrganizationCommand(id, request.ToInput()), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改组织（更名等）");

        group.MapPost("/{id:long}/move", async (long id, MoveOrganizationRequest request, MoveOrganizationHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new MoveOrganizationCommand(id, request.NewParentId, request.Reason), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("移动组织（连同全部下级）");

        group.MapPost("/{id:long}/dissolve", async (long id, DissolveOrganizationRequest request, DissolveOrganizationHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DissolveOrganizationCommand(id, request.DissolvedOn, request.Reason), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("撤销组织");

        return api;
    }
}
