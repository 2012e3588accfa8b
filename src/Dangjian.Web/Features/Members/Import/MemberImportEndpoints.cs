using Dangjian.Core.Common;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Members.Import;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dangjian.Web.Features.Members.Import;

public static class MemberImportEndpoints
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The API: upload, status, commit, export.</summary>
    public static RouteGroupBuilder MapMemberImportEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/members").WithTags("党员导入导出");

        group.MapPost("/import", async (IFormFile? file, StartMemberImportHandler handler, MemberImportQueue queue, RequestAccess access, CancellationToken ct) =>
            (await StartAsync(file, handler, queue, await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Accepted($"/api/v1/members/import/{id}", new { id })))
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes + 64 * 1024))
            .WithSummary("上传党员导入文件（multipart，字段 file），返回导入任务编号；后台逐行校验");

        group.MapGet("/import/{id:long}", async (long id, GetMemberImportJobHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetMemberImportJobQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("导入任务的进度与错误（行号、列名、原因）");

        group.MapPost("/import/{id:long}/commit", async (long id, ConfirmMemberImportHandler handler, MemberImportQueue queue, RequestAccess access, CancellationToken ct) =>
            (await ConfirmAsync(id, handler, queue, await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.Accepted($"/api/v1/members/import/{id}", new { id })))
            .WithSummary("确认导入（仅在零错误时允许；一个事务内全部导入）");

        group.MapGet("/export", ExportAsync).WithSummary("导出党员名册（xlsx，筛选条件同党员名册；身份证号、联系电话按权限脱敏）");

        group.MapGet("/import/template", Template).WithSummary("下载导入模板（xlsx）");
        return api;
    }

    /// <summary>The pages' form posts and downloads (cookie sessions, antiforgery checked).</summary>
    public static IEndpointRouteBuilder MapMemberImportPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/members/import/template", Template);
        app.MapGet("/members/export", ExportAsync);

        app.MapPost("/members/import/upload", async (HttpContext http, IAntiforgery antiforgery, StartMemberImportHandler handler, MemberImportQueue queue, RequestAccess access, CancellationToken ct) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http)) return Results.Redirect("/members/import?error=" + Uri.EscapeDataString("页面已过期，请刷新后重新上传"));
                IFormFile? file = null;
                if (http.Request.HasFormContentType)
                {
                    var form = await http.Request.ReadFormAsync(ct);
                    file = form.Files.GetFile("file");
                }

                var started = await StartAsync(file, handler, queue, await access.ScopeAsync(ct), ct);
                return started.IsSuccess
                    ? Results.Redirect($"/members/import/{started.Value}")
                    : Results.Redirect("/members/import?error=" + Uri.EscapeDataString(started.FirstError.Message));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes + 64 * 1024));

        app.MapPost("/members/import/{id:long}/commit", async (long id, HttpContext http, IAntiforgery antiforgery, ConfirmMemberImportHandler handler, MemberImportQueue queue, RequestAccess access, CancellationToken ct) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
                var confirmed = await ConfirmAsync(id, handler, queue, await access.ScopeAsync(ct), ct);
                return confirmed.IsSuccess
                    ? Results.Redirect($"/members/import/{id}")
                    : confirmed.FirstError.Kind == ErrorKind.NotFound
                        ? Results.NotFound()
                        : Results.Redirect($"/members/import/{id}?error=" + Uri.EscapeDataString(confirmed.FirstError.Message));
            })
            .DisableAntiforgery();

        // The htmx poll: the progress bar while the job runs; once it stops, the page reloads to show the preview.
        app.MapGet("/members/import/{id:long}/progress", async (long id, HttpContext http, GetMemberImportJobHandler handler, RequestAccess access, CancellationToken ct) =>
        {
            var job = await handler.HandleAsync(new GetMemberImportJobQuery(id), await access.ScopeAsync(ct), ct);
            if (!job.IsSuccess) return Results.NotFound();
            if (!job.Value.IsRunning) http.Response.Headers["HX-Redirect"] = $"/members/import/{id}";
            return new RazorComponentResult<ImportProgress>(new { Job = job.Value });
        });
        return app;
    }

    private static IResult Template() =>
        Results.File(XlsxWriter.Write(MemberSheet.SheetName, MemberSheet.Headers, [], MemberSheet.Widths), XlsxContentType, "党员导入模板.xlsx");

    private static async Task<IResult> ExportAsync(
        [AsParameters] MemberExportFilter filter, ExportMembersHandler handler, RequestAccess access, CancellationToken ct)
    {
        var exported = await handler.HandleAsync(new ExportMembersQuery(filter.ToQuery()), await access.ScopeAsync(ct), ct);
        return exported.ToHttp(e => Results.File(
            XlsxWriter.Write(MemberSheet.SheetName, MemberSheet.Headers, e.Rows, MemberSheet.Widths), XlsxContentType, "党员名册.xlsx"));
    }

    internal static async Task<Result<long>> StartAsync(IFormFile? file, StartMemberImportHandler handler, MemberImportQueue queue, Core.Features.Access.AccessScope scope, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Error.Validation("import.no_file", "请选择要上传的 Excel 文件", "File");
        if (file.Length > MaxFileBytes) return Error.Validation("import.too_large", "文件不能超过 10 MB", "File");
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }

        var rows = XlsxReader.Read(bytes);
        if (rows is null) return MemberImportErrors.NotAWorkbook;
        var started = await handler.HandleAsync(
            new StartMemberImportCommand(Path.GetFileName(file.FileName), rows.Select(r => new MemberImportRow(r.Number, r.Cells)).ToList()), scope, ct);
        if (started.IsSuccess) queue.Enqueue(started.Value);
        return started;
    }

    private static async Task<Result<Done>> ConfirmAsync(long id, ConfirmMemberImportHandler handler, MemberImportQueue queue, Core.Features.Access.AccessScope scope, CancellationToken ct)
    {
        var confirmed = await handler.HandleAsync(new ConfirmMemberImportCommand(id), scope, ct);
        if (confirmed.IsSuccess) queue.Enqueue(id);
        return confirmed;
    }
}

/// <summary>The roster's filters, as query-string parameters of the export: the same names as /members (under, category, …); 出党 members are included when asked for by status, as on the roster.</summary>
public sealed record MemberExportFilter(
    long? Under, MemberCategory? Category, MembershipStatus? Status, Gender? Gender, AgeBand? AgeBand, Education? Education,
    Occupation? Occupation, string? Ethnicity, string? Search, bool? IncludeLeft)
{
    public ListMembersQuery ToQuery() => new()
    {
        UnderId = Under, Category = Category, Status = Status, Gender = Gender, AgeBand = AgeBand, Education = Education,
        Occupation = Occupation, Ethnicity = Ethnicity, Search = Search, IncludeLeft = IncludeLeft ?? Status == MembershipStatus.Left,
    };
}
