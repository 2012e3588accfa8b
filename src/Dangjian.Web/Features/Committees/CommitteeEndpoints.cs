using Dangjian.Core.Features.Committees;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Committees;

public sealed record StartTermRequest(int? Number, DateOnly? StartedOn, string? ApprovalNote);

public sealed record CandidateRequest(long? MemberId, string? Name, int? Votes);

public sealed record RecordElectionRequest(
    long? TermId, DateOnly? HeldOn, int? Seats, int? ShouldAttend, int? Present, int? BallotsIssued, int? BallotsReturned, int? VoidBallots,
    IReadOnlyList<CandidateRequest>? Candidates);

public sealed record AddCommitteeMemberRequest(long? MemberId, string? Name, CommitteePost? Post, DateOnly? From);

public sealed record EndCommitteeMemberRequest(DateOnly? To);

public sealed record ElectionSettingsRequest(bool StrictQuorum);

public static class CommitteeEndpoints
{
    public static RouteGroupBuilder MapCommitteeEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations/{id:long}").WithTags("班子与换届");

        group.MapGet("/committee", async (long id, GetCommitteeHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetCommitteeQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("班子与换届：届次、现任班子成员、选举记录及各项规则的判定");

        group.MapGet("/terms", async (long id, GetCommitteeHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetCommitteeQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(d => Results.Ok(d.Terms)))
            .WithSummary("届次列表（最近的在前）");

        group.MapPost("/terms", async (long id, StartTermRequest request, StartTermHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new StartTermCommand(id, request.Number, request.StartedOn, request.ApprovalNote), await access.ScopeAsync(ct), ct))
                .ToHttp(termId => Results.Created($"/api/v1/organizations/{id}/terms", new { id = termId })))
            .WithSummary("开始新一届（上一届同时结束）");

        group.MapPost("/elections", async (long id, RecordElectionRequest request, RecordElectionHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(
                new RecordElectionCommand(id, request.TermId, request.HeldOn, request.Seats, request.ShouldAttend, request.Present, request.BallotsIssued,
                    request.BallotsReturned, request.VoidBallots, (request.Candidates ?? []).Select(c => new CandidateInput(c.MemberId, c.Name, c.Votes)).ToList()),
                await access.ScopeAsync(ct), ct))
                .ToHttp(r => Results.Created($"/api/v1/organizations/{id}/committee", r)))
            .WithSummary("登记换届选举结果（候选人差额、到会人数、选票、得票逐项判定）");

        group.MapPost("/committee-members", async (long id, AddCommitteeMemberRequest request, AddCommitteeMemberHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new AddCommitteeMemberCommand(id, request.MemberId, request.Name, request.Post, request.From), await access.ScopeAsync(ct), ct))
                .ToHttp(seatId => Results.Created($"/api/v1/organizations/{id}/committee", new { id = seatId })))
            .WithSummary("任命班子成员");

        group.MapPost("/committee-members/{seatId:long}/end", async (long id, long seatId, EndCommitteeMemberRequest request, EndCommitteeMemberHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new EndCommitteeMemberCommand(id, seatId, request.To), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("班子成员离任");

        group.MapPut("/election-settings", async (long id, ElectionSettingsRequest request, ChangeElectionSettingsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ChangeElectionSettingsCommand(id, request.StrictQuorum), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("选举有效人数的口径：strictQuorum=true 为“超过五分之四”，false 为“不少于五分之四”");

        api.MapGet("/committees/terms-due", async (long? under, int? withinDays, int? page, int? pageSize, ListTermsDueHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListTermsDueQuery(under, withinDays ?? CommitteeRules.ExpiryWarningDays, page, pageSize), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithTags("班子与换届").WithSummary("即将届满（默认 60 天内）和逾期未换届的届次");

        return api;
    }
}
