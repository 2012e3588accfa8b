using System.Globalization;
using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Dangjian.Web.Features.Dues;

/// <summary>
/// Money in API bodies: a JSON number or a string, read without passing through floating point (System.Text.Json reads a
/// number token straight into decimal), and handed to Core as text so that Core's parser gives the Chinese message.
/// </summary>
public static class DuesJson
{
    public static string? Text(JsonElement? element) => element switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Number } e => e.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : e.GetRawText(),
        { } e => e.GetRawText(),
    };
}

public sealed record DuesPartsRequest(
    JsonElement? GrossRegularPay, JsonElement? IncomeTax, JsonElement? SocialInsuranceIndividual, JsonElement? SocialInsuranceEmployer, JsonElement? Annuity,
    JsonElement? ExcludedAllowances)
{
    public DuesBasePartsInput ToInput() => new(
        DuesJson.Text(GrossRegularPay), DuesJson.Text(IncomeTax), DuesJson.Text(SocialInsuranceIndividual), DuesJson.Text(SocialInsuranceEmployer),
        DuesJson.Text(Annuity), DuesJson.Text(ExcludedAllowances));
}

public sealed record DuesProfileRowRequest(long MemberId, DuesMemberType? MemberType, JsonElement? Base, DuesPartsRequest? Parts, JsonElement? FixedAmount);

public sealed record DuesProfilesRequest(long OrganizationId, int? Year, IReadOnlyList<DuesProfileRowRequest>? Rows, string? Reason)
{
    public IReadOnlyList<DuesProfileInput> Inputs() =>
        (Rows ?? []).Select(r => new DuesProfileInput(r.MemberId, r.MemberType, DuesJson.Text(r.Base), r.Parts?.ToInput(), DuesJson.Text(r.FixedAmount))).ToList();
}

public sealed record DuesOverrideRequest(JsonElement? Monthly, string? Reason);

public sealed record DuesReductionRequest(
    long MemberId, string? FromMonth, string? ToMonth, JsonElement? ReducedMonthly, string? Reason, DateOnly? BranchDecisionOn, string? BranchDecisionNote,
    DateOnly? HigherApprovalOn, string? HigherApprovalNote);

public sealed record DuesSettingsRequest(JsonElement? HeldSharePercent, bool AllowsQuarterly);

