using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dangjian.Documents.Docx;

/// <summary>
/// Lays out an <see cref="OfficialDocument"/> as a .docx in the format of GB/T 9704-2012《党政机关公文格式》
/// (architecture decision 11, docs/adr/0012): A4 with the 版心 of clause 5.2.1, 22 lines × 28 characters (5.2.3),
/// the fonts of 5.2.2 and 7.3 and the page numbers of 7.5. Everything is carried by named styles, so a user who edits the file in
/// Word or WPS keeps the layout, and features never deal with fonts, margins or OpenXML.
/// </summary>
public static class OfficialDocumentWriter
{
    // GB/T 9704 5.2.1: A4, 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm, hence bottom 35 mm and right 26 mm.
    private const uint PageWidth = 11906;
    private const uint PageHeight = 16838;
    private static readonly int MarginTop = Mm(37);
    private static readonly int MarginBottom = Mm(35);
    private static readonly int MarginLeft = Mm(28);
    private static readonly int MarginRight = Mm(26);

    // GB/T 9704 5.2.3: 22 lines of 28 characters, filling the 版心. The 版心 is 225 mm = 12 755 twips high, so a line grid with a pitch of
    // 579 twips (28.95 pt) and the same exact line spacing puts exactly 22 lines on it. 28 characters of 三号 (16 pt)
    // would need 158 mm of the 156 mm line, so each character is drawn 0.25 pt narrower (LetterSpacing, below).
    private const int LinePitch = 579;
    private const int CharactersPerLine = 28;

    /// <summary>
    /// GB/T 9704 7.5: the 一字线 of the page number lies 7 mm below the 版心. The footer line is 14 pt (4.9 mm) high with
    /// the dash about 2.4 mm below its top, so the footer ends 35 − 7 + 2.4 − 4.9 ≈ 25.5 mm above the page's edge.
    /// </summary>
    private static readonly int FooterDistance = (int)Math.Round(25.5 * 56.7);

    /// <summary>
    /// Character spacing in twentieths of a point that makes 28 三号 characters fit the 156 mm line and 29 not
    /// (GB/T 9704 5.2.3): −5, i.e. 15.75 pt per character. This is done with character spacing and a line-only grid rather
    /// than a character grid (w:docGrid type="linesAndChars" with a negative w:charSpace), because LibreOffice (7.4)
    /// gives each character two cells of a character grid narrower than the font, which halves the line to 14
    /// characters. Character spacing is plain run formatting, supported by Word, WPS and LibreOffice alike.
    /// </summary>
    private static readonly int LetterSpacing = (int)Math.Floor(((int)PageWidth - MarginLeft - MarginRight) / (double)CharactersPerLine - SizeSanHao * 10);

    // Font sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt.
    private const int SizeErHao = 44;
    private const int SizeSanHao = 32;
    private const int SizeSiHao = 28;

    // GB/T 9704 7.3.1 (title), 5.2.2 and 7.3.3 (body, first two heading levels), 7.5 (page numbers): the names the
    // standard uses. Each has a fallback in the font table (altName) for machines without the official fonts.
    private const string FontTitle = "方正小标宋简体";
    private const string FontBody = "仿宋_GB2312";
    private const string FontHeading1 = "黑体";
    private const string FontHeading2 = "楷体_GB2312";
    private const string FontPageNumber = "宋体";

    private static readonly (string Name, string AltName, FontFamilyValues Family)[] FontFallbacks =
    [
        (FontTitle, "宋体", FontFamilyValues.Roman),
        (FontBody, "仿宋", FontFamilyValues.Modern),
        (FontHeading1, "SimHei", FontFamilyValues.Modern),
        (FontHeading2, "楷体", FontFamilyValues.Modern),
        (FontPageNumber, "SimSun", FontFamilyValues.Auto),
    ];

    private const string StyleBody = "BodyText";
    private const string StyleTitle = "Title";
    private const string StyleAddressee = "Salutation";
    private const string StyleHeading1 = "Heading1";
    private const string StyleHeading2 = "Heading2";
    private const string StyleSignature = "Signature";
    private const string StyleDate = "Date";
    private const string StyleTableText = "TableText";
    private const string StyleTableHeading = "TableHeading";
    private const string StyleTable = "TableGrid";
    private const string StyleFooter = "Footer";

