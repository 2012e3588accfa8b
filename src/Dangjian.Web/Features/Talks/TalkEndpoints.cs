using Dangjian.Core.Features.Talks;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Talks;

public sealed record TalkRequest(long? OrganizationId, DateOnly? HeldOn, long? InitiatorMemberId, long? PartnerMemberId, string? Topic, string? Note)
{
    public TalkInput Input => new() { HeldOn = HeldOn, InitiatorMemberId = InitiatorMemberId, PartnerMemberId = PartnerMemberId, Topic = Topic, Note = Note };
}

public static class TalkEndpoints
{
    public static RouteGroupBuilder MapTalkEndpoints(this RouteGroupBuilder api)
    {
        var talks = api.MapGroup("/talks").WithTags("谈心谈话");

        talks.MapGet("/", async (long? under, DateOnly? from, DateOnly? to, long? memberId, int? page, int? pageSize, ListTalksHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListTalksQuery { Under = under, From = from, To = to, MemberId = memberId, Page = page, PageSize = pageSize }, await access.ScopeAsync(ct), ct))
                .ToHttp(Results.Ok))
            .WithSummary("谈心谈话列表（under=组织编号；from/to=谈话日期；memberId=谈话人或谈话对象）");

        talks.MapGet("/{id:long}", async (long id, GetTalkHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetTalkQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一条谈心谈话记录");

        talks.MapPost("/", async (TalkRequest request, CreateTalkHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateTalkCommand(request.OrganizationId ?? 0, request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/talks/{id}", new { id })))
            .WithSummary("登记谈心谈话（谈话双方须为该组织当日名册中的党员或班子成员，且不是同一人）");

        talks.MapPut("/{id:long}", async (long id, TalkRequest request, UpdateTalkHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateTalkCommand(id, request.Input), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改谈心谈话记录");

        talks.MapDelete("/{id:long}", async (long id, DeleteTalkHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteTalkCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除谈心谈话记录");

        return api;
    }
}
