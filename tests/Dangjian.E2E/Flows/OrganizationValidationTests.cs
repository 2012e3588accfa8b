using System.Globalization;
using Dangjian.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dangjian.E2E.Flows;

/// <summary>表单校验在浏览器里：empty form, duplicate code, and the move page not offering the node's own subtree.</summary>
public sealed class OrganizationValidationTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    [Fact(Timeout = 90_000)]
    public async Task Empty_form_shows_Chinese_errors_and_creates_nothing()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            var before = await CountAsync(page);

            await page.GotoAsync("/organizations/new");
            await page.ClickAsync("#dj-save");
            var summary = page.Locator("#dj-error-summary");
            await summary.WaitForAsync();
            var text = await summary.InnerTextAsync();
            text.ShouldContain("请修正以下问题");
            text.ShouldContain("请填写组织名称");
            text.ShouldContain("请填写组织编码");
            text.ShouldContain("请选择组织类别");

            // each message also sits under its own field
            (await page.InnerTextAsync(".invalid-feedback[data-field='Name']")).ShouldBe("请填写组织名称");
            (await page.InnerTextAsync(".invalid-feedback[data-field='Code']")).ShouldBe("请填写组织编码");
            (await page.InnerTextAsync(".invalid-feedback[data-field='Kind']")).ShouldBe("请选择组织类别");
            new Uri(page.Url).AbsolutePath.ShouldBe("/organizations/new");

            // a half-filled form keeps what was typed
            await page.FillAsync("#Name", "只有名称的党委");
            await page.ClickAsync("#dj-save");
            await page.Locator("#dj-error-summary").WaitForAsync();
            (await page.InputValueAsync("#Name")).ShouldBe("只有名称的党委");
            (await page.InnerTextAsync("#dj-error-summary")).ShouldNotContain("请填写组织名称");
            (await page.InnerTextAsync("#dj-error-summary")).ShouldContain("请填写组织编码");

            (await CountAsync(page)).ShouldBe(before);
        });
    }

    [Fact(Timeout = 90_000)]
    public async Task Duplicate_code_is_refused_with_a_message_under_the_code_field()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            await OrganizationPages.CreateAsync(page, null, "县直机关工委", "DUP-1", "WorkingCommittee");
            var before = await CountAsync(page);

            await page.GotoAsync("/organizations/new");
            await page.FillAsync("#Name", "另一个党委");
            await page.FillAsync("#Code", "DUP-1");
            await page.SelectOptionAsync("#Kind", "Committee");
            await page.ClickAsync("#dj-save");
            await page.Locator("#dj-error-summary").WaitForAsync();
            (await page.InnerTextAsync("#dj-error-summary")).ShouldContain("组织编码“DUP-1”已被使用");
            (await page.InnerTextAsync(".invalid-feedback[data-field='Code']")).ShouldContain("已被使用");
            (await page.InputValueAsync("#Name")).ShouldBe("另一个党委");
            (await page.InputValueAsync("#Kind")).ShouldBe("Committee");

            (await CountAsync(page)).ShouldBe(before);
        });
    }

    [Fact(Timeout = 90_000)]
    public async Task Move_page_does_not_offer_the_nodes_own_subtree()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            var committee = await OrganizationPages.CreateAsync(page, null, "开发区党委", "MV", "Committee");
            var other = await OrganizationPages.CreateAsync(page, null, "高新区党委", "MV2", "Committee");
            var general = await OrganizationPages.CreateAsync(page, committee, "企业党总支", "MV-01", "GeneralBranch");
            var branch = await OrganizationPages.CreateAsync(page, general, "企业第一党支部", "MV-01-01", "Branch");

            await page.GotoAsync($"/organizations/{general}");
            await page.ClickAsync("#dj-move");
            await page.WaitForURLAsync(Ui.PathIs($"/organizations/{general}/move"));
            var options = await page.Locator("#NewParentId option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
            options.ShouldContain(Id(other), "另一个党委应可选 / the other committee should be offered");
            options.ShouldNotContain(Id(branch), "不应提供自己的下级支部 / its own child branch must not be offered");
            options.ShouldNotContain(Id(general), "不应提供自己 / itself must not be offered");
            options.ShouldNotContain(Id(committee), "不应提供现在的上级 / its current parent must not be offered");

            // a forged choice (option added by hand) is refused on the server, with the message on the page
            await page.EvaluateAsync(
                "([id]) => { const o = document.createElement('option'); o.value = id; o.text = 'forged'; document.querySelector('#NewParentId').add(o); }",
                new[] { Id(branch) });
            await page.SelectOptionAsync("#NewParentId", Id(branch));
            await page.ClickAsync("#dj-move-submit");
            await page.Locator("#dj-error-summary").WaitForAsync();
            (await page.InnerTextAsync("#dj-error-summary")).ShouldContain("不能把“企业党总支”移动到它自己或它的下级组织之下");

            // submitting without a choice asks for one
            await page.SelectOptionAsync("#NewParentId", "");
            await page.ClickAsync("#dj-move-submit");
            await page.Locator(".invalid-feedback[data-field='NewParentId']").WaitForAsync();
            (await page.InnerTextAsync(".invalid-feedback[data-field='NewParentId']")).ShouldContain("请选择新的上级组织");

            // nothing moved
            await page.GotoAsync("/organizations");
            (await page.Locator($"{OrganizationPages.Node(committee)} {OrganizationPages.Node(general)} {OrganizationPages.Node(branch)}").CountAsync()).ShouldBe(1);
        });
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> CountAsync(IPage page)
    {
        await page.GotoAsync("/organizations");
        return await page.Locator("#dj-tree li[data-org-id]").CountAsync();
    }
}
