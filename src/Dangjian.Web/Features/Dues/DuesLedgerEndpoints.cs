using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Dues;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Dues;

public sealed record GenerateLedgerRequest(long OrganizationId, string? Month);

/// <summary>A payment as the API takes it: <see cref="Amount"/> may be a JSON number (76.5) or a string ("76.50"), read exactly, never through a float.</summary>
public sealed record RecordPaymentRequest(
    long MemberId, JsonElement? Amount, DateOnly? PaidOn, PaymentMethod? Method, DuesPaymentKind? Kind, string? CollectorName, string? ReceiptNumber,
    long? PaidByMemberId, bool? Quarterly, string? Note);

public sealed record ExcuseMonthRequest(long MemberId, string? Month, string? Reason, bool? Withdraw);

public sealed record DecideCaseRequest(DateOnly? DecidedOn, string? Decision);

public sealed record ScanCasesRequest(long? OrganizationId);

/// <summary>The monthly ledger, payments, arrears and 自行脱党 review cases over HTTP (issue 5, items 3–4).</summary>
public static class DuesLedgerEndpoints
{
    public static RouteGroupBuilder MapDuesLedgerEndpoints(this RouteGroupBuilder api)
    {
        var dues = api.MapGroup("/dues").WithTags("党费");

        dues.MapGet("/ledger", async (long org, string? month, string? search, bool? owing, int? page, int? pageSize, GetDuesLedgerHandler handler,
                RequestAccess access, TimeProvider clock, CancellationToken ct) =>
            {
                var parsed = Month(month, clock);
                if (!parsed.IsSuccess) return ProblemResponses.ToProblem(parsed.Errors);
                return (await handler.HandleAsync(new GetDuesLedgerQuery(org, parsed.Value, search, owing ?? false, page, pageSize), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok);
            })
            .WithSummary("月度台账：组织（支部或其下全部支部）某月每名党员的应交、已交、状态及合计；month=yyyy-MM，默认本月");

        dues.MapPost("/ledger", async (GenerateLedgerRequest request, GenerateDuesLedgerHandler handler, RequestAccess access, TimeProvider clock, CancellationToken ct) =>
            {
                var parsed = Month(request.Month, clock);
                if (!parsed.IsSuccess) return ProblemResponses.ToProblem(parsed.Errors);
                return (await handler.HandleAsync(new GenerateDuesLedgerCommand(request.OrganizationId, parsed.Value), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok);
            })
            .WithSummary("生成月度台账（可重复执行：已有的台账保持不变，只补充缺少的；未核定基数的党员单独列出）");

        dues.MapGet("/payments", async (long? org, long? memberId, DateOnly? from, DateOnly? to, DuesPaymentKind? kind, int? page, int? pageSize,
                ListDuesPaymentsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListDuesPaymentsQuery(org, memberId, from, to, kind, page, pageSize), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("交费记录（最新的在前），含每笔交费所冲抵的月份");

        dues.MapPost("/payments", async (RecordPaymentRequest request, RecordDuesPaymentHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                var amount = DuesJsonMoney.Read(request.Amount, "Amount", "交费金额");
                if (!amount.IsSuccess) return ProblemResponses.ToProblem(amount.Errors);
                var command = new RecordDuesPaymentCommand(request.MemberId, amount.Value, request.PaidOn, request.Method, request.Kind ?? DuesPaymentKind.Regular,
                    request.CollectorName, request.ReceiptNumber, request.PaidByMemberId, request.Quarterly ?? false, request.Note);
                return (await handler.HandleAsync(command, await access.ScopeAsync(ct), ct))
                    .ToHttp(r => Results.Created($"/api/v1/dues/payments?memberId={request.MemberId}", r));
            })
            .WithSummary("登记交费：按月交纳的从最早未交清的月份起冲抵，超出部分为自愿多交；quarterly=true 按季度预交（须支部同意）；自愿交纳 1000 元以上为大额党费。amount 可为数字或字符串");

        dues.MapDelete("/payments/{id:long}", async (long id, string? reason, DeleteDuesPaymentHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteDuesPaymentCommand(id, reason), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除交费记录（须填写原因 reason；所冲抵的月份恢复为未交）");

        dues.MapGet("/arrears", async (long? org, int? minConsecutive, string? search, int? page, int? pageSize, ListDuesArrearsHandler handler,
                RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListDuesArrearsQuery(org, minConsecutive, search, page, pageSize), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("欠缴党费的党员：连续未交月数（截至上月）、欠缴月数和金额；minConsecutive=3 或 6 筛选");

        dues.MapPost("/arrears/excuse", async (ExcuseMonthRequest request, ExcuseDuesMonthHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                if (DuesMonthText.Parse(request.Month) is not DateOnly month) return ProblemResponses.ToProblem([DuesLedgerErrors.MonthInvalid]);
                return (await handler.HandleAsync(new ExcuseDuesMonthCommand(request.MemberId, month, request.Reason, request.Withdraw ?? false), await access.ScopeAsync(ct), ct))
                    .ToHttp(_ => Results.NoContent());
            })
            .WithSummary("登记某月未交党费的正当理由（不计入连续未交）；withdraw=true 撤销（须填写撤销原因）");

        dues.MapGet("/cases", async (long? org, DuesCaseStatus? status, int? page, int? pageSize, ListDuesReviewCasesHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListDuesReviewCasesQuery(org, status, page, pageSize), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("自行脱党审查案件（连续 6 个月未交党费且无正当理由），待处理的在前");

        dues.MapPost("/cases/{id:long}/decide", async (long id, DecideCaseRequest request, DecideDuesReviewCaseHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DecideDuesReviewCaseCommand(id, request.DecidedOn, request.Decision), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("登记审查案件的处理决定");

        dues.MapPost("/cases/scan", async (ScanCasesRequest request, OpenDuesReviewCasesHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new OpenDuesReviewCasesCommand(request.OrganizationId), await access.ScopeAsync(ct), ct)).ToHttp(n => Results.Ok(new { opened = n })))
            .WithSummary("立即检查连续欠缴并立案（系统每天自动检查一次）");

        dues.MapGet("/members/{memberId:long}", async (long memberId, GetMemberDuesHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetMemberDuesQuery(memberId), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一名党员的党费：各年基数、逐月台账、交费记录、党费交至月份（paidUpTo）、欠缴和审查案件");

        return api;
    }

    private static Result<DateOnly> Month(string? text, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(text)) return DuesMonth.Of(clock.Today());
        return DuesMonthText.Parse(text) is DateOnly month ? month : DuesLedgerErrors.MonthInvalid;
    }
}

/// <summary>Reads an amount sent as a JSON number or string, exactly (System.Text.Json reads a number's digits as a decimal, not a double).</summary>
public static class DuesJsonMoney
{
    public static Result<decimal?> Read(JsonElement? element, string field, string label)
    {
        if (element is not JsonElement value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return Result<decimal?>.Success(null);
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.TryGetDecimal(out var number)
                    ? Result<decimal?>.Success(number)
                    : Error.Validation("dues.amount_not_number", $"{label}超出范围", field);
            case JsonValueKind.String:
                var parsed = DuesCalculator.ParseAmount(value.GetString(), field, label);
                return parsed.IsSuccess ? Result<decimal?>.Success(parsed.Value) : Result<decimal?>.Failure(parsed.Errors);
            default:
                return Error.Validation("dues.amount_not_number", $"{label}应为数字或数字字符串，例如 76.50 或 \"76.50\"", field);
        }
    }
}
