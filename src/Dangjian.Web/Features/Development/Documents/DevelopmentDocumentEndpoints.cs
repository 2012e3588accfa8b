using Dangjian.Core.Common;
using Dangjian.Core.Features.Development.Documents;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Development.Documents;

/// <summary>The body of POST /api/v1/development/documents/target-notice, …/admission-notice and …/confirmation-notice.</summary>
public sealed record NoticeDocumentRequest(long? Org, IReadOnlyList<long>? Ids, DateOnly? From, int? Days, string? Contact, string? Phone);

/// <summary>The body of POST /api/v1/development/documents/filing-report; <c>kind</c> is activists or targets.</summary>
public sealed record FilingReportRequest(long? Org, string? Kind, DateOnly? From, DateOnly? To);

public static class DevelopmentDocumentEndpoints
{
    private const string Tag = "发展党员文书";

    public static RouteGroupBuilder MapDevelopmentDocumentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/development/documents").WithTags(Tag);

        group.MapGet("/candidates", async (long? org, string? kind, ListDocumentCandidatesHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                var parsed = DevelopmentDocumentKinds.Parse(kind);
                if (parsed is null || !parsed.Value.IsNotice())
                    return ProblemResponses.ToProblem([Error.Validation("devdoc.kind", "kind 应为 target-notice（拟确定发展对象公示）、admission-notice（拟接收预备党员公示）或 confirmation-notice（转正公示）", "kind")]);
                return (await handler.HandleAsync(new ListDocumentCandidatesQuery(org, parsed.Value), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok);
            })
            .WithSummary("可列入公示的人员：kind=target-notice 为入党积极分子，kind=admission-notice 为尚未经支部大会讨论的发展对象，kind=confirmation-notice 为尚未讨论转正的预备党员；同时返回本组织规定的公示工作日数");

        group.MapPost("/target-notice", async (NoticeDocumentRequest? request, DevelopmentDocumentFiles files, RequestAccess access, CancellationToken ct) =>
            {
                if (request is null) return BodyRequired();
                return (await files.TargetNoticeAsync(TargetNoticePurpose.ProposeAsTarget, request.Org, request.Ids, Options(request), await access.ScopeAsync(ct), ct))
                    .ToHttp(DevelopmentDocumentFiles.File);
            })
            .WithSummary("生成拟确定发展对象的公示（Word）：org 组织、ids 入党积极分子编号、from 公示开始日期（默认今天）、days 公示工作日（默认按本组织规定，按节假日安排计算）、contact/phone 联系人和电话");

        group.MapPost("/admission-notice", async (NoticeDocumentRequest? request, DevelopmentDocumentFiles files, RequestAccess access, CancellationToken ct) =>
            {
                if (request is null) return BodyRequired();
                return (await files.TargetNoticeAsync(TargetNoticePurpose.ProposeForAdmission, request.Org, request.Ids, Options(request), await access.ScopeAsync(ct), ct))
                    .ToHttp(DevelopmentDocumentFiles.File);
            })
            .WithSummary("生成拟接收发展对象为中共预备党员的公示（Word，支部委员会审查后）：org 组织、ids 发展对象的发展档案编号（尚未经支部大会讨论）、from/days 公示期（默认今天起按本组织规定的工作日，按节假日安排计算）、contact/phone 联系人和电话");

        group.MapPost("/confirmation-notice", async (NoticeDocumentRequest? request, DevelopmentDocumentFiles files, RequestAccess access, CancellationToken ct) =>
            {
                if (request is null) return BodyRequired();
                return (await files.ConfirmationNoticeAsync(request.Org, request.Ids, Options(request), await access.ScopeAsync(ct), ct)).ToHttp(DevelopmentDocumentFiles.File);
            })
            .WithSummary("生成预备党员拟转正的公示（Word）：org 组织、ids 预备党员的发展档案编号、from/days 公示期、contact/phone 联系人和电话");

        group.MapPost("/filing-report", async (FilingReportRequest? request, DevelopmentDocumentFiles files, RequestAccess access, CancellationToken ct) =>
            {
                if (request is null) return BodyRequired();
                FilingKind? kind = request.Kind switch { "activists" => FilingKind.Activists, "targets" => FilingKind.Targets, _ => null };
                if (kind is null) return ProblemResponses.ToProblem([Error.Validation("devdoc.filing_kind", "kind 应为 activists（入党积极分子）或 targets（发展对象）", "kind")]);
                return (await files.FilingReportAsync(request.Org, kind.Value, request.From, request.To, await access.ScopeAsync(ct), ct)).ToHttp(DevelopmentDocumentFiles.File);
            })
            .WithSummary("生成确定入党积极分子或发展对象的备案报告（Word），主送上级党委：org 组织（含下级）、kind 为 activists 或 targets、from/to 确定日期所在时段");
        return api;
    }

    /// <summary>The page's download (cookie session): the same values as its form, as a GET, since generating a file changes nothing.</summary>
    public static IEndpointRouteBuilder MapDevelopmentDocumentPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/development/documents/download", async (HttpRequest http, DevelopmentDocumentFiles files, RequestAccess access, CancellationToken ct) =>
            (await files.FromFormAsync(DevelopmentDocumentsQuery.Values(http.Query), await access.ScopeAsync(ct), ct)).ToHttp(DevelopmentDocumentFiles.File))
            .RequireAuthorization();
        return app;
    }

    private static NoticeOptions Options(NoticeDocumentRequest request) => new(request.From, request.Days, request.Contact, request.Phone);

    private static IResult BodyRequired() =>
        ProblemResponses.ToProblem([Error.Validation("devdoc.body", "请求内容应为 JSON，例如 {\"org\":1,\"ids\":[2,3],\"from\":\"2026-12-03\",\"days\":5}")]);
}

/// <summary>The page's form values as query parameters: read by the download endpoint, written by the page when it redirects there.</summary>
public static class DevelopmentDocumentsQuery
{
    public static DocumentFormValues Values(IQueryCollection query) => new(
        query["kind"], query["org"], query["ids"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList(),
        query["from"], query["to"], query["days"], query["contact"], query["phone"]);

    public static string DownloadUrl(DocumentFormValues values)
    {
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("kind", values.Kind), new("org", values.Org), new("from", values.From), new("to", values.To), new("days", values.Days),
            new("contact", values.Contact), new("phone", values.Phone),
        };
        pairs.AddRange((values.Ids ?? []).Select(id => new KeyValuePair<string, string?>("ids", id)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/development/documents/download", pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
    }
}
