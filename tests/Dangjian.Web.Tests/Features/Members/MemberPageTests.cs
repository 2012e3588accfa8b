using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Members;

public abstract class MemberPageTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _orgAdmin = null!;
    private TestUser _readOnly = null!;
    private HttpClient _admin = null!;
    private long _branch;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var sysAdmin = await App.CreateUserAsync(Unique("sys"), Role.SystemAdmin, null);
        using var sys = App.ApiClient(sysAdmin);
        var root = await sys.CreateOrganizationAsync(null, Unique("R"), "名册页面党委", "Committee");
        _branch = await sys.CreateOrganizationAsync(root, Unique("B"), "名册页面党支部", "Branch");
        _orgAdmin = await App.CreateUserAsync(Unique("orgadmin"), Role.OrgAdmin, root);
        _readOnly = await App.CreateUserAsync(Unique("reader"), Role.ReadOnly, root);
        _admin = App.ApiClient(_orgAdmin);
    }

    public override ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task RosterAndDetail_ReadOnlyUser_SeesMaskedIdAndPhone_FoundByIdTail()
    {
        var (id, idNumber, phone) = await _admin.CreateMemberAsync(_branch, "页面王芳");
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_readOnly);

        var (response, roster) = await session.GetAsync($"/members?under={_branch}&search={idNumber[^4..]}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = roster.DocumentElement.OuterHtml;
        html.ShouldContain("页面王芳");
        html.ShouldContain(IdNumber.Mask(idNumber));
        html.ShouldContain(IdNumber.MaskPhone(phone));
        html.ShouldNotContain(idNumber);
        html.ShouldNotContain(phone);
        roster.QuerySelector("#dj-member-new").ShouldBeNull();

        var (_, detail) = await session.GetAsync($"/members/{id}");
        detail.QuerySelector("#dj-member-id")!.TextContent.ShouldBe(IdNumber.Mask(idNumber));
        detail.QuerySelector("#dj-member-phone")!.TextContent.ShouldBe(IdNumber.MaskPhone(phone));
        detail.DocumentElement.OuterHtml.ShouldNotContain(idNumber);
        detail.QuerySelector("#dj-member-edit").ShouldBeNull();

        var audit = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Member&entityKey={id}&user={_readOnly.UserName}");
        audit.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task RosterAndDetail_OrgAdmin_SeesUnmasked_AndEachViewIsAudited()
    {
        var (id, idNumber, phone) = await _admin.CreateMemberAsync(_branch, "页面李雷");
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_orgAdmin);

        var (_, roster) = await session.GetAsync($"/members?under={_branch}&search=页面李雷");
        roster.DocumentElement.OuterHtml.ShouldContain(idNumber);
        var (_, detail) = await session.GetAsync($"/members/{id}");
        detail.QuerySelector("#dj-member-id")!.TextContent.ShouldBe(idNumber);
        detail.QuerySelector("#dj-member-phone")!.TextContent.ShouldBe(phone);
        detail.QuerySelector("#dj-member-timeline")!.TextContent.ShouldContain("查看");

        var audit = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Member&entityKey={id}&user={_orgAdmin.UserName}");
        audit.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "Viewed").ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Roster_NoMatch_ShowsEmptyStateWithNextAction()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_orgAdmin);
        var (_, roster) = await session.GetAsync($"/members?under={_branch}&search=查无此人");
        var empty = roster.QuerySelector("#dj-member-empty")!;
        empty.TextContent.ShouldContain("暂无数据");
        empty.QuerySelector($"a[href='/members/new?organizationId={_branch}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task NewForm_BadInput_ShowsChineseErrorsUnderFields_ThenValidRedirectsWithFlash()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_orgAdmin);
        var (_, form) = await session.GetAsync($"/members/new?organizationId={_branch}");
        var person = MemberTestData.NewPerson(female: true);
        var wrongCheck = person.Id[..17] + (person.Id[17] == '1' ? '2' : '1');

        var response = await session.SubmitAsync(form, "#dj-member-form", new Dictionary<string, string>
        {
            ["Input.Member.Name"] = "",
            ["Input.Member.IdNumber"] = wrongCheck,
            ["Input.Member.BirthDate"] = "1990-13-01",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await BrowserlessSession.ParseAsync(response);
        page.QuerySelector("[data-field='BirthDate']")!.TextContent.ShouldBe("出生日期格式应为 yyyy-MM-dd");
        page.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("出生日期格式应为 yyyy-MM-dd");

        response = await session.SubmitAsync(form, "#dj-member-form", new Dictionary<string, string>
        {
            ["Input.Member.Name"] = "",
            ["Input.Member.IdNumber"] = wrongCheck,
        });
        page = await BrowserlessSession.ParseAsync(response);
        page.QuerySelector("[data-field='Name']")!.TextContent.ShouldBe("请填写姓名");
        page.QuerySelector("[data-field='IdNumber']")!.TextContent.ShouldBe("身份证号校验位不正确，请核对");
        page.QuerySelector("[data-field='AdmittedOn']")!.TextContent.ShouldBe("请填写入党日期");
        (await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members?under={_branch}")).GetProperty("total").GetInt32().ShouldBe(0);

        response = await session.SubmitAsync(form, "#dj-member-form", new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = _branch.ToString(),
            ["Input.Member.Name"] = "页面新党员",
            ["Input.Member.Gender"] = "Female",
            ["Input.Member.BirthDate"] = person.Birth.ToString("yyyy-MM-dd"),
            ["Input.Member.IdNumber"] = person.Id,
            ["Input.Member.EmploymentStatus"] = "Employed",
            ["Input.Member.AdmittedOn"] = person.Birth.AddYears(25).ToString("yyyy-MM-dd"),
            ["Input.Member.Category"] = "Full",
            ["Input.Member.Phone"] = "13900001111",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.PathAndQuery;
        location.ShouldMatch(@"^/members/\d+\?flash=created$");
        var (_, detail) = await session.GetAsync(location);
        detail.QuerySelector("#dj-member-name")!.TextContent.ShouldBe("页面新党员");
        detail.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已新建");
    }

    [Fact]
    public async Task EditForm_Prefilled_SavesAndRedirectsWithSavedFlash()
    {
        var (id, idNumber, _) = await _admin.CreateMemberAsync(_branch, "页面编辑");
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_orgAdmin);
        var (_, form) = await session.GetAsync($"/members/{id}/edit");
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#IdNumber")!).Value.ShouldBe(idNumber);

        var response = await session.SubmitAsync(form, "#dj-member-form", new Dictionary<string, string> { ["Input.Employer"] = "页面单位" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldBe($"/members/{id}?flash=saved");
        var details = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        details.GetProperty("employer").GetString().ShouldBe("页面单位");
        details.GetProperty("idNumber").GetString().ShouldBe(idNumber);
    }

    [Fact]
    public async Task RecordPages_AddThenDeleteWithConfirmation()
    {
        var (id, _, _) = await _admin.CreateMemberAsync(_branch, "页面记录");
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_orgAdmin);
        var (_, form) = await session.GetAsync($"/members/{id}/records/new?kind=Position");
        var response = await session.SubmitAsync(form, "#dj-record-form", new Dictionary<string, string> { ["Input.Title"] = "" });
        (await BrowserlessSession.ParseAsync(response)).QuerySelector("[data-field='Title']")!.TextContent.ShouldBe("请填写职务");

        response = await session.SubmitAsync(form, "#dj-record-form", new Dictionary<string, string> { ["Input.Title"] = "支部书记", ["Input.FromDate"] = "2020-01-01" });
        response.Headers.Location!.PathAndQuery.ShouldBe($"/members/{id}?flash=recordAdded");
        var (_, detail) = await session.GetAsync($"/members/{id}");
        detail.QuerySelector("#dj-records-Position")!.TextContent.ShouldContain("支部书记");

        var deleteHref = detail.QuerySelector("#dj-records-Position a.text-danger")!.GetAttribute("href")!;
        var (_, confirm) = await session.GetAsync(deleteHref);
        confirm.DocumentElement.TextContent.ShouldContain("支部书记");
        response = await session.SubmitAsync(confirm, "#dj-record-delete-form", new Dictionary<string, string>());
        response.Headers.Location!.PathAndQuery.ShouldBe($"/members/{id}?flash=recordRemoved");
        (_, detail) = await session.GetAsync($"/members/{id}");
        detail.QuerySelector("#dj-records-Position")!.TextContent.ShouldNotContain("支部书记");
    }

    [Fact]
    public async Task OpenAccount_ThenMemberLogsIn_SeesOwnUnmaskedRecordOnMe_AndNoRoster()
    {
        var (id, idNumber, phone) = await _admin.CreateMemberAsync(_branch, "页面自助");
        using var adminSession = new BrowserlessSession(App);
        await adminSession.LogInAsync(_orgAdmin);
        var (_, detail) = await adminSession.GetAsync($"/members/{id}");
        detail.QuerySelector("#dj-member-account").ShouldNotBeNull();
        var (_, form) = await adminSession.GetAsync($"/members/{id}/account");
        var userName = Unique("self");
        var response = await adminSession.SubmitAsync(form, "#dj-account-form", new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = "Passw0rd-self" });
        response.Headers.Location!.PathAndQuery.ShouldBe($"/members/{id}?flash=account");

        using var self = new BrowserlessSession(App);
        await self.LogInAsync(new TestUser("", userName, "Passw0rd-self", "", 0));
        var (_, me) = await self.GetAsync("/me");
        me.QuerySelector("#dj-member-id")!.TextContent.ShouldBe(idNumber);
        me.QuerySelector("#dj-member-phone")!.TextContent.ShouldBe(phone);
        me.QuerySelector("#dj-member-timeline").ShouldNotBeNull();

        var (_, roster) = await self.GetAsync("/members");
        roster.QuerySelector("#dj-member-table").ShouldBeNull();
        roster.DocumentElement.OuterHtml.ShouldNotContain(idNumber);
        roster.DocumentElement.TextContent.ShouldContain("您没有查看党员名册的权限");
        var (other, _) = await self.GetAsync($"/members/{id}");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class MemberPageTests_Sqlite(SqliteApp app) : MemberPageTests(app), IClassFixture<SqliteApp>;

public sealed class MemberPageTests_Postgres(PostgresApp app) : MemberPageTests(app), IClassFixture<PostgresApp>;
