using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.Evaluations.OrganizationalLifeData;

namespace Dangjian.Web.Tests.Features.Evaluations;

public abstract class EvaluationEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;
    private long _branch;
    private readonly List<long> _members = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "评议测试党委", "Committee");
        _branch = await _client.CreateOrganizationAsync(_root, Unique("B"), "评议测试支部", "Branch");
        for (var i = 0; i < 6; i++) _members.Add(await CommitteeTestData.CreateMemberAsync(App, _branch, $"评议党员{i}-"));
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private object Body(int year, params (long Member, string? Grade)[] entries) => new
    {
        organizationId = _branch, year, heldOn = Today.ToString("yyyy-MM-dd"),
        entries = entries.Select(e => new { memberId = e.Member, participated = true, grade = e.Grade }).ToArray(),
    };

    private (long, string?)[] Grades(params string?[] grades) => grades.Select((g, i) => (_members[i], g)).ToArray();

    [Fact]
    public async Task Create_ExcellentOverOneThird_WarnsAndSaves_DuplicateYearIs409()
    {
        var exactlyAThird = await _client.PostAsJsonAsync("/api/v1/evaluations", Body(Today.Year, Grades("Excellent", "Excellent", "Qualified", "Qualified", "Qualified", "BasicallyQualified")));
        exactlyAThird.StatusCode.ShouldBe(HttpStatusCode.Created, await exactlyAThird.Content.ReadAsStringAsync());
        var saved = await exactlyAThird.Content.ReadFromJsonAsync<JsonElement>();
        saved.GetProperty("warnings").GetArrayLength().ShouldBe(0);

        var duplicate = await _client.PostAsJsonAsync("/api/v1/evaluations", Body(Today.Year, Grades("Qualified")));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("已经登记过");

        var id = saved.GetProperty("id").GetInt64();
        var overAThird = await _client.PutAsJsonAsync($"/api/v1/evaluations/{id}", Body(Today.Year, Grades("Excellent", "Excellent", "Excellent", "Qualified", "Qualified", "Qualified")));
        overAThird.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await overAThird.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings")[0].GetString()!.ShouldContain("超过评定等次人数（6 名）的三分之一");

        var details = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{id}");
        details.GetProperty("summary").GetProperty("excellent").GetInt32().ShouldBe(3);
        details.GetProperty("summary").GetProperty("participants").GetInt32().ShouldBe(6);
        var list = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations?under={_root}&year={Today.Year}");
        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("excellentShareExceeded").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Unqualified_OpensACase_GradeLockedUntilClosed()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/evaluations", Body(Today.Year, Grades("Unqualified", "Qualified")));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var cases = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/dispositions?sessionId={id}");
        var item = cases.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("measureLabel").GetString().ShouldBe("限期改正");
        item.GetProperty("deadline").GetString().ShouldBe(Today.AddMonths(6).ToString("yyyy-MM-dd"));

        var locked = await _client.PutAsJsonAsync($"/api/v1/evaluations/{id}", Body(Today.Year, Grades("Qualified", "Qualified")));
        locked.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await locked.Content.ReadAsStringAsync()).ShouldContain("尚未结案");

        var noOutcome = await _client.PostAsJsonAsync($"/api/v1/dispositions/{item.GetProperty("id").GetInt64()}/close", new { outcome = "" });
        noOutcome.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _client.PostAsJsonAsync($"/api/v1/dispositions/{item.GetProperty("id").GetInt64()}/close", new { outcome = "已改正，予以结案" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.PutAsJsonAsync($"/api/v1/evaluations/{id}", Body(Today.Year, Grades("Qualified", "Qualified")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/dispositions?status=Open&under={_branch}")).GetProperty("total").GetInt32().ShouldBe(0);

        var audit = await _client.GetStringAsync($"/api/v1/audit?organizationId={_branch}&pageSize=100");
        audit.ShouldContain(nameof(Core.Features.Evaluations.DispositionCase));
    }

    [Fact]
    public async Task Create_DeadlineOverOneYear_Is400_ProbationaryGraded_Is400()
    {
        var tooLate = new
        {
            organizationId = _branch, year = Today.Year, heldOn = Today.ToString("yyyy-MM-dd"),
            entries = new[] { new { memberId = _members[0], participated = true, grade = "Unqualified", deadline = Today.AddYears(1).AddDays(1).ToString("yyyy-MM-dd") } },
        };
        var refused = await _client.PostAsJsonAsync("/api/v1/evaluations", tooLate);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("最长不超过一年");

        var probationary = await CommitteeTestData.CreateMemberAsync(App, _branch, "预备党员", MemberCategory.Probationary, admittedOn: Today.AddMonths(-3));
        var graded = await _client.PostAsJsonAsync("/api/v1/evaluations", new
        {
            organizationId = _branch, year = Today.Year, heldOn = Today.ToString("yyyy-MM-dd"),
            entries = new[] { new { memberId = probationary, participated = true, grade = "Qualified" } },
        });
        graded.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await graded.Content.ReadAsStringAsync()).ShouldContain("预备党员");
    }

    [Fact]
    public async Task Pages_NewGridFromTheRoster_SaveShowsTheWarningAndTheCase_CloseFromTheList()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, form) = await session.GetAsync($"/evaluations/new?org={_branch}&year={Today.Year}&date={Today:yyyy-MM-dd}");
        form.QuerySelectorAll("#dj-evaluation-grid tbody tr").Length.ShouldBe(6);

        var fields = new Dictionary<string, string>();
        var grades = new[] { "Excellent", "Excellent", "Excellent", "Qualified", "Qualified", "Unqualified" };
        var rows = form.QuerySelectorAll("#dj-evaluation-grid tbody tr").ToList();
        for (var i = 0; i < rows.Count; i++) fields[$"Input.Rows[{i}].Grade"] = grades[i];
        var response = await session.SubmitAsync(form, "#dj-evaluation-form", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.PathAndQuery;
        location.ShouldMatch(@"^/evaluations/\d+\?flash=created$");

        var (_, detail) = await session.GetAsync(location);
        detail.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已新建");
        detail.QuerySelector("#dj-evaluation-warning")!.TextContent.ShouldContain("三分之一");
        detail.QuerySelector("[data-count='excellent']")!.TextContent.ShouldBe("3");
        detail.QuerySelector("[data-count='unqualified']")!.TextContent.ShouldBe("1");
        detail.QuerySelector("[data-case-id]")!.TextContent.ShouldBe("处置中");

        // Changing the 不合格 grade while the case is open: the rule's own message, nothing saved.
        var unqualifiedRow = detail.QuerySelectorAll("#dj-evaluation-grid tbody tr").ToList().FindIndex(r => r.QuerySelector("[data-case-id]") is not null);
        var refused = await BrowserlessSession.ParseAsync(await session.SubmitAsync(detail, "#dj-evaluation-form", new Dictionary<string, string> { [$"Input.Rows[{unqualifiedRow}].Grade"] = "Qualified" }));
        refused.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("尚未结案");

        var (_, list) = await session.GetAsync($"/dispositions?org={_branch}");
        var closeLink = list.QuerySelector("#dj-dispositions a.btn")!.GetAttribute("href")!;
        var (_, closing) = await session.GetAsync(closeLink);
        var empty = await BrowserlessSession.ParseAsync(await session.SubmitAsync(closing, "#dj-disposition-close-form", new Dictionary<string, string> { ["CloseInput.Outcome"] = "" }));
        empty.QuerySelector("[data-field='Outcome']")!.TextContent.ShouldContain("请填写处置结果");
        var closed = await session.SubmitAsync(closing, "#dj-disposition-close-form", new Dictionary<string, string> { ["CloseInput.Outcome"] = "经教育已改正" });
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await session.GetAsync($"/dispositions?org={_branch}");
        after.QuerySelector("#dj-dispositions")!.TextContent.ShouldContain("经教育已改正");

        var (_, index) = await session.GetAsync($"/evaluations?org={_root}&year={Today.Year}");
        index.QuerySelector("#dj-evaluations")!.TextContent.ShouldContain("超过三分之一");
    }

    [Fact]
    public async Task NewPage_ProbationaryGraded_ShowsTheRuleAndSavesNothing()
    {
        var probationary = await CommitteeTestData.CreateMemberAsync(App, _branch, "预备党员", MemberCategory.Probationary, admittedOn: Today.AddMonths(-3));
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, form) = await session.GetAsync($"/evaluations/new?org={_branch}&year={Today.Year}&date={Today:yyyy-MM-dd}");
        var index = form.QuerySelectorAll("#dj-evaluation-grid tbody tr").ToList().FindIndex(r => r.GetAttribute("data-member-id") == probationary.ToString());
        index.ShouldBeGreaterThanOrEqualTo(0);
        form.QuerySelectorAll("#dj-evaluation-grid tbody tr")[index].TextContent.ShouldContain("预备党员");
        var response = await session.SubmitAsync(form, "#dj-evaluation-form", new Dictionary<string, string> { [$"Input.Rows[{index}].Grade"] = "Qualified" });
        var page = await BrowserlessSession.ParseAsync(response);
        page.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("参加评议但不评定等次");
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations?under={_branch}")).GetProperty("total").GetInt32().ShouldBe(0);

        var (_, again) = await session.GetAsync($"/evaluations/new?org={_branch}&year={Today.Year}&date={Today:yyyy-MM-dd}");
        var ok = await session.SubmitAsync(again, "#dj-evaluation-form", new Dictionary<string, string> { [$"Input.Rows[{index}].Grade"] = "Qualified", ["Input.GradeProbationary"] = "true" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, exists) = await session.GetAsync($"/evaluations/new?org={_branch}&year={Today.Year}");
        exists.QuerySelector("#dj-evaluation-exists")!.TextContent.ShouldContain("已经登记过");
    }
}

public sealed class EvaluationEndpointsTests_Sqlite(SqliteApp app) : EvaluationEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class EvaluationEndpointsTests_Postgres(PostgresApp app) : EvaluationEndpointsTests(app), IClassFixture<PostgresApp>;
