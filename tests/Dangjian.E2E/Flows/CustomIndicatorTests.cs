using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dangjian.E2E.Flows;

/// <summary>
/// 自定义指标 (issue 7 acceptance): define an indicator on its page, record two values for two branches through the value form,
/// and read their sum for the 党委 on the statistics page, where the indicator is offered among the metrics. The organizations
/// are set up through the API.
/// </summary>
public sealed class CustomIndicatorTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact(Timeout = 180_000)]
    public async Task Define_an_indicator_record_two_values_and_see_their_sum_on_the_statistics_page()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            var committee = await Api.OrganizationAsync(context, null, "指标测试党委", "CUST", "Committee");
            var first = await Api.OrganizationAsync(context, committee, "指标测试第一党支部", "CUST-01", "Branch");
            var second = await Api.OrganizationAsync(context, committee, "指标测试第二党支部", "CUST-02", "Branch");

            // 定义指标: 起草文稿（篇）for the 党委 and its branches.
            await page.GotoAsync("/worklog/indicators");
            await page.ClickAsync("#dj-indicator-new");
            await page.WaitForURLAsync(Ui.PathIs("/worklog/indicators/new"));
            await page.FillAsync("#Name", "起草文稿");
            await page.FillAsync("#Unit", "篇");
            await page.FillAsync("#Key", "drafts");
            await page.SelectOptionAsync("#OrganizationId", committee.ToString(CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("#Aggregation", "Sum");
            await page.ClickAsync("#dj-indicator-submit");
            await page.WaitForURLAsync(Ui.PathIs("/worklog/indicators"));
            var row = page.Locator("#dj-indicators tr[data-indicator-key='drafts']");
            (await row.InnerTextAsync()).ShouldContain("custom.drafts");

            // Two values, one per branch, through the form; a value with a decimal is refused first (the indicator allows none).
            await row.Locator(".dj-indicator-record").ClickAsync();
            await page.WaitForURLAsync(Ui.PathIs("/worklog/indicator-values/new"));
            await RecordAsync(page, first, "3.5");
            (await page.InnerTextAsync("[data-field='Value']")).Trim().ShouldBe("数值应为整数");
            await RecordAsync(page, first, "3");
            await page.WaitForURLAsync(Ui.PathIs("/worklog/indicator-values"));
            await page.ClickAsync("#dj-value-new");
            await page.WaitForURLAsync(Ui.PathIs("/worklog/indicator-values/new"));
            await RecordAsync(page, second, "4");
            await page.WaitForURLAsync(Ui.PathIs("/worklog/indicator-values"));
            (await page.Locator("#dj-values tbody tr").CountAsync()).ShouldBe(2);
            (await page.Locator("#dj-values .dj-value").AllInnerTextsAsync()).Select(t => t.Trim()).Order().ShouldBe(["3 篇", "4 篇"]);
            await Ui.ScreenshotAsync(page, "custom-indicator-values.png");

            // 统计查询: the indicator is in the picker; the 党委's total is the sum.
            await page.GotoAsync("/statistics");
            await page.SelectOptionAsync("#org", committee.ToString(CultureInfo.InvariantCulture));
            await page.CheckAsync("#mode-children");
            await page.SelectOptionAsync("#year", Today.Year.ToString(CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("#period", "year");
            (await page.InnerTextAsync("label[for='metric-custom-drafts']")).Trim().ShouldBe("起草文稿（篇）");
            await page.CheckAsync("#metric-custom-drafts");
            await page.ClickAsync("#dj-statistics-submit");
            await page.Locator("#dj-statistics-table").WaitForAsync();
            (await page.Locator("#dj-statistics-table thead th").AllInnerTextsAsync()).Select(t => t.Trim()).ShouldBe(["组织", "起草文稿（篇）"]);
            (await page.InnerTextAsync($"#dj-statistics-table tr[data-org='{committee}'][data-subtree='true'] td[data-ref='custom.drafts']")).Trim().ShouldBe("7");
            (await page.InnerTextAsync($"#dj-statistics-table tr[data-org='{first}'] td[data-ref='custom.drafts']")).Trim().ShouldBe("3");
            (await page.InnerTextAsync($"#dj-statistics-table tr[data-org='{second}'] td[data-ref='custom.drafts']")).Trim().ShouldBe("4");
            await Ui.ScreenshotAsync(page, "custom-indicator-statistics.png");
        });
    }

    private static async Task RecordAsync(IPage page, long organization, string value)
    {
        await page.SelectOptionAsync("#OrganizationId", organization.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#RecordedOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillAsync("#Value", value);
        await page.ClickAsync("#dj-value-submit");
        await page.WaitForLoadStateAsync();
    }
}
