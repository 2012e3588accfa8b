using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.WorkLog.Donations;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.Features.Dues;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Features.WorkLog.Donations;

/// <summary>捐款活动 on both databases: the rate's denominator is the roster on the drive's date, bad input changes nothing, the donor list imports all or nothing, scope holds.</summary>
public abstract class DonationEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    private static readonly DateOnly DriveDate = Today.AddDays(-30);

    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;
    private long _a;
    private long _b;
    private long _a1;
    private long _a2;
    private long _a3;
    private long _b1;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "捐款测试党委", "Committee");
        _a = await _client.CreateOrganizationAsync(_root, Unique("A"), "捐款测试甲支部", "Branch");
        _b = await _client.CreateOrganizationAsync(_root, Unique("B"), "捐款测试乙支部", "Branch");
        var placed = new DateOnly(2020, 1, 1);
        _a1 = await CommitteeTestData.CreateMemberAsync(App, _a, "捐款甲一", admittedOn: new DateOnly(2010, 1, 1), placedFrom: placed);
        _a2 = await CommitteeTestData.CreateMemberAsync(App, _a, "捐款甲二", admittedOn: new DateOnly(2010, 1, 1), placedFrom: placed);
        _a3 = await CommitteeTestData.CreateMemberAsync(App, _a, "捐款甲三", admittedOn: new DateOnly(2010, 1, 1), placedFrom: placed);
        _b1 = await CommitteeTestData.CreateMemberAsync(App, _b, "捐款乙一", admittedOn: new DateOnly(2010, 1, 1), placedFrom: placed);
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private static object Body(long organization, DateOnly date, IEnumerable<(long Id, decimal Amount)> donors, string recipient = "RedCross", int outside = 0,
        decimal outsideAmount = 0, string purpose = "抗洪救灾捐款") => new
    {
        organizationId = organization, heldOn = date.ToString("yyyy-MM-dd"), purpose, recipient, outsideDonors = outside, outsideAmount,
        donors = donors.Select(d => new { memberId = d.Id, amount = d.Amount }).ToList(),
    };

    private async Task<long> CreateAsync(HttpClient client, object body)
    {
        var created = await client.PostAsJsonAsync("/api/v1/worklog/donations", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private Task<decimal> MetricAsync(string key, long organizationId, string? dimension = null, string? code = null) => DuesRows.WithDbAsync(App, async db =>
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).SingleAsync();
        var values = await MetricCatalogue.Default.Get(key).EvaluateAsync(new MetricScope(db, path, Today.AddYears(-1), Today), dimension, default);
        return values.Single(v => v.Key == code).Value;
    });

    private Task<int> DriveCountAsync() => DuesRows.WithDbAsync(App, db => db.Set<DonationDrive>().CountAsync());

    private Task<int> DonorCountAsync(long drive) => DuesRows.WithDbAsync(App, db => db.Set<DonationDonor>().CountAsync(d => d.DriveId == drive));

    [Fact]
    public async Task Rate_CountsTheMembersOnTheDrivesDate_NotThoseWhoJoinedLaterOrLeftBefore()
    {
        // Joined after the drive: admitted 10 days later. Left before: exited 10 days before. Neither counts in the denominator.
        var late = await CommitteeTestData.CreateMemberAsync(App, _a, "捐款后入党", MemberCategory.Probationary, admittedOn: DriveDate.AddDays(10));
        var gone = await CommitteeTestData.CreateMemberAsync(App, _a, "捐款前出党", admittedOn: new DateOnly(2010, 1, 1), placedFrom: new DateOnly(2020, 1, 1));
        await DuesRows.WithDbAsync(App, db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"Members\" SET \"Status\" = 'Left', \"StatusSince\" = {DriveDate.AddDays(-10)}, \"ExitedOn\" = {DriveDate.AddDays(-10)} WHERE \"Id\" = {gone}"));

        var drive = await CreateAsync(_client, Body(_a, DriveDate, [(_a1, 100m), (_a2, 50.5m)], outside: 3, outsideAmount: 30m));
        var details = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/worklog/donations/{drive}");
        details.GetProperty("membersOnDate").GetInt32().ShouldBe(3);
        details.GetProperty("donorCount").GetInt32().ShouldBe(5);
        details.GetProperty("amount").GetDecimal().ShouldBe(180.5m);
        details.GetProperty("rate").GetDecimal().ShouldBe(66.7m);

        (await MetricAsync("donation.rate", _a)).ShouldBe(66.7m);
        (await MetricAsync("donation.donors", _a)).ShouldBe(5m);
        (await MetricAsync("donation.amount", _a)).ShouldBe(180.5m);

        // The late member may not be listed on a drive held before they joined; the one who left may not either.
        var refused = await _client.PostAsJsonAsync("/api/v1/worklog/donations", Body(_a, DriveDate, [(late, 10m), (gone, 10m)]));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("不是本组织及下级组织的党员");

        // A 党委 drive the same day counts the whole subtree (A's three and B's one); summed over drives for the 党委's figure.
        await CreateAsync(_client, Body(_root, DriveDate, [(_b1, 20m)], recipient: "PartyOrganization"));
        (await MetricAsync("donation.rate", _root)).ShouldBe(Math.Round(3m * 100 / 7, 1));
        (await MetricAsync("donation.amount", _root, "recipient", "PartyOrganization")).ShouldBe(20m);
        (await MetricAsync("donation.amount", _root, "recipient", "RedCross")).ShouldBe(180.5m);
        (await MetricAsync("donation.donors", _b)).ShouldBe(0m);
    }

    [Fact]
    public async Task BadInput_IsRefusedInChinese_AndChangesNothing()
    {
        var before = await DriveCountAsync();
        async Task RefusedAsync(HttpClient client, object body, string message)
        {
            var response = await client.PostAsJsonAsync("/api/v1/worklog/donations", body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        }

        await RefusedAsync(_client, Body(_a, DriveDate, [(_a1, -1m)]), "捐款金额不能为负数");
        await RefusedAsync(_client, Body(_a, DriveDate, [], outside: -2), "党外捐款人数不能为负数");
        await RefusedAsync(_client, Body(_a, DriveDate, [], outside: 1, outsideAmount: -5m), "党外捐款金额不能为负数");
        await RefusedAsync(_client, Body(_a, DriveDate, [(_a1, 1.234m)]), "最多保留2位小数");
        await RefusedAsync(_client, Body(_a, Today.AddDays(1), [(_a1, 10m)]), "不能晚于今天");
        await RefusedAsync(_client, Body(_a, DriveDate, [(_a1, 10m)], purpose: ""), "请填写捐款事由");

        // A worker of branch A: B's member is outside their scope, and so is B itself.
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _a);
        using var workerClient = App.ApiClient(worker);
        await RefusedAsync(workerClient, Body(_a, DriveDate, [(_b1, 10m)]), "不在您的管理范围内");
        (await workerClient.PostAsJsonAsync("/api/v1/worklog/donations", Body(_b, DriveDate, []))).IsSuccessStatusCode.ShouldBeFalse();
        (await DriveCountAsync()).ShouldBe(before);

        // An update with a bad row leaves the drive as it was.
        var drive = await CreateAsync(_client, Body(_a, DriveDate, [(_a1, 10m)]));
        var bad = await _client.PutAsJsonAsync($"/api/v1/worklog/donations/{drive}", Body(_a, DriveDate, [(_a1, 10m), (_a2, -3m)]));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DonorCountAsync(drive)).ShouldBe(1);
    }

    [Fact]
    public async Task Scope_OtherBranchesWorkerCannotSeeOrChangeADrive()
    {
        var drive = await CreateAsync(_client, Body(_a, DriveDate, [(_a1, 10m)]));
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _b);
        using var client = App.ApiClient(worker);
        (await client.GetAsync($"/api/v1/worklog/donations/{drive}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync($"/api/v1/worklog/donations/{drive}", Body(_a, DriveDate, []))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"/api/v1/worklog/donations/{drive}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/worklog/donations");
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldNotContain(drive);
        var reader = await App.CreateUserAsync(Unique("reader"), Role.ReadOnly, _a);
        using var readerClient = App.ApiClient(reader);
        (await readerClient.GetAsync($"/api/v1/worklog/donations/{drive}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await readerClient.DeleteAsync($"/api/v1/worklog/donations/{drive}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DonorCountAsync(drive)).ShouldBe(1);
    }

    [Fact]
    public async Task Import_TwoHundredDonors_OneBadRowCommitsNothing_ThenTheFixedListCommitsAll()
    {
        var branch = await _client.CreateOrganizationAsync(_root, Unique("C"), "捐款导入支部", "Branch");
        var ids = new List<long>();
        for (var i = 0; i < 200; i++) ids.Add(await CommitteeTestData.CreateMemberAsync(App, branch, "导入捐款", admittedOn: new DateOnly(2000, 1, 1), placedFrom: new DateOnly(2020, 1, 1)));
        var people = await DuesRows.WithDbAsync(App, db => db.Set<Member>().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.IdNumber, m.Name }).ToListAsync());
        var drive = await CreateAsync(_client, Body(branch, DriveDate, []));
        var bIdNumber = await DuesRows.WithDbAsync(App, db => db.Set<Member>().Where(m => m.Id == _b1).Select(m => m.IdNumber).SingleAsync());

        List<IReadOnlyList<string?>> Rows() => people.Select(p => (IReadOnlyList<string?>)[p.IdNumber, p.Name, "20"]).ToList();

        async Task<HttpResponseMessage> UploadAsync(List<IReadOnlyList<string?>> rows)
        {
            var bytes = XlsxWriter.Write("捐款名单", ["身份证号码", "姓名", "捐款金额（元）"], rows);
            var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "名单.xlsx" } };
            return await _client.PostAsync($"/api/v1/worklog/donations/{drive}/donors/import", content);
        }

        var negative = Rows();
        negative[57] = [people[57].IdNumber, people[57].Name, "-20"];
        var response = await UploadAsync(negative);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("第 59 行");
        text.ShouldContain("不能为负数");
        (await DonorCountAsync(drive)).ShouldBe(0);

        var unknown = Rows();
        unknown[120] = ["110101199001011237", "查无此人", "20"];
        text = await (await UploadAsync(unknown)).Content.ReadAsStringAsync();
        text.ShouldContain("第 122 行");
        text.ShouldContain("不是您管理范围内的党员");
        (await DonorCountAsync(drive)).ShouldBe(0);

        var outside = Rows();
        outside[199] = [bIdNumber, null, "20"]; // a member of another branch: not on this branch's roster
        text = await (await UploadAsync(outside)).Content.ReadAsStringAsync();
        text.ShouldContain("第 201 行");
        (await DonorCountAsync(drive)).ShouldBe(0);

        var ok = await UploadAsync(Rows());
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32().ShouldBe(200);
        (await DonorCountAsync(drive)).ShouldBe(200);
        (await MetricAsync("donation.rate", branch)).ShouldBe(100m);
        (await MetricAsync("donation.amount", branch)).ShouldBe(4000m);

        // The same list again: every row is already a donor, nothing is added twice.
        (await UploadAsync(Rows())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DonorCountAsync(drive)).ShouldBe(200);
    }

    [Fact]
    public async Task Pages_CreateADriveThroughTheForm_AndSeeItInTheList()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, form) = await session.GetAsync($"/worklog/donations/new?org={_a}&date={DriveDate:yyyy-MM-dd}");
        form.QuerySelectorAll("#dj-donation-roster tbody tr").Length.ShouldBe(3);

        var bad = await BrowserlessSession.ParseAsync(await session.SubmitAsync(form, "#dj-donation-form", new Dictionary<string, string>
        {
            ["Purpose"] = "助学捐款", ["Recipient"] = "CharityFederation", [$"amount_{_a1}"] = "-5",
        }));
        bad.QuerySelector("[data-field='Donors']")!.TextContent.ShouldContain("不能为负数");
        (await DriveCountAsync()).ShouldBe(await DriveCountAsync());

        var saved = await session.SubmitAsync(form, "#dj-donation-form", new Dictionary<string, string>
        {
            ["Purpose"] = "助学捐款", ["Recipient"] = "CharityFederation", [$"amount_{_a1}"] = "100", [$"amount_{_a3}"] = "50", ["OutsideDonors"] = "2", ["OutsideAmount"] = "40",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (_, detail) = await session.GetAsync(saved.Headers.Location!.PathAndQuery);
        detail.QuerySelector("#dj-donation-amount")!.TextContent.ShouldContain("190.00");
        detail.QuerySelector("#dj-donation-rate")!.TextContent.ShouldContain("66.7%");
        var (_, list) = await session.GetAsync($"/worklog/donations?org={_a}");
        list.QuerySelector("#dj-donations")!.TextContent.ShouldContain("助学捐款");
        var export = await session.GetAsync($"/api/v1/worklog/donations/export?under={_a}");
        export.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class DonationEndpointsTests_Sqlite(SqliteApp app) : DonationEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class DonationEndpointsTests_Postgres(PostgresApp app) : DonationEndpointsTests(app), IClassFixture<PostgresApp>;
