using Dangjian.Core.Features.Summaries;
using Dangjian.Documents.Docx;
using Dangjian.Documents.Xlsx;

namespace Dangjian.Documents.Summaries;

/// <summary>The files of a drafted 党建工作总结: the document (公文 layout) and the figures appendix (数字附表).</summary>
public static class SummaryDocuments
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> FigureHeaders = ["序号", "指标", "指标键", "数值", "单位", "说明"];
    private static readonly IReadOnlyList<double> FigureWidths = [6, 30, 40, 14, 8, 14];

    /// <summary>The draft as an <see cref="OfficialDocument"/>: title, headings and paragraphs as edited, 落款 = organization and date.</summary>
    public static OfficialDocument Document(SummaryDraftDetails draft)
    {
        var blocks = new List<DocumentBlock>();
        foreach (var block in draft.Blocks)
        {
            if (block.Text.Trim().Length == 0) continue;
            switch (block.Kind)
            {
                case SummaryBlockKinds.Heading1:
                    blocks.Add(new Heading1(block.Text));
                    break;
                case SummaryBlockKinds.Heading2:
                    blocks.Add(new Heading2(block.Text));
                    break;
                case SummaryBlockKinds.Paragraph:
                    // A paragraph edited into several lines becomes several paragraphs.
                    foreach (var line in block.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        blocks.Add(new BodyParagraph(line));
                    break;
            }
        }

        var title = draft.Blocks.FirstOrDefault(b => b.Kind == SummaryBlockKinds.Title)?.Text ?? draft.Title;
        return new OfficialDocument(title, blocks, draft.OrganizationName, draft.IssuedOn);
    }

    public static byte[] Docx(SummaryDraftDetails draft) => OfficialDocumentWriter.ToBytes(Document(draft));

    public static string DocxFileName(SummaryDraftDetails draft) => draft.FileName + ".docx";

    public static string XlsxFileName(SummaryDraftDetails draft) => draft.FileName + "-数字附表.xlsx";

    public static IEnumerable<IReadOnlyList<string?>> FigureRows(SummaryDraftDetails draft) =>
        draft.Figures.Select((f, i) => (IReadOnlyList<string?>)
        [
            (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), f.Label, f.Ref, f.Value is null ? "" : f.Text, f.Unit, f.Value is null ? "暂无数据" : "",
        ]);

    public static byte[] Xlsx(SummaryDraftDetails draft) => XlsxWriter.Write("数字附表", FigureHeaders, FigureRows(draft), FigureWidths);
}
