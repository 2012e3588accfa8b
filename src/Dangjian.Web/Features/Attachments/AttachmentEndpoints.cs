using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Attachments;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Dangjian.Web.Features.Attachments;

/// <summary>
/// Attachments over HTTP: the API (token or cookie) and the pages' form posts and downloads. Static server rendering cannot
/// upload through a component, so <see cref="AttachmentList"/> posts a plain multipart form to /attachments/upload, which
/// checks the antiforgery token and redirects back to the page it came from.
/// </summary>
public static class AttachmentEndpoints
{
    /// <summary>Query parameters by which a redirect tells <see cref="AttachmentList"/> what happened.</summary>
    public const string StatusParameter = "attachments";

    public const string ErrorParameter = "attachmentError";
    public const string Anchor = "attachments";

    /// <summary>Room for the multipart framing and the other fields around the file.</summary>
    private const long FormOverheadBytes = 1024 * 1024;

    public static RouteGroupBuilder MapAttachmentEndpoints(this RouteGroupBuilder api)
    {
        var settings = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<AttachmentStoreSettings>();
        var group = api.MapGroup("/attachments").WithTags("附件");

        group.MapPost("", async (HttpRequest request, UploadAttachmentHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                var form = await ReadFormAsync(request, settings, ct);
                if (!form.IsSuccess) return ProblemResponses.ToProblem(form.Errors);
                return (await UploadAsync(form.Value, handler, await access.ScopeAsync(ct), ct))
                    .ToHttp(info => Results.Created($"/api/v1/attachments/{info.Id}", info));
            })
            .WithMetadata(new RequestSizeLimitAttribute(settings.MaxBytes + FormOverheadBytes))
            .WithSummary("上传附件（multipart：ownerKind 如 meeting、ownerId、file）；按文件内容校验类型，大小有上限");

        group.MapGet("", async (string? ownerKind, long? ownerId, ListAttachmentsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListAttachmentsQuery(ownerKind, ownerId), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("某条记录的附件列表（ownerKind、ownerId）");

        group.MapGet("/{id:long}", async (long id, HttpResponse response, GetAttachmentContentHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetAttachmentContentQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(d => File(response, d)))
            .WithSummary("下载附件（Content-Disposition: attachment）");

        group.MapDelete("/{id:long}", async (long id, DeleteAttachmentHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteAttachmentCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除附件");
        return api;
    }

    /// <summary>The browser's side: form posts with the antiforgery token, and downloads under the log-in cookie.</summary>
    public static IEndpointRouteBuilder MapAttachmentPageEndpoints(this IEndpointRouteBuilder app)
    {
        var settings = app.ServiceProvider.GetRequiredService<AttachmentStoreSettings>();

        app.MapPost("/attachments/upload", async (HttpContext http, IAntiforgery antiforgery, UploadAttachmentHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                var form = await ReadFormAsync(http.Request, settings, ct);
                if (!form.IsSuccess) return Back(http, null, error: form.FirstError.Code);
                var returnUrl = LocalOrNull(form.Value["returnUrl"]);
                if (!await antiforgery.IsRequestValidAsync(http)) return Back(http, returnUrl, error: "expired");
                var uploaded = await UploadAsync(form.Value, handler, await access.ScopeAsync(ct), ct);
                return uploaded.IsSuccess ? Back(http, returnUrl, status: "added") : Back(http, returnUrl, error: uploaded.FirstError.Code);
            })
            .DisableAntiforgery() // checked by hand above, after the size-limited form read
            .WithMetadata(new RequestSizeLimitAttribute(settings.MaxBytes + FormOverheadBytes));

        app.MapGet("/attachments/{id:long}", async (long id, HttpResponse response, GetAttachmentContentHandler handler, RequestAccess access, CancellationToken ct) =>
        {
            var download = await handler.HandleAsync(new GetAttachmentContentQuery(id), await access.ScopeAsync(ct), ct);
            return download.IsSuccess
                ? File(response, download.Value)
                : Results.Text(download.FirstError.Message, "text/plain; charset=utf-8", statusCode: ProblemResponses.StatusOf(download.FirstError.Kind));
        });

        app.MapPost("/attachments/{id:long}/delete", async (long id, HttpContext http, IAntiforgery antiforgery, DeleteAttachmentHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
                var returnUrl = LocalOrNull(form?["returnUrl"]);
                if (!await antiforgery.IsRequestValidAsync(http)) return Back(http, returnUrl, error: "expired");
                var deleted = await handler.HandleAsync(new DeleteAttachmentCommand(id), await access.ScopeAsync(ct), ct);
                return deleted.IsSuccess ? Back(http, returnUrl, status: "removed") : Back(http, returnUrl, error: deleted.FirstError.Code);
            })
            .DisableAntiforgery();
        return app;
    }

    /// <summary>Refuses a store folder that the static-file middleware would serve: attachments go out only through the scope check.</summary>
    public static void EnsureOutsideWebRoot(AttachmentStoreSettings settings, string? webRootPath)
    {
        if (string.IsNullOrEmpty(webRootPath)) return;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(webRootPath)) + Path.DirectorySeparatorChar;
        var store = Path.TrimEndingDirectorySeparator(settings.RootPath) + Path.DirectorySeparatorChar;
        if (store.StartsWith(root, StringComparison.Ordinal) || root.StartsWith(store, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"附件存储目录（Storage:AttachmentsPath = {settings.RootPath}）不能位于 wwwroot 之内或包含 wwwroot：其中的文件会绕过权限检查被直接下载。");
        }
    }

    /// <summary>A path on this site ("/meetings/5?tab=1"), or null: never another host, so the redirect cannot be turned against the user.</summary>
    public static string? LocalOrNull(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2000 || url[0] != '/') return null;
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\')) return null;
        return url.Any(c => char.IsControl(c) || c == '\\') ? null : url;
    }

    /// <summary>
    /// <paramref name="url"/> with our status or error code in place of any earlier one, and the list's anchor, so the user
    /// lands on the attachments again.
    /// </summary>
    public static string WithOutcome(string url, string? status, string? error)
    {
        var fragment = url.IndexOf('#');
        if (fragment >= 0) url = url[..fragment];
        var question = url.IndexOf('?');
        var path = question >= 0 ? url[..question] : url;
        var query = question >= 0 ? QueryHelpers.ParseQuery(url[question..]) : [];
        var kept = query.Where(p => p.Key is not (StatusParameter or ErrorParameter))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .ToList();
        if (status is not null) kept.Add(new(StatusParameter, status));
        if (error is not null) kept.Add(new(ErrorParameter, error));
        return QueryHelpers.AddQueryString(path, kept) + "#" + Anchor;
    }

    private static IResult Back(HttpContext http, string? returnUrl, string? status = null, string? error = null)
    {
        var target = returnUrl ?? SameSiteReferrer(http.Request) ?? "/";
        return Results.Redirect(WithOutcome(target, status, error));
    }

    private static string? SameSiteReferrer(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referrer) && referrer.Authority == request.Host.Value
            ? LocalOrNull(referrer.PathAndQuery)
            : null;

    private static async Task<Result<IFormCollection>> ReadFormAsync(HttpRequest request, AttachmentStoreSettings settings, CancellationToken ct)
    {
        if (!request.HasFormContentType) return Error.Validation("attachment.not_multipart", "请以 multipart/form-data 上传（字段 ownerKind、ownerId、file）");
        try
        {
            return Result<IFormCollection>.Success(await request.ReadFormAsync(ct));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return AttachmentErrors.TooLarge(settings.MaxMegabytes);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return Error.Validation("attachment.bad_form", "上传内容不完整或格式不正确，请重新选择文件上传", AttachmentErrors.FileField);
        }
    }

    private static async Task<Result<AttachmentInfo>> UploadAsync(IFormCollection form, UploadAttachmentHandler handler, AccessScope scope, CancellationToken ct)
    {
        var file = form.Files.GetFile("file");
        long? ownerId = long.TryParse(form["ownerId"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        await using var content = file?.OpenReadStream();
        return await handler.HandleAsync(new UploadAttachmentCommand(form["ownerKind"], ownerId, file?.FileName, content), scope, ct);
    }

    /// <summary>
    /// Always a download, never shown in the browser's own context (Content-Disposition: attachment, a sandboxing policy,
    /// no sniffing), named with the user's file name in RFC 5987 form (filename*=UTF-8''…) so Chinese names survive.
    /// </summary>
    private static IResult File(HttpResponse response, AttachmentDownload download)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = "private, no-cache";
        return Results.File(
            download.Content, download.Info.ContentType, download.Info.FileName,
            entityTag: new EntityTagHeaderValue($"\"{download.Info.Sha256}\""), enableRangeProcessing: true);
    }
}
