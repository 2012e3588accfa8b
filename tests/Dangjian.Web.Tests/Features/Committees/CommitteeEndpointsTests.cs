using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Members;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Committees;

public abstract class CommitteeEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "换届测试党委", "Committee");
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private async Task<long> BranchWithTermAsync(string name = "第一党支部")
    {
        var branch = await _client.CreateOrganizationAsync(_root, Unique("B"), name, "Branch");
        var response = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/terms", new { startedOn = Today.AddDays(-10).ToString("yyyy-MM-dd") });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return branch;
    }

    private static object Ballot(int seats, int shouldAttend, int present, int issued, int returned, params int[] votes) => new
    {
        heldOn = Today.AddDays(-10).ToString("yyyy-MM-dd"), seats, shouldAttend, present, ballotsIssued = issued, ballotsReturned = returned, voidBallots = 0,
        candidates = votes.Select((v, i) => new { name = $"候选人{i + 1}", votes = v }).ToArray(),
    };

    private async Task<JsonElement> CommitteeAsync(long branch) => await _client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{branch}/committee");

    [Fact]
    public async Task StartTerm_Branch_PlansThreeYears_VillageFive()
    {
        var branch = await BranchWithTermAsync();
        var term = (await CommitteeAsync(branch)).GetProperty("currentTerm");
        term.GetProperty("plannedEndOn").GetString().ShouldBe(Today.AddDays(-10).AddYears(3).ToString("yyyy-MM-dd"));
        term.GetProperty("number").GetInt32().ShouldBe(1);

        var village = await _client.PostAsJsonAsync("/api/v1/organizations", new { parentId = _root, code = Unique("V"), name = "某村党支部", kind = "Branch", hostUnitCategory = "Village" });
        var villageId = (await village.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await _client.PostAsJsonAsync($"/api/v1/organizations/{villageId}/terms", new { startedOn = Today.ToString("yyyy-MM-dd") })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CommitteeAsync(villageId)).GetProperty("currentTerm").GetProperty("plannedEndOn").GetString().ShouldBe(Today.AddYears(5).ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task StartTerm_EarlyWithoutApproval_IsRefusedInChinese()
    {
        var branch = await BranchWithTermAsync();
        var response = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/terms", new { startedOn = Today.ToString("yyyy-MM-dd") });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("须经上级党组织批准");
        (await CommitteeAsync(branch)).GetProperty("terms").GetArrayLength().ShouldBe(1);

        var approved = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/terms", new { startedOn = Today.ToString("yyyy-MM-dd"), approvalNote = "上级党委批复同意提前换届" });
        approved.StatusCode.ShouldBe(HttpStatusCode.Created);
        var committee = await CommitteeAsync(branch);
        committee.GetProperty("currentTerm").GetProperty("number").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Election_ThreeSeatsThreeCandidates_IsRefused_FourCandidatesAccepted()
    {
        var branch = await BranchWithTermAsync();

        var refused = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/elections", Ballot(3, 40, 38, 38, 38, 30, 30, 30));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("至少 4 名");
        (await CommitteeAsync(branch)).GetProperty("elections").GetArrayLength().ShouldBe(0);

        var accepted = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/elections", Ballot(3, 40, 38, 38, 38, 30, 30, 30, 10));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        var outcome = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome");
        outcome.GetProperty("isValid").GetBoolean().ShouldBeTrue();
        var committee = await CommitteeAsync(branch);
        committee.GetProperty("seats").EnumerateArray().Count(s => s.GetProperty("post").GetString() == "Member").ShouldBe(3);
    }

    [Fact]
    public async Task Election_QuorumExactlyFourFifths_InvalidStrict_ValidOnceConfigured_AndTheChangeIsAudited()
    {
        var branch = await BranchWithTermAsync();
        var strict = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/elections", Ballot(3, 40, 32, 32, 32, 30, 30, 30, 2));
        strict.StatusCode.ShouldBe(HttpStatusCode.Created);
        var strictOutcome = (await strict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome");
        strictOutcome.GetProperty("isValid").GetBoolean().ShouldBeFalse();
        strictOutcome.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "quorum").GetProperty("message").GetString()!.ShouldContain("会议无效");
        (await CommitteeAsync(branch)).GetProperty("seats").GetArrayLength().ShouldBe(0);

        (await _client.PutAsJsonAsync($"/api/v1/organizations/{branch}/election-settings", new { strictQuorum = false })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var lenient = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/elections", Ballot(3, 40, 32, 32, 32, 30, 30, 30, 2));
        (await lenient.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetProperty("isValid").GetBoolean().ShouldBeTrue();

        var audit = await _client.GetStringAsync($"/api/v1/audit?organizationId={branch}&pageSize=100");
        audit.ShouldContain(nameof(ElectionSettings));
        audit.ShouldContain(_admin.UserName);
    }

    [Fact]
    public async Task Election_VotesExactlyHalf_NotElected_HalfPlusOneElected()
    {
        var branch = await BranchWithTermAsync();
        var response = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/elections", Ballot(3, 40, 38, 38, 38, 20, 21, 35, 30));
        var candidates = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetProperty("candidates").EnumerateArray().ToList();
        candidates.Select(c => c.GetProperty("elected").GetBoolean()).ShouldBe([false, true, true, true]);
        var committee = await CommitteeAsync(branch);
        committee.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldNotContain("候选人1");
    }

    [Fact]
    public async Task Election_ReturnedEqualsIssued_Valid_OneMore_Invalid()
    {
        var branch = await BranchWithTermAsync();
        var ok = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/elections", Ballot(3, 40, 38, 38, 38, 30, 30, 30, 2));
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetProperty("isValid").GetBoolean().ShouldBeTrue();
        var bad = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/elections", Ballot(3, 40, 38, 38, 39, 30, 30, 30, 2));
        bad.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetProperty("isValid").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Election_ProbationaryCandidate_IsRefused_FullMemberAccepted()
    {
        var branch = await BranchWithTermAsync();
        var probationary = await CommitteeTestData.CreateMemberAsync(App, branch, "预备党员", MemberCategory.Probationary, Today.AddMonths(-3));
        var full = await CommitteeTestData.CreateMemberAsync(App, branch, "正式党员");
        object Body(long memberId) => new
        {
            heldOn = Today.ToString("yyyy-MM-dd"), seats = 1, shouldAttend = 5, present = 5, ballotsIssued = 5, ballotsReturned = 5, voidBallots = 0,
            candidates = new object[] { new { memberId, votes = 5 }, new { name = "甲", votes = 0 } },
        };

        var refused = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/elections", Body(probationary));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("没有被选举权");
        (await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/elections", Body(full))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Election_BadInput_ReportsChineseErrorsAndChangesNothing()
    {
        var branch = await BranchWithTermAsync();
        var response = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/elections", new { seats = 0, shouldAttend = 5, present = 6, ballotsIssued = 5, ballotsReturned = 5, voidBallots = 6 });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("请填写选举日期");
        body.ShouldContain("实到会人数不能多于应到会人数");
        body.ShouldContain("废票数不能多于收回的选票数");
        (await CommitteeAsync(branch)).GetProperty("elections").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task CommitteeMembers_AddSecretaryTwice_Refused_EndThenAdd_Works()
    {
        var branch = await BranchWithTermAsync();
        var first = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/committee-members", new { name = "张书记", post = "Secretary", from = Today.AddDays(-5).ToString("yyyy-MM-dd") });
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var seat = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var second = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/committee-members", new { name = "李书记", post = "Secretary", from = Today.ToString("yyyy-MM-dd") });
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync()).ShouldContain("张书记");

        (await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/committee-members/{seat}/end", new { to = Today.ToString("yyyy-MM-dd") })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/committee-members", new { name = "李书记", post = "Secretary", from = Today.ToString("yyyy-MM-dd") })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Warnings_SevenFullMembersWithoutCommittee_ShowOnOrganizationPageAndWorkbench_UntilCommitteeSeated()
    {
        var branch = await _client.CreateOrganizationAsync(_root, Unique("B"), "七人党支部", "Branch");
        for (var i = 0; i < 7; i++) await CommitteeTestData.CreateMemberAsync(App, branch, "党员");
        var localAdmin = await App.CreateUserAsync(Unique("sec"), Role.OrgAdmin, _root);
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(localAdmin);

        var (_, orgPage) = await session.GetAsync($"/organizations/{branch}");
        orgPage.QuerySelector("#dj-org-reminders")!.TextContent.ShouldContain("七人党支部有正式党员 7 名，应设立支部委员会");
        orgPage.QuerySelector("#dj-committee-link").ShouldNotBeNull();
        var (_, home) = await session.GetAsync("/");
        home.DocumentElement.TextContent.ShouldContain("七人党支部有正式党员 7 名，应设立支部委员会");

        foreach (var name in new[] { "甲", "乙", "丙" }) await CommitteeTestData.AddSeatAsync(App, branch, name, CommitteePost.Member, Today);
        var (_, after) = await session.GetAsync($"/organizations/{branch}");
        (after.QuerySelector("#dj-org-reminders")?.TextContent ?? "").ShouldNotContain("应设立支部委员会");
    }

    [Fact]
    public async Task Warnings_FewerThanThreeFullMembers_AndTermDeadlines()
    {
        var small = await _client.CreateOrganizationAsync(_root, Unique("S"), "两人党支部", "Branch");
        await CommitteeTestData.CreateMemberAsync(App, small, "党员");
        await CommitteeTestData.CreateMemberAsync(App, small, "党员");
        var overdue = await _client.CreateOrganizationAsync(_root, Unique("O"), "逾期党支部", "Branch");
        (await _client.PostAsJsonAsync($"/api/v1/organizations/{overdue}/terms", new { startedOn = Today.AddYears(-3).AddDays(-5).ToString("yyyy-MM-dd") })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var expiring = await _client.CreateOrganizationAsync(_root, Unique("E"), "将满党支部", "Branch");
        (await _client.PostAsJsonAsync($"/api/v1/organizations/{expiring}/terms", new { startedOn = Today.AddYears(-3).AddDays(30).ToString("yyyy-MM-dd") })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var localAdmin = await App.CreateUserAsync(Unique("sec"), Role.OrgAdmin, _root);
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(localAdmin);
        var (_, home) = await session.GetAsync("/");
        var text = home.DocumentElement.TextContent;
        text.ShouldContain("两人党支部只有正式党员 2 名，不足 3 名");
        text.ShouldContain("逾期党支部第1届已于");
        text.ShouldContain("将满党支部第1届将于");

        var due = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/committees/terms-due?under={_root}");
        var items = due.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("organizationId").GetInt64()).ShouldBe([overdue, expiring]);
        items[0].GetProperty("daysLeft").GetInt32().ShouldBe(-5);
        items[1].GetProperty("daysLeft").GetInt32().ShouldBe(30);
        var (_, list) = await session.GetAsync("/committees");
        list.QuerySelector("#dj-terms-due")!.TextContent.ShouldContain("逾期 5 天");
    }

    [Fact]
    public async Task Statistics_AtPastDate_CountMemberWhereTheirPlacementWas()
    {
        var total = await _client.CreateOrganizationAsync(_root, Unique("T"), "统计党总支", "GeneralBranch");
        var a = await _client.CreateOrganizationAsync(total, Unique("A"), "甲支部", "Branch");
        var b = await _client.CreateOrganizationAsync(total, Unique("B"), "乙支部", "Branch");
        var placed = new DateOnly(2015, 1, 1);
        var mover = await CommitteeTestData.CreateMemberAsync(App, a, "调动党员", admittedOn: new DateOnly(2010, 6, 1), gender: Gender.Female, placedFrom: placed);
        await CommitteeTestData.CreateMemberAsync(App, a, "留下党员", admittedOn: new DateOnly(1975, 3, 1), placedFrom: placed);
        await CommitteeTestData.CreateMemberAsync(App, b, "新党员", MemberCategory.Probationary, admittedOn: Today.AddMonths(-2), ethnicity: "回族");
        await CommitteeTestData.MoveMemberAsync(App, mover, b, new DateOnly(2020, 7, 1));

        async Task<JsonElement> Stats(long org, DateOnly date) =>
            await _client.GetFromJsonAsync<JsonElement>($"/api/v1/members/statistics?organizationId={org}&date={date:yyyy-MM-dd}");
        int Count(JsonElement s, string dimension, string key) =>
            s.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("dimension").GetString() == dimension)
                .GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key).GetProperty("count").GetInt32();

        var past = await Stats(a, new DateOnly(2020, 6, 30));
        past.GetProperty("total").GetInt32().ShouldBe(2);
        Count(past, "gender", "Female").ShouldBe(1);
        Count(past, "joinedEra", "toThirdPlenum").ShouldBe(1);
        Count(past, "joinedEra", "toEighteenthCongress").ShouldBe(1);

        (await Stats(a, new DateOnly(2020, 7, 1))).GetProperty("total").GetInt32().ShouldBe(1);
        (await Stats(b, new DateOnly(2020, 7, 1))).GetProperty("total").GetInt32().ShouldBe(1);
        var now = await Stats(total, Today);
        now.GetProperty("total").GetInt32().ShouldBe(3);
        Count(now, "category", "Probationary").ShouldBe(1);
        Count(now, "ethnicGroup", "minority").ShouldBe(1);
        Count(now, "joinedEra", "sinceEighteenthCongress").ShouldBe(1);
        var percent = now.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("dimension").GetString() == "category")
            .GetProperty("rows")[1].GetProperty("percent").GetDecimal();
        percent.ShouldBe(33.3m);

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, page) = await session.GetAsync($"/members/statistics?organizationId={total}&date={Today:yyyy-MM-dd}");
        page.QuerySelector("#dj-stats-total")!.TextContent.ShouldContain("党员总数：3");
        page.QuerySelector("#dj-stats-category")!.TextContent.ShouldContain("33.3%");
        page.QuerySelector($"#dj-stats-gender a[href='/members?under={total}&gender=Female']").ShouldNotBeNull();
    }

    [Fact]
    public async Task CommitteePage_ElectionWithTooFewCandidates_ShowsRuleInChinese_ValidOneShowsChecks()
    {
        var branch = await BranchWithTermAsync("页面党支部");
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, page) = await session.GetAsync($"/organizations/{branch}/committee");
        var fields = new Dictionary<string, string>
        {
            ["Election.HeldOn"] = Today.ToString("yyyy-MM-dd"), ["Election.Seats"] = "3", ["Election.ShouldAttend"] = "40", ["Election.Present"] = "38",
            ["Election.BallotsIssued"] = "38", ["Election.BallotsReturned"] = "38", ["Election.VoidBallots"] = "0",
            ["Election.Candidates[0].Name"] = "甲", ["Election.Candidates[0].Votes"] = "30",
            ["Election.Candidates[1].Name"] = "乙", ["Election.Candidates[1].Votes"] = "30",
            ["Election.Candidates[2].Name"] = "丙", ["Election.Candidates[2].Votes"] = "30",
        };
        var refused = await BrowserlessSession.ParseAsync(await session.SubmitAsync(page, "#dj-election-form", fields));
        refused.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("至少 4 名");

        fields["Election.Candidates[3].Name"] = "丁";
        fields["Election.Candidates[3].Votes"] = "20";
        var (_, fresh) = await session.GetAsync($"/organizations/{branch}/committee");
        var saved = await session.SubmitAsync(fresh, "#dj-election-form", fields);
        var (_, after) = await session.GetAsync($"/organizations/{branch}/committee");
        var election = after.QuerySelector(".dj-election")!.TextContent;
        election.ShouldContain("有效");
        election.ShouldContain("得票 20，未超过应到会人数的半数（20）：未当选");
        after.QuerySelector("#dj-seats")!.TextContent.ShouldContain("甲");
        ((int)saved.StatusCode).ShouldBeLessThan(400);
    }
}

public sealed class CommitteeEndpointsTests_Sqlite(SqliteApp app) : CommitteeEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class CommitteeEndpointsTests_Postgres(PostgresApp app) : CommitteeEndpointsTests(app), IClassFixture<PostgresApp>;
