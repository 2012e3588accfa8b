using System.Globalization;
using Dangjian.E2E.Infrastructure;

namespace Dangjian.E2E.Flows;

/// <summary>
/// 帮扶 (issue 7): register a household through the page, record a visit and a collected problem (待解决), then give the
/// problem a 解决日期 on its edit page and see it as 已解决 on the household and in the list's status columns.
/// Only the branch is set up through the API.
/// </summary>
public sealed class AssistanceTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    [Fact(Timeout = 180_000)]
    public async Task Register_a_household_record_a_visit_and_a_problem_and_resolve_it()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            var committee = await Api.OrganizationAsync(context, null, "帮扶测试党委", "AST", "Committee");
            var branch = await Api.OrganizationAsync(context, committee, "帮扶测试第一党支部", "AST-01", "Branch");
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

            await page.GotoAsync("/worklog/assistance");
            await page.ClickAsync("#dj-assistance-new");
            await page.WaitForURLAsync(Ui.PathIs("/worklog/assistance/new"));
            await page.SelectOptionAsync("#OrganizationId", branch.ToString(CultureInfo.InvariantCulture));
            await page.FillAsync("#Name", "赵大伯");
            await page.FillAsync("#Address", "东山村三组");
            await page.ClickAsync("#dj-assistance-submit");
            await page.WaitForURLAsync(url => url.Contains("flash=created", StringComparison.Ordinal));
            var household = page.Url.Split('?')[0];

            // A visit: one 户次.
            await page.FillAsync("#VisitedOn", Day(today.AddDays(-2)));
            await page.FillAsync("#Visitors", "第一书记");
            await page.FillAsync("#VisitNote", "了解春耕用种情况");
            await page.ClickAsync("#dj-visit-submit");
            await page.WaitForURLAsync(url => url.Contains("flash=recordAdded", StringComparison.Ordinal));
            (await page.InnerTextAsync("#dj-visits")).ShouldContain("第一书记");

            // A problem collected on the visit, with no start or resolution date: 待解决.
            await page.FillAsync("#Description", "灌溉水渠堵塞");
            await page.FillAsync("#CollectedOn", Day(today.AddDays(-2)));
            await page.ClickAsync("#dj-problem-submit");
            await page.WaitForURLAsync(url => url.Contains("flash=recordAdded", StringComparison.Ordinal));
            var problem = page.Locator("#dj-problems tbody tr").First;
            (await problem.InnerTextAsync()).ShouldContain("灌溉水渠堵塞");
            (await problem.Locator(".badge").InnerTextAsync()).Trim().ShouldBe("待解决");

            // Resolved: the 解决日期 moves it to 已解决.
            await problem.Locator("a", new() { HasText = "编辑" }).ClickAsync();
            await page.Locator("#dj-problem-form").WaitForAsync();
            await page.FillAsync("#StartedOn", Day(today.AddDays(-1)));
            await page.FillAsync("#ResolvedOn", Day(today));
            await page.FillAsync("#ProblemNote", "组织党员疏通水渠");
            await page.ClickAsync("#dj-problem-submit");
            await page.WaitForURLAsync(url => url.StartsWith(household, StringComparison.Ordinal) && url.Contains("flash=saved", StringComparison.Ordinal));
            (await page.Locator("#dj-problems tbody tr .badge").InnerTextAsync()).Trim().ShouldBe("已解决");
            (await page.InnerTextAsync("#dj-assistance-details")).ShouldContain("待解决 0，解决中 0，已解决 1");
            await Ui.ScreenshotAsync(page, "assistance-household.png");

            await page.GotoAsync($"/worklog/assistance?org={committee}");
            var cells = page.Locator("#dj-assistance tbody tr").First.Locator("td");
            (await cells.Nth(0).InnerTextAsync()).Trim().ShouldBe("赵大伯");
            (await cells.Nth(3).InnerTextAsync()).Trim().ShouldBe("1 户次");
            (await cells.Nth(6).InnerTextAsync()).Trim().ShouldBe("0");
            (await cells.Nth(8).InnerTextAsync()).Trim().ShouldBe("1");
        });
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
