using Dangjian.Core.Features.Access;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Access;

public abstract class ScopeSwitcherTests(AppFixture fixture) : AppTests(fixture)
{
    [Fact]
    public async Task UserWithTwoSubtrees_SwitchesTheBreadcrumb_ButCannotSwitchOutsideTheirScope()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var api = App.ApiClient(admin);
        var root = await api.CreateOrganizationAsync(null, Unique("R"), "切换测试党委", "Committee");
        var first = await api.CreateOrganizationAsync(root, Unique("F"), "第一党总支", "GeneralBranch");
        var second = await api.CreateOrganizationAsync(root, Unique("S"), "第二党总支", "GeneralBranch");
        var foreign = await api.CreateOrganizationAsync(root, Unique("X"), "无关党总支", "GeneralBranch");
        var user = await App.CreateUserAsync(Unique("two"), Role.Worker, first);
        (await api.PostAsync("/api/v1/grants", System.Net.Http.Json.JsonContent.Create(new { userId = user.Id, organizationId = second, role = "ReadOnly" })))
            .StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(user);
        var (_, home) = await session.GetAsync("/");
        home.QuerySelector(".dj-breadcrumb")!.TextContent.ShouldContain("第一党总支");
        var options = home.QuerySelectorAll(".dj-scope-switcher option").Select(o => o.TextContent).ToList();
        options.ShouldBe(["第一党总支", "第二党总支"]);

        await session.SubmitAsync(home, ".dj-scope-switcher", new Dictionary<string, string> { ["organizationId"] = second.ToString(System.Globalization.CultureInfo.InvariantCulture), ["returnUrl"] = "/" });
        (await session.GetAsync("/")).Document.QuerySelector(".dj-breadcrumb")!.TextContent.ShouldContain("第二党总支");

        await session.SubmitAsync(home, ".dj-scope-switcher", new Dictionary<string, string> { ["organizationId"] = foreign.ToString(System.Globalization.CultureInfo.InvariantCulture), ["returnUrl"] = "/" });
        var after = (await session.GetAsync("/organizations")).Document;
        after.QuerySelector(".dj-breadcrumb")!.TextContent.ShouldNotContain("无关党总支");
        after.QuerySelector("#dj-tree")!.TextContent.ShouldNotContain("无关党总支");
    }
}

public sealed class ScopeSwitcherTests_Sqlite(SqliteApp app) : ScopeSwitcherTests(app), IClassFixture<SqliteApp>;

public sealed class ScopeSwitcherTests_Postgres(PostgresApp app) : ScopeSwitcherTests(app), IClassFixture<PostgresApp>;
