using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.WorkLog;

/// <summary>
/// xlsx for the 工作台账 lists, shared by every record type. Exports: every page of a list handler's result (so the export
/// follows the list's filter and the caller's scope exactly), one row per item, under Chinese headers, written by
/// <see cref="XlsxWriter"/>. Imports: reading the upload and its cells, and the "第 N 行：原因" errors the import pages list.
/// </summary>
public static class WorkLogXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Pages through <paramref name="fetch"/> (page number → a page of at most 100 items) and writes the sheet.</summary>
    public static async Task<Result<byte[]>> ExportAsync<T>(
        Func<int, Task<Result<Page<T>>>> fetch, string sheetName, IReadOnlyList<string> headers, Func<T, IReadOnlyList<string?>> row, IReadOnlyList<double>? widths = null)
    {
        var rows = new List<IReadOnlyList<string?>>();
        for (var number = 1; ; number++)
        {
            var page = await fetch(number);
            if (!page.IsSuccess) return Result<byte[]>.Failure(page.Errors);
            rows.AddRange(page.Value.Items.Select(row));
            if (number >= page.Value.PageCount) break;
        }

        return XlsxWriter.Write(sheetName, headers, rows, widths);
    }

    /// <summary>The workbook as a download named <paramref name="fileName"/>, or the error as problem+json.</summary>
    public static IResult ToFile(this Result<byte[]> workbook, string fileName) => workbook.ToHttp(bytes => Results.File(bytes, ContentType, fileName));

    /// <summary>A list page's export link: the export address with the list's current filter (empty values left out).</summary>
    public static string Href(string path, params (string Name, string? Value)[] filter) =>
        path + QueryString.Create(filter.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => new KeyValuePair<string, string?>(f.Name, f.Value)));

    /// <summary>The data rows (after the header row, blank rows skipped) of an uploaded workbook, or why it cannot be read.</summary>
    public static async Task<Result<IReadOnlyList<XlsxRow>>> ReadUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Error.Validation("worklog.import_file", "请选择要导入的 xlsx 文件", "file");
        if (file.Length > MaxUploadBytes) return Error.Validation("worklog.import_size", "文件不能超过 10 MB", "file");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var sheet = XlsxReader.Read(buffer.ToArray());
        if (sheet is null) return Error.Validation("worklog.import_format", "文件不是有效的 xlsx 表格", "file");
        return sheet.Where(r => r.Number > 1 && r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
    }

    /// <summary>A cell's text, trimmed; "" past the row's last cell.</summary>
    public static string Cell(XlsxRow row, int index) => index < row.Cells.Count ? row.Cells[index].Trim() : "";

    /// <summary>A date cell (2026-05-01, 2026/5/1): null when empty; unreadable text adds a Chinese reason to <paramref name="bad"/>.</summary>
    public static DateOnly? Date(string cell, string label, List<string> bad)
    {
        if (cell.Length == 0) return null;
        if (DateOnly.TryParseExact(cell.Replace('/', '-'), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        bad.Add($"{label}“{cell}”无法识别，请写成 2026-05-01");
        return null;
    }

    /// <summary>The errors of the rows whose cells could not be read: "第 N 行：原因", field "row:N" (what <c>ImportRowReport</c> lists).</summary>
    public static IEnumerable<Error> RowErrors(int row, IEnumerable<string> reasons, string code) =>
        reasons.Select(b => Error.Validation(code, $"第 {row} 行：{b}", $"row:{row}"));

    public const long MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>The largest page a list handler serves; exports read 100 rows at a time.</summary>
    public const int PageSize = 100;
}
