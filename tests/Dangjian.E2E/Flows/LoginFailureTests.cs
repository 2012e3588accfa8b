using Dangjian.E2E.Infrastructure;

namespace Dangjian.E2E.Flows;

/// <summary>登录失败：a wrong password shows the Chinese error and stays on /login; a right one returns to the page asked for.</summary>
public sealed class LoginFailureTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    [Fact(Timeout = 90_000)]
    public async Task Wrong_password_shows_the_Chinese_error_and_stays_on_login()
    {
        BrowserFixture.SkipIfNoChromium();
        await (await app.AdminContextAsync(browser.Browser)).DisposeAsync(); // the administrator exists, so /login no longer sends to /setup
        await using var context = await app.NewContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            await page.GotoAsync("/organizations");
            await page.WaitForURLAsync(Ui.PathIs("/login"));
            (await page.Locator("#dj-login-error").CountAsync()).ShouldBe(0);

            await page.FillAsync("#userName", E2EApp.AdminUserName);
            await page.FillAsync("#password", "wrong-password-1");
            await page.ClickAsync("#dj-login");
            await page.Locator("#dj-login-error").WaitForAsync();

            new Uri(page.Url).AbsolutePath.ShouldBe("/login");
            (await page.InnerTextAsync("#dj-login-error")).ShouldContain("用户名或密码不正确");
            (await page.InputValueAsync("#userName")).ShouldBe(E2EApp.AdminUserName);
            (await page.InputValueAsync("#password")).ShouldBeEmpty();
            (await context.CookiesAsync()).ShouldNotContain(c => c.Name == "dangjian.auth");

            // an unknown user gets the same message (no hint which of the two was wrong)
            await page.FillAsync("#userName", "nobody");
            await page.FillAsync("#password", "whatever1");
            await page.ClickAsync("#dj-login");
            await page.WaitForURLAsync(u => u.Contains("userName=nobody", StringComparison.Ordinal));
            (await page.InnerTextAsync("#dj-login-error")).ShouldContain("用户名或密码不正确");

            // the right password then signs in and goes back to the page first asked for
            await page.FillAsync("#userName", E2EApp.AdminUserName);
            await page.FillAsync("#password", E2EApp.AdminPassword);
            await page.ClickAsync("#dj-login");
            await page.WaitForURLAsync(Ui.PathIs("/organizations"));
            (await page.InnerTextAsync("#dj-user-menu")).ShouldContain(E2EApp.AdminDisplayName);
        });
    }
}
