using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Transfers;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Transfers;

public sealed record CreateInternalTransferRequest(long MemberId, long ToOrganizationId, string? LetterNumber, DateOnly? IssuedOn, int? ValidDays, string? DuesPaidUpTo, string? Reason)
{
    public TransferLetterInput Letter => new() { LetterNumber = LetterNumber, IssuedOn = IssuedOn, ValidDays = ValidDays, DuesPaidUpTo = DuesPaidUpTo, Reason = Reason };
}

public sealed record CreateOutOfSystemTransferRequest(long MemberId, string? ToOrganizationName, string? LetterNumber, DateOnly? IssuedOn, int? ValidDays, string? DuesPaidUpTo, string? Reason)
{
    public TransferLetterInput Letter => new() { LetterNumber = LetterNumber, IssuedOn = IssuedOn, ValidDays = ValidDays, DuesPaidUpTo = DuesPaidUpTo, Reason = Reason };
}

public sealed record ReceiveTransferRequest(
    long ToOrganizationId, long? ToGroupId, MemberInput? Member, string? FromOrganizationName, string? LetterNumber, DateOnly? IssuedOn, int? ValidDays,
    string? DuesPaidUpTo, string? Reason, DateOnly? ArrivedOn)
{
    public TransferLetterInput Letter => new() { LetterNumber = LetterNumber, IssuedOn = IssuedOn, ValidDays = ValidDays, DuesPaidUpTo = DuesPaidUpTo, Reason = Reason };
}

public sealed record DecideTransferRequest(DateOnly? On, long? ToGroupId, string? Note);

public sealed record TransferReceiptRequest(DateOnly? ReturnedOn);

public sealed record MoveMemberRequest(long ToOrganizationId, long? ToGroupId, DateOnly? On);

public sealed record ChangeMemberStatusRequest(MembershipStatus Status, DateOnly? On, DateOnly? ProbationEndsOn, ExitType? ExitType, string? Reason);

public sealed record MarkMaterialsRequest(bool ApplicationLetter, bool VolunteerForm, bool PoliticalReview, bool ConfirmationApplication);

public static class TransferEndpoints
{
    public static RouteGroupBuilder MapTransferEndpoints(this RouteGroupBuilder api)
    {
        var transfers = api.MapGroup("/transfers").WithTags("组织关系转接");

        transfers.MapGet("/", async (TransferDirection? direction, TransferStatus? status, TransferKind? kind, bool? overdue, long? memberId, int? page, int? pageSize,
                ListTransfersHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListTransfersQuery { Direction = direction, Status = status, Kind = kind, OverdueOnly = overdue ?? false, MemberId = memberId, Page = page, PageSize = pageSize },
                await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("转接列表（转出或转入调用者管理范围的转接）");

        transfers.MapPost("/internal", async (CreateInternalTransferRequest request, CreateInternalTransferHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateInternalTransferCommand(request.MemberId, request.ToOrganizationId, request.Letter), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/transfers?memberId={request.MemberId}", new { id })))
            .WithSummary("系统内转接：开具介绍信，待接收支部确认");

        transfers.MapPost("/out", async (CreateOutOfSystemTransferRequest request, CreateOutOfSystemTransferHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateOutOfSystemTransferCommand(request.MemberId, request.ToOrganizationName, request.Letter), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/transfers?memberId={request.MemberId}", new { id })))
            .WithSummary("转出系统外：登记介绍信，党员自开具之日起移出名册");

        transfers.MapPost("/in", async (ReceiveTransferRequest request, ReceiveTransferFromOutsideHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ReceiveTransferFromOutsideCommand(request.ToOrganizationId, request.ToGroupId, request.Member ?? new MemberInput(), request.FromOrganizationName, request.Letter, request.ArrivedOn),
                await access.ScopeAsync(ct), ct)).ToHttp(id => Results.Created($"/api/v1/transfers?memberId={id}", new { memberId = id })))
            .WithSummary("从系统外转入：登记介绍信并建立党员档案");

        transfers.MapPost("/{id:long}/accept", async (long id, DecideTransferRequest request, DecideTransferHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DecideTransferCommand(id, TransferDecision.Accept, request.On, request.ToGroupId, request.Note), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("接收支部确认接收");

        transfers.MapPost("/{id:long}/reject", async (long id, DecideTransferRequest request, DecideTransferHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DecideTransferCommand(id, TransferDecision.Reject, request.On, null, request.Note), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("接收支部退回（须填写原因）");

        transfers.MapPost("/{id:long}/cancel", async (long id, DecideTransferRequest request, DecideTransferHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DecideTransferCommand(id, TransferDecision.Cancel, request.On, null, request.Note), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("转出支部撤回");

        transfers.MapPost("/{id:long}/receipt", async (long id, TransferReceiptRequest request, RecordTransferReceiptHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new RecordTransferReceiptCommand(id, request.ReturnedOn), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("登记回执（转出系统外）");

        var members = api.MapGroup("/members").WithTags("党员");

        members.MapPost("/{id:long}/move", async (long id, MoveMemberRequest request, MoveMemberHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new MoveMemberCommand(id, request.ToOrganizationId, request.ToGroupId, request.On), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("调整党员所在支部或党小组（保留历史）");

        members.MapPost("/{id:long}/status", async (long id, ChangeMemberStatusRequest request, ChangeMemberStatusHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ChangeMemberStatusCommand(id, request.Status, request.On, request.ProbationEndsOn, request.ExitType, request.Reason), await access.ScopeAsync(ct), ct))
                .ToHttp(_ => Results.NoContent()))
            .WithSummary("变更党籍状态：停止党籍、留党察看、恢复党籍、出党");

        members.MapPost("/{id:long}/materials", async (long id, MarkMaterialsRequest request, MarkMaterialsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new MarkMaterialsCommand(id, request.ApplicationLetter, request.VolunteerForm, request.PoliticalReview, request.ConfirmationApplication), await access.ScopeAsync(ct), ct))
                .ToHttp(_ => Results.NoContent()))
            .WithSummary("登记档案材料（集中排查）");

        members.MapGet("/file-check", async (long? under, int? page, int? pageSize, GetFileCheckHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetFileCheckQuery(under, page, pageSize), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("集中排查：档案材料不全的党员");

        return api;
    }
}
