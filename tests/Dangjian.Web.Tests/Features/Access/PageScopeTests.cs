using System.Net;
using Dangjian.Core.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Access;

/// <summary>
/// The page counterpart of <see cref="ScopeEnforcementTests"/>: every routable page is opened by a user of another subtree
/// with the victim's ids, and must show nothing of the victim. A page without a probe fails the test.
/// </summary>
public abstract class PageScopeTests(AppFixture fixture) : AppTests(fixture)
{
    private const string VictimName = "丙方秘密党支部";

    [Fact]
    public async Task EveryPage_CallerFromAnotherSubtree_SeesNothingOfTheVictim()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var api = App.ApiClient(admin);
        var root = await api.CreateOrganizationAsync(null, Unique("R"), "测试党委", "Committee");
        var mine = await api.CreateOrganizationAsync(root, Unique("M"), "丁方党总支", "GeneralBranch");
        var victim = await api.CreateOrganizationAsync(root, Unique("V"), VictimName, "Branch");
        var outsider = await App.CreateUserAsync(Unique("outsider"), Role.OrgAdmin, mine);

        var world = new PageScopeWorld(admin, outsider, root, mine, victim) { VictimMarkers = { VictimName } };
        var probes = new Dictionary<string, string>();
        foreach (var type in typeof(PageScopeTests).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPageScopeProbes).IsAssignableFrom(t)))
        {
            foreach (var (route, url) in await ((IPageScopeProbes)Activator.CreateInstance(type)!).CreateAsync(world, App))
            {
                probes.Add(route, url);
            }
        }

        var pages = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()
            .ToList();
        pages.Except(probes.Keys).ShouldBeEmpty("这些页面没有越权探测用例（add a probe for each new page）");

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(outsider);
        foreach (var (route, url) in probes)
        {
            var (response, page) = await session.GetAsync(url);
            var html = page.DocumentElement.OuterHtml;
            foreach (var marker in world.VictimMarkers)
            {
                html.ShouldNotContain(marker, Case.Sensitive, $"{route} 泄露了对方组织（{marker}）");
            }

            ((int)response.StatusCode).ShouldBeLessThan(500, route);
        }

        var (detail, _) = await session.GetAsync($"/organizations/{victim}");
        detail.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OrganizationForm_Empty_ShowsChineseErrorsAndCreatesNothing()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(admin);
        using var api = App.ApiClient(admin);
        var before = await api.GetStringAsync("/api/v1/organizations?includeDissolved=true&pageSize=20");

        var (_, form) = await session.GetAsync("/organizations/new");
        var response = await session.SubmitAsync(form, "#dj-org-form", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Code"] = "", ["Input.FoundedOn"] = "2020-13-45" });
        var page = await BrowserlessSession.ParseAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var summary = page.QuerySelector("#dj-error-summary")!.TextContent;
        summary.ShouldContain("成立日期格式应为 yyyy-MM-dd");
        page.QuerySelector("[data-field='FoundedOn']")!.TextContent.ShouldBe("成立日期格式应为 yyyy-MM-dd");
        (await api.GetStringAsync("/api/v1/organizations?includeDissolved=true&pageSize=20")).ShouldBe(before);

        response = await session.SubmitAsync(form, "#dj-org-form", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Code"] = "" });
        page = await BrowserlessSession.ParseAsync(response);
        page.QuerySelector("[data-field='Name']")!.TextContent.ShouldBe("请填写组织名称");
        page.QuerySelector("[data-field='Code']")!.TextContent.ShouldBe("请填写组织编码");
        page.QuerySelector("[data-field='Kind']")!.TextContent.ShouldBe("请选择组织类别");
    }

    [Fact]
    public async Task OrganizationForm_Valid_RedirectsToDetailWithSavedFlash()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(admin);
        var (_, form) = await session.GetAsync("/organizations/new");
        var code = Unique("PAGE");

        var response = await session.SubmitAsync(form, "#dj-org-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "页面新建的党委", ["Input.Code"] = code, ["Input.Kind"] = "Committee", ["Input.FoundedOn"] = "2019-07-01",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.PathAndQuery;
        location.ShouldMatch(@"^/organizations/\d+\?flash=created$");
        var (_, detail) = await session.GetAsync(location);
        detail.QuerySelector("#dj-org-name")!.TextContent.ShouldContain("页面新建的党委");
        detail.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已新建");
        detail.QuerySelector(".dj-audit-table")!.TextContent.ShouldContain("新增");
    }
}

/// <summary>The page scope test's two subtrees: the outsider administers <see cref="Mine"/>; <see cref="Victim"/> is a branch outside it.</summary>
public sealed record PageScopeWorld(TestUser Admin, TestUser Outsider, long Root, long Mine, long Victim)
{
    public List<string> VictimMarkers { get; } = [];
}

/// <summary>A feature's page probes: route pattern → the URL an outsider opens with the victim's ids.</summary>
public interface IPageScopeProbes
{
    Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app);
}

public sealed class PlatformPageProbes : IPageScopeProbes
{
    public Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["/"] = "/",
            ["/login"] = "/login",
            ["/setup"] = "/setup",
            ["/error"] = "/error",
            ["/forbidden"] = "/forbidden",
            ["/organizations"] = "/organizations?dissolved=true",
            ["/organizations/{Id:long}"] = $"/organizations/{world.Victim}",
            ["/organizations/new"] = $"/organizations/new?parentId={world.Victim}",
            ["/organizations/{Id:long}/edit"] = $"/organizations/{world.Victim}/edit",
            ["/organizations/{Id:long}/move"] = $"/organizations/{world.Victim}/move",
            ["/organizations/{Id:long}/dissolve"] = $"/organizations/{world.Victim}/dissolve",
            ["/audit"] = $"/audit?organizationId={world.Victim}",
            ["/admin/users"] = "/admin/users",
            ["/account/profile"] = "/account/profile",
            ["/account/password"] = "/account/password",
            ["/account/tokens"] = "/account/tokens",
        });
}

public sealed class PageScopeTests_Sqlite(SqliteApp app) : PageScopeTests(app), IClassFixture<SqliteApp>;

public sealed class PageScopeTests_Postgres(PostgresApp app) : PageScopeTests(app), IClassFixture<PostgresApp>;
