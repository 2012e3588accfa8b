using System.Text.Json;
using Dangjian.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dangjian.E2E.Flows;

/// <summary>组织树搜索：the search box on /organizations narrows the tree to the matches and their ancestors.</summary>
public sealed class TreeSearchTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    [Fact(Timeout = 90_000)]
    public async Task Search_highlights_the_match_and_hides_non_matching_siblings()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            // seeded through the JSON API with the same sign-in cookie (the pages themselves are covered by the other flows)
            var committee = await CreateAsync(context, null, "城南街道党工委", "CN", 2);          // WorkingCommittee
            var general = await CreateAsync(context, committee, "城南机关党总支", "CN-01", 3);    // GeneralBranch
            var first = await CreateAsync(context, general, "城南第一党支部", "CN-01-01", 4);      // Branch
            var second = await CreateAsync(context, general, "城南第二党支部", "CN-01-02", 4);
            var community = await CreateAsync(context, committee, "城南社区党总支", "CN-02", 3);

            await page.GotoAsync("/organizations");
            (await page.Locator("#dj-tree li[data-org-id]").CountAsync()).ShouldBe(5);
            (await page.Locator("#dj-tree a.dj-match").CountAsync()).ShouldBe(0);

            await page.FillAsync("#search", "第二");
            await page.PressAsync("#search", "Enter");
            await page.Locator($"{OrganizationPages.Node(second)} a.dj-match").WaitForAsync();
            await page.WaitForURLAsync(u => new Uri(u).Query.Contains("search=", StringComparison.Ordinal));

            (await page.Locator($"{OrganizationPages.Node(second)} a.dj-match").InnerTextAsync()).ShouldBe("城南第二党支部");
            (await page.Locator($"{OrganizationPages.Node(first)}").CountAsync()).ShouldBe(0, "同级不匹配的支部应隐藏 / the non-matching sibling is hidden");
            (await page.Locator($"{OrganizationPages.Node(community)}").CountAsync()).ShouldBe(0, "不匹配的总支应隐藏 / the non-matching 总支 is hidden");
            // the ancestors stay, to show where the match sits, but are not highlighted
            (await page.Locator($"{OrganizationPages.Node(committee)} {OrganizationPages.Node(general)} {OrganizationPages.Node(second)}").CountAsync()).ShouldBe(1);
            (await page.Locator("#dj-tree a.dj-match").CountAsync()).ShouldBe(1);
            (await page.Locator($"{OrganizationPages.Node(general)} > details > summary > a").GetAttributeAsync("class") ?? "").ShouldNotContain("dj-match");
            (await page.InputValueAsync("#search")).ShouldBe("第二");

            // the address carries the search, so a reload (no htmx) gives the same tree
            await page.ReloadAsync();
            (await page.Locator("#dj-tree a.dj-match").CountAsync()).ShouldBe(1);
            (await page.Locator($"{OrganizationPages.Node(first)}").CountAsync()).ShouldBe(0);

            // by code: CN-01 matches the 总支 and both of its branches, not the community 总支
            await page.FillAsync("#search", "cn-01");
            await page.PressAsync("#search", "Enter");
            await page.Locator($"{OrganizationPages.Node(first)} a.dj-match").WaitForAsync();
            (await page.Locator("#dj-tree a.dj-match").CountAsync()).ShouldBe(3);
            (await page.Locator($"{OrganizationPages.Node(community)}").CountAsync()).ShouldBe(0);

            // nothing matches: a Chinese empty message
            await page.FillAsync("#search", "不存在的组织");
            await page.PressAsync("#search", "Enter");
            await page.Locator("#dj-tree .dj-empty").WaitForAsync();
            (await page.InnerTextAsync("#dj-tree")).ShouldContain("没有名称或编码包含“不存在的组织”的组织");
        });
    }

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
