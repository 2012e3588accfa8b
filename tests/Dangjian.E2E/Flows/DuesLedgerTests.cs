using System.Globalization;
using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Members;
using Dangjian.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dangjian.E2E.Flows;

/// <summary>
/// 党费 (issue 5 acceptance): a branch of three members who have not paid for the last three months; the
/// secretary generates this month's ledger on the page, records two payments in the grid, and the arrears list changes.
/// The bases are set first with the profile wizard in the browser (preview, then confirm).
/// </summary>
public sealed class DuesLedgerTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    private static readonly DateOnly ThisMonth = DuesMonth.Of(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));

    [Fact(Timeout = 180_000)]
    public async Task Record_payments_in_the_ledger_grid_and_the_arrears_list_changes()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            var committee = await PostAsync(context, "/api/v1/organizations", new { parentId = (long?)null, name = "党费测试党委", code = "DUES", kind = "Committee" });
            var branch = await PostAsync(context, "/api/v1/organizations", new { parentId = committee, name = "党费测试第一党支部", code = "DUES-01", kind = "Branch" });
            var members = new List<long>();
            foreach (var (name, i) in new[] { "张交清", "李部分", "王未交" }.Select((n, i) => (n, i)))
            {
                members.Add(await PostAsync(context, "/api/v1/members", new { organizationId = branch, member = Member(name, i) }));
            }

            // The bases, set with the wizard: 2,500 元 → 0.5% → 12.50 a month (for last year too when the months owed reach into it).
            foreach (var year in new[] { ThisMonth.AddMonths(-3).Year, ThisMonth.Year }.Distinct())
            {
                await WizardAsync(page, branch, year, members);
            }

            for (var back = 3; back >= 1; back--)
            {
                await PostAsync(context, "/api/v1/dues/ledger", new { organizationId = branch, month = ThisMonth.AddMonths(-back).ToString("yyyy-MM", CultureInfo.InvariantCulture) }, expected: 200);
            }

            // Before: all three owe the last three months.
            await page.GotoAsync($"/dues/arrears?org={branch}");
            foreach (var id in members) (await Consecutive(page, id)).ShouldBe("3");
            (await page.InnerTextAsync("#dj-arrears-total")).ShouldBe("112.50");

            // This month's ledger, generated from the page.
            await page.GotoAsync($"/dues/ledger?org={branch}&month={ThisMonth:yyyy-MM}");
            (await page.InnerTextAsync("#dj-ledger-results")).ShouldContain("暂无数据");
            await page.ClickAsync("#dj-ledger-generate");
            await page.WaitForURLAsync(u => u.Contains("flash=saved", StringComparison.Ordinal));
            (await page.InnerTextAsync("#dj-ledger-due")).ShouldBe("37.50 元");
            (await page.Locator("#dj-ledger-table tbody tr").CountAsync()).ShouldBe(3);

            // 张 pays all four months (50.00): oldest first, so the three owed months and this one.
            await PayAsync(page, members[0], "50.00");
            (await page.InnerTextAsync($"#dj-ledger-table tr[data-member-id='{members[0]}'] .dj-status")).ShouldBe("已交清");

            // 李 pays 25.00: the two oldest months only; this month's line stays unpaid.
            await PayAsync(page, members[1], "25");
            (await page.InnerTextAsync($"#dj-ledger-table tr[data-member-id='{members[1]}'] .dj-status")).ShouldBe("未交");
            (await page.InnerTextAsync("#dj-ledger-paid")).ShouldBe("12.50 元");

            // A typing mistake is refused in Chinese, and nothing is recorded.
            await page.FillAsync($"#dj-ledger-table tr[data-member-id='{members[2]}'] .dj-pay-amount", "12.5元");
            await page.ClickAsync($"#dj-ledger-table tr[data-member-id='{members[2]}'] .dj-pay-submit");
            (await page.InnerTextAsync("#dj-error-summary")).ShouldContain("不是有效的金额");

            // After: 张 is gone from the arrears list, 李 owes one month, 王 still three.
            await page.GotoAsync($"/dues/arrears?org={branch}");
            (await page.Locator($"#dj-arrears-table tr[data-member-id='{members[0]}']").CountAsync()).ShouldBe(0);
            (await Consecutive(page, members[1])).ShouldBe("1");
            (await Consecutive(page, members[2])).ShouldBe("3");
            (await page.InnerTextAsync("#dj-arrears-total")).ShouldBe("50.00");

            await page.ClickAsync($"#dj-arrears-table tr[data-member-id='{members[1]}'] a");
            await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == $"/dues/members/{members[1]}");
            (await page.InnerTextAsync("#dj-paid-up-to")).ShouldBe(DuesMonth.Label(ThisMonth.AddMonths(-2)));
        });
    }

    private static async Task PayAsync(IPage page, long member, string amount)
    {
        var row = $"#dj-ledger-table tr[data-member-id='{member}']";
        await page.FillAsync($"{row} .dj-pay-amount", amount);
        await page.SelectOptionAsync($"{row} select", "Transfer");
        // The form posts and redirects back to the same page, so no URL change marks the moment; waiting for the navigation
        // itself is the reliable signal (WaitForURLAsync would match the page we are already on).
#pragma warning disable CS0612
        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync($"{row} .dj-pay-submit"));
