using Dangjian.Core.Features.Findings;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Findings;

/// <summary>A finding as the API takes it; today every finding comes from a 组织生活会/民主生活会 (<see cref="MeetingId"/>).</summary>
public sealed record FindingRequest(
    long? MeetingId, string? Description, long? OwnerMemberId, string? OwnerName, DateOnly? Deadline, FindingStatus? Status, DateOnly? ResolvedOn, string? Note)
{
    public FindingInput Input => new() { Description = Description, OwnerMemberId = OwnerMemberId, OwnerName = OwnerName, Deadline = Deadline };
}

public static class FindingEndpoints
{
    public static RouteGroupBuilder MapFindingEndpoints(this RouteGroupBuilder api)
    {
        var findings = api.MapGroup("/findings").WithTags("问题清单");

        findings.MapGet("/", async (long? under, FindingStatus? status, bool? overdue, long? meetingId, int? page, int? pageSize,
                ListFindingsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListFindingsQuery
                {
                    Under = under, Status = status, OverdueOnly = overdue ?? false, Source = meetingId is null ? null : FindingSource.LifeMeeting, SourceId = meetingId,
                    Page = page, PageSize = pageSize,
                }, await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("问题清单（status=Open/InProgress/Resolved；overdue=true 仅超过整改时限未整改完成的；meetingId=某次组织生活会）");

        findings.MapPost("/", async (FindingRequest request, AddFindingHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new AddFindingCommand(FindingSource.LifeMeeting, request.MeetingId ?? 0, request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/findings?meetingId={request.MeetingId}", new { id })))
            .WithSummary("登记组织生活会/民主生活会查摆的问题（会议须为组织生活会或民主生活会）");

        findings.MapPut("/{id:long}", async (long id, FindingRequest request, UpdateFindingHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateFindingCommand(id, request.Input, request.Status, request.ResolvedOn, request.Note), await access.ScopeAsync(ct), ct))
                .ToHttp(_ => Results.NoContent()))
            .WithSummary("修改问题及整改状态（已整改须填写整改完成日期；不传 status 则保持原状态）");

        return api;
    }
}
