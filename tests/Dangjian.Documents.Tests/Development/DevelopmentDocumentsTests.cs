using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Development.Documents;
using Dangjian.Documents.Development;
using Dangjian.Documents.Docx;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dangjian.Documents.Tests.Development;

public sealed class DevelopmentDocumentsTests
{
    [Fact]
    public void NoticePeriod_StartingMonday28September2026_EndsFriday9OctoberAcross国庆()
    {
        // 9-28, 9-29, 9-30 are working days; 10-1..10-7 are off; 10-8 and 10-9 make five.
        var period = NoticePeriod.Of(new DateOnly(2026, 9, 28), 5, DevelopmentSamples.Calendar2026);

        period.To.ShouldBe(new DateOnly(2026, 10, 9));
        DevelopmentSamples.Calendar2026.WorkingDaysBetween(period.From, period.To).ShouldBe(5);
    }

    [Fact]
    public void NoticePeriod_Starting30September2026_Counts调休Saturday10OctoberAndEndsMonday12October()
    {
        // 9-30 (1), 10-8 (2), 10-9 (3), Saturday 10-10 is a 调休上班日 (4), Sunday 10-11 is off, 10-12 (5).
        var period = NoticePeriod.Of(new DateOnly(2026, 9, 30), 5, DevelopmentSamples.Calendar2026);

        period.To.ShouldBe(new DateOnly(2026, 10, 12));
        // On the bare week the same notice would wrongly end on 10-6, inside the holiday.
        NoticePeriod.Of(new DateOnly(2026, 9, 30), 5, WorkingDayCalendar.WeekOnly).To.ShouldBe(new DateOnly(2026, 10, 6));
    }

    [Fact]
    public void TargetNotice_AcrossNationalDay_PrintsTitlePeopleDatesAndPeriod()
    {
        var notice = DevelopmentSamples.TargetNotice(NoticePeriod.Of(new DateOnly(2026, 9, 30), 5, DevelopmentSamples.Calendar2026));

        using var docx = Open(DevelopmentDocuments.TargetNotice(notice));
        var paragraphs = Paragraphs(docx);

        paragraphs[0].ShouldBe("关于拟确定王晓明等3名同志为发展对象的公示");
        var text = string.Join("\n", paragraphs);
        text.ShouldContain("公示时间：2026年9月30日至2026年10月12日（5个工作日）。");
        text.ShouldContain("联系人：陈老师　联系电话：010-6543 2100");
        text.ShouldContain("拟将以下3名同志确定为发展对象，现予公示。");
        // 落款: the branch over the first day of the 公示, last.
        paragraphs[^2].ShouldBe(DevelopmentSamples.Branch);
        paragraphs[^1].ShouldBe("2026年9月30日");
        var rows = TableRows(docx).Single();
        rows[0].ShouldBe(["序号", "姓名", "性别", "出生年月", "学历", "工作单位", "申请入党时间", "确定为积极分子时间"]);
        rows.Count.ShouldBe(4);
        rows[1].ShouldBe(["1", "王晓明", "男", "1996.05", "大学本科", "区第一中学", "2024.09.02", "2025.03.10"]);
        rows[2][1].ShouldBe("李芳");
        rows[3][7].ShouldBe("2025.05.19");
    }

    [Fact]
    public void AdmissionNotice_AcrossNationalDay_PrintsTitleTargetDatesSponsorsAndPeriod()
    {
        using var docx = Open(DevelopmentDocuments.TargetNotice(DevelopmentSamples.AdmissionNotice()));
        var paragraphs = Paragraphs(docx);

        // 24 characters of 二号 do not fit one line: broken before the phrase, not inside it.
        DevelopmentDocuments.TargetNotice(DevelopmentSamples.AdmissionNotice()).Title.ShouldBe("关于拟接收王晓明等2名同志\n为中共预备党员的公示");
        paragraphs[0].ShouldBe("关于拟接收王晓明等2名同志为中共预备党员的公示");
        var text = string.Join("\n", paragraphs);
        text.ShouldContain("以下2名发展对象");
        text.ShouldContain("拟提交支部党员大会讨论接收为中共预备党员，现予公示。");
        // 9-30, 10-1..10-7 off, 10-8, 10-9, Saturday 10-10 worked (调休), Sunday 10-11 off, 10-12.
        text.ShouldContain("公示时间：2026年9月30日至2026年10月12日（5个工作日）。");
        text.ShouldContain("联系人：陈老师　联系电话：010-6543 2100");
        text.ShouldNotContain("确定为发展对象，现予公示"); // not the other 公示's wording
        paragraphs[^2].ShouldBe(DevelopmentSamples.Branch);
        paragraphs[^1].ShouldBe("2026年9月30日");
        var rows = TableRows(docx).Single();
        rows[0].ShouldBe(["姓名", "性别", "出生年月", "学历", "工作单位", "申请入党时间", "确定为发展对象时间", "入党介绍人"]);
        rows.Count.ShouldBe(3);
        rows[1].ShouldBe(["王晓明", "男", "1996.05", "大学本科", "区第一中学", "2024.09", "2026.03.16", "张建国王红"]); // one sponsor a line
        rows[2][^2..].ShouldBe(["2026.04.27", "刘卫东陈丽华"]);
        DevelopmentDocuments.FileName(DevelopmentDocuments.TargetNotice(DevelopmentSamples.AdmissionNotice())).ShouldBe("关于拟接收王晓明等2名同志为中共预备党员的公示.docx");
    }

