using Dangjian.Core.Features.Members;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Members;

public sealed record CreateMemberRequest(long OrganizationId, long? GroupId, DateOnly? PlacedFrom, MemberInput? Member);

public static class MemberEndpoints
{
    public static RouteGroupBuilder MapMemberEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/members").WithTags("党员");

        group.MapGet("/", async (long? under, MemberCategory? category, MembershipStatus? status, Gender? gender, AgeBand? ageBand, Education? education,
                Occupation? occupation, string? ethnicity, string? search, bool? includeLeft, int? page, int? pageSize,
                ListMembersHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListMembersQuery
            {
                UnderId = under, Category = category, Status = status, Gender = gender, AgeBand = ageBand, Education = education,
                Occupation = occupation, Ethnicity = ethnicity, Search = search, IncludeLeft = includeLeft ?? false, Page = page, PageSize = pageSize,
            }, await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("党员名册（分页、筛选；身份证号和电话按权限脱敏）");

        group.MapGet("/{id:long}", async (long id, GetMemberDetailsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetMemberDetailsQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("党员详情（未脱敏的查看记入审计）");

        group.MapGet("/{id:long}/timeline", async (long id, int? page, int? pageSize, GetMemberTimelineHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetMemberTimelineQuery(id, page, pageSize), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("党员档案变更记录");

        group.MapPost("/", async (CreateMemberRequest request, CreateMemberHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateMemberCommand(request.OrganizationId, request.GroupId, request.Member ?? new MemberInput(), request.PlacedFrom), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/members/{id}", new { id })))
            .WithSummary("登记党员");

        group.MapPut("/{id:long}", async (long id, MemberInput request, UpdateMemberHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateMemberCommand(id, request), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改党员信息");

        group.MapPost("/{id:long}/records", async (long id, MemberRecordInput request, AddMemberRecordHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new AddMemberRecordCommand(id, request), await access.ScopeAsync(ct), ct))
                .ToHttp(recordId => Results.Created($"/api/v1/members/{id}/records/{recordId}", new { id = recordId })))
            .WithSummary("新增奖惩、职务、出国出境、困难情况或家庭成员记录");

        group.MapDelete("/{id:long}/records/{recordId:long}", async (long id, long recordId, RemoveMemberRecordHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new RemoveMemberRecordCommand(id, recordId), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除一条党员记录");

        api.MapGet("/me/member", async (int? page, int? pageSize, GetMyMemberRecordHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetMyMemberRecordQuery(page, pageSize), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithTags("党员").WithSummary("我的档案（本人数据不脱敏）");
        return api;
    }
}
