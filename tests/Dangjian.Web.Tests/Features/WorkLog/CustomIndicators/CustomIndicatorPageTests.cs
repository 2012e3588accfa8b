using System.Net;
using Dangjian.Core.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.WorkLog.CustomIndicators.CustomIndicatorTestData;

namespace Dangjian.Web.Tests.Features.WorkLog.CustomIndicators;

/// <summary>The pages: Chinese errors next to the fields and nothing saved; the delete refusal shown on the manage page.</summary>
public abstract class CustomIndicatorPageTests(AppFixture fixture) : AppTests(fixture)
{
    [Fact]
    public async Task ValueForm_BadInput_ShowsChineseErrorsByTheFields_AndSavesNothing_ThenSaves()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var api = App.ApiClient(admin);
        var root = await api.CreateOrganizationAsync(null, Unique("R"), "页面指标党委", "Committee");
        var branch = await api.CreateOrganizationAsync(root, Unique("B"), "页面指标支部", "Branch");
        var key = Key("page");
        var id = await DefineAsync(App, root, key, "疫情防控支出", "万元", decimals: 2);
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(admin);

        var url = $"/worklog/indicator-values/new?indicator={id}";
        var (_, form) = await session.GetAsync(url);
        var response = await session.SubmitAsync(form, "#dj-value-form", new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = branch.ToString(), ["Input.RecordedOn"] = Today.AddDays(1).ToString("yyyy-MM-dd"), ["Input.Value"] = "-1.005",
        });
        var page = await BrowserlessSession.ParseAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-field='RecordedOn']")!.TextContent.ShouldContain("不能晚于今天");
        var valueErrors = page.QuerySelectorAll("[data-field='Value']").Select(e => e.TextContent).ToList();
        valueErrors.ShouldContain("数值不能为负数");
        valueErrors.ShouldContain("数值最多保留2位小数");
        (await FigureAsync(App, root, "custom." + key, Today.AddYears(-1), Today)).ShouldBeNull();

        response = await session.SubmitAsync(form, "#dj-value-form", new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = branch.ToString(), ["Input.RecordedOn"] = Today.ToString("yyyy-MM-dd"), ["Input.Value"] = "1.25", ["Input.Note"] = "口罩",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, list) = await session.GetAsync(response.Headers.Location!.PathAndQuery);
        list.QuerySelector("#dj-values .dj-value")!.TextContent.Trim().ShouldBe("1.25 万元");
    }

    [Fact]
    public async Task ManagePage_DeleteWithValues_ShowsTheRefusal_ArchiveHidesIt()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var api = App.ApiClient(admin);
        var root = await api.CreateOrganizationAsync(null, Unique("R"), "页面指标党委", "Committee");
        var id = await DefineAsync(App, root, Key("del"), "起草文稿");
        await RecordAsync(App, id, root, Today, 2);
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(admin);

        var (_, manage) = await session.GetAsync($"/worklog/indicators/{id}/edit");
        var response = await session.SubmitAsync(manage, "#dj-indicator-delete-form", new Dictionary<string, string> { ["Confirm"] = "yes" });
        var page = await BrowserlessSession.ParseAsync(response);
        page.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("指标“起草文稿”已有 1 条数值记录，不能删除；如不再使用，请将其归档");

        response = await session.SubmitAsync(manage, "#dj-indicator-archive-form", new Dictionary<string, string> { ["Archived"] = "yes" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, list) = await session.GetAsync("/worklog/indicators");
        list.QuerySelector($"tr[data-indicator-id='{id}']")!.TextContent.ShouldContain("已归档");
        var (notOffered, _) = await session.GetAsync($"/worklog/indicator-values/new?indicator={id}");
        notOffered.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class CustomIndicatorPageTests_Sqlite(SqliteApp app) : CustomIndicatorPageTests(app), IClassFixture<SqliteApp>;

public sealed class CustomIndicatorPageTests_Postgres(PostgresApp app) : CustomIndicatorPageTests(app), IClassFixture<PostgresApp>;
