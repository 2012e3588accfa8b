using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.Meetings.MeetingTestData;

namespace Dangjian.Web.Tests.Features.Meetings;

public abstract class MeetingPageTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly string Day = Today.AddDays(-2).ToString("yyyy-MM-dd");

    private TestUser _worker = null!;
    private HttpClient _api = null!;
    private long _root;
    private long _branch;
    private List<long> _committee = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var sysAdmin = await App.CreateUserAsync(Unique("sys"), Role.SystemAdmin, null);
        _api = App.ApiClient(sysAdmin);
        _root = await _api.CreateOrganizationAsync(null, Unique("R"), "会议页面党委", "Committee");
        _branch = await _api.CreateOrganizationAsync(_root, Unique("B"), "会议页面党支部", "Branch");
        _worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _branch);
        _committee = await MembersAsync(App, _branch, 3, "支委");
        await SeatAsync(App, _branch, _committee);
        await MembersAsync(App, _branch, 2, "普通党员");
    }

    public override ValueTask DisposeAsync()
    {
        _api?.Dispose();
        return base.DisposeAsync();
    }

    private async Task<BrowserlessSession> SessionAsync(TestUser? user = null)
    {
        var session = new BrowserlessSession(App);
        await session.LogInAsync(user ?? _worker);
        return session;
    }

    /// <summary>Step 2 of the new-meeting form for a 支委会 of the branch: the grid lists the three 支委 only.</summary>
    private async Task<IDocument> CommitteeFormAsync(BrowserlessSession session)
    {
        var (response, page) = await session.GetAsync($"/meetings/new?org={_branch}&kind=CommitteeMeeting&date={Day}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelectorAll("#dj-attendance-grid tbody tr").Select(r => long.Parse(r.GetAttribute("data-member-id")!)).ShouldBe(_committee, ignoreOrder: true);
        return page;
    }

    private int RowOf(IDocument form, long memberId) =>
        form.QuerySelectorAll("#dj-attendance-grid tbody tr").Select((r, i) => (r, i)).Single(x => x.r.GetAttribute("data-member-id") == memberId.ToString()).i;

    [Fact]
    public async Task NewCommitteeMeeting_TwoSteps_SavesAndShowsCountsAndVerdict()
    {
        using var session = await SessionAsync();
        var (_, step1) = await session.GetAsync($"/meetings/new?org={_branch}&kind=CommitteeMeeting");
        step1.QuerySelector("#dj-meeting-form").ShouldBeNull("未提交第一步时不显示出席表");
        step1.QuerySelector("#dj-error-summary").ShouldBeNull("从链接进入时不提示错误");
        step1.QuerySelector("#kind-CommitteeMeeting")!.HasAttribute("checked").ShouldBeTrue();

        var form = await CommitteeFormAsync(session);
        var leave = RowOf(form, _committee[2]);
        var response = await session.SubmitAsync(form, "#dj-meeting-form", new Dictionary<string, string>
        {
            ["Input.Op"] = "save",
            ["Input.Topic"] = "七月支委会",
            ["Input.StartTime"] = "19:30",
            ["Input.HostMemberId"] = _committee[0].ToString(),
            [$"Input.Attendance[{leave}].Status"] = "Leave",
            [$"Input.Attendance[{leave}].LeaveReason"] = "出差",
            ["Input.Agenda[0].Title"] = "确定入党积极分子",
            ["Input.Agenda[0].Topic"] = "PartyBuilding",
            ["Input.Agenda[0].Decision"] = "同意",
            ["Input.Agenda[0].VotesYes"] = "2",
            ["Input.Agenda[0].VotesNo"] = "0",
            ["Input.Agenda[0].VotesAbstain"] = "0",
            ["Input.Agenda[0].Passed"] = "true",
            ["Input.Speakers[0].MemberId"] = _committee[1].ToString(),
            ["Input.Speakers[0].Summary"] = "谈发展党员工作",
            ["Input.Minutes"] = "## 会议议程\n\n1. **确定**入党积极分子",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await BrowserlessSession.ParseAsync(response)).QuerySelector("#dj-error-summary")?.TextContent);
        var location = response.Headers.Location!.PathAndQuery;
        location.ShouldMatch(@"^/meetings/\d+\?flash=created$");
        var (_, detail) = await session.GetAsync(location);
        detail.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已新建");
        detail.QuerySelector("#dj-meeting-topic")!.TextContent.ShouldContain("七月支委会");
        Count(detail, "expected").ShouldBe("3");
        Count(detail, "present").ShouldBe("2");
        Count(detail, "leave").ShouldBe("1");
        Count(detail, "absent").ShouldBe("0");
        Count(detail, "rate").ShouldBe("66.7%");
        detail.QuerySelector(".dj-verdict")!.TextContent.ShouldContain("通过");
        detail.QuerySelector(".dj-verdict")!.TextContent.ShouldContain("赞成 2 票，超过应到会委员 3 人的半数");
        detail.QuerySelector(".dj-quorum")!.GetAttribute("data-met").ShouldBe("true");
        detail.QuerySelector("#dj-meeting-speakers")!.TextContent.ShouldContain("谈发展党员工作");
        detail.QuerySelector("#dj-meeting-minutes h2 + div h2")!.TextContent.ShouldBe("会议议程");
        detail.QuerySelector("#dj-meeting-minutes strong")!.TextContent.ShouldBe("确定");
        detail.QuerySelector("#dj-meeting-kinds")!.TextContent.ShouldContain("支委会");
        detail.QuerySelector(".dj-audit-table")!.TextContent.ShouldContain("新增");
    }

    private static string Count(IDocument page, string name) => page.QuerySelector($"[data-count='{name}']")!.TextContent.Trim();

    [Fact]
    public async Task NewCommitteeMeeting_VoteWithoutMajority_ShowsTheChineseRefusalAndKeepsTheInput()
    {
        using var session = await SessionAsync();
        var form = await CommitteeFormAsync(session);
        var absent = RowOf(form, _committee[2]);

        var response = await session.SubmitAsync(form, "#dj-meeting-form", new Dictionary<string, string>
        {
            ["Input.Op"] = "save",
            ["Input.Topic"] = "支委会",
            [$"Input.Attendance[{absent}].Status"] = "Absent",
            ["Input.Agenda[0].Title"] = "接收预备党员",
            ["Input.Agenda[0].VotesYes"] = "1",
            ["Input.Agenda[0].VotesNo"] = "1",
            ["Input.Agenda[0].Passed"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await BrowserlessSession.ParseAsync(response);
        const string refusal = "议题“接收预备党员”赞成 1 票，未超过应到会委员 3 人的半数，不能记为通过";
        page.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain(refusal);
        page.QuerySelector("[data-field='Agenda.0']")!.TextContent.ShouldBe(refusal);
        (page.QuerySelector("#agenda-0-title") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value.ShouldBe("接收预备党员");
        page.QuerySelectorAll("#dj-attendance-grid tbody tr")[absent].QuerySelector("input[value='Absent']")!.HasAttribute("checked").ShouldBeTrue();
        (await _api.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?org={_branch}")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task NewMeeting_MissingLeaveReasonAndBadVotes_ShowErrorsUnderTheRows_AndMoreRowsKeepsInput()
    {
        using var session = await SessionAsync();
        var form = await CommitteeFormAsync(session);
        var leave = RowOf(form, _committee[1]);
        var fields = new Dictionary<string, string>
        {
            ["Input.Op"] = "save",
            ["Input.Topic"] = "",
            [$"Input.Attendance[{leave}].Status"] = "Leave",
        };

        var page = await BrowserlessSession.ParseAsync(await session.SubmitAsync(form, "#dj-meeting-form", fields));

        page.QuerySelector("[data-field='Topic']")!.TextContent.ShouldContain("请填写会议主题");
        page.QuerySelector($"[data-field='Attendance.{_committee[1]}']")!.TextContent.ShouldContain("请填写请假原因");

        page = await BrowserlessSession.ParseAsync(await session.SubmitAsync(page, "#dj-meeting-form", new Dictionary<string, string>
        {
            ["Input.Op"] = "save",
            ["Input.Topic"] = "支委会",
            [$"Input.Attendance[{leave}].LeaveReason"] = "病假",
            ["Input.Agenda[0].Title"] = "",
            ["Input.Agenda[1].Title"] = "第二行填写的议题",
            ["Input.Agenda[1].VotesYes"] = "两票",
        }));

        // The blank first row is dropped, so the second row's error is shown on what is now the first row.
        page.QuerySelector("[data-field='Agenda.0']")!.TextContent.ShouldBe("第 1 项议题的赞成票应为不小于 0 的整数");
        page.QuerySelector($"[data-field='Attendance.{_committee[1]}']").ShouldBeNull();

        var more = await BrowserlessSession.ParseAsync(await session.SubmitAsync(page, "#dj-meeting-form", new Dictionary<string, string> { ["Input.Op"] = "more" }));
        more.QuerySelector("#dj-error-summary").ShouldBeNull();
        more.QuerySelectorAll(".dj-agenda-row").Length.ShouldBe(4);
        (more.QuerySelector("#agenda-0-title") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value.ShouldBe("第二行填写的议题");
    }

    [Fact]
    public async Task Step1_WithoutKinds_AsksForThem_InChinese()
    {
        using var session = await SessionAsync();
        var (_, page) = await session.GetAsync($"/meetings/new?org={_branch}&date={Day}");
        page.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("请至少选择一种会议类型");
        page.QuerySelector("#dj-meeting-form").ShouldBeNull();

        var (_, future) = await session.GetAsync($"/meetings/new?org={_branch}&date={Today.AddDays(1):yyyy-MM-dd}&kind=ThemeDay");
        future.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("会议日期不能晚于今天");
    }

    [Fact]
    public async Task ListEditAndDelete_ThroughThePages()
    {
        var everyone = (await _api.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/roster?org={_branch}&date={Day}&kind=ThemeDay"))
            .GetProperty("people").EnumerateArray().Select(p => p.GetProperty("memberId").GetInt64()).ToList();
        var id = await MeetingAsync(App, _branch, Today.AddDays(-2), [MeetingKindCodes.ThemeDay, MeetingKindCodes.BranchGeneralMeeting], everyone.Take(4).ToList(), "主题党日暨党员大会");
        using var session = await SessionAsync();

        var (_, list) = await session.GetAsync($"/meetings?org={_branch}&kind=BranchGeneralMeeting&from={Today.AddDays(-30):yyyy-MM-dd}&to={Today:yyyy-MM-dd}");
        var row = list.QuerySelector($"tr[data-meeting-id='{id}']")!;
        row.QuerySelector(".dj-expected")!.TextContent.ShouldBe("5");
        row.QuerySelector(".dj-present")!.TextContent.ShouldBe("4");
        row.QuerySelectorAll(".badge").Select(b => b.TextContent).ShouldBe(["支部党员大会", "主题党日"]);
        list.QuerySelector("#dj-meeting-new")!.GetAttribute("href").ShouldBe($"/meetings/new?org={_branch}&kind=BranchGeneralMeeting");
        var (_, none) = await session.GetAsync($"/meetings?org={_branch}&kind=PartyLecture");
        none.QuerySelector("#dj-meeting-empty").ShouldNotBeNull();

        var (_, edit) = await session.GetAsync($"/meetings/{id}/edit");
        (edit.QuerySelector("#Topic") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value.ShouldBe("主题党日暨党员大会");
        edit.QuerySelectorAll("#dj-attendance-grid input[value='Absent'][checked]").Length.ShouldBe(1);
        var saved = await session.SubmitAsync(edit, "#dj-meeting-form", new Dictionary<string, string> { ["Input.Op"] = "save", ["Input.Topic"] = "改过的主题" });
        saved.Headers.Location!.PathAndQuery.ShouldBe($"/meetings/{id}?flash=saved");

        var (_, detail) = await session.GetAsync($"/meetings/{id}");
        detail.QuerySelector("#dj-meeting-topic")!.TextContent.ShouldContain("改过的主题");
        var deleted = await session.SubmitAsync(detail, "form[data-confirm]", new Dictionary<string, string>());
        deleted.Headers.Location!.PathAndQuery.ShouldBe($"/meetings?org={_branch}&flash=deleted");
        (await session.GetAsync($"/meetings/{id}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OtherSubtree_DetailAndEditAre404_AndReadOnlyUserCannotEdit()
    {
        var everyone = (await _api.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/roster?org={_branch}&date={Day}&kind=ThemeDay"))
            .GetProperty("people").EnumerateArray().Select(p => p.GetProperty("memberId").GetInt64()).ToList();
        var id = await MeetingAsync(App, _branch, Today.AddDays(-2), [MeetingKindCodes.ThemeDay], everyone, "只给本支部看的主题");
        var other = await _api.CreateOrganizationAsync(_root, Unique("O"), "别的党支部", "Branch");
        using var outsider = await SessionAsync(await App.CreateUserAsync(Unique("out"), Role.OrgAdmin, other));
        var (detail, page) = await outsider.GetAsync($"/meetings/{id}");
        detail.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.DocumentElement.OuterHtml.ShouldNotContain("只给本支部看的主题");
        (await outsider.GetAsync($"/meetings/{id}/edit")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var reader = await SessionAsync(await App.CreateUserAsync(Unique("ro"), Role.ReadOnly, _branch));
        var (_, readable) = await reader.GetAsync($"/meetings/{id}");
        readable.QuerySelector("#dj-meeting-topic")!.TextContent.ShouldContain("只给本支部看的主题");
        readable.QuerySelector("#dj-meeting-edit").ShouldBeNull();
        (await reader.GetAsync($"/meetings/{id}/edit")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Minutes_HtmlIsShownAsText_AndScriptLinksAreDisarmed()
    {
        var everyone = (await _api.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/roster?org={_branch}&date={Day}&kind=ThemeDay"))
            .GetProperty("people").EnumerateArray().Select(p => new { memberId = p.GetProperty("memberId").GetInt64(), status = "Present" }).ToArray();
        var created = await _api.PostAsJsonAsync("/api/v1/meetings", new
        {
            organizationId = _branch,
            meeting = new { heldOn = Day, kindCodes = new[] { "ThemeDay" }, topic = "记录测试", attendance = everyone, minutes = "<script>alert(1)</script>\n\n**加粗** [点我](javascript:alert(2)) [官网](https://www.12371.cn)" },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var session = await SessionAsync();

        var (_, detail) = await session.GetAsync($"/meetings/{id}");

        var minutes = detail.QuerySelector(".dj-minutes")!;
        minutes.QuerySelector("script").ShouldBeNull();
        minutes.TextContent.ShouldContain("<script>alert(1)</script>");
        minutes.QuerySelector("strong")!.TextContent.ShouldBe("加粗");
        minutes.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(["#", "https://www.12371.cn"]);
    }

    [Fact]
    public async Task KindsPage_TopAdministratorAddsAndArchives_WorkerOnlyReads()
    {
        var topAdmin = await App.CreateUserAsync(Unique("top"), Role.OrgAdmin, _root);
        using var admin = await SessionAsync(topAdmin);
        var (_, page) = await admin.GetAsync("/meeting-kinds");
        var name = "学习分享会" + Unique("")[1..5];
        var added = await admin.SubmitAsync(page, "#dj-kind-add", new Dictionary<string, string> { ["NewKind.Name"] = name });
        added.Headers.Location!.PathAndQuery.ShouldBe("/meeting-kinds?flash=created");

        var (_, after) = await admin.GetAsync("/meeting-kinds");
        var row = after.QuerySelectorAll("#dj-kind-table tbody tr").Single(r => r.QuerySelector("input[name^='Edit.Names']")?.GetAttribute("value") == name);
        var id = row.GetAttribute("data-kind-id");
        var archived = await admin.SubmitAsync(after, "#dj-kind-edit", new Dictionary<string, string> { ["Edit.Op"] = $"archive:{id}" });
        archived.Headers.Location!.PathAndQuery.ShouldBe("/meeting-kinds?flash=saved");
        var (_, final) = await admin.GetAsync("/meeting-kinds");
        final.QuerySelector($"tr[data-kind-id='{id}']")!.TextContent.ShouldContain("已停用");

        var duplicate = await BrowserlessSession.ParseAsync(await admin.SubmitAsync(final, "#dj-kind-add", new Dictionary<string, string> { ["NewKind.Name"] = "支委会" }));
        duplicate.QuerySelector("[data-field='Name']")!.TextContent.ShouldBe("已有名为“支委会”的会议类型");

        using var worker = await SessionAsync();
        var (_, readOnly) = await worker.GetAsync("/meeting-kinds");
        readOnly.QuerySelector("#dj-kind-add").ShouldBeNull();
        readOnly.QuerySelector("#dj-kind-table")!.TextContent.ShouldContain("支部党员大会");
        readOnly.QuerySelector($"tr[data-kind-id='{id}']")!.TextContent.ShouldContain("已停用");
        readOnly.QuerySelector($"tr[data-kind-id='{id}'] input").ShouldBeNull();
    }
}

public sealed class MeetingPageTests_Sqlite(SqliteApp app) : MeetingPageTests(app), IClassFixture<SqliteApp>;

public sealed class MeetingPageTests_Postgres(PostgresApp app) : MeetingPageTests(app), IClassFixture<PostgresApp>;
