using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dangjian.Core.Features.Members;
using Dangjian.E2E.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace Dangjian.E2E.Flows;

/// <summary>
/// 工作总结: draft the half-year summary of a branch in the page, rewrite one sentence, save, download the Word file and
/// find the rewritten sentence in it. The branch and its members are set up through the API.
/// </summary>
public sealed partial class SummaryTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    private const string Edited = "支部现有党员3名，全体党员按时参加组织生活（页面修改）。";

    [Fact(Timeout = 180_000)]
    public async Task Draft_the_half_year_summary_edit_a_sentence_and_download_it_in_word()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            var committee = await PostAsync(context, "/api/v1/organizations", new { name = "总结测试党委", code = "SUM", kind = "Committee" });
            var branch = await PostAsync(context, "/api/v1/organizations", new { parentId = committee, name = "总结测试第一党支部", code = "SUM-01", kind = "Branch" });
            foreach (var name in new[] { "张党员", "李党员", "王党员" }) await MemberAsync(context, branch, name);

            await page.GotoAsync("/summaries");
            await page.SelectOptionAsync("#Org", branch.ToString(CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("#Kind", "half-year");
            await page.SelectOptionAsync("#Preset", "custom");
            await page.FillAsync("#From", "2020-01-01");
            await page.FillAsync("#To", "2020-06-30");
            await page.ClickAsync("#dj-summary-generate");
            await page.WaitForURLAsync(DraftPage());
            (await page.InnerTextAsync("#dj-flash")).ShouldContain("已新建");
            (await page.InnerTextAsync("#dj-summary-title")).ShouldBe("总结测试第一党支部2020年上半年党建工作总结");
            (await page.InnerTextAsync("#dj-summary-missing")).ShouldContain("dues.due");
            await Ui.ScreenshotAsync(page, "summary-draft.png");

            var sentence = page.Locator("#dj-summary-edit textarea").Filter(new LocatorFilterOptions { HasText = "现有党员3名" });
            await sentence.FillAsync(Edited);
            await page.ClickAsync("#dj-summary-save");
            await page.WaitForURLAsync(url => url.Contains("flash=saved", StringComparison.Ordinal));
            (await page.InnerTextAsync("#dj-flash")).ShouldContain("已保存");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#dj-summary-docx"));
            download.SuggestedFilename.ShouldEndWith(".docx");
            var file = Path.Combine(Path.GetTempPath(), "dangjian-e2e-summary-" + Guid.NewGuid().ToString("N")[..8] + ".docx");
            await download.SaveAsAsync(file);
            using var document = WordprocessingDocument.Open(file, false);
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            text.ShouldContain(Edited);
            text.ShouldContain("一、主要工作及成效");
        });
    }

    [GeneratedRegex(@"/summaries/\d+\?flash=created$")]
    private static partial Regex DraftPage();

    private static async Task<long> PostAsync(IBrowserContext context, string url, object body)
    {
        var response = await context.APIRequest.PostAsync(url, new APIRequestContextOptions { DataObject = body });
        response.Status.ShouldBe(201, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.BodyAsync());
        return json.RootElement.GetProperty("id").GetInt64();
    }

    private static Task<long> MemberAsync(IBrowserContext context, long branch, string name)
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(Random.Shared.Next(0, 9000));
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (Random.Shared.Next(0, 500) * 2 + 1).ToString("000", CultureInfo.InvariantCulture);
        return PostAsync(context, "/api/v1/members", new
        {
            organizationId = branch,
            placedFrom = "2020-01-01",
            member = new
            {
                name, gender = "Male", ethnicity = "汉族", birthDate = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), idNumber = first17 + IdNumber.CheckCharacter(first17),
                education = "Undergraduate", occupation = "ProfessionalTechnical", employmentStatus = "Employed",
                applicationDate = "2015-01-01", admittedOn = "2016-01-01", confirmedOn = "2017-01-01", category = "Full",
            },
        });
    }
}
