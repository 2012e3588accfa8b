using System.Globalization;
using Dangjian.E2E.Infrastructure;

namespace Dangjian.E2E.Flows;

/// <summary>
/// 捐款 (issue 7): record a drive through the page — two members' amounts from the branch roster and an aggregate of
/// three outside donors — then read donors, amount and rate on the detail page and the drive's row in the list. A negative
/// amount is refused first, in Chinese, and saves nothing. The branch and its members are set up through the API.
/// </summary>
public sealed class DonationTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    [Fact(Timeout = 180_000)]
    public async Task Record_a_drive_with_two_members_and_outside_donors_and_see_donors_and_amount()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            var committee = await Api.OrganizationAsync(context, null, "捐款测试党委", "DON", "Committee");
            var branch = await Api.OrganizationAsync(context, committee, "捐款测试第一党支部", "DON-01", "Branch");
            var zhang = await Api.MemberAsync(context, branch, "张捐款");
            var li = await Api.MemberAsync(context, branch, "李捐款");
            await Api.MemberAsync(context, branch, "王未捐");

            await page.GotoAsync("/worklog/donations");
            await page.ClickAsync("#dj-donation-new");
            await page.SelectOptionAsync("#org", branch.ToString(CultureInfo.InvariantCulture));
            await page.ClickAsync("#dj-donation-load");
            await page.Locator("#dj-donation-form").WaitForAsync();
            (await page.Locator("#dj-donation-roster tbody tr").CountAsync()).ShouldBe(3);
            await page.FillAsync("#Purpose", "抗洪救灾捐款");
            await page.SelectOptionAsync("#Recipient", "RedCross");
            await page.FillAsync("#OutsideDonors", "3");
            await page.FillAsync("#OutsideAmount", "60");
            await page.FillAsync($"#amount_{zhang}", "-100");
            await page.FillAsync($"#amount_{li}", "50.5");
            await page.ClickAsync("#dj-donation-submit");

            // Refused: no negative amounts; nothing is saved.
            await page.Locator("[data-field='Donors']").WaitForAsync();
            (await page.InnerTextAsync("[data-field='Donors']")).ShouldContain("不能为负数");

            await page.FillAsync($"#amount_{zhang}", "100");
            await page.ClickAsync("#dj-donation-submit");
            await page.WaitForURLAsync(url => url.Contains("flash=created", StringComparison.Ordinal));
            (await page.InnerTextAsync("#dj-flash")).ShouldContain("已新建");
            (await page.InnerTextAsync("#dj-donation-donors")).ShouldContain("5 人（党员 2 人，党外 3 人）");
            (await page.InnerTextAsync("#dj-donation-amount")).ShouldContain("210.50 元");
            (await page.InnerTextAsync("#dj-donation-rate")).ShouldContain("66.7%");
            (await page.Locator("#dj-donation-donor-list tbody tr").AllInnerTextsAsync()).Count.ShouldBe(2);
            await Ui.ScreenshotAsync(page, "donation-detail.png");

            await page.GotoAsync("/worklog/donations");
            (await page.Locator("#dj-donations tbody tr").CountAsync()).ShouldBe(1);
            var cells = page.Locator("#dj-donations tbody tr").First.Locator("td");
            (await cells.Nth(2).InnerTextAsync()).Trim().ShouldBe("抗洪救灾捐款");
            (await cells.Nth(3).InnerTextAsync()).Trim().ShouldBe("红十字会");
            (await cells.Nth(4).InnerTextAsync()).Trim().ShouldBe("2");
            (await cells.Nth(5).InnerTextAsync()).Trim().ShouldBe("3");
            (await cells.Nth(6).InnerTextAsync()).Trim().ShouldBe("210.50");
        });
    }
}
