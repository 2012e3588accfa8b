using Dangjian.Core.Common;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.WorkLog;

/// <summary>
/// The xlsx exports of the 工作台账 lists: every page of a list handler's result (so the export follows the list's filter and
/// the caller's scope exactly), one row per item, under Chinese headers, written by <see cref="XlsxWriter"/>.
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

    /// <summary>The largest page a list handler serves; exports read 100 rows at a time.</summary>
    public const int PageSize = 100;
}