    public static byte[] ToBytes(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    public static void Write(OfficialDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = document.Title.Replace("\n", ""); // a title broken over two lines is one title
        package.PackageProperties.Language = "zh-CN";

        var main = package.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = StyleSheet();
        main.AddNewPart<FontTablePart>().Fonts = FontTable();
        main.AddNewPart<DocumentSettingsPart>().Settings = DocumentSettings();

        var body = new Body();
        body.Append(Para(StyleTitle, document.Title));
        body.Append(Para(StyleBody, "")); // 7.3.2: what follows the title starts one line below it.
        DocumentBlock? previous = null;
        foreach (var block in document.Blocks)
        {
            // Word merges two adjacent tables into one, so they need a paragraph between them.
            if (previous is BodyTable && block is BodyTable)
            {
                body.Append(Para(StyleBody, ""));
            }

            body.Append(Block(block));
            previous = block;
        }

        var closing = Closing(document.Issuer, document.Date).ToList();
        if (closing.Count > 0 && body.LastChild is Paragraph last)
        {
            // The 落款 never stands alone on a page (GB/T 9704 7.3.5.5 would rather tighten the text): the last paragraph
            // goes with it.
            last.ParagraphProperties!.Append(new KeepNext());
        }

        body.Append(closing);
        body.Append(Section(main));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>"2026年12月3日": GB/T 9704 7.3.5.4 wants Arabic numerals, the full year, and no leading zeros.</summary>
    public static string FormatDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private static OpenXmlElement Block(DocumentBlock block) => block switch
    {
        Addressee a => Para(StyleAddressee, a.Text),
        Heading1 h => Para(StyleHeading1, h.Text),
        Heading2 h => Para(StyleHeading2, h.Text),
        BodyParagraph p => Para(StyleBody, p.Text),
        BodyTable t => TableOf(t),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "unknown block type"),
    };

    /// <summary>
    /// The 落款 per GB/T 9704 7.3.5.1 (sealed documents, the usual case): one blank line after the body, the date
    /// 右空四字, and the issuing organization centred over the date. Both lines are right-aligned; the issuer's right
    /// indent is the date's plus half the difference of their widths.
    /// </summary>
    private static IEnumerable<Paragraph> Closing(string? issuer, DateOnly? date)
    {
        if (string.IsNullOrEmpty(issuer) && date is null)
        {
            yield break;
        }

        var blank = Para(StyleBody, "");
        blank.ParagraphProperties!.Append(new KeepNext());
        yield return blank;
        var dateText = date is { } d ? FormatDate(d) : null;
        if (!string.IsNullOrEmpty(issuer))
        {
            var shift = dateText is null ? 0 : (WidthInChars(dateText) - WidthInChars(issuer)) / 2;
            var paragraph = Para(StyleSignature, issuer);
            var rightChars = (int)Math.Round(Math.Max(0, 4 + shift) * 100);
            paragraph.ParagraphProperties!.Append(new Indentation { RightChars = rightChars, Right = CharsToTwips(rightChars) });
            yield return paragraph;
        }

        if (dateText is not null)
        {
            yield return Para(StyleDate, dateText);
        }
    }

    /// <summary>Width in full-width characters: ASCII (the Arabic numerals of a date) is half-width.</summary>
    private static double WidthInChars(string text) => text.Sum(c => c < 0x80 ? 0.5 : 1.0);

    private static Paragraph Para(string style, string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        var lines = Clean(text).Split('\n');
        var run = new Run();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            if (lines[i].Length > 0)
            {
                run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }

        if (run.HasChildren)
        {
            paragraph.Append(run);
        }

        return paragraph;
    }

    /// <summary>Line breaks in the text become line breaks (回行顶格); characters XML cannot carry are dropped.</summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n'))
        {
            if (c is '\n' or '\t' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static Table TableOf(BodyTable table)
    {
        var columns = Math.Max(table.Header.Count, table.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max());
        var textWidth = (int)PageWidth - MarginLeft - MarginRight;
        var grid = new TableGrid();
        var widths = table.Widths is { } w && w.Count == columns && w.All(x => x > 0) ? w : Enumerable.Repeat(1.0, Math.Max(columns, 1)).ToList();
        var total = widths.Sum();
        foreach (var width in widths)
        {
            grid.Append(new GridColumn { Width = ((int)(textWidth * width / total)).ToString(CultureInfo.InvariantCulture) });
        }

        var result = new Table(
            new TableProperties(
                new TableStyle { Val = StyleTable },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0", FirstRow = true, NoVerticalBand = true }),
            grid);
        // A table without a header row gets none; OpenXML needs at least one row, so an entirely empty table keeps one.
        if (table.Header.Count > 0 || table.Rows.Count == 0)
        {
            result.Append(RowOf(table.Header, columns, header: true));
        }

        foreach (var row in table.Rows)
        {
            result.Append(RowOf(row, columns, header: false));
        }

        return result;
    }

    private static TableRow RowOf(IReadOnlyList<string> cells, int columns, bool header)
    {
        // The header row repeats on every page and no row splits across pages, as on a printed 附表.
        var row = new TableRow(header
            ? new TableRowProperties(new CantSplit(), new TableHeader())
            : new TableRowProperties(new CantSplit()));
        for (var c = 0; c < Math.Max(columns, 1); c++)
        {
            var text = c < cells.Count ? cells[c] : "";
            row.Append(new TableCell(
                new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                Para(header ? StyleTableHeading : StyleTableText, text)));
        }

        return row;
    }

    private static SectionProperties Section(MainDocumentPart main)
    {
        // GB/T 9704 7.5: page numbers right-aligned on odd pages and left-aligned on even pages, so the document needs
        // separate odd (default) and even footers, enabled by evenAndOddHeaders in the settings.
        var odd = AddFooter(main, JustificationValues.Right);
        var even = AddFooter(main, JustificationValues.Left);
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(odd) },
            new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(even) },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin
            {
                Top = MarginTop,
                Bottom = MarginBottom,
                Left = (uint)MarginLeft,
                Right = (uint)MarginRight,
                Header = (uint)Mm(15),
                Footer = (uint)FooterDistance,
                Gutter = 0,
            },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch });
    }

