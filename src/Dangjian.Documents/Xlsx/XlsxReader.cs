using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dangjian.Documents.Xlsx;

/// <summary>One row of the first sheet, with its row number as Excel shows it.</summary>
public sealed record XlsxRow(int Number, IReadOnlyList<string> Cells);

/// <summary>
/// Reads the first sheet of an .xlsx into rows of strings: shared and inline strings as text, numbers in invariant form,
/// and numbers in a date format (a date typed into Excel is a serial number) as yyyy-MM-dd.
/// </summary>
public static class XlsxReader
{
    /// <summary>True when the bytes are a zip package with an OOXML content-types part: an .xlsx by content, not by name.</summary>
    public static bool LooksLikeXlsx(byte[] content)
    {
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Rows of the first sheet; null when the bytes are not a readable workbook.</summary>
    public static IReadOnlyList<XlsxRow>? Read(byte[] content)
    {
        if (!LooksLikeXlsx(content)) return null;
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
            return ReadFirstSheet(document);
        }
        // A damaged or foreign package is the user's file, not our bug: report it as "not a workbook".
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or System.Xml.XmlException or IOException or InvalidOperationException
            or FormatException or ArgumentException or KeyNotFoundException or NotSupportedException or InvalidCastException)
        {
            return null;
        }
    }

    private static List<XlsxRow> ReadFirstSheet(SpreadsheetDocument document)
    {
        var rows = new List<XlsxRow>();
        var workbookPart = document.WorkbookPart;
        var sheet = workbookPart?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbookPart is null || sheet?.Id?.Value is null) return rows;
        var sheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id.Value);
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var dateStyles = DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);

        using var reader = DocumentFormat.OpenXml.OpenXmlReader.Create(sheetPart);
        var next = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int?)row.RowIndex?.Value ?? next;
            next = number + 1;
            var cells = new List<string>();
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is string r ? CellReference.ColumnIndex(r) : position;
                position = column + 1;
                while (cells.Count < column) cells.Add("");
                cells.Add(ValueOf(cell, shared, dateStyles));
            }

            while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
            rows.Add(new XlsxRow(number, cells));
        }

        return rows;
    }

    private static string ValueOf(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return (cell.InlineString?.InnerText ?? "").Trim();
        var raw = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i].Trim() : "";
        }

        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date) return raw.Trim();
        if (raw.Length == 0) return "";
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw.Trim();
        if (cell.StyleIndex?.Value is uint style && dateStyles.Contains(style) && number is > 0 and < 2958466)
        {
            return DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        // Integers (phone numbers typed as numbers) without exponent or decimals.
        return number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Indexes of cell formats whose number format is a date: built-in ids 14–22, 27–36, 45–47, 50–58, or a custom code with y/m/d.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var result = new HashSet<uint>();
        if (stylesheet?.CellFormats is null) return result;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (IsBuiltInDate(id) || (custom.TryGetValue(id, out var code) && IsDateCode(code))) result.Add(index);
            index++;
        }

        return result;
    }

    private static bool IsBuiltInDate(uint id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    private static bool IsDateCode(string code)
    {
        // Drop quoted literals and [colour]/[$-locale] sections before looking for date letters.
        var text = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "");
        return text.Contains('y', StringComparison.OrdinalIgnoreCase) || text.Contains('d', StringComparison.OrdinalIgnoreCase)
            || text.Contains('年') || text.Contains('日');
    }
}
