using System.Globalization;
using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Dues;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Dues;

/// <param name="PeriodFrom">The month ("2025-04") or the first month of the quarter.</param>
/// <param name="PeriodTo">The last month of the quarter; omitted for a single month.</param>
/// <param name="Amount">A JSON number or string.</param>
public sealed record RemittanceRequest(
    long OrganizationId, string? PeriodFrom, string? PeriodTo, JsonElement? Amount, JsonElement? LargeVoluntaryAmount, DateOnly? RemittedOn, string? Note);

public static class DuesRemittanceEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapDuesRemittanceEndpoints(this RouteGroupBuilder api)
    {
        var dues = api.MapGroup("/dues").WithTags("党费");

        dues.MapGet("/remittances", async (long? org, string? from, string? to, int? page, int? pageSize, ListRemittancesHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                var errors = new List<Error>();
                var fromMonth = DuesInput.Month(from, "from", "起始月份", errors);
                var toMonth = DuesInput.Month(to, "to", "截止月份", errors);
                var result = await handler.HandleAsync(new ListRemittancesQuery(org, fromMonth, toMonth, page, pageSize), await access.ScopeAsync(ct), ct);
                if (!result.IsSuccess) return ProblemResponses.ToProblem(result.Errors);
                return errors.Count > 0 ? ProblemResponses.ToProblem(errors) : Results.Ok(result.Value);
            })
            .WithSummary("上缴记录：管理范围内（org 及下级）各组织的上缴，按所属期间起始月筛选（from/to 为 yyyy-MM），含筛选结果合计");

        dues.MapPost("/remittances", async (RemittanceRequest request, RecordRemittanceHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                var errors = new List<Error>();
                var command = new RecordRemittanceCommand(request.OrganizationId,
                    DuesInput.Month(request.PeriodFrom, "PeriodFrom", "所属期间起始月份", errors),
                    DuesInput.Month(request.PeriodTo, "PeriodTo", "所属期间截止月份", errors),
                    DuesInput.Amount(request.Amount, "Amount", "上缴金额", errors),
                    DuesInput.Amount(request.LargeVoluntaryAmount, "LargeVoluntaryAmount", "其中大额党费", errors),
                    request.RemittedOn, request.Note);
                var result = await handler.HandleAsync(command, await access.ScopeAsync(ct), ct);
                if (!result.IsSuccess && result.FirstError.Kind is ErrorKind.NotFound or ErrorKind.Forbidden) return ProblemResponses.ToProblem(result.Errors);
                if (errors.Count > 0) return ProblemResponses.ToProblem(errors);
                return result.ToHttp(r => Results.Created($"/api/v1/dues/remittances?org={request.OrganizationId}", r));
            })
            .WithSummary("登记上缴：本组织向上级党组织上缴一个月或一个季度的党费（其中大额党费全额上缴）");

        dues.MapGet("/reconciliation", async (long org, string? from, string? to, GetReconciliationHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                var errors = new List<Error>();
                var fromMonth = DuesInput.Month(from, "from", "起始月份", errors);
                var toMonth = DuesInput.Month(to, "to", "截止月份", errors);
                var result = await handler.HandleAsync(new GetReconciliationQuery(org, fromMonth, toMonth), await access.ScopeAsync(ct), ct);
                if (!result.IsSuccess && result.FirstError.Kind is ErrorKind.NotFound or ErrorKind.Forbidden) return ProblemResponses.ToProblem(result.Errors);
                return errors.Count > 0 ? ProblemResponses.ToProblem(errors) : result.ToHttp(Results.Ok);
            })
            .WithSummary("收缴与上缴对账：本组织及各直属下级组织在期间内的收缴（常规与大额党费）、已上缴、留存、应上缴和差额（from/to 为 yyyy-MM，默认今年）");

        dues.MapGet("/publication", PublicationAsync)
            .WithSummary("党费收缴情况年度公示（xlsx；format=json 返回数据）：每名党员的月交纳额、应交/已交月数、应交/实交/欠交金额，不含身份证号");

        return api;
    }

    /// <summary>The publication page's download link (cookie session).</summary>
    public static IEndpointRouteBuilder MapDuesPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dues/publication/export", PublicationAsync);
        return app;
    }

    private static async Task<IResult> PublicationAsync(long org, int? year, string? format, GetDuesPublicationHandler handler, RequestAccess access, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new GetDuesPublicationQuery(org, year), await access.ScopeAsync(ct), ct);
        if (format == "json") return result.ToHttp(Results.Ok);
        return result.ToHttp(p => Results.File(
            XlsxWriter.Write(PublicationSheet.SheetName(p), PublicationSheet.Headers, PublicationSheet.Rows(p), PublicationSheet.Widths),
            XlsxContentType, $"党费收缴公示-{p.OrganizationName}-{p.Year}.xlsx"));
    }
}

/// <summary>The annual 公示 as one sheet: one row per member, then a 合计 row. No ID numbers: it is posted for everyone to read.</summary>
public static class PublicationSheet
{
    public static readonly IReadOnlyList<string> Headers = ["序号", "姓名", "月交纳额（元）", "应交月数", "已交足月数", "应交金额（元）", "实交金额（元）", "欠交金额（元）"];
    // Each header fits its column; the printable page (print CSS) is the way to print, the sheet is for data.
    public static readonly IReadOnlyList<double> Widths = [6, 12, 13, 9, 10, 13, 13, 13];

    public static string SheetName(DuesPublication p) => $"{p.Year}年党费收缴公示";

    public static IEnumerable<IReadOnlyList<string?>> Rows(DuesPublication p)
    {
        foreach (var r in p.Rows)
        {
            yield return [Int(r.Number), r.Name, r.Monthly is { } m ? Plain(m) : "", Int(r.MonthsDue), Int(r.MonthsPaid), Plain(r.TotalDue), Plain(r.TotalPaid), Plain(r.Arrears)];
        }

        yield return ["合计", $"{p.Rows.Count} 人", "", Int(p.MonthsDue), Int(p.MonthsPaid), Plain(p.TotalDue), Plain(p.TotalPaid), Plain(p.Arrears)];
    }

    // Amounts without thousands separators, so the sheet re-imports as numbers.
    private static string Plain(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
