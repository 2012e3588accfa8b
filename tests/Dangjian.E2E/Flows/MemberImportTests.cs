using System.Globalization;
using System.Text.Json;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Members.Import;
using Dangjian.Documents.Xlsx;
using Dangjian.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dangjian.E2E.Flows;

/// <summary>
/// 党员导入 (issue 3 acceptance): download the template, fill it with 50 members, upload it, see the one reported error
/// (a bad ID checksum) with its row, fix the file, upload again, commit, then find a member by the tail of the ID.
/// </summary>
public sealed class MemberImportTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    [Fact(Timeout = 180_000)]
    public async Task Import_fifty_members_fix_the_reported_error_commit_and_find_by_id_tail()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            var committee = await CreateAsync(context, null, "导入测试党委", "IMP", 0);
            await CreateAsync(context, committee, "导入测试第一党支部", "IMP-01", 4);

            // The template, downloaded from the page like a user would.
            await page.GotoAsync("/members/import");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#dj-template"));
            var template = XlsxReader.Read(await File.ReadAllBytesAsync((await download.PathAsync())!))!;
            template.Single().Cells.ShouldBe(MemberSheet.Headers);

            var rows = Enumerable.Range(1, 50).Select(Member).ToList();
            var goodId = rows[19][4];
            rows[19][4] = goodId[..17] + (goodId[17] == '0' ? '1' : '0'); // Excel row 21
            var folder = Directory.CreateTempSubdirectory("dangjian-e2e-import").FullName;
            var file = Path.Combine(folder, "党员名单.xlsx");
            await File.WriteAllBytesAsync(file, Write(rows));

            await UploadAsync(page, file);
            await page.Locator("#dj-import-errors").WaitForAsync(new() { Timeout = 30_000 });
            (await page.InnerTextAsync("#dj-import-error-count")).ShouldBe("1");
            var errors = await page.InnerTextAsync("#dj-import-errors table");
            errors.ShouldContain("第 21 行");
            errors.ShouldContain("身份证号");
            errors.ShouldContain("身份证号校验位不正确，请核对");
            (await page.Locator("#dj-import-commit").CountAsync()).ShouldBe(0, "有错误时不能确认导入");

            rows[19][4] = goodId;
            await File.WriteAllBytesAsync(file, Write(rows));
            await UploadAsync(page, file);
            await page.Locator("#dj-import-commit").WaitForAsync(new() { Timeout = 30_000 });
            (await page.InnerTextAsync("#dj-import-preview")).ShouldContain("共 50 行");
            await page.ClickAsync("#dj-import-commit");
            await page.Locator("#dj-import-done").WaitForAsync(new() { Timeout = 30_000 });
            (await page.InnerTextAsync("#dj-import-done")).ShouldContain("已导入 50 名党员");

            // Find a member by the tail of the ID on the roster page, as a secretary would.
            var tail = rows[33][4][^6..];
            await page.GotoAsync("/members");
            await page.FillAsync("#search", tail);
            await page.Locator("#dj-member-filter button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("search=" + tail, StringComparison.Ordinal));
            var table = page.Locator("#dj-member-table tbody tr");
            (await table.CountAsync()).ShouldBe(1);
            var row = await table.First.InnerTextAsync();
            row.ShouldContain(rows[33][0]);
            row.ShouldContain(rows[33][4], Case.Sensitive, "管理员看到完整身份证号");
            Directory.Delete(folder, recursive: true);
        });
    }

    private static async Task UploadAsync(IPage page, string file)
    {
        await page.GotoAsync("/members/import");
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#dj-import-submit");
        await page.WaitForURLAsync(u => System.Text.RegularExpressions.Regex.IsMatch(new Uri(u).AbsolutePath, @"^/members/import/\d+$"));
    }

    private static string[] Member(int i)
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(i * 97);
        var male = i % 2 == 1;
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (100 + i * 2 + (male ? 1 : 0)).ToString("000", CultureInfo.InvariantCulture);
        var id = first17 + IdNumber.CheckCharacter(first17);
        var applied = birth.AddYears(20);
        return
        [
            $"测试党员{i:00}", male ? "男" : "女", "汉族", MemberSheet.Date(birth), id, "北京", "大学本科", "学士", "党政机关工作人员", "在职",
            "某局", "科员", $"1380000{i:0000}", "北京市东城区", MemberSheet.Date(applied), MemberSheet.Date(applied.AddYears(1)),
            MemberSheet.Date(applied.AddYears(2)), "正式党员", "IMP-01", "",
        ];
    }

    private static byte[] Write(List<string[]> rows) =>
        XlsxWriter.Write(MemberSheet.SheetName, MemberSheet.Headers, rows.Select(r => (IReadOnlyList<string?>)r).ToList(), MemberSheet.Widths);

    private static async Task<long> CreateAsync(IBrowserContext context, long? parentId, string name, string code, int kind)
    {
        var response = await context.APIRequest.PostAsync("/api/v1/organizations", new APIRequestContextOptions
        {
            DataObject = new { parentId, name, code, kind },
        });
        response.Status.ShouldBe(201, await response.TextAsync());
        using var body = JsonDocument.Parse(await response.BodyAsync());
        return body.RootElement.GetProperty("id").GetInt64();
    }
}
