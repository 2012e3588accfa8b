using System.Globalization;
using System.Text.Json;
using Dangjian.Core.Features.Members;
using Dangjian.Documents.Xlsx;
using Dangjian.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dangjian.E2E.Flows;

/// <summary>
/// 统计报表 (issue "Metric catalogue, dashboards, statistics" acceptance): open the 工作台 for a committee and last year,
/// click the meetings figure and land on the records it counted; then on 统计查询 choose two metrics for the children, read
/// the table and download it as xlsx. The organizations, a member and the meetings are set up through the API.
/// </summary>
public sealed class DashboardTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    private static readonly int LastYear = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year - 1;

    [Fact(Timeout = 180_000)]
    public async Task Dashboard_figure_opens_its_records_and_statistics_for_the_children_download_as_xlsx()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            var committee = await PostAsync(context, "/api/v1/organizations", new { parentId = (long?)null, name = "统计测试党委", code = "STAT", kind = "Committee" });
            var first = await PostAsync(context, "/api/v1/organizations", new { parentId = committee, name = "统计测试第一党支部", code = "STAT-01", kind = "Branch" });
            var second = await PostAsync(context, "/api/v1/organizations", new { parentId = committee, name = "统计测试第二党支部", code = "STAT-02", kind = "Branch" });
            var member = await MemberAsync(context, first, "周统计");
            await MeetingAsync(context, first, new DateOnly(LastYear, 3, 5), "ThemeDay", "三月主题党日", member);
            await MeetingAsync(context, first, new DateOnly(LastYear, 4, 10), "BranchGeneralMeeting", "四月党员大会", member);
            await MeetingAsync(context, second, new DateOnly(LastYear, 5, 6), "ThemeDay", "五月主题党日");

            // 工作台: the committee, last year as a whole.
            await page.GotoAsync("/");
            await page.SelectOptionAsync("#dj-dashboard-filter #org", committee.ToString(CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("#dj-dashboard-filter #year", LastYear.ToString(CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("#dj-dashboard-filter #period", "year");
            await page.ClickAsync("#dj-dashboard-apply");
            await page.WaitForURLAsync(u => u.Contains("period=year", StringComparison.Ordinal));
            var meetings = page.Locator("[data-figure='meetings.count']");
            (await meetings.GetAttributeAsync("data-value")).ShouldBe("3");
            (await page.InnerTextAsync("[data-figure='talks.count'] .dj-figure-value")).Trim().ShouldBe("暂无数据");
            await page.Locator("#dj-monthly .dj-chart-drawn").WaitForAsync();
            await page.Locator("#dj-comparison .dj-chart-drawn").WaitForAsync();
            await Ui.ScreenshotAsync(page, "dashboard.png");

            // The figure opens the three meetings it counted.
            await meetings.ClickAsync();
            await page.WaitForURLAsync(Ui.PathIs("/metrics/records"));
            (await page.InnerTextAsync("#dj-records-value")).ShouldBe("3 次");
            var titles = await page.Locator("#dj-records-table tbody tr td:nth-child(3)").AllInnerTextsAsync();
            titles.Select(t => t.Trim()).Order().ShouldBe(["三月主题党日", "五月主题党日", "四月党员大会"]);
            await Ui.ScreenshotAsync(page, "metric-records.png");
            await page.ClickAsync("#dj-records-table a:text('五月主题党日')");
            await page.WaitForURLAsync(u => new Uri(u).AbsolutePath.StartsWith("/meetings/", StringComparison.Ordinal));

            // 统计查询: two metrics, one row per branch.
            await page.GotoAsync("/statistics");
            await page.SelectOptionAsync("#org", committee.ToString(CultureInfo.InvariantCulture));
            await page.CheckAsync("#mode-children");
            await page.SelectOptionAsync("#year", LastYear.ToString(CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("#period", "year");
            await page.CheckAsync("#metric-meetings-count");
            await page.CheckAsync("#metric-members-count");
            await page.ClickAsync("#dj-statistics-submit");
            await page.Locator("#dj-statistics-table").WaitForAsync();
            // Columns in the picker's order: modules as the menu orders them (党员 before 会议活动).
            (await page.Locator("#dj-statistics-table thead th").AllInnerTextsAsync()).Select(t => t.Trim()).ShouldBe(["组织", "党员人数（名）", "会议活动次数（次）"]);
            (await page.InnerTextAsync($"#dj-statistics-table tr[data-org='{first}'][data-subtree='true'] td[data-ref='meetings.count']")).Trim().ShouldBe("2");
            (await page.InnerTextAsync($"#dj-statistics-table tr[data-org='{second}'] td[data-ref='meetings.count']")).Trim().ShouldBe("1");
            await Ui.ScreenshotAsync(page, "statistics.png");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#dj-statistics-export"));
            download.SuggestedFilename.ShouldEndWith(".xlsx");
            var rows = XlsxReader.Read(await File.ReadAllBytesAsync((await download.PathAsync())!))!;
            rows[0].Cells.ShouldBe(["组织", "党员人数（名）", "会议活动次数（次）"]);
            rows.Skip(1).ShouldContain(r => r.Cells[0] == "统计测试第一党支部" && r.Cells[1] == "1" && r.Cells[2] == "2");
            rows.Skip(1).ShouldContain(r => r.Cells[0] == "合计" && r.Cells[1] == "1" && r.Cells[2] == "3");
        });
    }

    private static async Task<long> PostAsync(IBrowserContext context, string url, object body)
    {
        var response = await context.APIRequest.PostAsync(url, new APIRequestContextOptions { DataObject = body });
        response.Status.ShouldBe(201, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.BodyAsync());
        return json.RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>A meeting with every member of the branch's roster present (the form requires attendance for each).</summary>
    private static Task<long> MeetingAsync(IBrowserContext context, long organization, DateOnly heldOn, string kind, string topic, params long[] present) =>
        PostAsync(context, "/api/v1/meetings", new
        {
            organizationId = organization,
            meeting = new { heldOn = heldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), kindCodes = new[] { kind }, topic, attendance = present.Select(id => new { memberId = id, status = "Present" }).ToArray() },
        });

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