#pragma warning restore CS0612
        (await page.InnerTextAsync("#dj-flash")).ShouldContain("已保存");
    }

    private static async Task<string> Consecutive(IPage page, long member) =>
        (await page.InnerTextAsync($"#dj-arrears-table tr[data-member-id='{member}'] .dj-consecutive")).Trim();

    /// <summary>The profile wizard: type and base per member, 预览 shows the computed amount, 确认保存 saves them all.</summary>
    private static async Task WizardAsync(IPage page, long branch, int year, IReadOnlyList<long> members)
    {
        await page.GotoAsync($"/dues/profiles?org={branch}&year={year}");
        foreach (var id in members)
        {
            var row = page.Locator($"#dj-dues-row-{id}");
            await row.Locator("select[name$='.MemberType']").SelectOptionAsync("Salaried");
            await row.Locator("input[name$='.Base']").FillAsync("2500");
        }

        await page.ClickAsync("#dj-dues-preview");
        await page.Locator("#dj-dues-preview-summary").WaitForAsync();
        foreach (var id in members) (await page.InnerTextAsync($"#dj-dues-row-{id} .dj-monthly")).ShouldContain("12.50");
        await Ui.ScreenshotAsync(page, $"dues-wizard-{year}.png");
        await page.ClickAsync("#dj-dues-confirm");
        await page.WaitForURLAsync(u => u.Contains("flash=saved", StringComparison.Ordinal));
        (await page.InnerTextAsync("#dj-dues-count")).ShouldBe(members.Count.ToString(CultureInfo.InvariantCulture));
    }

    private static object Member(string name, int i)
    {
        var birth = new DateOnly(1975, 3, 1).AddDays(i * 101);
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (201 + i * 2).ToString("000", CultureInfo.InvariantCulture);
        return new
        {
            name, gender = "Male", ethnicity = "汉族", birthDate = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), idNumber = first17 + IdNumber.CheckCharacter(first17),
            employmentStatus = "Employed", applicationDate = "2000-01-01", admittedOn = "2001-06-01", confirmedOn = "2002-06-01", category = "Full",
        };
    }

    private static async Task<long> PostAsync(IBrowserContext context, string url, object body, int expected = 201)
    {
        var response = await context.APIRequest.PostAsync(url, new APIRequestContextOptions { DataObject = body });
        response.Status.ShouldBe(expected, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.BodyAsync());
        return json.RootElement.TryGetProperty("id", out var id) ? id.GetInt64() : 0;
    }
}
