using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Dues;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Dues;

/// <param name="Base">A JSON number or string (e.g. 4900 or "4900.00").</param>
public sealed record BackPayCorrectionRequest(long MemberId, int Year, JsonElement? Base);

/// <summary>
/// One request shape for preview and record. <see cref="From"/>/<see cref="To"/> are months ("2018-04"); an empty
/// <see cref="MemberIds"/> means every member of the organization. The payment fields and <see cref="ExpectedTotal"/> (the
/// total of the preview the user confirmed) matter only when recording.
/// </summary>
public sealed record BackPayRequest(
    long OrganizationId,
    string? From,
    string? To,
    IReadOnlyList<long>? MemberIds,
    IReadOnlyList<BackPayCorrectionRequest>? Corrections,
    DateOnly? PaidOn = null,
    PaymentMethod? Method = null,
    string? CollectorName = null,
    string? ReceiptNumber = null,
    JsonElement? ExpectedTotal = null,
    string? Note = null);

public static class DuesBackPayEndpoints
{
    public static RouteGroupBuilder MapDuesBackPayEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/dues").WithTags("党费");

        group.MapPost("/backpay/preview", async (BackPayRequest request, ComputeBackPayHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                var scope = await access.ScopeAsync(ct);
                var errors = new List<Error>();
                var query = Query(request, errors);
                // Scope before input errors: an outsider learns nothing about the organization from validation messages.
                var result = await handler.HandleAsync(errors.Count == 0 ? query : query with { FromMonth = null, ToMonth = null }, scope, ct);
                if (!result.IsSuccess && result.FirstError.Kind is ErrorKind.NotFound or ErrorKind.Forbidden) return ProblemResponses.ToProblem(result.Errors);
                return errors.Count > 0 ? ProblemResponses.ToProblem(errors) : result.ToHttp(Results.Ok);
            })
            .WithSummary("补缴试算：逐月按当年基数（或自查更正基数）计算应交、已交与应补缴金额；期间超过 6 个月给出提示");

        group.MapPost("/backpay", async (BackPayRequest request, RecordBackPaymentsHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                var scope = await access.ScopeAsync(ct);
                var errors = new List<Error>();
                var query = Query(request, errors);
                var expected = DuesInput.Amount(request.ExpectedTotal, "ExpectedTotal", "预览的补缴合计", errors);
                var command = new RecordBackPaymentsCommand(request.OrganizationId, query.FromMonth, query.ToMonth, query.MemberIds, query.Corrections,
                    request.PaidOn, request.Method, request.CollectorName, request.ReceiptNumber, expected, request.Note);
                var result = await handler.HandleAsync(errors.Count == 0 ? command : command with { FromMonth = null, ToMonth = null }, scope, ct);
                if (!result.IsSuccess && result.FirstError.Kind is ErrorKind.NotFound or ErrorKind.Forbidden) return ProblemResponses.ToProblem(result.Errors);
                return errors.Count > 0
                    ? ProblemResponses.ToProblem(errors)
                    : result.ToHttp(r => Results.Created($"/dues/backpay?org={request.OrganizationId}", r));
            })
            .WithSummary("登记补缴：为每名少交的党员登记一笔补缴（含所属期间），分配到各月台账；expectedTotal 与重新计算的合计不一致时不登记");

        return api;
    }

    private static ComputeBackPayQuery Query(BackPayRequest request, List<Error> errors)
    {
        var from = DuesInput.Month(request.From, "From", "补缴起始月份", errors);
        var to = DuesInput.Month(request.To, "To", "补缴截止月份", errors);
        var corrections = new List<BackPayCorrectionInput>();
        foreach (var c in request.Corrections ?? [])
        {
            var @base = DuesInput.Amount(c.Base, "Corrections", $"{c.Year} 年更正基数", errors);
            corrections.Add(new BackPayCorrectionInput(c.MemberId, c.Year, @base));
        }

        return new ComputeBackPayQuery(request.OrganizationId, from, to, request.MemberIds, corrections);
    }
}
