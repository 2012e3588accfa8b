using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Transfers;

public abstract class TransferEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private sealed record World(HttpClient Admin, HttpClient Sender, HttpClient Receiver, HttpClient Third, TestUser SenderUser, TestUser ReceiverUser, long A, long B, long C) : IDisposable
    {
        public void Dispose()
        {
            Admin.Dispose();
            Sender.Dispose();
            Receiver.Dispose();
            Third.Dispose();
        }
    }

    private async Task<World> BuildAsync()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        var api = App.ApiClient(admin);
        var root = await api.CreateOrganizationAsync(null, Unique("R"), "转接测试党委", "Committee");
        var a = await api.CreateOrganizationAsync(root, Unique("A"), "转出支部", "Branch");
        var b = await api.CreateOrganizationAsync(root, Unique("B"), "接收支部", "Branch");
        var c = await api.CreateOrganizationAsync(root, Unique("C"), "无关支部", "Branch");
        var sender = await App.CreateUserAsync(Unique("sender"), Role.Worker, a);
        var receiver = await App.CreateUserAsync(Unique("receiver"), Role.Worker, b);
        var third = await App.CreateUserAsync(Unique("third"), Role.OrgAdmin, c);
        return new World(api, App.ApiClient(sender), App.ApiClient(receiver), App.ApiClient(third), sender, receiver, a, b, c);
    }

    private static async Task<JsonElement> ItemsAsync(HttpClient client, string query = "")
    {
        var body = await client.GetStringAsync("/api/v1/transfers?pageSize=100" + query);
        return JsonDocument.Parse(body).RootElement.GetProperty("items");
    }

    [Fact]
    public async Task InternalTransfer_PendingThenAcceptedByReceiver_SenderCannotAccept_ThirdSeesNothing()
    {
        using var w = await BuildAsync();
        var member = await w.Admin.ReceiveMemberAsync(w.A, "转接党员");
        var id = await w.Sender.CreateInternalTransferAsync(member, w.B);

        var seenBySender = (await ItemsAsync(w.Sender, "&kind=Internal")).EnumerateArray().Single();
        seenBySender.GetProperty("status").GetString().ShouldBe("Pending");
        seenBySender.GetProperty("canDecide").GetBoolean().ShouldBeFalse();
        var seenByReceiver = (await ItemsAsync(w.Receiver, "&direction=In")).EnumerateArray().Single();
        seenByReceiver.GetProperty("canDecide").GetBoolean().ShouldBeTrue();
        seenByReceiver.GetProperty("memberName").GetString().ShouldBe("转接党员");
        (await ItemsAsync(w.Third)).GetArrayLength().ShouldBe(0);

        (await w.Sender.PostAsJsonAsync($"/api/v1/transfers/{id}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await w.Third.PostAsJsonAsync($"/api/v1/transfers/{id}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var accepted = await w.Receiver.PostAsJsonAsync($"/api/v1/transfers/{id}/accept", new { });
        accepted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await accepted.Content.ReadAsStringAsync());

        (await ItemsAsync(w.Sender, "&kind=Internal")).EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("Accepted");
        var again = await w.Receiver.PostAsJsonAsync($"/api/v1/transfers/{id}/accept", new { });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        again.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        // The member now belongs to the receiving branch: the receiver may change them, the sender no longer.
        (await w.Receiver.PostAsJsonAsync($"/api/v1/members/{member}/materials", new { applicationLetter = true, volunteerForm = true, politicalReview = true, confirmationApplication = true }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await w.Sender.PostAsJsonAsync($"/api/v1/members/{member}/materials", new { applicationLetter = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MoveThenOutOfSystem_OverdueReceiptListedUntilRecorded()
    {
        using var w = await BuildAsync();
        var member = await w.Admin.ReceiveMemberAsync(w.A, "移动党员", arrivedDaysAgo: 100);
        (await w.Sender.PostAsJsonAsync($"/api/v1/members/{member}/move", new { toOrganizationId = w.C })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var moved = await w.Admin.PostAsJsonAsync($"/api/v1/members/{member}/move", new { toOrganizationId = w.B, on = TransferApi.DaysAgo(80) });
        moved.StatusCode.ShouldBe(HttpStatusCode.NoContent, await moved.Content.ReadAsStringAsync());

        var issued = TransferApi.DaysAgo(60);
        var bad = await w.Receiver.PostAsJsonAsync("/api/v1/transfers/out", new { memberId = member, toOrganizationName = "", issuedOn = issued });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var id = await w.Receiver.CreateOutTransferAsync(member, issued);
        var overdue = (await ItemsAsync(w.Receiver, "&overdue=true")).EnumerateArray().Single();
        overdue.GetProperty("id").GetInt64().ShouldBe(id);
        overdue.GetProperty("receiptOverdue").GetBoolean().ShouldBeTrue();
        overdue.GetProperty("statusLabel").GetString().ShouldBe("待回执");
        (await ItemsAsync(w.Sender, "&overdue=true")).GetArrayLength().ShouldBe(0);

        (await w.Receiver.PostAsJsonAsync($"/api/v1/transfers/{id}/receipt", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ItemsAsync(w.Receiver, "&overdue=true")).GetArrayLength().ShouldBe(0);
        (await w.Receiver.PostAsJsonAsync($"/api/v1/members/{member}/status", new { status = "Suspended", on = TransferApi.Today, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task InternalTransfer_NinetyOneDays_400AndNothingSaved()
    {
        using var w = await BuildAsync();
        var member = await w.Admin.ReceiveMemberAsync(w.A, "有效期党员");
        var response = await w.Sender.PostAsJsonAsync("/api/v1/transfers/internal", new { memberId = member, toOrganizationId = w.B, issuedOn = TransferApi.Today, validDays = 91 });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("最长 3 个月");
        (await ItemsAsync(w.Sender, "&kind=Internal")).GetArrayLength().ShouldBe(0);
        var ok = await w.Sender.PostAsJsonAsync("/api/v1/transfers/internal", new { memberId = member, toOrganizationId = w.B, issuedOn = TransferApi.Today, validDays = 90 });
        ok.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task TransferPage_ReceiverAcceptsWithButton_SenderSeesNoButton()
    {
        using var w = await BuildAsync();
        var member = await w.Admin.ReceiveMemberAsync(w.A, "页面转接党员");
        var id = await w.Sender.CreateInternalTransferAsync(member, w.B);

        using (var senderSession = new BrowserlessSession(App))
        {
            await senderSession.LogInAsync(w.SenderUser);
            var (_, page) = await senderSession.GetAsync("/transfers");
            page.QuerySelector($"tr[data-transfer-id='{id}']").ShouldNotBeNull();
            page.QuerySelector($"button[value='accept:{id}']").ShouldBeNull();
            page.QuerySelector($"button[value='cancel:{id}']").ShouldNotBeNull();
        }

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(w.ReceiverUser);
        var (_, list) = await session.GetAsync("/transfers?direction=In");
        list.QuerySelector($"button[value='accept:{id}']").ShouldNotBeNull();
        var response = await session.SubmitAsync(list, "#dj-transfer-action", new Dictionary<string, string> { ["Action.Op"] = $"accept:{id}" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldBe("/transfers?flash=saved");
        (await ItemsAsync(w.Receiver)).EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("Accepted");
    }

    [Fact]
    public async Task StatusPage_ExitWithoutReason_ShowsErrorsAndChangesNothing()
    {
        using var w = await BuildAsync();
        var member = await w.Admin.ReceiveMemberAsync(w.A, "状态党员");
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(w.SenderUser);
        var (_, form) = await session.GetAsync($"/members/{member}/status");
        var response = await session.SubmitAsync(form, "#dj-status-form", new Dictionary<string, string> { ["Input.Status"] = "Left", ["Input.On"] = TransferApi.Today });
        var page = await BrowserlessSession.ParseAsync(response);
        page.QuerySelector("[data-field='Reason']")!.TextContent.ShouldBe("请填写原因");
        page.QuerySelector("[data-field='ExitType']")!.TextContent.ShouldBe("请选择出党方式");
        page.QuerySelector("#dj-member-status")!.TextContent.ShouldBe("正常");

        response = await session.SubmitAsync(form, "#dj-status-form", new Dictionary<string, string> { ["Input.Status"] = "Suspended", ["Input.On"] = TransferApi.Today, ["Input.Reason"] = "失联" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await session.GetAsync(response.Headers.Location!.PathAndQuery);
        after.QuerySelector("#dj-member-status")!.TextContent.ShouldBe("停止党籍");
    }

    [Fact]
    public async Task FileCheckPage_MarkComplete_RemovesMemberFromReport()
    {
        using var w = await BuildAsync();
        var member = await w.Admin.ReceiveMemberAsync(w.A, "排查党员");
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(w.SenderUser);
        var (_, page) = await session.GetAsync("/members/file-check");
        page.QuerySelector($"tr[data-member-id='{member}']").ShouldNotBeNull();
        var response = await session.SubmitAsync(page, "#dj-filecheck-form", new Dictionary<string, string> { ["Input.MemberId"] = member.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await session.GetAsync("/members/file-check");
        after.QuerySelector($"tr[data-member-id='{member}']").ShouldBeNull();
        var api = JsonDocument.Parse(await w.Sender.GetStringAsync("/api/v1/members/file-check")).RootElement;
        api.GetProperty("total").GetInt32().ShouldBe(0);
    }
}

public sealed class TransferEndpointsTests_Sqlite(SqliteApp app) : TransferEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class TransferEndpointsTests_Postgres(PostgresApp app) : TransferEndpointsTests(app), IClassFixture<PostgresApp>;
