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

namespace Dangjian.Web.Tests.Features.Development.Board;

/// <summary>The 发展党员 board through the API and the page: counts equal the metrics, the overdue list, paging, scope.</summary>
public abstract class DevelopmentBoardTests(AppFixture fixture) : AppTests(fixture)
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
        _r = await _client.CreateOrganizationAsync(null, Unique("R"), "看板党委", "Committee");
        _a = await _client.CreateOrganizationAsync(_r, Unique("A"), "看板甲支部", "Branch");
        _b = await _client.CreateOrganizationAsync(_r, Unique("B"), "看板乙支部", "Branch");
        _mentor = await CommitteeTestData.CreateMemberAsync(App, _a, "联系人", admittedOn: new DateOnly(2005, 1, 1));
        _sponsor = await CommitteeTestData.CreateMemberAsync(App, _a, "介绍人", admittedOn: new DateOnly(2006, 1, 1));
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private Task Steps(long candidate, DateOnly applied, int from, int to) => StepsAsync(App, candidate, applied, from, to, _mentor, _sponsor);

    private static readonly DateOnly ApplicantApplied = Today.AddDays(-40);

    /// <summary>Days the applicant's talk (due a month after the application) is overdue today.</summary>
    private static readonly int TalkDaysOverdue = Today.DayNumber - ApplicantApplied.AddMonths(1).DayNumber;

    /// <summary>One person at each stage: an applicant whose talk is overdue, an activist, a 发展对象 awaiting approval, a 预备党员.</summary>
    private async Task<(long Applicant, long Activist, long Target, long Probationary)> PipelineAsync()
    {
        var applicant = await CandidateAsync(App, _a, ApplicantApplied, "看板申请人");
        var activistApplied = Today.AddMonths(-8);
        var activist = await CandidateAsync(App, _a, activistApplied, "看板积极分子");
        await Steps(activist, activistApplied, 2, 5);
        var targetApplied = Today.AddMonths(-20);
        var target = await CandidateAsync(App, _b, targetApplied, "看板发展对象");
        await Steps(target, targetApplied, 2, 15);
        var probationApplied = Today.AddYears(-3).AddMonths(3);
        var probationary = await CandidateAsync(App, _b, probationApplied, "看板预备党员");
        await Steps(probationary, probationApplied, 2, 17);
        return (applicant, activist, target, probationary);
    }

    private Task<Dictionary<string, decimal>> MetricsAsync(long organizationId, DateOnly on) => DuesRows.WithDbAsync(App, async db =>
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).SingleAsync();
        var scope = new MetricScope(db, path, on, on);
        var figures = new Dictionary<string, decimal>();
        foreach (var key in new[] { "development.applicants", "development.activists", "development.targets", "development.probationary" })
        {
            figures[key] = (await MetricCatalogue.Default.Get(key).EvaluateAsync(scope, null, CancellationToken.None)).Single().Value;
        }

        return figures;
    });

    [Fact]
    public async Task Board_ApiAndPage_CountsEqualTheMetrics_OverdueListedFirst()
    {
        var (applicant, _, target, _) = await PipelineAsync();

        foreach (var org in new[] { _r, _a, _b })
        {
            var board = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/development/board?under={org}");
            var metrics = await MetricsAsync(org, Today);
            board.GetProperty("asOf").GetString().ShouldBe(Today.ToString("yyyy-MM-dd"));
            ((decimal)board.GetProperty("applicants").GetInt32()).ShouldBe(metrics["development.applicants"], $"组织 {org}");
            ((decimal)board.GetProperty("activists").GetInt32()).ShouldBe(metrics["development.activists"], $"组织 {org}");
            ((decimal)board.GetProperty("targets").GetInt32()).ShouldBe(metrics["development.targets"], $"组织 {org}");
            ((decimal)board.GetProperty("probationary").GetInt32()).ShouldBe(metrics["development.probationary"], $"组织 {org}");
        }

        var all = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/development/board?under={_r}");
        (all.GetProperty("applicants").GetInt32(), all.GetProperty("activists").GetInt32(), all.GetProperty("targets").GetInt32(), all.GetProperty("probationary").GetInt32())
            .ShouldBe((1, 1, 1, 1));
        var talk = all.GetProperty("overdue").EnumerateArray().Single(o => o.GetProperty("candidateId").GetInt64() == applicant && o.GetProperty("rule").GetString() == "talk.due");
        talk.GetProperty("daysOverdue").GetInt32().ShouldBe(TalkDaysOverdue);
        talk.GetProperty("message").GetString()!.ShouldContain("谈话已超期");
        all.GetProperty("people").GetProperty("total").GetInt32().ShouldBe(4);
        var next = all.GetProperty("people").GetProperty("items").EnumerateArray().Single(p => p.GetProperty("candidateId").GetInt64() == target);
        (next.GetProperty("nextStep").GetInt32(), next.GetProperty("stageLabel").GetString()).ShouldBe((16, "发展对象"));

        var onlyTargets = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/development/board?under={_r}&stage=target");
        onlyTargets.GetProperty("people").GetProperty("items").EnumerateArray().Select(p => p.GetProperty("candidateId").GetInt64()).ShouldBe([target]);
        onlyTargets.GetProperty("applicants").GetInt32().ShouldBe(1, "阶段筛选只影响人员列表，不影响各阶段人数");
        var badStage = await _client.GetAsync($"/api/v1/development/board?under={_r}&stage=member");
        badStage.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badStage.Content.ReadAsStringAsync()).ShouldContain("阶段应为");

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (response, page) = await session.GetAsync($"/development?org={_r}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var metricsR = await MetricsAsync(_r, Today);
        foreach (var (code, key) in new[] { ("applicant", "applicants"), ("activist", "activists"), ("target", "targets"), ("probationary", "probationary") })
        {
            var tile = page.QuerySelector($"#dj-count-{code}")!;
            decimal.Parse(tile.GetAttribute("data-count")!).ShouldBe(metricsR[$"development.{key}"]);
            tile.GetAttribute("href").ShouldBe($"/development/candidates?under={_r}&stage={code}");
        }

        var overdueRow = page.QuerySelector($"#dj-board-overdue tr[data-candidate-id='{applicant}']")!;
        overdueRow.TextContent.ShouldContain("看板甲支部");
        overdueRow.TextContent.ShouldContain($"{TalkDaysOverdue} 天");
        page.QuerySelector("#dj-board-overdue")!.CompareDocumentPosition(page.QuerySelector("#dj-board-people")!)
            .HasFlag(AngleSharp.Dom.DocumentPositions.Following).ShouldBeTrue("逾期清单在人员列表之前");
        page.QuerySelectorAll("#dj-board-people tbody tr").Length.ShouldBe(4);
        page.QuerySelector($"#dj-board-people tr[data-candidate-id='{target}']")!.TextContent.ShouldContain("16. ");

        var (_, filtered) = await session.GetAsync($"/development?org={_r}&stage=target");
        filtered.QuerySelectorAll("#dj-board-people tbody tr").Select(r => r.GetAttribute("data-candidate-id")).ShouldBe([target.ToString()]);
    }

    [Fact]
    public async Task Board_PagesThePeople_AndShowsNoDataForAnEmptySubtree()
    {
        for (var i = 0; i < 21; i++) await CandidateAsync(App, _a, Today.AddDays(-i), "分页申请人");
        var first = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/development/board?under={_a}&pageSize=20");
        (first.GetProperty("people").GetProperty("total").GetInt32(), first.GetProperty("people").GetProperty("items").GetArrayLength()).ShouldBe((21, 20));
        var second = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/development/board?under={_a}&pageSize=20&page=2");
        second.GetProperty("people").GetProperty("items").GetArrayLength().ShouldBe(1);

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, page) = await session.GetAsync($"/development?org={_a}&page=2");
        page.QuerySelectorAll("#dj-board-people tbody tr").Length.ShouldBe(1);
        page.QuerySelector(".dj-pager")!.TextContent.ShouldContain("共 21 条");
        var (_, empty) = await session.GetAsync($"/development?org={_b}");
        empty.QuerySelector("#dj-board-empty")!.TextContent.ShouldContain("暂无数据");
        empty.QuerySelector("#dj-overdue-empty").ShouldNotBeNull();
    }

    [Fact]
    public async Task Board_UserOfAnotherBranch_Gets404AndSeesNothing()
    {
        var (_, _, target, _) = await PipelineAsync();
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _a);
        using var client = App.ApiClient(worker);
        foreach (var org in new[] { _b, _r })
        {
            var denied = await client.GetAsync($"/api/v1/development/board?under={org}");
            denied.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await denied.Content.ReadAsStringAsync()).ShouldNotContain("看板发展对象");
        }

        var own = await client.GetFromJsonAsync<JsonElement>("/api/v1/development/board");
        own.GetProperty("organizationId").GetInt64().ShouldBe(_a, "不指定组织时为本人管理的组织");
        own.GetRawText().ShouldNotContain("看板发展对象");
        own.GetRawText().ShouldNotContain("看板预备党员");

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(worker);
        var (response, page) = await session.GetAsync($"/development?org={_b}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.DocumentElement.OuterHtml.ShouldNotContain("看板发展对象");
        page.DocumentElement.OuterHtml.ShouldNotContain("看板乙支部");
        var (_, mine) = await session.GetAsync("/development");
        mine.QuerySelector($"#dj-board-people tr[data-candidate-id='{target}']").ShouldBeNull();
        mine.QuerySelectorAll("#dj-board-people tbody tr").Length.ShouldBe(2);
    }
}

public sealed class DevelopmentBoardTests_Sqlite(SqliteApp app) : DevelopmentBoardTests(app), IClassFixture<SqliteApp>;

public sealed class DevelopmentBoardTests_Postgres(PostgresApp app) : DevelopmentBoardTests(app), IClassFixture<PostgresApp>;
