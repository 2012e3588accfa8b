using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Development.Holidays;

/// <summary>
/// The holiday calendar administration: the seeded years, adding a year on the page (rows and pasted lines), correcting and
/// removing days, the Chinese validation, the working-day calculator across 国庆, audit, and that only 系统管理员 may edit.
/// Each test uses its own future year: the tests of a class share one database.
/// </summary>
public abstract class HolidayCalendarTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _admin = null!;
    private HttpClient _client = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task Page_ShowsASeededYear_AndTheCalculatorCountsAcross国庆()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (response, page) = await session.GetAsync("/admin/holidays?year=2024&from=2024-09-27&days=5");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelectorAll("#dj-holidays tbody tr[data-date]").Length.ShouldBe(40, "2024 年通知含 2023-12-30、31 两天");
        page.QuerySelector("#dj-holidays tr[data-date='2024-10-01'] input[name$='.Name']")!.GetAttribute("value").ShouldBe("国庆节");
        page.QuerySelector("#dj-holiday-years")!.TextContent.ShouldContain("2018");
        // 9-27 (Fri), 9-29 (Sun, 调休上班), 9-30, then 10-01..10-07 off, 10-08, 10-09: the fifth working day is 10-09.
        page.QuerySelector("#dj-working-days-end")!.TextContent.ShouldBe("2024-10-09");
        page.QuerySelector("#dj-working-days-result")!.TextContent.ShouldContain("2024-09-29 班");

        var api = await _client.GetFromJsonAsync<JsonElement>("/api/v1/development/working-days?from=2024-09-27&days=5");
        api.GetProperty("endOn").GetString().ShouldBe("2024-10-09");
        var tooMany = await _client.GetAsync("/api/v1/development/working-days?from=2024-09-27&days=0");
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooMany.Content.ReadAsStringAsync()).ShouldContain("工作日天数应在 1 至");

        var (_, badCalc) = await session.GetAsync("/admin/holidays?year=2024&from=2024-13-01&days=5");
        badCalc.QuerySelector("#dj-working-days #dj-error-summary")!.TextContent.ShouldContain("起始日期格式应为 yyyy-MM-dd");
    }

    [Fact]
    public async Task Page_AddsAYear_CorrectsAndRemovesDays_Audited()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, empty) = await session.GetAsync("/admin/holidays?year=2031");
        empty.QuerySelectorAll("#dj-holidays tbody tr[data-date^='2031-']").Length.ShouldBe(0);
        empty.QuerySelector("#dj-holiday-heading")!.TextContent.ShouldContain("尚未登记");

        var saved = await session.SubmitAsync(empty, "#dj-holiday-form", new Dictionary<string, string>
        {
            ["Input.Days[0].Date"] = "2031-10-01", ["Input.Days[0].Kind"] = "rest", ["Input.Days[0].Name"] = "国庆节",
            ["Input.Bulk"] = "2031-10-02 休 国庆节\n2031-10-03 休 国庆节\n2031-09-28 班 国庆节调休\n",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (_, added) = await session.GetAsync(saved.Headers.Location!.PathAndQuery);
        added.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已保存");
        added.QuerySelectorAll("#dj-holidays tbody tr[data-date^='2031-']").Select(r => r.GetAttribute("data-date"))
            .ShouldBe(["2031-09-28", "2031-10-01", "2031-10-02", "2031-10-03"]);
        added.QuerySelector("#dj-holiday-years")!.TextContent.ShouldContain("2031");

        // Correct the name of the first rest day and remove the last one (rows are in date order: 0 = 09-28).
        var corrected = await session.SubmitAsync(added, "#dj-holiday-form", new Dictionary<string, string>
        {
            ["Input.Days[1].Name"] = "国庆节、中秋节", ["Input.Days[3].Remove"] = "true",
        });
        corrected.StatusCode.ShouldBe(HttpStatusCode.Redirect, await corrected.Content.ReadAsStringAsync());
        var year = await _client.GetFromJsonAsync<JsonElement>("/api/v1/development/holidays/2031");
        var days = year.GetProperty("days").EnumerateArray().Select(d => (d.GetProperty("date").GetString(), d.GetProperty("isWorkday").GetBoolean(), d.GetProperty("name").GetString())).ToList();
        days.ShouldBe([("2031-09-28", true, "国庆节调休"), ("2031-10-01", false, "国庆节、中秋节"), ("2031-10-02", false, "国庆节")]);

        var calc = await _client.GetFromJsonAsync<JsonElement>("/api/v1/development/working-days?from=2031-09-26&days=5");
        calc.GetProperty("endOn").GetString().ShouldBe("2031-10-03", "9-26 周五、9-28 调休上班、9-29、9-30 为工作日，10-01、10-02 休息，删去的 10-03 恢复为工作日");
    }

    [Fact]
    public async Task Validation_InChinese_DateInsideTheYear_NoDuplicates_NothingSaved()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, badYear) = await session.GetAsync("/admin/holidays?year=19");
        badYear.QuerySelector("#dj-holiday-year #dj-error-summary")!.TextContent.ShouldContain("年度应在 2000 至 2100 之间");
        var (_, page) = await session.GetAsync("/admin/holidays?year=2032");

        var outside = await BrowserlessSession.ParseAsync(await session.SubmitAsync(page, "#dj-holiday-form", new Dictionary<string, string>
        {
            ["Input.Days[0].Date"] = "2030-05-01", ["Input.Days[0].Kind"] = "rest", ["Input.Days[0].Name"] = "劳动节",
            ["Input.Days[1].Date"] = "2032-05-03", ["Input.Days[1].Kind"] = "rest",
            ["Input.Bulk"] = "2032-05-03 休 劳动节",
        }));
        var summary = outside.QuerySelector("#dj-error-summary")!.TextContent;
        summary.ShouldContain("日期 2030-05-01 不属于该年度的节假日安排");
        summary.ShouldContain("日期 2032-05-03 重复登记");
        outside.QuerySelector("[data-field='Days']").ShouldNotBeNull();
        outside.QuerySelector("#dj-holidays input[name='Input.Days[0].Date']")!.GetAttribute("value").ShouldBe("2030-05-01", "出错时保留填写的内容");

        var malformed = await BrowserlessSession.ParseAsync(await session.SubmitAsync(page, "#dj-holiday-form", new Dictionary<string, string>
        {
            ["Input.Days[0].Date"] = "2032-02-30", ["Input.Days[0].Kind"] = "rest", ["Input.Bulk"] = "2032-05-01 放假",
        }));
        malformed.QuerySelector("[data-field='Days']")!.TextContent.ShouldBe("第 1 行：日期应为 yyyy-MM-dd 格式");
        malformed.QuerySelector("[data-field='Bulk']")!.TextContent.ShouldBe("批量添加第 1 行：日期后应写“休”或“班”");

        var weekday = await _client.PutAsJsonAsync("/api/v1/development/holidays/2032", new { days = new[] { new { date = "2032-05-05", isWorkday = true, name = "调休" } } });
        weekday.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weekday.Content.ReadAsStringAsync()).ShouldContain("应为周六或周日");
        (await _client.GetFromJsonAsync<JsonElement>("/api/v1/development/holidays/2032")).GetProperty("days").GetArrayLength().ShouldBe(0);

        var ok = await _client.PutAsJsonAsync("/api/v1/development/holidays/2032", new { days = new[] { new { date = "2032-05-01", isWorkday = false, name = "劳动节" } } });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await _client.GetStringAsync("/api/v1/audit?entityType=HolidayDay&pageSize=100")).ShouldContain("2032-05-01");
    }

    [Fact]
    public async Task NonAdministrator_CannotEditHolidays_ButMayReadTheCalendar()
    {
        var root = await _client.CreateOrganizationAsync(null, Unique("R"), "节假日测试党委", "Committee");
        var orgAdmin = await App.CreateUserAsync(Unique("orgadmin"), Role.OrgAdmin, root);
        using var client = App.ApiClient(orgAdmin);
        var put = await client.PutAsJsonAsync("/api/v1/development/holidays/2024", new { days = Array.Empty<object>() });
        put.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await put.Content.ReadAsStringAsync()).ShouldContain("只有系统管理员才能维护节假日安排");
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/development/holidays/2024")).GetProperty("days").GetArrayLength().ShouldBe(40, "越权修改没有改变日历");
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/development/working-days?from=2024-09-27&days=5")).GetProperty("endOn").GetString().ShouldBe("2024-10-09");

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(orgAdmin);
        var (response, page) = await session.GetAsync("/admin/holidays?year=2024");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        page.QuerySelector("#dj-holiday-form").ShouldBeNull();
        page.QuerySelector("#dj-not-found")!.TextContent.ShouldContain("只有系统管理员");
        page.QuerySelector("a[href='/admin/holidays']").ShouldBeNull("菜单不显示节假日日历");
        var (_, home) = await session.GetAsync("/");
        home.QuerySelector("a[href='/admin/holidays']").ShouldBeNull();

        using var adminSession = new BrowserlessSession(App);
        await adminSession.LogInAsync(_admin);
        var (_, adminHome) = await adminSession.GetAsync("/");
        adminHome.QuerySelector("a[href='/admin/holidays']")!.TextContent.ShouldContain("节假日日历");
        adminHome.QuerySelector("a[href='/development']")!.TextContent.ShouldContain("发展党员看板");
    }
}

public sealed class HolidayCalendarTests_Sqlite(SqliteApp app) : HolidayCalendarTests(app), IClassFixture<SqliteApp>;

public sealed class HolidayCalendarTests_Postgres(PostgresApp app) : HolidayCalendarTests(app), IClassFixture<PostgresApp>;
