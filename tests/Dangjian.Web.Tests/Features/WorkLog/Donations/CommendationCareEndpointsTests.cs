using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.WorkLog.Care;
using Dangjian.Core.Features.WorkLog.Commendations;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.Features.Dues;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Features.WorkLog.Donations;

/// <summary>表彰 and 慰问 on both databases: figures from the records, bad input refused in Chinese with nothing saved, scope enforced, pages.</summary>
public abstract class CommendationCareEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;
    private long _a;
    private long _b;
    private long _a1;
    private long _a2;
    private long _b1;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "表彰慰问党委", "Committee");
        _a = await _client.CreateOrganizationAsync(_root, Unique("A"), "表彰慰问甲支部", "Branch");
        _b = await _client.CreateOrganizationAsync(_root, Unique("B"), "表彰慰问乙支部", "Branch");
        _a1 = await CommitteeTestData.CreateMemberAsync(App, _a, "慰问甲一");
        _a2 = await CommitteeTestData.CreateMemberAsync(App, _a, "慰问甲二");
        _b1 = await CommitteeTestData.CreateMemberAsync(App, _b, "慰问乙一");
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private Task<decimal> MetricAsync(string key, long organizationId, string? dimension = null, string? code = null) => DuesRows.WithDbAsync(App, async db =>
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).SingleAsync();
        var values = await MetricCatalogue.Default.Get(key).EvaluateAsync(new MetricScope(db, path, Today.AddYears(-1), Today), dimension, default);
        return values.Single(v => v.Key == code).Value;
    });

    private static object Care(long org, DateOnly date, long[] members, decimal money = 500m, string reason = "Hardship") =>
        new { organizationId = org, visitedOn = date.ToString("yyyy-MM-dd"), reason, money, goods = "米、油", visitors = "支部书记", memberIds = members };

    private static object Award(long org, DateOnly date, long[] orgs, long[] members, string title = "优秀共产党员") =>
        new { organizationId = org, awardedOn = date.ToString("yyyy-MM-dd"), level = "County", title, organizationIds = orgs, memberIds = members };

    private static async Task<long> CreatedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Figures_ComeFromTheRecords_ByReason_AndAddUpOverTheSubtree()
    {
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/care-visits", Care(_a, Today.AddDays(-3), [_a1, _a2], 1000m)));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/care-visits", Care(_b, Today.AddDays(-2), [_b1], 200.5m, "Festival")));
        (await MetricAsync("care.visited", _root)).ShouldBe(3m);
        (await MetricAsync("care.visited", _root, "reason", "Hardship")).ShouldBe(2m);
        (await MetricAsync("care.visited", _root, "reason", "Festival")).ShouldBe(1m);
        (await MetricAsync("care.amount", _root)).ShouldBe(1200.5m);
        (await MetricAsync("care.amount", _b)).ShouldBe(200.5m);

        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/commendations", Award(_root, Today.AddDays(-1), [_a, _b], [_a1], "先进基层党组织")));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/commendations", Award(_a, Today, [], [_a2])));
        (await MetricAsync("commendation.orgs", _root)).ShouldBe(2m);
        (await MetricAsync("commendation.members", _root)).ShouldBe(2m);
        (await MetricAsync("commendation.members", _a)).ShouldBe(1m);
    }

    [Fact]
    public async Task BadInput_IsRefusedInChinese_AndChangesNothing()
    {
        async Task RefusedAsync(HttpClient client, string url, object body, string message)
        {
            var response = await client.PostAsJsonAsync(url, body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        }

        var (visits, awards) = await DuesRows.WithDbAsync(App, async db => (await db.Set<CareVisit>().CountAsync(), await db.Set<Commendation>().CountAsync()));
        await RefusedAsync(_client, "/api/v1/worklog/care-visits", Care(_a, Today, [_a1], -1m), "慰问金不能为负数");
        await RefusedAsync(_client, "/api/v1/worklog/care-visits", Care(_a, Today.AddDays(1), [_a1]), "不能晚于今天");
        await RefusedAsync(_client, "/api/v1/worklog/care-visits", Care(_a, Today, []), "请至少选择一名慰问对象");
        await RefusedAsync(_client, "/api/v1/worklog/commendations", Award(_a, Today.AddDays(1), [], [_a1]), "不能晚于今天");
        await RefusedAsync(_client, "/api/v1/worklog/commendations", Award(_a, Today, [], []), "请至少选择一个受表彰的组织或党员");

        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _a);
        using var workerClient = App.ApiClient(worker);
        await RefusedAsync(workerClient, "/api/v1/worklog/care-visits", Care(_a, Today, [_a1, _b1]), "不在您的管理范围内");
        await RefusedAsync(workerClient, "/api/v1/worklog/commendations", Award(_a, Today, [_b], []), "不在您的管理范围内");
        await RefusedAsync(workerClient, "/api/v1/worklog/commendations", Award(_a, Today, [], [_b1]), "不在您的管理范围内");
        (await DuesRows.WithDbAsync(App, async db => (await db.Set<CareVisit>().CountAsync(), await db.Set<Commendation>().CountAsync()))).ShouldBe((visits, awards));
    }

    [Fact]
    public async Task Scope_AnotherBranchsWorkerNeitherSeesNorChangesTheRecords()
    {
        var visit = await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/care-visits", Care(_a, Today, [_a1])));
        var award = await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/commendations", Award(_a, Today, [], [_a1])));
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _b);
        using var client = App.ApiClient(worker);
        (await client.GetAsync($"/api/v1/worklog/care-visits/{visit}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"/api/v1/worklog/care-visits/{visit}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/worklog/commendations/{award}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync($"/api/v1/worklog/commendations/{award}", Award(_a, Today, [], [_a1]))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/worklog/care-visits")).GetProperty("total").GetInt32().ShouldBe(0);
        (await client.GetAsync($"/worklog/care/{visit}/edit")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_CreateACareVisitAndACommendation_AndSeeThemInTheLists()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, form) = await session.GetAsync($"/worklog/care/new?org={_a}");
        var bad = await BrowserlessSession.ParseAsync(await session.SubmitAsync(form, "#dj-care-form", new Dictionary<string, string>
        {
            ["Reason"] = "Ill", ["Money"] = "-10", ["Visitors"] = "书记", ["MemberIds"] = _a1.ToString(),
        }));
        bad.QuerySelector("[data-field='Money']")!.TextContent.ShouldContain("慰问金不能为负数");
        var saved = await session.SubmitAsync(form, "#dj-care-form", new Dictionary<string, string>
        {
            ["Reason"] = "Ill", ["Money"] = "300", ["Visitors"] = "住院探望的书记", ["MemberIds"] = _a1.ToString(),
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (_, list) = await session.GetAsync(saved.Headers.Location!.PathAndQuery);
        list.QuerySelector("#dj-care-visits")!.TextContent.ShouldContain("住院探望的书记");

        var (_, award) = await session.GetAsync($"/worklog/commendations/new?org={_a}");
        var done = await session.SubmitAsync(award, "#dj-commendation-form", new Dictionary<string, string>
        {
            ["Level"] = "Municipal", ["Title"] = "五好党支部", ["OrganizationIds"] = _a.ToString(),
        });
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect, await done.Content.ReadAsStringAsync());
        var (_, awards) = await session.GetAsync(done.Headers.Location!.PathAndQuery);
        awards.QuerySelector("#dj-commendations")!.TextContent.ShouldContain("五好党支部");
    }

    [Fact]
    public async Task Exports_ChineseHeaders_OneRowPerRecord_OnlyTheCallersOrganizations()
    {
        var title = Unique("导出表彰");
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/commendations", Award(_a, Today.AddDays(-1), [], [_a1, _a2], title)));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/commendations", Award(_b, Today.AddDays(-1), [], [_b1], title + "乙")));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/care-visits", Care(_a, Today.AddDays(-1), [_a1], 321.5m, "Retired")));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/care-visits", Care(_b, Today.AddDays(-1), [_b1], 99m)));

        // The list page's button carries the list's filter.
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, list) = await session.GetAsync($"/worklog/commendations?org={_a}&from={Today.AddDays(-5):yyyy-MM-dd}");
        list.QuerySelector("#dj-commendation-export")!.GetAttribute("href").ShouldBe($"/api/v1/worklog/commendations/export?under={_a}&from={Today.AddDays(-5):yyyy-MM-dd}");
        var (_, careList) = await session.GetAsync($"/worklog/care?org={_a}&reason=Retired");
        careList.QuerySelector("#dj-care-export")!.GetAttribute("href").ShouldBe($"/api/v1/worklog/care-visits/export?under={_a}&reason=Retired");

        var awards = await SheetAsync(_client, $"/api/v1/worklog/commendations/export?under={_a}");
        awards[0].ShouldBe(["表彰日期", "组织", "表彰级别", "表彰名称", "受表彰组织（个）", "受表彰党员（人）"]);
        awards.Single(r => r.Contains(title)).ShouldBe([Today.AddDays(-1).ToString("yyyy-MM-dd"), "表彰慰问甲支部", CommendationLevel.County.Label(), title, "0", "2"]);
        awards.ShouldNotContain(r => r.Contains(title + "乙"));

        var care = await SheetAsync(_client, $"/api/v1/worklog/care-visits/export?under={_a}&reason=Retired");
        care[0].ShouldBe(["慰问日期", "组织", "慰问原因", "慰问党员（人）", "慰问金（元）", "慰问物品", "慰问人"]);
        care.Count.ShouldBe(2);
        care[1].ShouldBe([Today.AddDays(-1).ToString("yyyy-MM-dd"), "表彰慰问甲支部", CareReason.Retired.Label(), "1", "321.50", "米、油", "支部书记"]);

        // A worker of branch B exports without a filter and gets B's rows only.
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _b);
        using var workerClient = App.ApiClient(worker);
        var theirs = await SheetAsync(workerClient, "/api/v1/worklog/commendations/export");
        theirs.ShouldContain(r => r.Contains(title + "乙"));
        theirs.ShouldNotContain(r => r.Contains(title));
        (await SheetAsync(workerClient, "/api/v1/worklog/care-visits/export")).Skip(1).ShouldAllBe(r => r[1] == "表彰慰问乙支部");
        (await workerClient.GetAsync($"/api/v1/worklog/care-visits/export?under={_a}")).IsSuccessStatusCode.ShouldBeFalse();
    }

    private static async Task<List<List<string>>> SheetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return XlsxReader.Read(await response.Content.ReadAsByteArrayAsync())!.Select(r => r.Cells.Select(c => c ?? "").ToList()).ToList();
    }
}

public sealed class CommendationCareEndpointsTests_Sqlite(SqliteApp app) : CommendationCareEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class CommendationCareEndpointsTests_Postgres(PostgresApp app) : CommendationCareEndpointsTests(app), IClassFixture<PostgresApp>;