    [Fact]
    public void ConfirmationNotice_PrintsVoteDateProbationEndAndBranch_WithTheExtension()
    {
        using var docx = Open(DevelopmentDocuments.ConfirmationNotice(DevelopmentSamples.ConfirmationNotice()));
        var paragraphs = Paragraphs(docx);

        paragraphs[0].ShouldBe("关于周敏等2名同志预备党员拟转正的公示");
        string.Join("\n", paragraphs).ShouldContain("公示时间：2026年12月3日至2026年12月9日（5个工作日）。");
        var rows = TableRows(docx).Single();
        rows[0].ShouldBe(["序号", "姓名", "性别", "出生年月", "学历", "所在党支部", "入党时间", "预备期满时间"]);
        rows[1].ShouldBe(["1", "周敏", "女", "1995.07", "大学本科", "第一支部", "2025.12.18", "2026.12.18"]);
        rows[2][7].ShouldBe("2026.12.20延长6个月"); // on a second line
        paragraphs[^1].ShouldBe("2026年12月3日");
    }

    [Fact]
    public void FilingReport_Activists_AddressedToTheUpperCommittee_WithMentorsInTheTable()
    {
        using var docx = Open(DevelopmentDocuments.FilingReport(DevelopmentSamples.FilingReport()));
        var body = docx.MainDocumentPart!.Document.Body!;
        var paragraphs = Paragraphs(docx);

        paragraphs[0].ShouldBe("关于确定入党积极分子的备案报告");
        paragraphs[1].ShouldBeEmpty();
        paragraphs[2].ShouldBe(DevelopmentSamples.Committee + "：");
        // 主送机关 居左顶格 (GB/T 9704 7.3.4): its style has no first-line indent, unlike the body.
        var addressee = body.Elements<Paragraph>().ElementAt(2).ParagraphProperties!.ParagraphStyleId!.Val!.Value!;
        var style = docx.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == addressee);
        style.StyleParagraphProperties!.Indentation!.FirstLineChars!.Value.ShouldBe(0);
        paragraphs[3].ShouldContain("2026年7月1日至2026年11月30日");
        paragraphs[3].ShouldContain("共确定入党积极分子3名");
        var rows = TableRows(docx).Single();
        rows[0].ShouldBe(["姓名", "性别", "出生年月", "学历", "工作单位", "申请入党时间", "确定为积极分子时间", "培养联系人"]);
        rows.Count.ShouldBe(4);
        rows[1].ShouldBe(["刘洋", "男", "1998.03", "大学本科", "某某区第一中学", "2026.01", "2026.07.15", "张建国王红"]); // one name a line
        rows[3][^1].ShouldBeEmpty();
        paragraphs.ShouldContain("特此报告。");
        paragraphs[^2].ShouldBe(DevelopmentSamples.Branch);
        paragraphs[^1].ShouldBe("2026年12月3日");
    }

    [Fact]
    public void FilingReport_Targets_NamesSponsorsAndTheYearOfTraining()
    {
        var report = DevelopmentSamples.FilingReport(FilingKind.Targets) with { Addressee = null };

        using var docx = Open(DevelopmentDocuments.FilingReport(report));
        var paragraphs = Paragraphs(docx);

        paragraphs[0].ShouldBe("关于确定发展对象的备案报告");
        paragraphs[2].ShouldBe("上级党委：");
        paragraphs[3].ShouldContain("一年以上的培养教育和考察");
        TableRows(docx).Single()[0][^2..].ShouldBe(["确定为发展对象时间", "入党介绍人"]);
    }

    [Fact]
    public void Names_OneOrSeveral_AsTitlesWriteThem()
    {
        DevelopmentDocuments.Names(["王晓明"]).ShouldBe("王晓明同志");
        DevelopmentDocuments.Names(["王晓明", "李芳"]).ShouldBe("王晓明等2名同志");
        DevelopmentDocuments.FileName(DevelopmentDocuments.TargetNotice(DevelopmentSamples.TargetNotice())).ShouldBe("关于拟确定王晓明等3名同志为发展对象的公示.docx");
    }

    [Fact]
    public void AllDocuments_AreValidOpenXml_WithTheTableColumnWidthsGiven()
    {
        foreach (var document in new[]
                 {
                     DevelopmentDocuments.TargetNotice(DevelopmentSamples.TargetNotice()),
                     DevelopmentDocuments.TargetNotice(DevelopmentSamples.AdmissionNotice()),
                     DevelopmentDocuments.ConfirmationNotice(DevelopmentSamples.ConfirmationNotice()),
                     DevelopmentDocuments.FilingReport(DevelopmentSamples.FilingReport()),
                 })
        {
            using var docx = Open(document);
            var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(docx).ToList();
            errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
            var grid = docx.MainDocumentPart!.Document.Body!.Descendants<GridColumn>().Select(g => int.Parse(g.Width!.Value!)).ToList();
            grid.Min().ShouldBeLessThan(grid.Max());
            grid.Sum().ShouldBeLessThanOrEqualTo(11906 - 1588 - 1474);
        }
    }

    private static WordprocessingDocument Open(OfficialDocument document) =>
        WordprocessingDocument.Open(new MemoryStream(OfficialDocumentWriter.ToBytes(document)), false);

    /// <summary>The text of the body's own paragraphs (not those inside tables), in order.</summary>
    private static List<string> Paragraphs(WordprocessingDocument docx) =>
        docx.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

    private static List<List<List<string>>> TableRows(WordprocessingDocument docx) =>
        docx.MainDocumentPart!.Document.Body!.Elements<Table>()
            .Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList();
}
