using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Members;

/// <summary>The 调整支部 page and the 党小组 choice on the 登记党员 form.</summary>
public abstract class MemberMovePageTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _orgAdmin = null!;
    private HttpClient _admin = null!;
    private long _a;
    private long _b;
    private long _groupA;
    private long _groupB;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var sysAdmin = await App.CreateUserAsync(Unique("sys"), Role.SystemAdmin, null);
        using var sys = App.ApiClient(sysAdmin);
        var root = await sys.CreateOrganizationAsync(null, Unique("R"), "调整测试党委", "Committee");
        _a = await sys.CreateOrganizationAsync(root, Unique("A"), "甲党支部", "Branch");
        _b = await sys.CreateOrganizationAsync(root, Unique("B"), "乙党支部", "Branch");
        _groupA = await sys.CreateOrganizationAsync(_a, Unique("GA"), "甲一小组", "Group");
        _groupB = await sys.CreateOrganizationAsync(_b, Unique("GB"), "乙一小组", "Group");
        _orgAdmin = await App.CreateUserAsync(Unique("orgadmin"), Role.OrgAdmin, root);
        _admin = App.ApiClient(_orgAdmin);
    }

    public override ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task MovePage_LinkedFromDetail_BadInputShowsErrors_ValidMovesToBranchAndGroup()
    {
        var (id, _, _) = await _admin.CreateMemberAsync(_a, "调整党员");
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_orgAdmin);
        var (_, detail) = await session.GetAsync($"/members/{id}");
        detail.QuerySelector("#dj-member-move")!.GetAttribute("href").ShouldBe($"/members/{id}/move");

        var (response, form) = await session.GetAsync($"/members/{id}/move");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        form.QuerySelector("#On")!.GetAttribute("value").ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd"));
        form.QuerySelectorAll("#ToOrganizationId option").Select(o => o.TextContent).ShouldBe(["请选择", "甲党支部", "乙党支部"]);
        form.QuerySelectorAll("#ToGroupId option").Select(o => o.TextContent).ShouldBe(["无", "甲党支部 · 甲一小组", "乙党支部 · 乙一小组"]);
        form.QuerySelector("label[for='ToOrganizationId']")!.ClassList.ShouldContain("dj-required");

        var posted = await session.SubmitAsync(form, "#dj-move-form", new Dictionary<string, string> { ["Input.ToOrganizationId"] = "", ["Input.On"] = "2020-13-01" });
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await BrowserlessSession.ParseAsync(posted);
        page.QuerySelector("[data-field='ToOrganizationId']")!.TextContent.ShouldBe("请选择调入党支部");
        page.QuerySelector("[data-field='On']")!.TextContent.ShouldBe("调整日期格式应为 yyyy-MM-dd");
        page.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("请选择调入党支部");

        posted = await session.SubmitAsync(form, "#dj-move-form", new Dictionary<string, string> { ["Input.ToOrganizationId"] = _b.ToString(), ["Input.ToGroupId"] = _groupA.ToString() });
        page = await BrowserlessSession.ParseAsync(posted);
        page.QuerySelector("[data-field='GroupId']")!.TextContent.ShouldBe("党小组不属于该党支部");
        var unchanged = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        unchanged.GetProperty("organizationId").GetInt64().ShouldBe(_a);

        posted = await session.SubmitAsync(form, "#dj-move-form", new Dictionary<string, string> { ["Input.ToOrganizationId"] = _b.ToString(), ["Input.ToGroupId"] = _groupB.ToString() });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.PathAndQuery.ShouldBe($"/members/{id}?flash=moved");
        var moved = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        moved.GetProperty("organizationId").GetInt64().ShouldBe(_b);
        moved.GetProperty("groupId").GetInt64().ShouldBe(_groupB);
    }

    [Fact]
    public async Task NewForm_GroupOfTheBranch_IsSaved_GroupOfAnotherBranchIsRefused()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_orgAdmin);
        var (_, form) = await session.GetAsync($"/members/new?organizationId={_a}");
        form.QuerySelectorAll("#GroupId option").Select(o => o.TextContent).ShouldBe(["无", "甲党支部 · 甲一小组", "乙党支部 · 乙一小组"]);
        var person = MemberTestData.NewPerson();
        var fields = new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = _a.ToString(),
            ["Input.GroupId"] = _groupB.ToString(),
            ["Input.Member.Name"] = "小组党员",
            ["Input.Member.Gender"] = person.Gender,
            ["Input.Member.BirthDate"] = person.Birth.ToString("yyyy-MM-dd"),
            ["Input.Member.IdNumber"] = person.Id,
            ["Input.Member.EmploymentStatus"] = "Employed",
            ["Input.Member.AdmittedOn"] = person.Birth.AddYears(25).ToString("yyyy-MM-dd"),
            ["Input.Member.Category"] = "Full",
        };
        var response = await session.SubmitAsync(form, "#dj-member-form", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BrowserlessSession.ParseAsync(response)).QuerySelector("[data-field='GroupId']")!.TextContent.ShouldBe("党小组不属于该党支部");
        (await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members?under={_a}")).GetProperty("total").GetInt32().ShouldBe(0);

        fields["Input.GroupId"] = _groupA.ToString();
        response = await session.SubmitAsync(form, "#dj-member-form", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = long.Parse(response.Headers.Location!.PathAndQuery.Split('?')[0].Split('/')[^1]);
        (await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}")).GetProperty("groupId").GetInt64().ShouldBe(_groupA);
    }
}

public sealed class MemberMovePageTests_Sqlite(SqliteApp app) : MemberMovePageTests(app), IClassFixture<SqliteApp>;

public sealed class MemberMovePageTests_Postgres(PostgresApp app) : MemberMovePageTests(app), IClassFixture<PostgresApp>;
