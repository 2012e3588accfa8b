using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.Evaluations.OrganizationalLifeData;

namespace Dangjian.Web.Tests.Features.Talks;

public abstract class TalkEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;
    private long _branch;
    private long _a;
    private long _b;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "谈话测试党委", "Committee");
        _branch = await _client.CreateOrganizationAsync(_root, Unique("B"), "谈话测试支部", "Branch");
        _a = await CommitteeTestData.CreateMemberAsync(App, _branch, "谈话甲");
        _b = await CommitteeTestData.CreateMemberAsync(App, _branch, "谈话乙");
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private object Body(long initiator, long partner, DateOnly? heldOn = null, string topic = "思想交流", long? organization = null) => new
    {
        organizationId = organization ?? _branch, heldOn = (heldOn ?? Today).ToString("yyyy-MM-dd"), initiatorMemberId = initiator, partnerMemberId = partner, topic,
    };

    [Fact]
    public async Task Crud_AndTheRulesInChinese()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/talks", Body(_a, _b));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/talks/{id}")).GetProperty("partnerName").GetString()!.ShouldStartWith("谈话乙");

        var same = await _client.PostAsJsonAsync("/api/v1/talks", Body(_a, _a));
        same.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await same.Content.ReadAsStringAsync()).ShouldContain("不能是同一人");
        var future = await _client.PostAsJsonAsync("/api/v1/talks", Body(_a, _b, Today.AddDays(1)));
        (await future.Content.ReadAsStringAsync()).ShouldContain("不能晚于今天");
        var other = await _client.CreateOrganizationAsync(_root, Unique("O"), "另一支部", "Branch");
        var stranger = await CommitteeTestData.CreateMemberAsync(App, other, "外支部党员");
        var outside = await _client.PostAsJsonAsync("/api/v1/talks", Body(_a, stranger));
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("不在本组织名册中");

        (await _client.PutAsJsonAsync($"/api/v1/talks/{id}", Body(_b, _a, topic: "工作交流"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var list = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/talks?under={_root}&memberId={_a}");
        list.GetProperty("items")[0].GetProperty("topic").GetString().ShouldBe("工作交流");
        (await _client.DeleteAsync($"/api/v1/talks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetAsync($"/api/v1/talks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetStringAsync($"/api/v1/audit?organizationId={_branch}&pageSize=100")).ShouldContain("HeartToHeartTalk");
    }

    [Fact]
    public async Task Pages_NewEditDelete()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, form) = await session.GetAsync($"/talks/new?org={_branch}");
        form.QuerySelectorAll("#InitiatorMemberId option").Length.ShouldBe(3);

        var empty = await BrowserlessSession.ParseAsync(await session.SubmitAsync(form, "#dj-talk-form", new Dictionary<string, string>()));
        empty.QuerySelector("[data-field='InitiatorMemberId']")!.TextContent.ShouldBe("请选择谈话人");
        empty.QuerySelector("[data-field='Topic']")!.TextContent.ShouldContain("请填写谈话主题");

        var saved = await session.SubmitAsync(form, "#dj-talk-form", new Dictionary<string, string>
        {
            ["Input.InitiatorMemberId"] = _a.ToString(), ["Input.PartnerMemberId"] = _b.ToString(), ["Input.Topic"] = "年度谈心", ["Input.Note"] = "交流思想",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (_, list) = await session.GetAsync(saved.Headers.Location!.PathAndQuery);
        list.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已新建");
        var row = list.QuerySelector("#dj-talks tbody tr")!;
        row.TextContent.ShouldContain("年度谈心");
        var id = row.GetAttribute("data-talk-id");

        var (_, edit) = await session.GetAsync($"/talks/{id}/edit");
        (await session.SubmitAsync(edit, "#dj-talk-form", new Dictionary<string, string> { ["Input.Topic"] = "改后的主题" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, afterEdit) = await session.GetAsync($"/talks?org={_branch}");
        afterEdit.QuerySelector("#dj-talks")!.TextContent.ShouldContain("改后的主题");

        var (_, delete) = await session.GetAsync($"/talks/{id}/delete");
        delete.QuerySelector(".dj-dl")!.TextContent.ShouldContain("改后的主题");
        (await session.SubmitAsync(delete, "#dj-talk-delete-form", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, afterDelete) = await session.GetAsync($"/talks?org={_branch}");
        afterDelete.QuerySelector("#dj-talks").ShouldBeNull();
        afterDelete.QuerySelector("#dj-talk-results")!.TextContent.ShouldContain("暂无数据");
    }
}

public sealed class TalkEndpointsTests_Sqlite(SqliteApp app) : TalkEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class TalkEndpointsTests_Postgres(PostgresApp app) : TalkEndpointsTests(app), IClassFixture<PostgresApp>;
