using Dangjian.Core.Common;
using Dangjian.Core.Features.Summaries;
using Dangjian.Documents.Summaries;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Summaries;

/// <summary>The body of POST /api/v1/summaries; <c>kind</c> is half-year or annual.</summary>
public sealed record GenerateSummaryRequest(long? Org, DateOnly? From, DateOnly? To, string? Kind);

public static class SummaryEndpoints
{
    public static RouteGroupBuilder MapSummaryEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/summaries", async (GenerateSummaryRequest? request, GenerateSummaryHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                if (request is null) return ProblemResponses.ToProblem([Error.Validation("summary.body", "请求内容应为 JSON：{\"org\":…,\"from\":\"yyyy-MM-dd\",\"to\":\"yyyy-MM-dd\",\"kind\":\"half-year\"}")]);
                var kind = SummaryKindLabels.Parse(request.Kind);
                if (request.Kind is not null && kind is null)
                    return ProblemResponses.ToProblem([Error.Validation("summary.kind", $"总结类型“{request.Kind}”无效，只能是 half-year（半年）或 annual（年度）", "kind")]);
                var result = await handler.HandleAsync(new GenerateSummaryCommand(request.Org, request.From, request.To, kind), await access.ScopeAsync(ct), ct);
                return result.ToHttp(Docx);
            })
            .WithTags("工作总结").WithSummary("起草党建工作总结并返回 Word 文件：org 组织、from/to 统计期、kind 为 half-year（半年）或 annual（年度）；草稿同时保存，可在页面上修改");
        return api;
    }

    /// <summary>Downloads from the draft page (cookie session): the Word file and the figures appendix.</summary>
    public static IEndpointRouteBuilder MapSummaryPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/summaries/{id:long}/download", async (long id, string? format, GetSummaryDraftHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetSummaryDraftQuery(id), await access.ScopeAsync(ct), ct))
                .ToHttp(draft => format == "xlsx" ? Xlsx(draft) : Docx(draft)));
        return app;
    }

    public static IResult Docx(SummaryDraftDetails draft) =>
        Results.File(SummaryDocuments.Docx(draft), SummaryDocuments.DocxContentType, SummaryDocuments.DocxFileName(draft));

    public static IResult Xlsx(SummaryDraftDetails draft) =>
        Results.File(SummaryDocuments.Xlsx(draft), SummaryDocuments.XlsxContentType, SummaryDocuments.XlsxFileName(draft));
}
