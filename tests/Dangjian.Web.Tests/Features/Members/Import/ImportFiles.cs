using System.Globalization;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Members.Import;
using Dangjian.Documents.Xlsx;

namespace Dangjian.Web.Tests.Features.Members.Import;

/// <summary>Builds member sheets for import tests: valid GB 11643 numbers, unique per call.</summary>
public static class ImportFiles
{
    private static int _sequence = Random.Shared.Next(1, 5000);

    /// <summary>A valid ID for a person born on <paramref name="birth"/>, male when <paramref name="male"/>.</summary>
    public static string NewId(DateOnly birth, bool male)
    {
        var n = Interlocked.Increment(ref _sequence);
        var area = (110000 + (n / 500 % 9000)).ToString(CultureInfo.InvariantCulture);
        var seq = n % 500 * 2 + (male ? 1 : 0);
        var first17 = area + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("000", CultureInfo.InvariantCulture);
        return first17 + IdNumber.CheckCharacter(first17);
    }

    public static string BreakChecksum(string id) => id[..17] + (id[17] == '0' ? '1' : '0');

    public static string[] Row(string name, string branchCode, string? groupCode = null, string? id = null, string phone = "13812345678")
    {
        var birth = new DateOnly(1985, 3, 14);
        id ??= NewId(birth, male: true);
        return
        [
            name, "男", "汉族", "1985-03-14", id, "北京", "大学本科", "学士", "党政机关工作人员", "在职",
            "某局", "科员", phone, "北京市东城区", "2008-03-01", "2009-06-30", "2010-06-30", "正式党员", branchCode, groupCode ?? "",
        ];
    }

    public static byte[] Workbook(IEnumerable<string[]> rows) =>
        XlsxWriter.Write(MemberSheet.SheetName, MemberSheet.Headers, rows.Select(r => (IReadOnlyList<string?>)r).ToList(), MemberSheet.Widths);

    public static MultipartFormDataContent Multipart(byte[] file, string fileName = "党员.xlsx")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", fileName);
        return content;
    }
}
