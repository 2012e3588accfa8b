using Dangjian.Core.Features.Obligations;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Metrics;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dangjian.Core.Features.Obligations.ObligationDefaults;

namespace Dangjian.Web.Tests.Features.Compliance;

/// <summary>
/// The compliance rules end to end on each database. Evidence is dated 2024, so every occurrence has ended whatever the
/// day the tests run.
/// </summary>
public abstract class ComplianceEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;
    private long _branch;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "合规测试党委", "Committee");
        _branch = await _client.CreateOrganizationAsync(_root, Unique("B"), "合规第一党支部", "Branch");
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private static DateOnly D(int m, int d) => new(2024, m, d);

    private async Task<JsonElement> MatrixAsync(string from, string to, long? root = null, bool problems = false)
    {
        var response = await _client.GetAsync($"/api/v1/compliance?org={root ?? _root}&from={from}&to={to}&problems={problems}&pageSize=100");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static JsonElement Cell(JsonElement matrix, long organizationId, string code)
    {
        var index = matrix.GetProperty("columns").EnumerateArray().Select((c, i) => (c, i)).Single(x => x.c.GetProperty("code").GetString() == code).i;
        return matrix.GetProperty("rows").GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("organizationId").GetInt64() == organizationId).GetProperty("cells")[index];
    }

    private static string Status(JsonElement cell) => cell.GetProperty("status").GetString()!;

    private static string[] Statuses(JsonElement cell) => cell.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("status").GetString()!).ToArray();

    [Fact]
    public async Task ThemeDay_HeldOnNovember1_DoesNotCountForOctober_AndAMeetingWithTwoKindsSatisfiesBoth()
    {
        await ComplianceTestData.AddMeetingAsync(App, _branch, D(11, 1), [MeetingKindCodes.ThemeDay, MeetingKindCodes.BranchGeneralMeeting]);
        var matrix = await MatrixAsync("2024-10-01", "2024-11-30");
        Statuses(Cell(matrix, _branch, ThemeDay)).ShouldBe(["Overdue", "Met"]);
        var theme = Cell(matrix, _branch, ThemeDay);
        (theme.GetProperty("met").GetInt32(), theme.GetProperty("applicable").GetInt32()).ShouldBe((1, 2));
        Status(Cell(matrix, _branch, BranchGeneralMeeting)).ShouldBe("Met");
        Status(Cell(matrix, _branch, GroupMeeting)).ShouldBe("NotApplicable");
        Status(Cell(matrix, _root, ThemeDay)).ShouldBe("NotApplicable");
    }

    [Fact]
    public async Task GeneralMeeting_OnTheLastDayOfTheQuarter_CountsForThatQuarter()
    {
        await ComplianceTestData.AddMeetingAsync(App, _branch, D(6, 30), [MeetingKindCodes.BranchGeneralMeeting]);
        await ComplianceTestData.AddMeetingAsync(App, _branch, D(10, 1), [MeetingKindCodes.BranchGeneralMeeting]);
        var matrix = await MatrixAsync("2024-04-01", "2024-09-30");
        Statuses(Cell(matrix, _branch, BranchGeneralMeeting)).ShouldBe(["Met", "Overdue"]);
        Cell(matrix, _branch, BranchGeneralMeeting).GetProperty("occurrences")[1].GetProperty("label").GetString().ShouldBe("2024年第三季度");
    }

    [Fact]
    public async Task EveryKindOfEvidence_IsReadOnThisDatabase()
    {
        var group = await _client.CreateOrganizationAsync(_branch, Unique("G"), "第一党小组", "Group");
        var a = await CommitteeTestData.CreateMemberAsync(App, _branch, "甲");
        var b = await CommitteeTestData.CreateMemberAsync(App, _branch, "乙");
        var c = await CommitteeTestData.CreateMemberAsync(App, _branch, "丙");
        await ComplianceTestData.AddSeatAsync(App, _branch, a, CommitteePost.Secretary, new DateOnly(2023, 1, 1));
        await ComplianceTestData.AddSeatAsync(App, _branch, b, CommitteePost.OrganizationMember, new DateOnly(2023, 1, 1));
        await ComplianceTestData.AddSeatAsync(App, _branch, c, CommitteePost.PropagandaMember, new DateOnly(2023, 1, 1));
        await ComplianceTestData.AddSeatAsync(App, _root, a, CommitteePost.Secretary, new DateOnly(2023, 1, 1));

        await ComplianceTestData.AddMeetingAsync(App, _branch, D(3, 5), [MeetingKindCodes.CommitteeMeeting]);
        await ComplianceTestData.AddMeetingAsync(App, group, D(3, 6), [MeetingKindCodes.GroupMeeting]);
        await ComplianceTestData.AddMeetingAsync(App, _branch, D(3, 7), [MeetingKindCodes.PartyLecture], lecturerMemberId: a, lecturerRole: LecturerRole.Secretary);
        await ComplianceTestData.AddEvaluationAsync(App, _branch, D(12, 20));
        await ComplianceTestData.AddTalkAsync(App, _branch, D(4, 1), a, b);
        await ComplianceTestData.AddTalkAsync(App, _branch, D(5, 1), c, a);

        var matrix = await MatrixAsync("2024-01-01", "2024-12-31");
        Statuses(Cell(matrix, _branch, CommitteeMeeting))[..4].ShouldBe(["Overdue", "Overdue", "Met", "Overdue"]);
        Statuses(Cell(matrix, group, GroupMeeting))[2].ShouldBe("Met");
        Status(Cell(matrix, _root, SecretaryLecture)).ShouldBe("Met");
        Statuses(Cell(matrix, _branch, BranchLecture)).ShouldBe(["Met", "Overdue", "Overdue", "Overdue"]);
        Status(Cell(matrix, _branch, Evaluation)).ShouldBe("Met");
        Status(Cell(matrix, _branch, LifeMeeting)).ShouldBe("Overdue");

        var talks = Cell(matrix, _branch, ObligationDefaults.Talks);
        Status(talks).ShouldBe("Overdue");
        talks.GetProperty("note").GetString().ShouldBe("1 对支委之间未谈");
        await ComplianceTestData.AddTalkAsync(App, _branch, D(12, 31), b, c);
        Status(Cell(await MatrixAsync("2024-01-01", "2024-12-31"), _branch, ObligationDefaults.Talks)).ShouldBe("Met");
    }

    [Fact]
    public async Task OnlyProblems_KeepsRowsWithOverdueCells_AndPages()
    {
        var second = await _client.CreateOrganizationAsync(_root, Unique("B"), "合规第二党支部", "Branch");
        await ComplianceTestData.OverrideAsync(App, _root, ThemeDay, enabled: false);
        await ComplianceTestData.OverrideAsync(App, _root, SecretaryLecture, enabled: false);
        foreach (var code in new[] { BranchGeneralMeeting, BranchLecture, LifeMeeting, Evaluation, ObligationDefaults.Talks })
        {
            await ComplianceTestData.OverrideAsync(App, second, code, enabled: false);
        }

        var all = await MatrixAsync("2024-01-01", "2024-03-31");
        all.GetProperty("rows").GetProperty("total").GetInt32().ShouldBe(3);
        all.GetProperty("problemRows").GetInt32().ShouldBe(1);
        var problems = await MatrixAsync("2024-01-01", "2024-03-31", problems: true);
        problems.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("organizationId").GetInt64()).ShouldBe([_branch]);

        var page = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/compliance?org={_root}&from=2024-01-01&to=2024-03-31&page=2&pageSize=20");
        page.GetProperty("rows").GetProperty("items").GetArrayLength().ShouldBe(0);
        var bad = await _client.GetAsync($"/api/v1/compliance?org={_root}&from=2024-03-01&to=2024-01-01");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("开始日期不能晚于结束日期");
    }

    [Fact]
    public async Task Override_NeedsAReason_IsAudited_AndClearingRestoresTheParentsRule()
    {
        var themeDay = ComplianceTestData.ObligationId(ThemeDay);
        var refused = await _client.PutAsJsonAsync($"/api/v1/obligations/{themeDay}/overrides/{_root}", new { enabled = false, minCount = 0 });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadAsStringAsync();
        problem.ShouldContain("请填写调整原因");
        problem.ShouldContain("每个周期的最少次数应在 1 到 99 之间");

        (await _client.PutAsJsonAsync($"/api/v1/obligations/{themeDay}/overrides/{_root}", new { enabled = false, reason = "全系统暂停主题党日" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.PutAsJsonAsync($"/api/v1/obligations/{themeDay}/overrides/{_branch}", new { enabled = true, frequency = "Quarterly", minCount = 2, reason = "本支部每季度两次" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var view = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/obligations?org={_branch}");
        var item = view.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("code").GetString() == ThemeDay);
        (item.GetProperty("enabled").GetBoolean(), item.GetProperty("frequency").GetString(), item.GetProperty("minCount").GetInt32()).ShouldBe((true, "Quarterly", 2));
        item.GetProperty("decidedByOrganizationId").GetInt64().ShouldBe(_branch);
        view.GetProperty("overrides").GetArrayLength().ShouldBe(2);
        Cell(await MatrixAsync("2024-01-01", "2024-06-30"), _branch, ThemeDay).GetProperty("occurrences").GetArrayLength().ShouldBe(2);

        (await _client.DeleteAsync($"/api/v1/obligations/{themeDay}/overrides/{_branch}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _client.DeleteAsync($"/api/v1/obligations/{themeDay}/overrides/{_branch}?reason={Uri.EscapeDataString("恢复上级规定")}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.DeleteAsync($"/api/v1/obligations/{themeDay}/overrides/{_branch}?reason=again")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var cell = Cell(await MatrixAsync("2024-01-01", "2024-06-30"), _branch, ThemeDay);
        Status(cell).ShouldBe("NotApplicable");
        cell.GetProperty("overrideOrganizationId").GetInt64().ShouldBe(_root);

        var audit = await _client.GetStringAsync($"/api/v1/audit?organizationId={_branch}&pageSize=100");
        audit.ShouldContain("ObligationOverride");
        audit.ShouldContain("恢复上级规定");
        audit.ShouldContain("本支部每季度两次");
    }

    [Fact]
    public async Task Override_WorkerOfTheSubtree_IsForbidden_ButMayReadTheMatrix()
    {
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _root);
        using var client = App.ApiClient(worker);
        var response = await client.PutAsJsonAsync($"/api/v1/obligations/{ComplianceTestData.ObligationId(ThemeDay)}/overrides/{_branch}", new { enabled = false, reason = "无权" });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/v1/compliance?org={_branch}&from=2024-01-01&to=2024-01-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Calendar_ListsTheMonthsMeetings_AndWhatFallsDue()
    {
        var meeting = await ComplianceTestData.AddMeetingAsync(App, _branch, D(3, 31), [MeetingKindCodes.ThemeDay, MeetingKindCodes.BranchGeneralMeeting], "三月主题党日");
        await ComplianceTestData.AddMeetingAsync(App, _branch, D(4, 1), [MeetingKindCodes.ThemeDay], "四月主题党日");
        var calendar = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/compliance/calendar?org={_root}&month=2024-03");
        var meetings = calendar.GetProperty("meetings").EnumerateArray().ToList();
        meetings.Single().GetProperty("id").GetInt64().ShouldBe(meeting);
        meetings.Single().GetProperty("kinds").EnumerateArray().Select(k => k.GetString()).ShouldBe(["支部党员大会", "主题党日"]);
        var due = calendar.GetProperty("due").EnumerateArray().ToDictionary(d => d.GetProperty("code").GetString()!);
        due[ThemeDay].GetProperty("met").GetInt32().ShouldBe(1);
        due[BranchLecture].GetProperty("unmet").GetInt32().ShouldBe(1);
        due[BranchLecture].GetProperty("occurrenceLabel").GetString().ShouldBe("2024年第一季度");
        due.ShouldNotContainKey(LifeMeeting);
        (await _client.GetAsync($"/api/v1/compliance/calendar?org={_root}&month=2024-13")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Metrics_ComplianceRateAndOverdue_OnThisDatabase()
    {
        var second = await _client.CreateOrganizationAsync(_root, Unique("B"), "合规第二党支部", "Branch");
        for (var m = 1; m <= 6; m++) await ComplianceTestData.AddMeetingAsync(App, _branch, D(m, 15), [MeetingKindCodes.ThemeDay]);
        for (var m = 1; m <= 5; m++) await ComplianceTestData.AddMeetingAsync(App, second, D(m, 15), [MeetingKindCodes.ThemeDay]);

        using var scope = App.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
        var path = await db.Organizations.Where(o => o.Id == _root).Select(o => o.Path).SingleAsync();
        var metricScope = new MetricScope(db, path, D(1, 1), D(6, 30));
        var rate = await MetricCatalogue.Default.Get("compliance.rate").EvaluateAsync(metricScope, "obligation", CancellationToken.None);
        rate.Single(v => v.Key == ThemeDay).Value.ShouldBe(50.0m);
        var overdue = await MetricCatalogue.Default.Get("compliance.overdue").EvaluateAsync(metricScope, "obligation", CancellationToken.None);
        overdue.Single(v => v.Key == ThemeDay).Value.ShouldBe(1);

        var definitions = await _client.GetStringAsync("/api/v1/metrics");
        definitions.ShouldContain("compliance.rate");
        definitions.ShouldContain("compliance.overdue");
    }

    [Fact]
    public async Task MatrixPage_CellOpensTheMeetingsItCounted_CalendarLinksTheMeeting()
    {
        var meeting = await ComplianceTestData.AddMeetingAsync(App, _branch, D(2, 29), [MeetingKindCodes.ThemeDay]);
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);

        var (response, page) = await session.GetAsync($"/compliance?org={_root}&from=2024-01-01&to=2024-03-31");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cell = page.QuerySelector($"tr[data-org='{_branch}'] td[data-obligation='{ThemeDay}']")!;
        cell.GetAttribute("data-status").ShouldBe("Overdue");
        cell.ClassList.ShouldContain("dj-cell-overdue");
        cell.TextContent.Trim().ShouldBe("1/3");
        cell.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/meetings?org={_branch}&kind=ThemeDay&from=2024-01-01&to=2024-03-31");
        page.QuerySelector($"tr[data-org='{_branch}'] td[data-obligation='{GroupMeeting}']")!.TextContent.Trim().ShouldBe("—");
        page.QuerySelector("#dj-legend")!.TextContent.ShouldContain("逾期未完成");

        var (_, problems) = await session.GetAsync($"/compliance?org={_root}&from=2024-01-01&to=2024-03-31&problems=true");
        problems.QuerySelectorAll("tr[data-org]").Select(r => r.GetAttribute("data-org")).ShouldContain(_branch.ToString());
        problems.QuerySelectorAll("tr[data-org]").ShouldAllBe(r => r.QuerySelector("td[data-status='Overdue'], td[data-status='DueSoon']") != null);
        var (invalid, invalidPage) = await session.GetAsync($"/compliance?org={_root}&from=2024-13-01");
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        invalidPage.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("开始日期格式应为 yyyy-MM-dd");

        var (_, calendar) = await session.GetAsync($"/compliance/calendar?org={_branch}&month=2024-02");
        calendar.QuerySelector("td[data-day='2024-02-29'] a")!.GetAttribute("href").ShouldBe($"/meetings/{meeting}");
        calendar.QuerySelector("#dj-due tr[data-due='theme-day']")!.TextContent.ShouldContain("全部完成");
        calendar.QuerySelector("#dj-month-next")!.GetAttribute("href").ShouldBe($"/compliance/calendar?org={_branch}&month=2024-03");
    }

    [Fact]
    public async Task ObligationsPage_OverrideForm_ShowsChineseErrors_ThenSavesAndClears()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, page) = await session.GetAsync($"/obligations?org={_branch}");
        page.QuerySelector($"#dj-obligations tr[data-obligation='{ThemeDay}'] td[data-effective]")!.TextContent.Trim().ShouldBe("每月不少于 1 次");

        var response = await session.SubmitAsync(page, "#dj-override-form", new Dictionary<string, string>
        {
            ["Input.ObligationId"] = ComplianceTestData.ObligationId(ThemeDay).ToString(), ["Input.Enabled"] = "false", ["Input.MinCount"] = "x", ["Input.Reason"] = "",
        });
        var errors = await BrowserlessSession.ParseAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        errors.QuerySelector("[data-field='MinCount']")!.TextContent.ShouldContain("应为不小于 0 的整数");

        response = await session.SubmitAsync(page, "#dj-override-form", new Dictionary<string, string>
        {
            ["Input.ObligationId"] = ComplianceTestData.ObligationId(ThemeDay).ToString(), ["Input.Enabled"] = "false", ["Input.Reason"] = "",
        });
        errors = await BrowserlessSession.ParseAsync(response);
        errors.QuerySelector("[data-field='Reason']")!.TextContent.ShouldContain("请填写调整原因");

        response = await session.SubmitAsync(page, "#dj-override-form", new Dictionary<string, string>
        {
            ["Input.ObligationId"] = ComplianceTestData.ObligationId(ThemeDay).ToString(), ["Input.Enabled"] = "false", ["Input.Reason"] = "临时党支部不开展主题党日",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldBe($"/obligations?org={_branch}&flash=saved");
        var (_, saved) = await session.GetAsync(response.Headers.Location.PathAndQuery);
        saved.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已保存");
        saved.QuerySelector($"#dj-obligations tr[data-obligation='{ThemeDay}'] td[data-effective]")!.TextContent.ShouldContain("已停用");
        saved.QuerySelector("#dj-overrides")!.TextContent.ShouldContain("临时党支部不开展主题党日");

        response = await session.SubmitAsync(saved, "#dj-override-clear-form", new Dictionary<string, string> { ["Clear.Reason"] = "恢复" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, cleared) = await session.GetAsync(response.Headers.Location!.PathAndQuery);
        cleared.QuerySelector("#dj-overrides").ShouldBeNull();
    }
}

public sealed class ComplianceEndpointsTests_Sqlite(SqliteApp app) : ComplianceEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class ComplianceEndpointsTests_Postgres(PostgresApp app) : ComplianceEndpointsTests(app), IClassFixture<PostgresApp>;