    private static FooterPart AddFooter(MainDocumentPart main, JustificationValues side)
    {
        // "单页码居右空一字，双页码居左空一字": one character of space on the outer side.
        var indentation = side == JustificationValues.Right
            ? new Indentation { RightChars = 100, Right = "280" }
            : new Indentation { LeftChars = 100, Left = "280" };
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = StyleFooter }, indentation, new Justification { Val = side }),
            Dash("— "),
            FieldCharacter(FieldCharValues.Begin),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            FieldCharacter(FieldCharValues.Separate),
            new Run(new Text("1")),
            FieldCharacter(FieldCharValues.End),
            Dash(" —")));
        return part;
    }

    /// <summary>The 一字线 is a full-width dash: the east-Asian hint keeps Word from drawing U+2014 in the Latin font.</summary>
    private static Run Dash(string text) =>
        new(new RunProperties(new RunFonts { Hint = FontTypeHintValues.EastAsia }), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Run FieldCharacter(FieldCharValues type) => new(new FieldChar { FieldCharType = type });

    private static Styles StyleSheet()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                FontsOf(FontBody),
                new Spacing { Val = LetterSpacing },
                new FontSize { Val = Half(SizeSanHao) },
                new FontSizeComplexScript { Val = Half(SizeSanHao) },
                new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0", Line = LinePitch.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact }))));

        // Normal carries the body font and the fixed 28.95 pt line; every other style starts from it.
        styles.Append(ParagraphStyle("Normal", "Normal", null, isDefault: true,
            ParagraphStyleProperties(JustificationValues.Both, firstLineChars: 0),
            RunStyle(FontBody, SizeSanHao)));
        // 7.3.3: body paragraphs 左空二字, 回行顶格, justified.
        styles.Append(ParagraphStyle(StyleBody, "Body Text", "Normal", isDefault: false,
            ParagraphStyleProperties(JustificationValues.Both, firstLineChars: 200),
            RunStyle(FontBody, SizeSanHao)));
        // 7.3.1: title 2号小标宋体, centred; 小标宋 is already heavy, so no bold. Off the grid, so that a 22 pt line keeps
        // the 28.95 pt spacing instead of taking two grid lines (as LibreOffice does), and a two-line title stays compact.
        styles.Append(ParagraphStyle(StyleTitle, "Title", "Normal", isDefault: false,
            ParagraphStyleProperties(JustificationValues.Center, firstLineChars: 0, keepNext: true, snapToGrid: false),
            RunStyle(FontTitle, SizeErHao)));
        // 7.3.4: 主送机关 居左顶格, in the body font.
        styles.Append(ParagraphStyle(StyleAddressee, "Salutation", "Normal", isDefault: false,
            ParagraphStyleProperties(JustificationValues.Both, firstLineChars: 0),
            RunStyle(FontBody, SizeSanHao)));
        // 7.3.3: 第一层 "一、" 黑体, 第二层 "（一）" 楷体, same size and indent as the body, not bold.
        styles.Append(ParagraphStyle(StyleHeading1, "heading 1", StyleBody, isDefault: false,
            ParagraphStyleProperties(JustificationValues.Both, firstLineChars: 200, outline: 0, keepNext: true),
            RunStyle(FontHeading1, SizeSanHao)));
        styles.Append(ParagraphStyle(StyleHeading2, "heading 2", StyleBody, isDefault: false,
            ParagraphStyleProperties(JustificationValues.Both, firstLineChars: 200, outline: 1, keepNext: true),
            RunStyle(FontHeading2, SizeSanHao)));
        // 7.3.5.1: 落款. The date 右空四字; the issuer's own indent is set on its paragraph (centred over the date).
        styles.Append(ParagraphStyle(StyleSignature, "Signature", "Normal", isDefault: false,
            ParagraphStyleProperties(JustificationValues.Right, firstLineChars: 0, keepNext: true),
            RunStyle(FontBody, SizeSanHao)));
        styles.Append(ParagraphStyle(StyleDate, "Date", "Normal", isDefault: false,
            ParagraphStyleProperties(JustificationValues.Right, firstLineChars: 0, rightChars: 400),
            RunStyle(FontBody, SizeSanHao)));

        // Tables: 四号 body font on single lines off the grid, so a row is as tall as its text, not 28.95 pt.
        styles.Append(ParagraphStyle(StyleTableText, "表格文字", "Normal", isDefault: false,
            TableParagraph(JustificationValues.Left),
            RunStyle(FontBody, SizeSiHao)));
        styles.Append(ParagraphStyle(StyleTableHeading, "表格标题行", StyleTableText, isDefault: false,
            TableParagraph(JustificationValues.Center),
            RunStyle(FontBody, SizeSiHao, bold: true)));
        styles.Append(TableGridStyle());

        // 7.5: 4号半角宋体阿拉伯数字.
        styles.Append(ParagraphStyle(StyleFooter, "footer", "Normal", isDefault: false,
            new StyleParagraphProperties(
                new SnapToGrid { Val = false },
                new SpacingBetweenLines { Before = "0", After = "0", Line = (SizeSiHao * 10).ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLine = "0", FirstLineChars = 0 }),
            RunStyle(FontPageNumber, SizeSiHao)));
        return styles;
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties paragraph, StyleRunProperties run)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new PrimaryStyle(), paragraph, run);
        return style;
    }

    private static StyleParagraphProperties ParagraphStyleProperties(
        JustificationValues justification, int firstLineChars, int? outline = null, bool keepNext = false, int rightChars = 0, bool snapToGrid = true)
    {
        var properties = new StyleParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }

        if (!snapToGrid)
        {
            properties.Append(new SnapToGrid { Val = false });
        }

        properties.Append(
            new SpacingBetweenLines { Before = "0", After = "0", Line = LinePitch.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact },
            new Indentation
            {
                FirstLineChars = firstLineChars,
                FirstLine = CharsToTwips(firstLineChars),
                RightChars = rightChars,
                Right = CharsToTwips(rightChars),
            },
            new Justification { Val = justification });
        if (outline is { } level)
        {
            properties.Append(new OutlineLevel { Val = level });
        }

        return properties;
    }

    private static StyleParagraphProperties TableParagraph(JustificationValues justification) => new(
        new SnapToGrid { Val = false },
        new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
        new Indentation { FirstLine = "0", FirstLineChars = 0 },
        new Justification { Val = justification });

    /// <summary>Explicit values for every property: LibreOffice keeps its own defaults (bold, sans) for what a style omits.</summary>
    private static StyleRunProperties RunStyle(string font, int halfPoints, bool bold = false) => new(
        FontsOf(font),
        bold ? new Bold() : new Bold { Val = false },
        bold ? new BoldComplexScript() : new BoldComplexScript { Val = false },
        new Color { Val = "000000" },
        new Spacing { Val = LetterSpacing },
        new FontSize { Val = Half(halfPoints) },
        new FontSizeComplexScript { Val = Half(halfPoints) });

    /// <summary>
    /// The east-Asian font is the one that matters; Latin text and digits (ascii, hAnsi) use the same font so that they
    /// do not fall back to Calibri or Times New Roman.
    /// </summary>
    private static RunFonts FontsOf(string font) =>
        new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia };

    private static Style TableGridStyle()
    {
        static T Border<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };
        return new Style(
            new StyleName { Val = "Table Grid" },
            new PrimaryStyle(),
            new StyleTableProperties(
                new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
                    Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = StyleTable };
    }

    /// <summary>Fallbacks for each official font, so Word and WPS substitute a close face on machines without it.</summary>
    private static Fonts FontTable()
    {
        var fonts = new Fonts();
        foreach (var (name, altName, family) in FontFallbacks)
        {
            fonts.Append(new Font(
                new AltName { Val = altName },
                new FontCharSet { Val = "86" }, // GB2312
                new FontFamily { Val = family },
                new Pitch { Val = FontPitchValues.Variable })
            { Name = name });
        }

        return fonts;
    }

    private static Settings DocumentSettings() => new(
        new DefaultTabStop { Val = 420 },
        new EvenAndOddHeaders(),
        // No punctuation compression: full-width punctuation keeps a whole grid cell, so a line holds 28 characters.
        new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }),
        new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });

    private static int Mm(double millimetres) => (int)Math.Round(millimetres * 56.7);

    /// <summary>Twips for hundredths of a 三号 character, for readers that ignore the *Chars attributes.</summary>
    private static string CharsToTwips(int hundredths) =>
        (hundredths * SizeSanHao * 10 / 100).ToString(CultureInfo.InvariantCulture);

    private static string Half(int halfPoints) => halfPoints.ToString(CultureInfo.InvariantCulture);
}
