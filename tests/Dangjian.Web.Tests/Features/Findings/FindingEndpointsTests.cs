using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Web.Features.Findings;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Dangjian.Web.Tests.Features.Evaluations.OrganizationalLifeData;

namespace Dangjian.Web.Tests.Features.Findings;

public abstract class FindingEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;
    private long _branch;
    private long _meeting;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "问题测试党委", "Committee");
        _branch = await _client.CreateOrganizationAsync(_root, Unique("B"), "问题测试支部", "Branch");
        _meeting = await AddMeetingAsync(App, _branch, Today.AddDays(-30), "年度组织生活会", OrganizationalLifeMeeting);
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task Api_AddToALifeMeeting_NotToOthers_StatusAndOverdueFilter()
    {
        var added = await _client.PostAsJsonAsync("/api/v1/findings", new { meetingId = _meeting, description = "学习不够深入", ownerName = "宣传委员", deadline = Today.AddDays(-1).ToString("yyyy-MM-dd") });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var committee = await AddMeetingAsync(App, _branch, Today, "支委会", CommitteeMeeting);
        var refused = await _client.PostAsJsonAsync("/api/v1/findings", new { meetingId = committee, description = "x", ownerName = "y", deadline = Today.ToString("yyyy-MM-dd") });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("不是组织生活会或民主生活会");

        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/findings?under={_root}&overdue=true")).GetProperty("total").GetInt32().ShouldBe(1);
        var noDate = await _client.PutAsJsonAsync($"/api/v1/findings/{id}", new { description = "学习不够深入", ownerName = "宣传委员", deadline = Today.AddDays(-1).ToString("yyyy-MM-dd"), status = "Resolved" });
        noDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noDate.Content.ReadAsStringAsync()).ShouldContain("请填写整改完成日期");
        (await _client.PutAsJsonAsync($"/api/v1/findings/{id}", new
        {
            description = "学习不够深入", ownerName = "宣传委员", deadline = Today.AddDays(-1).ToString("yyyy-MM-dd"), status = "Resolved", resolvedOn = Today.ToString("yyyy-MM-dd"),
        })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/findings?under={_root}&overdue=true")).GetProperty("total").GetInt32().ShouldBe(0);
        var resolved = (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/findings?meetingId={_meeting}")).GetProperty("items")[0];
        resolved.GetProperty("statusLabel").GetString().ShouldBe("已整改");
        resolved.GetProperty("sourceLink").GetString().ShouldBe($"/meetings/{_meeting}/findings");
    }

    [Fact]
    public async Task Pages_AddEditOnTheMeeting_ListAcrossTheSubtree_AndTheSummary()
    {
        var owner = await CommitteeTestData.CreateMemberAsync(App, _branch, "整改责任人");
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, page) = await session.GetAsync($"/meetings/{_meeting}/findings");
        page.QuerySelector("#dj-findings-title")!.TextContent.ShouldContain("年度组织生活会");

        var empty = await BrowserlessSession.ParseAsync(await session.SubmitAsync(page, "#dj-finding-form", new Dictionary<string, string>()));
        empty.QuerySelector("[data-field='Description']")!.TextContent.ShouldContain("请填写问题描述");
        empty.QuerySelector("[data-field='Deadline']")!.TextContent.ShouldBe("请填写整改时限");

        var saved = await session.SubmitAsync(page, "#dj-finding-form", new Dictionary<string, string>
        {
            ["Input.Description"] = "联系群众不够紧密", ["Input.OwnerMemberId"] = owner.ToString(), ["Input.Deadline"] = Today.AddDays(-2).ToString("yyyy-MM-dd"),
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (_, after) = await session.GetAsync(saved.Headers.Location!.PathAndQuery);
        var row = after.QuerySelector("#dj-meeting-findings tbody tr")!;
        row.TextContent.ShouldContain("整改责任人");
        row.TextContent.ShouldContain("待整改（已逾期）");

        var (_, list) = await session.GetAsync($"/findings?org={_root}&overdue=true");
        list.QuerySelector("#dj-findings")!.TextContent.ShouldContain("联系群众不够紧密");
        list.QuerySelector("#dj-findings")!.TextContent.ShouldContain("年度组织生活会");

        var id = row.GetAttribute("data-finding-id");
        var (_, edit) = await session.GetAsync($"/meetings/{_meeting}/findings?edit={id}");
        var missingDate = await BrowserlessSession.ParseAsync(await session.SubmitAsync(edit, "#dj-finding-form", new Dictionary<string, string> { ["Input.Status"] = "Resolved" }));
        missingDate.QuerySelector("[data-field='ResolvedOn']")!.TextContent.ShouldContain("请填写整改完成日期");
        (await session.SubmitAsync(edit, "#dj-finding-form", new Dictionary<string, string>
        {
            ["Input.Status"] = "Resolved", ["Input.ResolvedOn"] = Today.ToString("yyyy-MM-dd"), ["Input.Note"] = "已建立联系点",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, resolved) = await session.GetAsync($"/findings?org={_root}&status=Resolved");
        resolved.QuerySelector("#dj-findings")!.TextContent.ShouldContain("已整改");

        var summary = await RenderSummaryAsync(_meeting);
        summary.ShouldContain("共 <strong data-count=\"total\">1</strong> 条");
        summary.ShouldContain($"/meetings/{_meeting}/findings");
    }

    [Fact]
    public async Task Page_NotALifeMeeting_ShowsTheNoticeAndNoForm()
    {
        var committee = await AddMeetingAsync(App, _branch, Today, "支委会", CommitteeMeeting);
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, page) = await session.GetAsync($"/meetings/{committee}/findings");
        page.QuerySelector("#dj-findings-not-life").ShouldNotBeNull();
        page.QuerySelector("#dj-finding-form").ShouldBeNull();
    }

    /// <summary>Renders the component the meeting page embeds, as the administrator, with the host's services.</summary>
    private async Task<string> RenderSummaryAsync(long meetingId)
    {
        using var scope = App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, _admin.Id)], "test")),
        };
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<FindingsSummary>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["MeetingId"] = meetingId }))).ToHtmlString());
    }
}

public sealed class FindingEndpointsTests_Sqlite(SqliteApp app) : FindingEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class FindingEndpointsTests_Postgres(PostgresApp app) : FindingEndpointsTests(app), IClassFixture<PostgresApp>;
