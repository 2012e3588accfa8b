using Dangjian.Core.Features.Evaluations;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Evaluations;

public sealed record EvaluationEntryRequest(long MemberId, bool Participated, EvaluationGrade? Grade, string? Note, DateOnly? Deadline);

public sealed record EvaluationRequest(long? OrganizationId, int? Year, DateOnly? HeldOn, long? MeetingId, string? Note, bool? GradeProbationary, IReadOnlyList<EvaluationEntryRequest>? Entries)
{
    public EvaluationInput Input => new()
    {
        Year = Year, HeldOn = HeldOn, MeetingId = MeetingId, Note = Note, GradeProbationary = GradeProbationary ?? false,
        Entries = (Entries ?? []).Select(e => new EvaluationEntryInput(e.MemberId, e.Participated, e.Grade, e.Note, e.Deadline)).ToList(),
    };
}

public sealed record CloseDispositionRequest(DateOnly? ClosedOn, string? Outcome);

public static class EvaluationEndpoints
{
    public static RouteGroupBuilder MapEvaluationEndpoints(this RouteGroupBuilder api)
    {
        var evaluations = api.MapGroup("/evaluations").WithTags("民主评议");

        evaluations.MapGet("/", async (long? under, int? year, int? page, int? pageSize, ListEvaluationsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListEvaluationsQuery { Under = under, Year = year, Page = page, PageSize = pageSize }, await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("民主评议列表（under=组织编号：该组织及下级；year=评议年度）");

        evaluations.MapGet("/{id:long}", async (long id, GetEvaluationHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetEvaluationQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一次民主评议：名单、等次、汇总和优秀比例提示");

        evaluations.MapPost("/", async (EvaluationRequest request, CreateEvaluationHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateEvaluationCommand(request.OrganizationId ?? 0, request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(saved => Results.Created($"/api/v1/evaluations/{saved.Id}", saved)))
            .WithSummary("登记党支部年度民主评议（每个支部每年一次；评为不合格的自动开启组织处置，默认限期改正 6 个月）");

        evaluations.MapPut("/{id:long}", async (long id, EvaluationRequest request, UpdateEvaluationHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateEvaluationCommand(id, request.Input), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("修改民主评议（组织处置未结案的，不能改动其不合格等次）");

        var dispositions = api.MapGroup("/dispositions").WithTags("民主评议");

        dispositions.MapGet("/", async (long? under, DispositionStatus? status, bool? overdue, long? sessionId, long? memberId, int? page, int? pageSize,
                ListDispositionsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListDispositionsQuery { Under = under, Status = status, OverdueOnly = overdue ?? false, SessionId = sessionId, MemberId = memberId, Page = page, PageSize = pageSize },
                await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("组织处置列表（status=Open/Closed；overdue=true 仅限期已过未结案的）");

        dispositions.MapPost("/{id:long}/close", async (long id, CloseDispositionRequest request, CloseDispositionHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CloseDispositionCommand(id, request.ClosedOn, request.Outcome), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("组织处置结案（须填写处置结果）");

        return api;
    }
}
