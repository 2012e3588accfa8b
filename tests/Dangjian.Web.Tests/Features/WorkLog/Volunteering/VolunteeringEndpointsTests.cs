using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.WorkLog.Volunteering;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Features.WorkLog;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.Features.Dues;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Features.WorkLog.Volunteering;

public abstract class VolunteeringEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly DateOnly D1 = new(2025, 5, 10);
    private static readonly DateOnly D2 = new(2025, 6, 20);

    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;
    private long _a;
    private long _b;
    private long _m1;
    private long _m2;
    private long _m3;
    private readonly Dictionary<long, string> _paths = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "志愿测试党委", "Committee");
        _a = await _client.CreateOrganizationAsync(_root, Unique("A"), "志愿甲支部", "Branch");
        _b = await _client.CreateOrganizationAsync(_root, Unique("B"), "志愿乙支部", "Branch");
        var admitted = new DateOnly(2010, 1, 1);
        _m1 = await CommitteeTestData.CreateMemberAsync(App, _a, "志愿一", admittedOn: admitted);
        _m2 = await CommitteeTestData.CreateMemberAsync(App, _a, "志愿二", admittedOn: admitted);
        _m3 = await CommitteeTestData.CreateMemberAsync(App, _b, "志愿三", admittedOn: admitted);
        var ids = new[] { _root, _a, _b };
        foreach (var o in await DuesRows.WithDbAsync(App, db => db.Organizations.Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Path }).ToListAsync()))
        {
            _paths[o.Id] = o.Path;
        }
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private static object Activity(long organization, DateOnly heldOn, int publicVolunteers, string? project, bool claimed, params (long Member, decimal Hours)[] participants) => new
    {
        organizationId = organization, heldOn = heldOn.ToString("yyyy-MM-dd"), title = "志愿服务" + Guid.NewGuid().ToString("N")[..4], serviceProject = project,
        projectClaimed = claimed, publicVolunteers, participants = participants.Select(p => new { memberId = p.Member, hours = p.Hours }).ToArray(),
    };

    private async Task<long> CreatedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private Task<decimal> ValueAsync(string key, long organizationId, string? dimension = null, string? value = null) => DuesRows.WithDbAsync(App, async db =>
    {
        var values = await MetricCatalogue.Default.Get(key).EvaluateAsync(new MetricScope(db, _paths[organizationId], new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), dimension, default);
        return values.SingleOrDefault(v => v.Key == value)?.Value ?? 0m;
    });

    private Task<int> CountAsync() => DuesRows.WithDbAsync(App, async db =>
        await db.Set<VolunteerActivity>().CountAsync(a => a.OrganizationId == _a || a.OrganizationId == _b) + await db.Set<VolunteerParticipant>().CountAsync());

    [Fact]
    public async Task PersonTimesAndHours_AddUp_AcrossActivitiesAndOrganizations()
    {
        var first = await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/volunteer-activities", Activity(_a, D1, 10, "社区环境整治", true, (_m1, 4m), (_m2, 2.5m))));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/volunteer-activities", Activity(_b, D2, 5, "社区环境整治", true, (_m3, 3m), (_m1, 1m))));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/volunteer-activities", Activity(_b, D2.AddDays(1), 0, "敬老助残", false, (_m3, 2m))));

        var details = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/worklog/volunteer-activities/{first}");
        details.GetProperty("personTimes").GetInt32().ShouldBe(12);
        details.GetProperty("totalHours").GetDecimal().ShouldBe(6.5m);

        // Person-times: per activity, party participants + public volunteers, summed (2+10) + (2+5) + (1+0) = 20.
        (await ValueAsync("volunteer.personTimes", _root)).ShouldBe(20m);
        (await ValueAsync("volunteer.personTimes", _a)).ShouldBe(12m);
        (await ValueAsync("volunteer.personTimes", _b)).ShouldBe(8m);
        // Hours: the participants' hours, 4 + 2.5 + 3 + 1 + 2.
        (await ValueAsync("volunteer.hours", _root)).ShouldBe(12.5m);
        (await ValueAsync("volunteer.hours", _a) + await ValueAsync("volunteer.hours", _b)).ShouldBe(12.5m);
        // Party volunteers are people: 志愿一 served for both branches and counts once for the 党委.
        (await ValueAsync("volunteer.partyVolunteers", _root)).ShouldBe(3m);
        (await ValueAsync("volunteer.partyVolunteers", _b)).ShouldBe(2m);
        (await ValueAsync("volunteer.publicVolunteers", _root)).ShouldBe(15m);
        // The same claimed project in two branches is two claims; an unclaimed project none.
        (await ValueAsync("volunteer.projectsClaimed", _root)).ShouldBe(2m);
        (await ValueAsync("volunteer.projectsClaimed", _b)).ShouldBe(1m);

        var list = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/worklog/volunteer-activities?under={_root}");
        list.GetProperty("total").GetInt32().ShouldBe(3);
        list.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("personTimes").GetInt32()).ShouldBe(20);

        // Editing replaces the participants; the figures follow.
        (await _client.PutAsJsonAsync($"/api/v1/worklog/volunteer-activities/{first}", Activity(_a, D1, 10, "社区环境整治", true, (_m1, 5m)))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ValueAsync("volunteer.hours", _a)).ShouldBe(5m);
        (await ValueAsync("volunteer.personTimes", _a)).ShouldBe(11m);
        (await _client.GetStringAsync($"/api/v1/audit?organizationId={_a}&pageSize=100")).ShouldContain("VolunteerActivity");
    }

    [Fact]
    public async Task BadInput_IsRefusedInChinese_AndChangesNothing()
    {
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/volunteer-activities", Activity(_a, D1, 0, null, false, (_m1, 4m))));
        var before = await CountAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        async Task RefusedAsync(object body, string message, HttpClient? client = null)
        {
            var response = await (client ?? _client).PostAsJsonAsync("/api/v1/worklog/volunteer-activities", body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain(message);
            (await CountAsync()).ShouldBe(before);
        }

        await RefusedAsync(Activity(_a, D1, -1, null, false, (_m2, 1m)), "群众志愿者人数不能为负数");
        await RefusedAsync(Activity(_a, D1, 0, null, false, (_m2, -1m)), "服务时长不能为负数");
        await RefusedAsync(Activity(_a, D1, 0, null, false, (_m2, 24.01m)), "不能超过24小时");
        // 24 is allowed for one activity, but 志愿一 already served 4 hours that day: 4 + 20.5 > 24.
        await RefusedAsync(Activity(_a, D1, 0, null, false, (_m1, 20.5m)), "已登记其他志愿服务4小时");
        await RefusedAsync(Activity(_a, today.AddDays(1), 0, null, false, (_m2, 1m)), "不能晚于今天");
        await RefusedAsync(Activity(_a, D1, 0, null, false, (_m2, 1.555m)), "最多保留2位小数");

        // A worker of 甲支部 may not name a member of 乙支部.
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _a);
        using var workerClient = App.ApiClient(worker);
        await RefusedAsync(Activity(_a, D1, 0, null, false, (_m3, 1m)), "不在您的管理范围内", workerClient);
        (await workerClient.PostAsJsonAsync("/api/v1/worklog/volunteer-activities", Activity(_b, D1, 0, null, false))).StatusCode
            .ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);

        var reportFuture = await _client.PostAsJsonAsync("/api/v1/worklog/community-reports",
            new { organizationId = _a, memberId = _m1, community = "幸福社区", reportedOn = today.AddDays(1).ToString("yyyy-MM-dd") });
        (await reportFuture.Content.ReadAsStringAsync()).ShouldContain("不能晚于今天");
        var reportOutside = await workerClient.PostAsJsonAsync("/api/v1/worklog/community-reports",
            new { organizationId = _a, memberId = _m3, community = "幸福社区", reportedOn = "2025-05-01" });
        reportOutside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reportOutside.Content.ReadAsStringAsync()).ShouldContain("不在您的管理范围内");
        var postOutside = await workerClient.PostAsJsonAsync("/api/v1/worklog/pioneer-posts",
            new { organizationId = _a, name = "服务窗口", kind = "Pioneer", from = "2025-01-01", memberIds = new[] { _m3 } });
        (await postOutside.Content.ReadAsStringAsync()).ShouldContain("不在您的管理范围内");
        (await DuesRows.WithDbAsync(App, db => db.Set<CommunityReport>().CountAsync(r => r.OrganizationId == _a))).ShouldBe(0);
        (await DuesRows.WithDbAsync(App, db => db.Set<PioneerPost>().CountAsync(r => r.OrganizationId == _a))).ShouldBe(0);
    }

    [Fact]
    public async Task CommunityReportsAndPioneerPosts_CountPeopleAndPostsByKind()
    {
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/community-reports", new { organizationId = _a, memberId = _m1, community = "幸福社区", reportedOn = "2025-03-01" }));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/community-reports", new { organizationId = _a, memberId = _m1, community = "和平社区", reportedOn = "2025-04-01" }));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/community-reports", new { organizationId = _b, memberId = _m3, community = "幸福社区", reportedOn = "2025-04-01" }));
        (await ValueAsync("community.reportedMembers", _root)).ShouldBe(2m);

        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/pioneer-posts", new { organizationId = _a, name = "服务窗口", kind = "Pioneer", from = "2024-06-01", memberIds = new[] { _m1, _m2 } }));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/pioneer-posts", new { organizationId = _b, name = "楼道责任区", kind = "ResponsibilityArea", from = "2025-02-01", memberIds = new[] { _m3 } }));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/pioneer-posts", new { organizationId = _b, name = "旧岗", kind = "Model", from = "2023-01-01", to = "2024-12-31", memberIds = new[] { _m3 } }));
        (await ValueAsync("pioneer.posts", _root)).ShouldBe(2m); // the old one ended before 2025
        (await ValueAsync("pioneer.posts", _root, "kind", "ResponsibilityArea")).ShouldBe(1m);
        (await ValueAsync("pioneer.posts", _root, "kind", "Pioneer")).ShouldBe(1m);
        (await ValueAsync("pioneer.posts", _root, "kind", "Model")).ShouldBe(0m);
        var bad = await _client.PostAsJsonAsync("/api/v1/worklog/pioneer-posts", new { organizationId = _a, name = "倒置", kind = "Model", from = "2025-02-01", to = "2025-01-01", memberIds = new[] { _m1 } });
        (await bad.Content.ReadAsStringAsync()).ShouldContain("不能早于开始日期");
    }

    [Fact]
    public async Task Export_CommunityReportsAndPioneerPosts_FollowTheListFilter()
    {
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/community-reports", new { organizationId = _a, memberId = _m1, community = "导出社区", reportedOn = "2025-03-01", note = "首次" }));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/community-reports", new { organizationId = _b, memberId = _m3, community = "别的社区", reportedOn = "2025-04-01" }));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/pioneer-posts", new { organizationId = _a, name = "导出窗口", kind = "Pioneer", from = "2024-06-01", to = "2025-12-31", note = "窗口岗", memberIds = new[] { _m1, _m2 } }));
        await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/pioneer-posts", new { organizationId = _b, name = "导出责任区", kind = "ResponsibilityArea", from = "2025-02-01", memberIds = new[] { _m3 } }));

        var names = await DuesRows.WithDbAsync(App, db => db.Set<Member>().Where(m => m.Id == _m1 || m.Id == _m2).ToDictionaryAsync(m => m.Id, m => m.Name));
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, reportList) = await session.GetAsync($"/worklog/community-reports?org={_root}&q=导出");
        reportList.QuerySelector("#dj-report-export")!.GetAttribute("href").ShouldBe($"/api/v1/worklog/community-reports/export?under={_root}&search=%E5%AF%BC%E5%87%BA");
        var (_, postList) = await session.GetAsync($"/worklog/pioneer-posts?org={_root}&kind=Pioneer");
        postList.QuerySelector("#dj-post-export")!.GetAttribute("href").ShouldBe($"/api/v1/worklog/pioneer-posts/export?under={_root}&kind=Pioneer");

        var reports = await SheetAsync($"/api/v1/worklog/community-reports/export?under={_root}&search=导出");
        reports[0].ShouldBe(["报到日期", "所在组织", "党员", "报到社区", "备注"]);
        reports.Skip(1).Single().ShouldBe(["2025-03-01", "志愿甲支部", names[_m1], "导出社区", "首次"]);
        (await SheetAsync($"/api/v1/worklog/community-reports/export?under={_root}")).Count.ShouldBe(3);

        var posts = await SheetAsync($"/api/v1/worklog/pioneer-posts/export?under={_root}&kind=Pioneer");
        posts[0].ShouldBe(["岗位名称", "类别", "所在组织", "在岗党员", "设岗日期", "撤岗日期", "备注"]);
        var post = posts.Skip(1).Single();
        post.Take(3).ShouldBe(["导出窗口", "党员先锋岗", "志愿甲支部"]);
        post[3].Split('、').Order().ShouldBe(new[] { names[_m1], names[_m2] }.Order());
        post.Skip(4).ShouldBe(["2024-06-01", "2025-12-31", "窗口岗"]);
        (await SheetAsync($"/api/v1/worklog/pioneer-posts/export?under={_root}")).Count.ShouldBe(3);
    }

    private async Task<List<List<string>>> SheetAsync(string url)
    {
        var response = await _client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe(WorkLogXlsx.ContentType);
        return XlsxReader.Read(await response.Content.ReadAsByteArrayAsync())!.Select(r => r.Cells.ToList()).ToList();
    }

    private static MultipartFormDataContent Sheet(params string?[][] rows)
    {
        var bytes = XlsxWriter.Write(VolunteerParticipantSheet.SheetName, VolunteerParticipantSheet.Headers, rows);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "participants.xlsx" } };
    }

    [Fact]
    public async Task Import_OneBadRow_CommitsNothing_ThenAllRowsCommit()
    {
        var id = await CreatedAsync(await _client.PostAsJsonAsync("/api/v1/worklog/volunteer-activities", Activity(_a, D1, 3, null, false)));
        var (id1, name2, name3) = await DuesRows.WithDbAsync(App, async db =>
        {
            var m = await db.Set<Member>().Where(x => x.Id == _m1 || x.Id == _m2 || x.Id == _m3).ToDictionaryAsync(x => x.Id);
            return (m[_m1].IdNumber, m[_m2].Name, m[_m3].Name);
        });
        var bad = await _client.PostAsync($"/api/v1/worklog/volunteer-activities/{id}/participants/import",
            Sheet([id1, null, null, "3"], [null, name2, "志愿甲支部", "30"], [null, "查无此人", null, "2"]));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await bad.Content.ReadAsStringAsync();
        text.ShouldContain("第3行");
        text.ShouldContain("不能超过24小时");
        text.ShouldContain("第4行");
        (await DuesRows.WithDbAsync(App, db => db.Set<VolunteerParticipant>().CountAsync(p => p.ActivityId == id))).ShouldBe(0);

        var good = await _client.PostAsync($"/api/v1/worklog/volunteer-activities/{id}/participants/import",
            Sheet([id1, null, null, "3"], [null, name2, "志愿甲支部", "2.5"], [null, name3, null, "1"]));
        good.StatusCode.ShouldBe(HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        var details = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/worklog/volunteer-activities/{id}");
        details.GetProperty("partyVolunteers").GetInt32().ShouldBe(3);
        details.GetProperty("personTimes").GetInt32().ShouldBe(6);
        details.GetProperty("totalHours").GetDecimal().ShouldBe(6.5m);

        var export = await _client.GetAsync($"/api/v1/worklog/volunteer-activities/export?under={_root}");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxReader.Read(await export.Content.ReadAsByteArrayAsync())!;
        rows.Count.ShouldBe(2);
        rows[1].Cells.ShouldContain("6.5");
    }

    [Fact]
    public async Task Pages_CreateAnActivity_AndSeeItInTheList()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, form) = await session.GetAsync($"/worklog/volunteering/new?org={_a}");
        var rows = form.QuerySelectorAll("#dj-volunteer-participants tbody tr");
        rows.Length.ShouldBe(2);
        var index = rows.Select(r => r.GetAttribute("data-member-id")).ToList().IndexOf(_m1.ToString());

        var refused = await BrowserlessSession.ParseAsync(await session.SubmitAsync(form, "#dj-volunteer-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "", [$"Input.Rows[{index}].Hours"] = "25",
        }));
        refused.QuerySelector("[data-field='Title']")!.TextContent.ShouldContain("请填写活动名称");
        refused.QuerySelector("[data-field='Participants']")!.TextContent.ShouldContain("不能超过24小时");

        var saved = await session.SubmitAsync(form, "#dj-volunteer-form", new Dictionary<string, string>
        {
            ["Input.HeldOn"] = "2025-05-01", ["Input.Title"] = "清扫楼道", ["Input.PublicVolunteers"] = "4", [$"Input.Rows[{index}].Hours"] = "3",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (_, list) = await session.GetAsync(saved.Headers.Location!.PathAndQuery);
        var row = list.QuerySelector("#dj-volunteer-activities tbody tr")!;
        row.TextContent.ShouldContain("清扫楼道");
        row.QuerySelectorAll("td")[6].TextContent.ShouldBe("5");

        var (_, edit) = await session.GetAsync($"/worklog/volunteering/{row.GetAttribute("data-activity-id")}/edit");
        edit.QuerySelector("#dj-volunteer-totals")!.TextContent.ShouldContain("5");
        edit.QuerySelector("#dj-attachments-empty").ShouldNotBeNull();
    }
}

public sealed class VolunteeringEndpointsTests_Sqlite(SqliteApp app) : VolunteeringEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class VolunteeringEndpointsTests_Postgres(PostgresApp app) : VolunteeringEndpointsTests(app), IClassFixture<PostgresApp>;
