using Dangjian.Core.Features.Meetings;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Meetings;

public sealed record CreateMeetingRequest(long? OrganizationId, MeetingInput? Meeting);

public sealed record AddMeetingKindRequest(string? Name, int? SortOrder);

public sealed record UpdateMeetingKindRequest(string? Name, int? SortOrder, bool? IsArchived);

public static class MeetingEndpoints
{
    public static RouteGroupBuilder MapMeetingEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/meetings").WithTags("组织生活");

        group.MapGet("/", async (long? org, string? kind, DateOnly? from, DateOnly? to, string? search, int? page, int? pageSize,
                ListMeetingsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListMeetingsQuery { UnderId = org, KindCode = kind, From = from, To = to, Search = search, Page = page, PageSize = pageSize },
                await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("会议活动列表（org=组织范围的根，kind=会议类型编码，from/to=日期范围含两端，search=主题关键字）");

        group.MapGet("/roster", async (long org, DateOnly date, string[]? kind, GetMeetingRosterHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetMeetingRosterQuery(org, date, SplitKinds(kind)), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("某组织在某日召开某类会议的应到人员（按当日名单；支委会等为当日在任的委员），登记出席情况时每人须登记一次");

        group.MapGet("/{id:long}", async (long id, GetMeetingHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetMeetingQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("会议详情：出席统计（应到/实到/请假/缺席/出席率）、会议有效人数、各议题表决结果的判定");

        group.MapPost("/", async (CreateMeetingRequest request, CreateMeetingHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateMeetingCommand(request.OrganizationId, request.Meeting ?? new MeetingInput()), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/meetings/{id}", new { id })))
            .WithSummary("登记会议；违反到会人数或表决规则的决定返回 409 并说明原因");

        group.MapPut("/{id:long}", async (long id, MeetingInput request, UpdateMeetingHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateMeetingCommand(id, request), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改会议记录（所属组织不变；出席情况、议题、重点发言整体替换）");

        group.MapDelete("/{id:long}", async (long id, DeleteMeetingHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteMeetingCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除会议记录及其出席情况、议题、重点发言（有附件或问题清单时拒绝）");

        var kinds = api.MapGroup("/meeting-kinds").WithTags("组织生活");

        kinds.MapGet("/", async (bool? includeArchived, ListMeetingKindsHandler handler, RequestAccess access, CancellationToken ct) =>
            Results.Ok((await handler.HandleAsync(new ListMeetingKindsQuery(includeArchived ?? false), await access.ScopeAsync(ct), ct)).Kinds))
            .WithSummary("会议类型（内置类型及管理员新增的类型）");

        kinds.MapPost("/", async (AddMeetingKindRequest request, AddMeetingKindHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new AddMeetingKindCommand(request.Name, request.SortOrder), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/meeting-kinds/{id}", new { id })))
            .WithSummary("新增会议类型（系统管理员或最上级党组织的管理员）");

        kinds.MapPut("/{id:long}", async (long id, UpdateMeetingKindRequest request, UpdateMeetingKindHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateMeetingKindCommand(id, request.Name, request.SortOrder, request.IsArchived), await access.ScopeAsync(ct), ct))
                .ToHttp(_ => Results.NoContent()))
            .WithSummary("改名、调整排序、停用或恢复新增的会议类型（内置类型不能修改）");

        return api;
    }

    /// <summary>Kinds as repeated parameters (kind=A&amp;kind=B) or comma-separated (kind=A,B).</summary>
    public static IReadOnlyList<string> SplitKinds(IEnumerable<string?>? kinds) =>
        (kinds ?? []).SelectMany(k => (k ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
}
