using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Web.Tests.Features.Members;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Transfers;

/// <summary>The 从系统外转入 page: the letter plus the member file, through the in-from-outside handler.</summary>
public abstract class TransferInPageTests(AppFixture fixture) : AppTests(fixture)
{
    [Fact]
    public async Task TransferInPage_LinkedFromList_BadInputShowsErrors_ValidCreatesMemberAndCompletedTransfer()
    {
        var sysAdmin = await App.CreateUserAsync(Unique("sys"), Role.SystemAdmin, null);
        using var sys = App.ApiClient(sysAdmin);
        var root = await sys.CreateOrganizationAsync(null, Unique("R"), "转入测试党委", "Committee");
        var branch = await sys.CreateOrganizationAsync(root, Unique("B"), "转入测试党支部", "Branch");
        var group = await sys.CreateOrganizationAsync(branch, Unique("G"), "转入一小组", "Group");
        var orgAdmin = await App.CreateUserAsync(Unique("orgadmin"), Role.OrgAdmin, root);
        using var admin = App.ApiClient(orgAdmin);
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(orgAdmin);

        var (_, list) = await session.GetAsync("/transfers");
        list.QuerySelector("#dj-transfer-in")!.GetAttribute("href").ShouldBe("/transfers/in");
        var (response, form) = await session.GetAsync("/transfers/in");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        form.QuerySelector("label[for='FromOrganizationName']")!.ClassList.ShouldContain("dj-required");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        var posted = await session.SubmitAsync(form, "#dj-transfer-in-form", new Dictionary<string, string>
        {
            ["Input.FromOrganizationName"] = "", ["Input.IssuedOn"] = "", ["Input.OrganizationId"] = branch.ToString(), ["Input.Member.Name"] = "",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await BrowserlessSession.ParseAsync(posted);
        page.QuerySelector("[data-field='IssuedOn']")!.TextContent.ShouldBe("请填写介绍信开具日期");
        page.QuerySelector("[data-field='ExternalOrganizationName']")!.TextContent.ShouldBe("请填写系统外党组织名称");
        page.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("请填写介绍信开具日期");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members?under={branch}")).GetProperty("total").GetInt32().ShouldBe(0);

        var person = MemberTestData.NewPerson();
        var fields = new Dictionary<string, string>
        {
            ["Input.FromOrganizationName"] = "", ["Input.LetterNumber"] = "外转字第 7 号", ["Input.IssuedOn"] = today.AddDays(-3).ToString("yyyy-MM-dd"),
            ["Input.DuesPaidUpTo"] = today.AddMonths(-1).ToString("yyyy-MM"), ["Input.OrganizationId"] = branch.ToString(), ["Input.GroupId"] = group.ToString(),
            ["Input.Member.Name"] = "转入党员", ["Input.Member.Gender"] = person.Gender, ["Input.Member.BirthDate"] = person.Birth.ToString("yyyy-MM-dd"),
            ["Input.Member.IdNumber"] = person.Id, ["Input.Member.EmploymentStatus"] = "Employed",
            ["Input.Member.AdmittedOn"] = person.Birth.AddYears(25).ToString("yyyy-MM-dd"), ["Input.Member.Category"] = "Full",
        };
        posted = await session.SubmitAsync(form, "#dj-transfer-in-form", fields);
        page = await BrowserlessSession.ParseAsync(posted);
        page.QuerySelector("[data-field='ExternalOrganizationName']")!.TextContent.ShouldBe("请填写系统外党组织名称");
        page.QuerySelector("#LetterNumber")!.GetAttribute("value").ShouldBe("外转字第 7 号");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members?under={branch}")).GetProperty("total").GetInt32().ShouldBe(0);

        fields["Input.FromOrganizationName"] = "外省某党支部";
        posted = await session.SubmitAsync(form, "#dj-transfer-in-form", fields);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = posted.Headers.Location!.PathAndQuery;
        location.ShouldEndWith("?flash=created");
        var id = long.Parse(location.Split('?')[0].Split('/')[^1]);
        var member = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        member.GetProperty("organizationId").GetInt64().ShouldBe(branch);
        member.GetProperty("groupId").GetInt64().ShouldBe(group);
        var transfers = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/transfers?memberId={id}");
        var transfer = transfers.GetProperty("items")[0];
        transfer.GetProperty("kind").GetString().ShouldBe("InFromOutside");
        transfer.GetProperty("status").GetString().ShouldBe("Completed");
        transfer.GetRawText().ShouldContain("外省某党支部");
        transfer.GetRawText().ShouldContain("外转字第 7 号");
    }
}

public sealed class TransferInPageTests_Sqlite(SqliteApp app) : TransferInPageTests(app), IClassFixture<SqliteApp>;

public sealed class TransferInPageTests_Postgres(PostgresApp app) : TransferInPageTests(app), IClassFixture<PostgresApp>;