public static class DuesProfileEndpoints
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The API: profiles (wizard, preview, confirm, override, import, template), reductions, settings, and the member's own dues.</summary>
    public static RouteGroupBuilder MapDuesProfileEndpoints(this RouteGroupBuilder api)
    {
        var profiles = api.MapGroup("/dues/profiles").WithTags("党费基数");

        profiles.MapGet("/", async (long org, int? year, GetDuesProfilesHandler handler, TimeProvider clock, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetDuesProfilesQuery(org, year ?? clock.Today().Year), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("党支部某年度的党员名单及其党费基数（默认本年度；身份证号按权限脱敏）");

        profiles.MapGet("/{id:long}", async (long id, GetDuesProfileHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetDuesProfileQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一名党员一年的党费基数");

        profiles.MapPost("/preview", async (DuesProfilesRequest request, PreviewDuesProfilesHandler handler, TimeProvider clock, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new PreviewDuesProfilesCommand(request.OrganizationId, request.Year ?? clock.Today().Year, request.Inputs()), await access.ScopeAsync(ct), ct))
                .ToHttp(Results.Ok))
            .WithSummary("预览：逐行计算每月党费，返回提示（超过 1000 元）和每行的错误，不保存。金额可为数字或字符串");

        profiles.MapPost("/confirm", async (DuesProfilesRequest request, ConfirmDuesProfilesHandler handler, TimeProvider clock, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ConfirmDuesProfilesCommand(request.OrganizationId, request.Year ?? clock.Today().Year, request.Inputs(), request.Reason), await access.ScopeAsync(ct), ct))
                .ToHttp(Results.Ok))
            .WithSummary("确认：在一个事务内保存全部行；任何一行有误则一行也不保存（返回行号和原因）。变更已核定的基数须填 reason");

        profiles.MapPut("/{id:long}/override", async (long id, DuesOverrideRequest request, OverrideDuesProfileHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new OverrideDuesProfileCommand(id, DuesJson.Text(request.Monthly), request.Reason), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("调整每月应交金额（须填原因，记入审计）；monthly 为空则取消调整");

        profiles.MapPost("/import", async (long org, int? year, IFormFile? file, StartDuesProfileImportHandler start, GetDuesProfileImportHandler draft,
                PreviewDuesProfilesHandler preview, TimeProvider clock, RequestAccess access, CancellationToken ct) =>
            {
                var scope = await access.ScopeAsync(ct);
                var started = await ImportAsync(file, org, year ?? clock.Today().Year, start, scope, ct);
                if (!started.IsSuccess) return ProblemResponses.ToProblem(started.Errors);
                var rows = (await draft.HandleAsync(new GetDuesProfileImportQuery(started.Value.DraftId), scope, ct)).Value.Rows;
                var previewed = await preview.HandleAsync(new PreviewDuesProfilesCommand(org, year ?? clock.Today().Year, rows), scope, ct);
                return previewed.ToHttp(p => Results.Ok(new { started.Value.DraftId, started.Value.Problems, Preview = p }));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes + 64 * 1024))
            .WithSummary("上传基数表（multipart，字段 file），返回无法对应的行和预览结果；不保存，确认请调用 confirm");

        profiles.MapGet("/template", TemplateAsync).WithSummary("下载基数模板（xlsx，已填入本支部党员姓名和身份证号后4位）");

        var reductions = api.MapGroup("/dues/reductions").WithTags("党费减免");
        reductions.MapGet("/", async (long? org, int? year, long? memberId, int? page, int? pageSize, ListDuesReductionsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListDuesReductionsQuery(org, year, memberId, page, pageSize), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("党费减免记录（org 及其下级组织；可按年度、党员筛选）");
        reductions.MapPost("/", async (DuesReductionRequest request, CreateDuesReductionHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateDuesReductionCommand(request.MemberId, request.FromMonth, request.ToMonth, DuesJson.Text(request.ReducedMonthly),
                    request.Reason, request.BranchDecisionOn, request.BranchDecisionNote, request.HigherApprovalOn, request.HigherApprovalNote), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/dues/reductions?memberId={request.MemberId}", new { id })))
            .WithSummary("登记少交或免交党费：在职党员须支部决定和上级党委批准，离退休党员须支部同意；月份 yyyy-MM");

        var settings = api.MapGroup("/dues/settings").WithTags("党费规则");
        settings.MapGet("/{organizationId:long}", async (long organizationId, GetDuesSettingsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetDuesSettingsQuery(organizationId), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("组织适用的党费规则（本级未设置时沿用最近的上级）及下级单独设置的组织");
        settings.MapPut("/{organizationId:long}", async (long organizationId, DuesSettingsRequest request, ChangeDuesSettingsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ChangeDuesSettingsCommand(organizationId, DuesJson.Text(request.HeldSharePercent), request.AllowsQuarterly), await access.ScopeAsync(ct), ct))
                .ToHttp(Results.Ok))
            .WithSummary("设置本组织及下级适用的党费规则：留存比例（0–100）、是否同意按季度交纳");
        settings.MapDelete("/{organizationId:long}", async (long organizationId, ResetDuesSettingsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ResetDuesSettingsCommand(organizationId), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("取消本级设置，沿用上级");

        api.MapGet("/me/dues", async (int? year, GetMyDuesHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetMyDuesQuery(year), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithTags("党费基数").WithSummary("我的党费：基数、每月应交、交纳记录和欠缴");
        return api;
    }

    /// <summary>The pages' form post (cookie session, antiforgery checked) and the template download.</summary>
    public static IEndpointRouteBuilder MapDuesProfilePageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dues/profiles/template", TemplateAsync);

        app.MapPost("/dues/profiles/import", async (HttpContext http, IAntiforgery antiforgery, StartDuesProfileImportHandler start, RequestAccess access, CancellationToken ct) =>
            {
                var back = "/dues/profiles";
                if (!await antiforgery.IsRequestValidAsync(http)) return Results.Redirect(back + "?error=" + Uri.EscapeDataString("页面已过期，请刷新后重新上传"));
                if (!http.Request.HasFormContentType) return Results.Redirect(back);
                var form = await http.Request.ReadFormAsync(ct);
                if (!long.TryParse(form["org"], NumberStyles.None, CultureInfo.InvariantCulture, out var org)) return Results.Redirect(back);
                var year = int.TryParse(form["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0;
                back = $"/dues/profiles?org={org}&year={year}";
                var started = await ImportAsync(form.Files.GetFile("file"), org, year, start, await access.ScopeAsync(ct), ct);
                if (!started.IsSuccess)
                {
                    return started.FirstError.Kind is ErrorKind.NotFound or ErrorKind.Forbidden
                        ? Results.Redirect("/dues/profiles?error=" + Uri.EscapeDataString(started.FirstError.Message))
                        : Results.Redirect(back + "&error=" + Uri.EscapeDataString(started.FirstError.Message));
                }

                return Results.Redirect($"{back}&draft={started.Value.DraftId}");
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes + 64 * 1024));
        return app;
    }

    private static async Task<IResult> TemplateAsync(long org, int? year, GetDuesProfileTemplateHandler handler, TimeProvider clock, RequestAccess access, CancellationToken ct)
    {
        var y = year ?? clock.Today().Year;
        var rows = await handler.HandleAsync(new GetDuesProfileTemplateQuery(org, y), await access.ScopeAsync(ct), ct);
        return rows.ToHttp(r => Results.File(
            XlsxWriter.Write(DuesProfileSheet.SheetName, DuesProfileSheet.Headers, r, DuesProfileSheet.Widths), XlsxContentType,
            $"党费基数模板-{y}.xlsx"));
    }

    private static async Task<Result<DuesImportStarted>> ImportAsync(IFormFile? file, long org, int year, StartDuesProfileImportHandler handler, AccessScope scope, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return DuesImportErrors.NoFile;
        if (file.Length > MaxFileBytes) return DuesImportErrors.TooLarge;
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }

        var rows = XlsxReader.Read(bytes);
        if (rows is null) return DuesImportErrors.NotAWorkbook;
        return await handler.HandleAsync(
            new StartDuesProfileImportCommand(org, year, Path.GetFileName(file.FileName), rows.Select(r => new DuesSheetRow(r.Number, r.Cells)).ToList()), scope, ct);
    }
}
