using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dangjian.Documents.Xlsx;

/// <summary>
/// Writes one sheet: a bold, frozen Chinese header row and text cells (inline strings), so that the file re-imports
/// exactly as written. Dates are written as yyyy-MM-dd text for the same reason (architecture decision 11).
/// </summary>
public static class XlsxWriter
{
    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, IReadOnlyList<double>? widths = null)
    {
        using var stream = new MemoryStream();
        Write(stream, sheetName, headers, rows, widths);
        return stream.ToArray();
    }

    public static void Write(Stream output, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, IReadOnlyList<double>? widths = null)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0, TabSelected = true }));
            writer.WriteStartElement(new Columns());
            for (var c = 0; c < headers.Count; c++)
            {
                var width = widths is not null && c < widths.Count ? widths[c] : Math.Max(10, headers[c].Length * 2.2 + 2);
                writer.WriteElement(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
            }

            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, headers, 1);
            uint index = 2;
            foreach (var row in rows)
            {
                WriteRow(writer, index++, row, 0);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        workbookPart.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IReadOnlyList<string?> values, uint style)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var c = 0; c < values.Count; c++)
        {
            var value = values[c];
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var cell = new Cell { CellReference = CellReference.Of(c, rowIndex), DataType = CellValues.InlineString, StyleIndex = style };
            cell.AppendChild(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }));
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }))
        { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            // 49 = "@": text, so that Excel keeps ID numbers and dates as typed when a user edits the cell.
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, NumberFormatId = 49, ApplyFont = true, ApplyNumberFormat = true })
        { Count = 2 });
}

/// <summary>A1-style references.</summary>
public static class CellReference
{
    public static string Of(int column, uint row) => ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Zero-based column index of a reference like "AB12".</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return index - 1;
    }
}
