using Dangjian.Documents.Docx;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dangjian.Documents.Tests.Docx;

public sealed class OfficialDocumentWriterTests
{
    private const double TwipsPerMm = 56.7;

    [Fact]
    public void Write_Page_IsA4WithTheMarginsOfGbT9704()
    {
        using var docx = Open(SampleDocuments.Report());
        var section = docx.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();

        var size = section.GetFirstChild<PageSize>()!;
        size.Width!.Value.ShouldBe(11906u);
        size.Height!.Value.ShouldBe(16838u);
        size.Orient.ShouldBeNull();
        var margin = section.GetFirstChild<PageMargin>()!;
        (margin.Top!.Value / TwipsPerMm).ShouldBe(37, 0.05);
        (margin.Bottom!.Value / TwipsPerMm).ShouldBe(35, 0.05);
        (margin.Left!.Value / TwipsPerMm).ShouldBe(28, 0.05);
        (margin.Right!.Value / TwipsPerMm).ShouldBe(26, 0.05);
    }

    [Fact]
    public void Write_Title_Is方正小标宋简体二号Centred_FollowedByOneBlankLine()
    {
        using var docx = Open(SampleDocuments.Report());
        var paragraphs = Paragraphs(docx);

        paragraphs[0].InnerText.ShouldBe(SampleDocuments.Title);
        var title = StyleOf(docx, paragraphs[0]);
        Fonts(title).EastAsia!.Value.ShouldBe("方正小标宋简体");
        Fonts(title).Ascii!.Value.ShouldBe("方正小标宋简体");
        Fonts(title).HighAnsi!.Value.ShouldBe("方正小标宋简体");
        title.StyleRunProperties!.FontSize!.Val!.Value.ShouldBe("44");
        IsBold(title).ShouldBeFalse();
        title.StyleParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center);
        paragraphs[1].InnerText.ShouldBeEmpty();
        paragraphs[2].InnerText.ShouldStartWith("2026年，区委坚持");
    }

    [Fact]
    public void Write_Body_Is仿宋GB2312三号JustifiedWithTwoCharacterIndent()
    {
        using var docx = Open(SampleDocuments.Report());
        var body = StyleOf(docx, Paragraphs(docx).First(p => p.InnerText.StartsWith("全年组织", StringComparison.Ordinal)));

        Fonts(body).EastAsia!.Value.ShouldBe("仿宋_GB2312");
        Fonts(body).Ascii!.Value.ShouldBe("仿宋_GB2312");
        body.StyleRunProperties!.FontSize!.Val!.Value.ShouldBe("32");
        IsBold(body).ShouldBeFalse();
        var indentation = body.StyleParagraphProperties!.Indentation!;
        indentation.FirstLineChars!.Value.ShouldBe(200);
        indentation.FirstLine!.Value.ShouldBe("640");
        body.StyleParagraphProperties.Justification!.Val!.Value.ShouldBe(JustificationValues.Both);
        FontTable(docx)["仿宋_GB2312"].ShouldBe("仿宋");
    }

    [Fact]
    public void Write_Headings_Level1黑体Level2楷体GB2312_三号IndentedNotBold()
    {
        using var docx = Open(SampleDocuments.Report());
        var paragraphs = Paragraphs(docx);
        var level1 = StyleOf(docx, paragraphs.Single(p => p.InnerText == "一、主要工作及成效"));
        var level2 = StyleOf(docx, paragraphs.Single(p => p.InnerText == "（一）思想建设持续加强"));

        Fonts(level1).EastAsia!.Value.ShouldBe("黑体");
        Fonts(level2).EastAsia!.Value.ShouldBe("楷体_GB2312");
        foreach (var heading in new[] { level1, level2 })
        {
            heading.StyleRunProperties!.FontSize!.Val!.Value.ShouldBe("32");
            IsBold(heading).ShouldBeFalse();
            heading.StyleParagraphProperties!.Indentation!.FirstLineChars!.Value.ShouldBe(200);
        }

        level1.StyleParagraphProperties!.OutlineLevel!.Val!.Value.ShouldBe(0);
        level2.StyleParagraphProperties!.OutlineLevel!.Val!.Value.ShouldBe(1);
        FontTable(docx).Keys.ShouldBe(["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"], ignoreOrder: true);
    }

    [Fact]
    public void Write_LineGridAndLetterSpacing_Give22LinesOf28Characters()
    {
        using var docx = Open(SampleDocuments.Report());
        var section = docx.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        var margin = section.GetFirstChild<PageMargin>()!;
        var size = section.GetFirstChild<PageSize>()!;
        var grid = section.GetFirstChild<DocGrid>()!;
        var styles = docx.MainDocumentPart.StyleDefinitionsPart!.Styles!;
        var normal = styles.Elements<Style>().Single(s => s.StyleId == "Normal");

        grid.Type!.Value.ShouldBe(DocGridValues.Lines);
        grid.LinePitch!.Value.ShouldBe(579);
        var spacing = normal.StyleParagraphProperties!.SpacingBetweenLines!;
        spacing.Line!.Value.ShouldBe("579");
        spacing.LineRule!.Value.ShouldBe(LineSpacingRuleValues.Exact);
        var textHeight = (int)size.Height!.Value - margin.Top!.Value - margin.Bottom!.Value;
        (textHeight / 579).ShouldBe(22);

        // Each 三号 character is 320 twips plus the letter spacing (twentieths of a point = twips).
        var letterSpacing = normal.StyleRunProperties!.GetFirstChild<Spacing>()!.Val!.Value;
        var textWidth = (int)(size.Width!.Value - margin.Left!.Value - margin.Right!.Value);
        (textWidth / (320 + letterSpacing)).ShouldBe(28);
        styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Spacing>()!.Val!.Value.ShouldBe(letterSpacing);
    }

    [Fact]
    public void Write_Footers_PageFieldBetweenDashes_OddRightEvenLeft_4号宋体()
    {
        using var docx = Open(SampleDocuments.Report());
        var main = docx.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();

        main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>().ShouldNotBeNull();
        var references = section.Elements<FooterReference>().ToDictionary(r => r.Type!.Value, r => (FooterPart)main.GetPartById(r.Id!.Value!));
        references.Keys.ShouldBe([HeaderFooterValues.Default, HeaderFooterValues.Even], ignoreOrder: true);
        foreach (var (type, part) in references)
        {
            var paragraph = part.Footer!.Elements<Paragraph>().Single();
            paragraph.Descendants<FieldCode>().Single().Text.Trim().ShouldBe("PAGE");
            paragraph.Descendants<FieldChar>().Select(f => f.FieldCharType!.Value)
                .ShouldBe([FieldCharValues.Begin, FieldCharValues.Separate, FieldCharValues.End]);
            paragraph.Descendants<Text>().First().Text.ShouldBe("— ");
            paragraph.Descendants<Text>().Last().Text.ShouldBe(" —");
            var expected = type == HeaderFooterValues.Default ? JustificationValues.Right : JustificationValues.Left;
            paragraph.ParagraphProperties!.Justification!.Val!.Value.ShouldBe(expected);

            var style = StyleOf(docx, paragraph);
            Fonts(style).Ascii!.Value.ShouldBe("宋体");
            Fonts(style).EastAsia!.Value.ShouldBe("宋体");
            style.StyleRunProperties!.FontSize!.Val!.Value.ShouldBe("28");
        }
    }

    [Fact]
    public void Write_Closing_BlankLineThenIssuerThenDate_RightAlignedDate右空四字()
    {
        using var docx = Open(SampleDocuments.Report());
        var paragraphs = Paragraphs(docx);

        paragraphs[^3].InnerText.ShouldBeEmpty();
        paragraphs[^2].InnerText.ShouldBe(SampleDocuments.Issuer);
        // The 落款 never starts a page on its own: the last paragraph of the text and the blank line keep with it.
        paragraphs[^4].ParagraphProperties!.KeepNext.ShouldNotBeNull();
        paragraphs[^3].ParagraphProperties!.KeepNext.ShouldNotBeNull();
        paragraphs[^1].InnerText.ShouldBe("2026年12月3日");
        var date = StyleOf(docx, paragraphs[^1]);
        date.StyleParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Right);
        date.StyleParagraphProperties.Indentation!.RightChars!.Value.ShouldBe(400);
        StyleOf(docx, paragraphs[^2]).StyleParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Right);

        // Centred over the date: 11 characters over 6.5 (four half-width digits, 年, two digits, 月, one digit, 日).
        paragraphs[^2].ParagraphProperties!.Indentation!.RightChars!.Value.ShouldBe(175);
    }

    [Theory]
    [InlineData(2026, 12, 3, "2026年12月3日")]
    [InlineData(2027, 1, 5, "2027年1月5日")]
    [InlineData(2030, 10, 31, "2030年10月31日")]
    public void FormatDate_ArabicNumerals_NoLeadingZeros(int year, int month, int day, string expected) =>
        OfficialDocumentWriter.FormatDate(new DateOnly(year, month, day)).ShouldBe(expected);

    [Fact]
    public void Write_ChineseText_RoundTripsWithCorePropertiesAndLanguage()
    {
        var sample = SampleDocuments.Report();
        using var docx = Open(sample);

        var expected = new List<string> { sample.Title, "" };
        foreach (var block in sample.Blocks)
        {
            switch (block)
            {
                case Heading1 h: expected.Add(h.Text); break;
                case Heading2 h: expected.Add(h.Text); break;
                case BodyParagraph p: expected.Add(p.Text); break;
            }
        }

        expected.AddRange(["", SampleDocuments.Issuer, "2026年12月3日"]);
        docx.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ShouldBe(expected);
        docx.PackageProperties.Title.ShouldBe(sample.Title);
        docx.PackageProperties.Language.ShouldBe("zh-CN");
        var defaults = docx.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        defaults.GetFirstChild<Languages>()!.EastAsia!.Value.ShouldBe("zh-CN");
        Validate(OfficialDocumentWriter.ToBytes(sample)).ShouldBeEmpty();
    }

    [Fact]
    public void Write_NoBlocksNoClosing_StillAValidDocumentWithTitle()
    {
        var bytes = OfficialDocumentWriter.ToBytes(new OfficialDocument("通知", []));

        Validate(bytes).ShouldBeEmpty();
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Paragraphs(docx).Select(p => p.InnerText).ShouldBe(["通知", ""]);
        docx.MainDocumentPart!.FooterParts.Count().ShouldBe(2);
    }

    [Fact]
    public void Write_EmptyTitleOnlyDate_ValidWithDateOnly()
    {
        var bytes = OfficialDocumentWriter.ToBytes(new OfficialDocument("", [], Date: new DateOnly(2026, 7, 1)));

        Validate(bytes).ShouldBeEmpty();
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Paragraphs(docx).Select(p => p.InnerText).ShouldBe(["", "", "", "2026年7月1日"]);
    }

    [Fact]
    public void Write_VeryLongParagraph_KeptWhole()
    {
        var text = SampleDocuments.LongText(50_000);

        var bytes = OfficialDocumentWriter.ToBytes(new OfficialDocument("长文", [new BodyParagraph(text)]));

        Validate(bytes).ShouldBeEmpty();
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Paragraphs(docx)[2].InnerText.ShouldBe(text);
    }

    [Fact]
    public void Write_LineBreaksAndControlCharacters_BreaksKeptControlsDropped()
    {
        var bytes = OfficialDocumentWriter.ToBytes(new OfficialDocument("标题", [new BodyParagraph("第一行\r\n第二行\u0001\u000B结束")]));

        Validate(bytes).ShouldBeEmpty();
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var paragraph = Paragraphs(docx)[2];
        paragraph.Descendants<Text>().Select(t => t.Text).ShouldBe(["第一行", "第二行结束"]);
        paragraph.Descendants<Break>().Count().ShouldBe(1);
    }

    [Fact]
    public void Write_Table_BorderedBoldRepeatedHeaderRow_RowsAsGiven()
    {
        var table = new BodyTable(["姓名", "职务", "得票"], [["张三", "书记", "45"], ["李四", "委员"]]);
        var bytes = OfficialDocumentWriter.ToBytes(new OfficialDocument("选举结果", [table, table, new BodyParagraph("以上。")]));

        Validate(bytes).ShouldBeEmpty();
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = docx.MainDocumentPart!.Document.Body!;
        var tables = body.Elements<Table>().ToList();
        tables.Count.ShouldBe(2);
        tables[0].NextSibling().ShouldBeOfType<Paragraph>(); // Word would merge adjacent tables.
        tables[1].NextSibling().ShouldBeOfType<Paragraph>().InnerText.ShouldBe("以上。");

        var rows = tables[0].Elements<TableRow>().ToList();
        rows.Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())
            .ShouldBe([["姓名", "职务", "得票"], ["张三", "书记", "45"], ["李四", "委员", ""]]);
        rows[0].TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull();

        var header = StyleOf(docx, rows[0].Descendants<Paragraph>().First());
        header.StyleRunProperties!.Bold!.Val.ShouldBeNull(); // <w:b/> is on
        var cell = StyleOf(docx, rows[1].Descendants<Paragraph>().First());
        IsBold(cell).ShouldBeFalse();
        Fonts(cell).EastAsia!.Value.ShouldBe("仿宋_GB2312");
        cell.StyleRunProperties!.FontSize!.Val!.Value.ShouldBe("28");

        var styleId = tables[0].GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value!;
        var borders = docx.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == styleId)
            .StyleTableProperties!.TableBorders!;
        borders.InsideHorizontalBorder!.Val!.Value.ShouldBe(BorderValues.Single);
        borders.InsideVerticalBorder!.Val!.Value.ShouldBe(BorderValues.Single);
        borders.TopBorder!.Val!.Value.ShouldBe(BorderValues.Single);
    }

    [Fact]
    public void Write_TableWithoutHeaderOrRows_ValidAndWithoutBlankBoldRow()
    {
        var bytes = OfficialDocumentWriter.ToBytes(new OfficialDocument("表",
            [new BodyTable([], [["甲", "乙"]]), new BodyParagraph("间隔"), new BodyTable([], [])]));

        Validate(bytes).ShouldBeEmpty();
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var tables = docx.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        tables[0].Elements<TableRow>().Select(r => r.InnerText).ShouldBe(["甲乙"]);
        tables[0].Elements<TableRow>().Single().TableRowProperties!.GetFirstChild<TableHeader>().ShouldBeNull();
        tables[1].Elements<TableRow>().Count().ShouldBe(1);
    }

    private static WordprocessingDocument Open(OfficialDocument document) =>
        WordprocessingDocument.Open(new MemoryStream(OfficialDocumentWriter.ToBytes(document)), false);

    private static List<Paragraph> Paragraphs(WordprocessingDocument docx) =>
        docx.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();

    private static Style StyleOf(WordprocessingDocument docx, Paragraph paragraph)
    {
        var id = paragraph.ParagraphProperties!.ParagraphStyleId!.Val!.Value;
        return docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == id);
    }

    private static RunFonts Fonts(Style style) => style.StyleRunProperties!.RunFonts!;

    private static bool IsBold(Style style) => style.StyleRunProperties!.Bold is { } bold && (bold.Val is null || bold.Val.Value);

    private static Dictionary<string, string> FontTable(WordprocessingDocument docx) =>
        docx.MainDocumentPart!.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName!.Val!.Value!);

    private static List<string> Validate(byte[] bytes)
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return new OpenXmlValidator(FileFormatVersions.Office2016).Validate(docx)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }
}
