using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.Meetings.MeetingTestData;

namespace Dangjian.Web.Tests.Features.Meetings;

public abstract class MeetingEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly string Day = Today.AddDays(-3).ToString("yyyy-MM-dd");

    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;
    private long _branch;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "会议测试党委", "Committee");
        _branch = await _client.CreateOrganizationAsync(_root, Unique("B"), "会议测试党支部", "Branch");
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private static object Body(long organizationId, string[] kinds, object[] attendance, params object[] agenda) => new
    {
        organizationId,
        meeting = new { heldOn = Day, kindCodes = kinds, topic = "研究发展党员工作", place = "党员活动室", startTime = "14:30:00", attendance, agendaItems = agenda },
    };

    private async Task<(HttpResponseMessage Response, string Body)> PostAsync(object body)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/meetings", body);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CommitteeMeeting_WithVote_CreatedAndDetailShowsCountsAndVerdict()
    {
        var members = await MembersAsync(App, _branch, 5);
        var committee = members.Take(3).ToList();
        await SeatAsync(App, _branch, committee);

        var roster = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/roster?org={_branch}&date={Day}&kind=CommitteeMeeting");
        roster.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("memberId").GetInt64()).ShouldBe(committee, ignoreOrder: true);
        roster.GetProperty("committeeSize").GetInt32().ShouldBe(3);

        var (response, body) = await PostAsync(Body(_branch, ["CommitteeMeeting"],
            [Row(committee[0]), Row(committee[1]), Row(committee[2], "Leave", "外出培训")],
            new { title = "确定入党积极分子", topic = "PartyBuilding", decision = "同意确定张三为入党积极分子", votesYes = 2, votesNo = 0, votesAbstain = 0, passed = true }));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/meetings/{id}");
        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}");
        var counts = detail.GetProperty("counts");
        (counts.GetProperty("expected").GetInt32(), counts.GetProperty("present").GetInt32(), counts.GetProperty("leave").GetInt32(), counts.GetProperty("absent").GetInt32())
            .ShouldBe((3, 2, 1, 0));
        counts.GetProperty("attendanceRate").GetDecimal().ShouldBe(66.7m);
        detail.GetProperty("startTime").GetString().ShouldBe("14:30:00");
        var item = detail.GetProperty("agendaItems")[0];
        item.GetProperty("verdict").GetProperty("label").GetString().ShouldBe("通过");
        item.GetProperty("verdict").GetProperty("explanation").GetString().ShouldBe("赞成 2 票，超过应到会委员 3 人的半数");
        detail.GetProperty("quorum")[0].GetProperty("met").GetBoolean().ShouldBeTrue();
        detail.GetProperty("attendees").EnumerateArray().Count(a => a.GetProperty("isCommitteeMember").GetBoolean()).ShouldBe(3);
    }

    [Fact]
    public async Task Vote_PassedWithoutMajorityOfExpected_Is409ProblemJsonInChinese_AndNothingIsSaved()
    {
        var committee = await MembersAsync(App, _branch, 3);
        await SeatAsync(App, _branch, committee);

        var (response, body) = await PostAsync(Body(_branch, ["CommitteeMeeting"],
            [Row(committee[0]), Row(committee[1]), Row(committee[2], "Absent")],
            new { title = "接收预备党员", topic = "PartyBuilding", decision = "同意接收", votesYes = 1, votesNo = 1, votesAbstain = 0, passed = true }));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("违反业务规则");
        problem.GetProperty("detail").GetString().ShouldBe("议题“接收预备党员”赞成 1 票，未超过应到会委员 3 人的半数，不能记为通过");
        problem.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("Agenda.0");
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?org={_branch}")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task GeneralMeeting_ExactlyHalfOfVotersPresent_DecisionIs409_WithoutDecisionIsRecorded()
    {
        var members = await MembersAsync(App, _branch, 4);
        object[] attendance = [Row(members[0]), Row(members[1]), Row(members[2], "Absent"), Row(members[3], "Leave", "病假")];

        var (refused, body) = await PostAsync(Body(_branch, ["BranchGeneralMeeting"], attendance, new { title = "年度工作计划", topic = "PartyBuilding", decision = "通过年度计划" }));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString().ShouldBe("支部党员大会应到会有表决权党员 4 人，实到 2 人，未超过半数，不能作出决定");

        var (accepted, created) = await PostAsync(Body(_branch, ["BranchGeneralMeeting"], attendance, new { title = "学习传达会议精神", topic = "Ideology" }));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, created);
    }

    [Fact]
    public async Task Validation_RosterMemberMissingOrStranger_Is400WithFields()
    {
        var members = await MembersAsync(App, _branch, 2);
        var otherBranch = await _client.CreateOrganizationAsync(_root, Unique("B2"), "另一党支部", "Branch");
        var stranger = (await MembersAsync(App, otherBranch, 1)).Single();

        var (response, body) = await PostAsync(Body(_branch, ["ThemeDay"], [Row(members[0]), Row(stranger), Row(members[0], "Leave")]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        var fields = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        fields.ShouldBe([$"Attendance.{stranger}", $"Attendance.{members[0]}", $"Attendance.{members[1]}"]);
        body.ShouldContain("不能计入应到");
        body.ShouldContain("登记了不止一次");
        body.ShouldContain("未登记出席情况");
    }

    [Fact]
    public async Task List_FiltersBySubtreeKindDateAndTopic_ShowsExpectedAndPresent()
    {
        var members = await MembersAsync(App, _branch, 3);
        var otherBranch = await _client.CreateOrganizationAsync(_root, Unique("B2"), "另一党支部", "Branch");
        var others = await MembersAsync(App, otherBranch, 1);
        var both = await MeetingAsync(App, _branch, Today.AddDays(-10), ["ThemeDay", "BranchGeneralMeeting"], members.Take(2).ToList(), "七月主题党日暨党员大会");
        var lecture = await MeetingAsync(App, _branch, Today.AddDays(-40), ["ThemeDay"], members, "六月主题党日");
        var elsewhere = await MeetingAsync(App, otherBranch, Today.AddDays(-10), ["ThemeDay"], others, "另一支部主题党日");

        async Task<List<long>> IdsAsync(string query) =>
            (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?{query}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

        (await IdsAsync($"org={_root}")).ShouldBe([elsewhere, both, lecture]); // newest first, then the later record
        (await IdsAsync($"org={_branch}")).ShouldBe([both, lecture]);
        (await IdsAsync($"org={_root}&kind=BranchGeneralMeeting")).ShouldBe([both]);
        (await IdsAsync($"org={_branch}&from={Today.AddDays(-10):yyyy-MM-dd}&to={Today:yyyy-MM-dd}")).ShouldBe([both]);
        (await IdsAsync($"org={_branch}&to={Today.AddDays(-11):yyyy-MM-dd}")).ShouldBe([lecture]);
        (await IdsAsync($"org={_root}&search=党员大会")).ShouldBe([both]);

        var first = (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?org={_branch}&kind=BranchGeneralMeeting")).GetProperty("items")[0];
        (first.GetProperty("expected").GetInt32(), first.GetProperty("present").GetInt32()).ShouldBe((3, 2));
        first.GetProperty("kinds").EnumerateArray().Select(k => k.GetProperty("name").GetString()).ShouldBe(["支部党员大会", "主题党日"]);

        var unknown = await _client.GetAsync($"/api/v1/meetings?kind=NoSuchKind");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UpdateAndDelete_RoundTrip_OtherSubtreeGets404()
    {
        var members = await MembersAsync(App, _branch, 2);
        var id = await MeetingAsync(App, _branch, Today.AddDays(-1), ["GroupMeeting", "ThemeDay"], members, "原主题");
        var otherBranch = await _client.CreateOrganizationAsync(_root, Unique("B2"), "另一党支部", "Branch");
        var outsider = await App.CreateUserAsync(Unique("outsider"), Role.OrgAdmin, otherBranch);
        using var outside = App.ApiClient(outsider);

        var put = await _client.PutAsJsonAsync($"/api/v1/meetings/{id}", new
        {
            heldOn = Day, kindCodes = new[] { "ThemeDay" }, topic = "新主题", minutes = "# 会议记录\n\n- 第一项",
            attendance = new[] { Row(members[0]), Row(members[1], "Absent") },
            extras = new[] { new { role = "Guest", name = "上级党委组织员" } },
            keySpeakers = new[] { new { memberId = members[0], summary = "谈学习体会" } },
        });
        put.StatusCode.ShouldBe(HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());
        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}");
        detail.GetProperty("topic").GetString().ShouldBe("新主题");
        detail.GetProperty("kinds").GetArrayLength().ShouldBe(1);
        detail.GetProperty("counts").GetProperty("guests").GetInt32().ShouldBe(1);
        detail.GetProperty("keySpeakers")[0].GetProperty("name").GetString()!.ShouldStartWith("会议党员");
        detail.GetProperty("minutes").GetString().ShouldBe("# 会议记录\n\n- 第一项");

        (await outside.GetAsync($"/api/v1/meetings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outside.PutAsJsonAsync($"/api/v1/meetings/{id}", new { heldOn = Day, kindCodes = new[] { "ThemeDay" }, topic = "越权" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outside.DeleteAsync($"/api/v1/meetings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outside.GetAsync($"/api/v1/meetings?org={_branch}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outside.GetFromJsonAsync<JsonElement>("/api/v1/meetings")).GetProperty("total").GetInt32().ShouldBe(0);

        (await _client.DeleteAsync($"/api/v1/meetings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetAsync($"/api/v1/meetings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var audit = await _client.GetStringAsync($"/api/v1/audit?organizationId={_branch}&entityType=Meeting&entityKey={id}");
        audit.ShouldContain("\"Deleted\"");
    }

    [Fact]
    public async Task Kinds_SystemAdminAdds_BranchAdminForbidden_BuiltInsFixed()
    {
        var kinds = await _client.GetFromJsonAsync<JsonElement>("/api/v1/meeting-kinds");
        kinds.EnumerateArray().Select(k => k.GetProperty("name").GetString()).Take(5).ShouldBe(["支部党员大会", "支委会", "党小组会", "党课", "主题党日"]);

        var name = "读书会" + Unique("")[1..7];
        var created = await _client.PostAsJsonAsync("/api/v1/meeting-kinds", new { name });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        id.ShouldBeGreaterThanOrEqualTo(101);
        (await _client.PostAsJsonAsync("/api/v1/meeting-kinds", new { name })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _client.PutAsJsonAsync("/api/v1/meeting-kinds/5", new { isArchived = true })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _client.PutAsJsonAsync($"/api/v1/meeting-kinds/{id}", new { name = name + "改", isArchived = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetFromJsonAsync<JsonElement>("/api/v1/meeting-kinds")).EnumerateArray().ShouldNotContain(k => k.GetProperty("id").GetInt64() == id);
        (await _client.GetFromJsonAsync<JsonElement>("/api/v1/meeting-kinds?includeArchived=true")).EnumerateArray()
            .Single(k => k.GetProperty("id").GetInt64() == id).GetProperty("name").GetString().ShouldBe(name + "改");

        var branchAdmin = await App.CreateUserAsync(Unique("badmin"), Role.OrgAdmin, _branch);
        using var branchClient = App.ApiClient(branchAdmin);
        var forbidden = await branchClient.PostAsJsonAsync("/api/v1/meeting-kinds", new { name = "支部自定义" });
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await forbidden.Content.ReadAsStringAsync()).ShouldContain("只有系统管理员或最上级党组织的管理员可以维护");
        var topAdmin = await App.CreateUserAsync(Unique("tadmin"), Role.OrgAdmin, _root);
        using var topClient = App.ApiClient(topAdmin);
        (await topClient.PutAsJsonAsync($"/api/v1/meeting-kinds/{id}", new { isArchived = false })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}

public sealed class MeetingEndpointsTests_Sqlite(SqliteApp app) : MeetingEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class MeetingEndpointsTests_Postgres(PostgresApp app) : MeetingEndpointsTests(app), IClassFixture<PostgresApp>;
