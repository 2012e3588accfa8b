using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.Features.Dues;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Web.Tests.Features.Development.DevelopmentTestData;

namespace Dangjian.Web.Tests.Features.Development.Plans;

/// <summary>The yearly plan page and API (plan against development.admitted), the settings page, validation, audit and scope.</summary>
public abstract class DevelopmentPlanTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _r;
    private long _a;
    private long _b;
    private long _mentor;
    private long _sponsor;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _r = await _client.CreateOrganizationAsync(null, Unique("R"), "计划党委", "Committee");
        _a = await _client.CreateOrganizationAsync(_r, Unique("A"), "计划甲支部", "Branch");
        _b = await _client.CreateOrganizationAsync(_r, Unique("B"), "计划乙支部", "Branch");
        _mentor = await CommitteeTestData.CreateMemberAsync(App, _a, "联系人", admittedOn: new DateOnly(2005, 1, 1));
        _sponsor = await CommitteeTestData.CreateMemberAsync(App, _a, "介绍人", admittedOn: new DateOnly(2006, 1, 1));
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    /// <summary>A 预备党员 admitted in <paramref name="branch"/> about two weeks ago; returns the year of the admission.</summary>
    private async Task<int> AdmitAsync(long branch)
    {
        var applied = Today.AddDays(-14);
        while (ScheduledOn(applied, 17) > Today.AddDays(-14)) applied = applied.AddDays(-1);
        var id = await CandidateAsync(App, branch, applied, "计划预备党员");
        await StepsAsync(App, id, applied, 2, 17, _mentor, _sponsor);
        return ScheduledOn(applied, 17).Year;
    }

    private Task<decimal> AdmittedMetricAsync(long organizationId, int year) => DuesRows.WithDbAsync(App, async db =>
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).SingleAsync();
        var scope = new MetricScope(db, path, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return (await MetricCatalogue.Default.Get("development.admitted").EvaluateAsync(scope, null, CancellationToken.None)).Single().Value;
    });

    [Fact]
    public async Task Plans_PageAndApi_PlanAgainstTheAdmittedMetric_ValidatedAndAudited()
    {
        var year = await AdmitAsync(_b);
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);

        var (_, list) = await session.GetAsync($"/development/plans?org={_r}&year={year}");
        list.QuerySelectorAll("#dj-plans tbody tr").Select(r => r.GetAttribute("data-org")).ShouldBe([_r.ToString(), _a.ToString(), _b.ToString()]);
        list.QuerySelector($"#dj-plans tr[data-org='{_b}']")!.TextContent.ShouldContain("未制定计划");

        var (_, form) = await session.GetAsync($"/development/plans/edit?org={_b}&year={year}");
        var empty = await BrowserlessSession.ParseAsync(await session.SubmitAsync(form, "#dj-plan-form", new Dictionary<string, string>()));
        empty.QuerySelector("[data-field='Minimum']")!.TextContent.ShouldBe("请填写计划数");
        var negative = await BrowserlessSession.ParseAsync(await session.SubmitAsync(form, "#dj-plan-form", new Dictionary<string, string> { ["Input.Minimum"] = "-1" }));
        negative.QuerySelector("[data-field='Minimum']")!.TextContent.ShouldBe("计划数不能小于 0");
        var reversed = await BrowserlessSession.ParseAsync(await session.SubmitAsync(form, "#dj-plan-form", new Dictionary<string, string> { ["Input.Minimum"] = "5", ["Input.Maximum"] = "3" }));
        reversed.QuerySelector("[data-field='Maximum']")!.TextContent.ShouldBe("区间上限（3）不能小于计划数（5）");
        reversed.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("区间上限");

        var saved = await session.SubmitAsync(form, "#dj-plan-form", new Dictionary<string, string> { ["Input.Minimum"] = "1", ["Input.Maximum"] = "3", ["Input.Note"] = "党委下达" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (_, after) = await session.GetAsync(saved.Headers.Location!.PathAndQuery);
        after.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已保存");
        var row = after.QuerySelector($"#dj-plans tr[data-org='{_b}']")!;
        row.QuerySelector("[data-plan]")!.TextContent.ShouldBe("1–3");
        row.QuerySelector("[data-admitted]")!.TextContent.ShouldBe(((int)await AdmittedMetricAsync(_b, year)).ToString());
        row.GetAttribute("data-progress").ShouldBe("Met");
        row.TextContent.ShouldContain("已完成");
        row.TextContent.ShouldContain("党委下达");

        // The API: the same figures for every organization, the committee's actual counting its subtree.
        (await _client.PutAsJsonAsync($"/api/v1/development/plans/{_a}/{year}", new { minimum = 2 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.PutAsJsonAsync($"/api/v1/development/plans/{_r}/{year}", new { minimum = 0, maximum = 0 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var plans = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/development/plans?under={_r}&year={year}");
        var rows = plans.GetProperty("rows").GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("organizationId").GetInt64());
        foreach (var org in new[] { _r, _a, _b })
        {
            ((decimal)rows[org].GetProperty("admitted").GetInt32()).ShouldBe(await AdmittedMetricAsync(org, year), $"组织 {org}");
        }

        (rows[_r].GetProperty("admitted").GetInt32(), rows[_r].GetProperty("progressLabel").GetString()).ShouldBe((1, "超出"));
        (rows[_a].GetProperty("admitted").GetInt32(), rows[_a].GetProperty("progressLabel").GetString()).ShouldBe((0, "未完成"));
        rows[_b].GetProperty("planText").GetString().ShouldBe("1–3");

        var invalid = await _client.PutAsJsonAsync($"/api/v1/development/plans/{_a}/{year}", new { minimum = 4, maximum = 2 });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("区间的下限不能大于上限");
        var missing = await _client.PutAsJsonAsync($"/api/v1/development/plans/{_a}/{year}", new { note = "无计划数" });
        (await missing.Content.ReadAsStringAsync()).ShouldContain("请填写计划数");

        (await _client.GetStringAsync($"/api/v1/audit?organizationId={_b}&pageSize=100")).ShouldContain("DevelopmentPlan");
    }

    [Fact]
    public async Task Settings_PageAndApi_InheritedFromAbove_ValidatedAndAudited()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, page) = await session.GetAsync($"/development/settings?org={_r}");
        page.QuerySelector("#dj-settings-source")!.TextContent.ShouldBe("系统默认（未设置）");
        page.QuerySelector("#dj-notice-days")!.TextContent.ShouldContain("5 个工作日");

        var bad = await BrowserlessSession.ParseAsync(await session.SubmitAsync(page, "#dj-development-settings-form",
            new Dictionary<string, string> { ["Input.ActivistAfterMonths"] = "x", ["Input.NoticeWorkingDays"] = "0" }));
        bad.QuerySelector("[data-field='ActivistAfterMonths']")!.TextContent.ShouldContain("应为不小于 0 的整数");
        bad.QuerySelector("[data-field='NoticeWorkingDays']")!.TextContent.ShouldBe("公示工作日应在 1 至 30 之间");

        var saved = await session.SubmitAsync(page, "#dj-development-settings-form",
            new Dictionary<string, string> { ["Input.ActivistAfterMonths"] = "3", ["Input.NoticeWorkingDays"] = "7" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (_, after) = await session.GetAsync(saved.Headers.Location!.PathAndQuery);
        after.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已保存");
        after.QuerySelector("#dj-settings-source")!.TextContent.ShouldBe("本级设置");

        var (_, branch) = await session.GetAsync($"/development/settings?org={_a}");
        branch.QuerySelector("#dj-settings-source")!.TextContent.ShouldBe("沿用上级：计划党委");
        branch.QuerySelector("#dj-notice-days")!.TextContent.ShouldContain("7 个工作日");

        var api = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/development/settings/{_a}");
        (api.GetProperty("activistAfterMonths").GetInt32(), api.GetProperty("noticeWorkingDays").GetInt32(), api.GetProperty("sourceOrganizationId").GetInt64()).ShouldBe((3, 7, _r));
        (await _client.PutAsJsonAsync($"/api/v1/development/settings/{_a}", new { activistAfterMonths = 6, noticeWorkingDays = 5 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var invalid = await _client.PutAsJsonAsync($"/api/v1/development/settings/{_a}", new { activistAfterMonths = 30, noticeWorkingDays = 5 });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("0 至 24 之间");
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/development/settings/{_a}")).GetProperty("isOwn").GetBoolean().ShouldBeTrue();
        (await _client.GetStringAsync($"/api/v1/audit?organizationId={_r}&pageSize=100")).ShouldContain("DevelopmentSettings");
    }

    [Fact]
    public async Task PlansAndSettings_UserOfAnotherBranch_Gets404_AndAWorkerCannotChangeTheRules()
    {
        var year = Today.Year;
        (await _client.PutAsJsonAsync($"/api/v1/development/plans/{_b}/{year}", new { minimum = 2, note = "乙支部秘密备注" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _a);
        using var client = App.ApiClient(worker);

        (await client.GetAsync($"/api/v1/development/plans?under={_b}&year={year}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/development/plans?under={_r}&year={year}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync($"/api/v1/development/plans/{_b}/{year}", new { minimum = 9 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/development/settings/{_b}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync($"/api/v1/development/settings/{_b}", new { activistAfterMonths = 1, noticeWorkingDays = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A 工作人员 may set their branch's plan but not its rules (those need an administrator).
        (await client.PutAsJsonAsync($"/api/v1/development/plans/{_a}/{year}", new { minimum = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync($"/api/v1/development/settings/{_a}", new { activistAfterMonths = 1, noticeWorkingDays = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var own = await client.GetStringAsync($"/api/v1/development/plans?year={year}");
        own.ShouldNotContain("乙支部秘密备注");

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(worker);
        foreach (var url in new[] { $"/development/plans?org={_b}&year={year}", $"/development/plans/edit?org={_b}&year={year}", $"/development/settings?org={_b}" })
        {
            var (response, page) = await session.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            page.DocumentElement.OuterHtml.ShouldNotContain("乙支部秘密备注", Case.Sensitive, url);
            page.DocumentElement.OuterHtml.ShouldNotContain("计划乙支部", Case.Sensitive, url);
        }

        var (_, settings) = await session.GetAsync($"/development/settings?org={_a}");
        settings.QuerySelector("#dj-development-settings-form").ShouldBeNull("工作人员看不到设置表单");
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/development/settings/{_a}")).GetProperty("canAdminister").GetBoolean().ShouldBeFalse();
    }
}

public sealed class DevelopmentPlanTests_Sqlite(SqliteApp app) : DevelopmentPlanTests(app), IClassFixture<SqliteApp>;

public sealed class DevelopmentPlanTests_Postgres(PostgresApp app) : DevelopmentPlanTests(app), IClassFixture<PostgresApp>;
