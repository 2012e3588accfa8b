using System.Globalization;
using Dangjian.E2E.Infrastructure;

namespace Dangjian.E2E.Flows;

/// <summary>
/// 志愿服务 (issue 7): record an activity through the page — title, a 认领 project, public volunteers and two members' hours —
/// then read it in the list with its person-times and hours; a 25-hour day is refused in Chinese next to the participants.
/// The branch and its members are set up through the API; the activity only through the browser.
/// </summary>
public sealed class VolunteerTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    [Fact(Timeout = 180_000)]
    public async Task Record_a_volunteer_activity_and_see_its_person_times_and_hours_in_the_list()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            var committee = await Api.OrganizationAsync(context, null, "志愿测试党委", "VOL", "Committee");
            var branch = await Api.OrganizationAsync(context, committee, "志愿测试第一党支部", "VOL-01", "Branch");
            var zhang = await Api.MemberAsync(context, branch, "张志愿");
            var li = await Api.MemberAsync(context, branch, "李志愿");

            await page.GotoAsync("/worklog/volunteering");
            await page.ClickAsync("#dj-volunteer-new");
            await page.SelectOptionAsync("#org", branch.ToString(CultureInfo.InvariantCulture));
            await page.ClickAsync("#dj-volunteer-load");
            await page.Locator("#dj-volunteer-form").WaitForAsync();
            var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await page.FillAsync("#HeldOn", yesterday);
            await page.FillAsync("#Title", "清理小区楼道");
            await page.FillAsync("#ServiceProject", "楼道环境整治");
            await page.CheckAsync("#ProjectClaimed");
            await page.FillAsync("#PublicVolunteers", "6");
            await page.Locator($"tr[data-member-id='{zhang}'] input[name$='.Hours']").FillAsync("25");
            await page.Locator($"tr[data-member-id='{li}'] input[name$='.Hours']").FillAsync("2.5");
            await page.ClickAsync("#dj-volunteer-submit");

            // Refused: nobody serves more than 24 hours a day.
            await page.Locator("[data-field='Participants']").WaitForAsync();
            (await page.InnerTextAsync("[data-field='Participants']")).ShouldContain("不能超过24小时");

            await page.Locator($"tr[data-member-id='{zhang}'] input[name$='.Hours']").FillAsync("3");
            await Ui.ScreenshotAsync(page, "volunteer-form.png");
            await page.ClickAsync("#dj-volunteer-submit");
            await page.WaitForURLAsync(url => url.Contains("flash=created", StringComparison.Ordinal));
            (await page.InnerTextAsync("#dj-flash")).ShouldContain("已新建");
            var row = page.Locator("#dj-volunteer-activities tbody tr").First;
            (await row.InnerTextAsync()).ShouldContain("清理小区楼道");
            (await row.InnerTextAsync()).ShouldContain("认领");
            var cells = row.Locator("td");
            (await cells.Nth(4).InnerTextAsync()).ShouldBe("2");
            (await cells.Nth(5).InnerTextAsync()).ShouldBe("6");
            (await cells.Nth(6).InnerTextAsync()).ShouldBe("8");
            (await cells.Nth(7).InnerTextAsync()).ShouldBe("5.5");
        });
    }
}
