using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Development.Documents;
using Dangjian.Documents.Development;
using Dangjian.Documents.Docx;

namespace Dangjian.Web.Features.Development.Documents;

/// <summary>What the page's form and the page download send, all as text, so that wrong input is reported in Chinese rather than dropped.</summary>
public sealed record DocumentFormValues(
    string? Kind, string? Org, IReadOnlyList<string>? Ids, string? From, string? To, string? Days, string? Contact, string? Phone);

/// <summary>
/// Turns a request into one of the 发展党员 documents: parses the form values, runs the document's Core query (which checks the
/// scope, the stages and the 公示 period) and lays the result out with <see cref="DevelopmentDocuments"/>. The page, its download
/// and the API all go through here, so they accept and refuse the same things.
/// </summary>
public sealed class DevelopmentDocumentFiles(GetTargetNoticeHandler targetNotice, GetConfirmationNoticeHandler confirmationNotice, GetFilingReportHandler filingReport)
{
    /// <summary>Either 公示 about 发展对象: proposed as 发展对象, or proposed for admission as 预备党员.</summary>
    public async Task<Result<OfficialDocument>> TargetNoticeAsync(
        TargetNoticePurpose purpose, long? org, IReadOnlyList<long>? ids, NoticeOptions options, AccessScope scope, CancellationToken ct) =>
        Map(await targetNotice.HandleAsync(new GetTargetNoticeQuery(org, ids, options, purpose), scope, ct), DevelopmentDocuments.TargetNotice);

    public async Task<Result<OfficialDocument>> ConfirmationNoticeAsync(long? org, IReadOnlyList<long>? ids, NoticeOptions options, AccessScope scope, CancellationToken ct) =>
        Map(await confirmationNotice.HandleAsync(new GetConfirmationNoticeQuery(org, ids, options), scope, ct), DevelopmentDocuments.ConfirmationNotice);

    public async Task<Result<OfficialDocument>> FilingReportAsync(long? org, FilingKind kind, DateOnly? from, DateOnly? to, AccessScope scope, CancellationToken ct) =>
        Map(await filingReport.HandleAsync(new GetFilingReportQuery(org, kind, from, to), scope, ct), DevelopmentDocuments.FilingReport);

    /// <summary>The document the form values ask for, or every problem with them in Chinese.</summary>
    public async Task<Result<OfficialDocument>> FromFormAsync(DocumentFormValues values, AccessScope scope, CancellationToken ct)
    {
        var errors = new List<Error>();
        var kind = DevelopmentDocumentKinds.Parse(values.Kind);
        if (kind is null) errors.Add(Error.Validation("devdoc.kind", "请选择文书类型", "kind"));
        var org = ParseLong(values.Org);
        if (values.Org is { Length: > 0 } && org is null) errors.Add(Error.Validation("devdoc.org", "组织编号应为数字", "org"));
        var ids = new List<long>();
        foreach (var text in values.Ids ?? [])
        {
            if (ParseLong(text) is long id) ids.Add(id);
            else errors.Add(Error.Validation("devdoc.ids", $"人员编号“{text}”无效", "ids"));
        }

        var from = ParseDate(values.From, "from", kind?.IsNotice() == true ? "公示开始日期" : "开始日期", errors);
        var to = ParseDate(values.To, "to", "结束日期", errors);
        int? days = null;
        if (!string.IsNullOrWhiteSpace(values.Days))
        {
            if (int.TryParse(values.Days.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)) days = d;
            else errors.Add(Error.Validation("devdoc.days", "公示工作日应为整数", "days"));
        }

        if (errors.Count > 0) return Result<OfficialDocument>.Failure(errors);
        var options = new NoticeOptions(from, days, values.Contact, values.Phone);
        return kind switch
        {
            DevelopmentDocumentKind.TargetNotice or DevelopmentDocumentKind.AdmissionNotice => await TargetNoticeAsync(kind.Value.TargetPurpose()!.Value, org, ids, options, scope, ct),
            DevelopmentDocumentKind.ConfirmationNotice => await ConfirmationNoticeAsync(org, ids, options, scope, ct),
            DevelopmentDocumentKind.ActivistReport => await FilingReportAsync(org, FilingKind.Activists, from, to, scope, ct),
            _ => await FilingReportAsync(org, FilingKind.Targets, from, to, scope, ct),
        };
    }

    public static IResult File(OfficialDocument document) =>
        Results.File(DevelopmentDocuments.Docx(document), DevelopmentDocuments.DocxContentType, DevelopmentDocuments.FileName(document));

    private static Result<OfficialDocument> Map<T>(Result<T> result, Func<T, OfficialDocument> layout) =>
        result.IsSuccess ? layout(result.Value) : Result<OfficialDocument>.Failure(result.Errors);

    private static long? ParseLong(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateOnly? ParseDate(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(Error.Validation("devdoc.date", $"{label}格式应为 yyyy-MM-dd", field));
        return null;
    }
}
