using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Dues;

/// <summary>
/// 党委 R (keeps 10%) ⊃ 总支 G ⊃ 支部 A, and 支部 B (keeps 15%) directly under R. First quarter of 2025.
/// </summary>
public abstract class RemittanceEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;
    private long _general;
    private long _branchA;
    private long _branchB;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "对账测试党委", "Committee");
        _general = await _client.CreateOrganizationAsync(_root, Unique("G"), "对账测试党总支", "GeneralBranch");
        _branchA = await _client.CreateOrganizationAsync(_general, Unique("A"), "对账甲支部", "Branch");
        _branchB = await _client.CreateOrganizationAsync(_root, Unique("B"), "对账乙支部", "Branch");
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private async Task SeedQuarterAsync()
    {
        await DuesRows.SettingsAsync(App, _root, 10m);
        await DuesRows.SettingsAsync(App, _branchB, 15m);
        var a = await CommitteeTestData.CreateMemberAsync(App, _branchA, "甲党员", admittedOn: D(2010, 1, 1));
        var b = await CommitteeTestData.CreateMemberAsync(App, _branchB, "乙党员", admittedOn: D(2010, 1, 1));
        await DuesRows.PaymentAsync(App, a, _branchA, D(2025, 1, 15), 100.01m, DuesPaymentKind.Regular);
        await DuesRows.PaymentAsync(App, a, _branchA, D(2025, 2, 1), 1000m, DuesPaymentKind.LargeVoluntary);
        await DuesRows.PaymentAsync(App, a, _branchA, D(2025, 3, 31), 20.00m, DuesPaymentKind.BackPayment);
        await DuesRows.PaymentAsync(App, a, _branchA, D(2025, 4, 1), 50.00m, DuesPaymentKind.Regular); // after the quarter
        await DuesRows.PaymentAsync(App, a, _general, D(2025, 3, 1), 10.00m, DuesPaymentKind.Voluntary); // collected by the 总支 itself
        await DuesRows.PaymentAsync(App, b, _branchB, D(2025, 2, 10), 200.05m, DuesPaymentKind.Regular);
        await DuesRows.RemittanceAsync(App, _branchA, _general, D(2025, 1, 1), D(2025, 3, 1), 1100.00m, 1000m, D(2025, 4, 5));
        await DuesRows.RemittanceAsync(App, _general, _root, D(2025, 1, 1), D(2025, 3, 1), 1120.00m, 1000m, D(2025, 4, 8));
        await DuesRows.RemittanceAsync(App, _branchB, _root, D(2025, 1, 1), D(2025, 3, 1), 170.04m, 0m, D(2025, 4, 3));
        await DuesRows.RemittanceAsync(App, _branchB, _root, D(2025, 4, 1), D(2025, 4, 1), 99.00m, 0m, D(2025, 5, 3)); // next period
    }

    private static JsonElement Figures(JsonElement row) => row.GetProperty("figures");

    private static void ShouldHave(JsonElement figures, decimal regular, decimal large, decimal remitted, decimal held, decimal expected, decimal difference)
    {
        figures.GetProperty("regular").GetDecimal().ShouldBe(regular);
        figures.GetProperty("large").GetDecimal().ShouldBe(large);
        figures.GetProperty("collected").GetDecimal().ShouldBe(regular + large);
        figures.GetProperty("remitted").GetDecimal().ShouldBe(remitted);
        figures.GetProperty("held").GetDecimal().ShouldBe(held);
        figures.GetProperty("expected").GetDecimal().ShouldBe(expected);
        figures.GetProperty("difference").GetDecimal().ShouldBe(difference);
    }

    [Fact]
    public async Task Reconciliation_PerChildOrganization_ToTheFen_InternalRemittancesNotCountedTwice()
    {
        await SeedQuarterAsync();
        var r = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/dues/reconciliation?org={_root}&from=2025-01&to=2025-03");
        var children = r.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("organizationId").GetInt64());
        children.Keys.ShouldBe([_general, _branchB], ignoreOrder: true);

        // 总支 G (with 支部 A), 10% from R: 120.01 × 90% = 108.009 → 108.01, 10.00 × 90% = 9.00, + 1000 大额 = 1117.01.
        // Only G → R leaves the subtree (A → G is internal): remitted 1120.00, held 1130.01 − 1120.00 = 10.01, difference −2.99.
        ShouldHave(Figures(children[_general]), 130.01m, 1000m, 1120.00m, 10.01m, 1117.01m, -2.99m);
        children[_general].GetProperty("heldSharePercent").GetDecimal().ShouldBe(10m);
        // 支部 B keeps 15% (its own setting wins over R's): 200.05 × 85% = 170.0425 → 170.04.
        ShouldHave(Figures(children[_branchB]), 200.05m, 0m, 170.04m, 30.01m, 170.04m, 0m);
        children[_branchB].GetProperty("heldSharePercent").GetDecimal().ShouldBe(15m);
        // R as a whole: nothing has left R (it has no organization above it in the system), so its own line is not a shortfall.
        ShouldHave(Figures(r.GetProperty("total")), 330.06m, 1000m, 0m, 1330.06m, 1287.05m, 1287.05m);
        r.GetProperty("hasParent").GetBoolean().ShouldBeFalse();
        r.GetProperty("largeOutstanding").GetDecimal().ShouldBe(0m); // the 1000 大额 went up from G to R

        var g = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/dues/reconciliation?org={_general}&from=2025-01&to=2025-03");
        var a = g.GetProperty("children").EnumerateArray().Single();
        ShouldHave(Figures(a), 120.01m, 1000m, 1100.00m, 20.01m, 1108.01m, 8.01m);
        Figures(a).GetProperty("largeOutstanding").GetDecimal().ShouldBe(0m);
        ShouldHave(Figures(g.GetProperty("total")), 130.01m, 1000m, 1120.00m, 10.01m, 1117.01m, -2.99m);
        g.GetProperty("hasParent").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task RecordRemittance_MonthOrQuarter_ToTheParent_OtherShapesRefusedInChinese()
    {
        var month = await _client.PostAsJsonAsync("/api/v1/dues/remittances", new { organizationId = _branchA, periodFrom = "2025-02", amount = "1,234.50", remittedOn = "2025-03-05" });
        var body = await month.Content.ReadAsStringAsync();
        month.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        JsonDocument.Parse(body).RootElement.GetProperty("toOrganizationId").GetInt64().ShouldBe(_general);

        var quarter = await _client.PostAsJsonAsync("/api/v1/dues/remittances",
            new { organizationId = _branchA, periodFrom = "2025-04", periodTo = "2025-06", amount = 300.1, largeVoluntaryAmount = "0", remittedOn = "2025-07-02", note = "二季度" });
        quarter.StatusCode.ShouldBe(HttpStatusCode.Created, await quarter.Content.ReadAsStringAsync());

        var list = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/dues/remittances?org={_general}&from=2025-01&to=2025-12");
        list.GetProperty("totalAmount").GetDecimal().ShouldBe(1534.60m);
        var items = list.GetProperty("page").GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("periodLabel").GetString()).ShouldBe(["2025年4月至2025年6月", "2025年2月"]);
        items[1].GetProperty("amount").GetDecimal().ShouldBe(1234.50m);

        async Task<string> RefusedAsync(object request, HttpStatusCode status)
        {
            var response = await _client.PostAsJsonAsync("/api/v1/dues/remittances", request);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(status, text);
            return text;
        }

        (await RefusedAsync(new { organizationId = _branchA, periodFrom = "2025-02", periodTo = "2025-04", amount = 1, remittedOn = "2025-05-01" }, HttpStatusCode.BadRequest))
            .ShouldContain("上缴所属期间应为一个月，或一个完整季度");
        (await RefusedAsync(new { organizationId = _branchA, periodFrom = "2025-01", periodTo = "2025-02", amount = 1, remittedOn = "2025-05-01" }, HttpStatusCode.BadRequest))
            .ShouldContain("一个完整季度");
        (await RefusedAsync(new { organizationId = _branchA, periodFrom = "2025-02", amount = 100, largeVoluntaryAmount = 100.01, remittedOn = "2025-05-01" }, HttpStatusCode.BadRequest))
            .ShouldContain("其中大额党费不能多于上缴金额");
        (await RefusedAsync(new { organizationId = _branchA, periodFrom = "2025-02", amount = 100, remittedOn = "2025-01-31" }, HttpStatusCode.BadRequest))
            .ShouldContain("上缴日期不能早于所属期间的第一天");
        (await RefusedAsync(new { organizationId = _branchA, periodFrom = "2025-02", amount = 0.001, remittedOn = "2025-03-01" }, HttpStatusCode.BadRequest))
            .ShouldContain("上缴金额精确到分");
        (await RefusedAsync(new { organizationId = _root, periodFrom = "2025-02", amount = 100, remittedOn = "2025-03-01" }, HttpStatusCode.Conflict))
            .ShouldContain("是最上级组织，没有可上缴的上级党组织");
    }

    [Fact]
    public async Task Page_ShowsTheReconciliation_AndRecordsARemittance()
    {
        await SeedQuarterAsync();
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (response, page) = await session.GetAsync($"/dues/remittances?org={_root}&from=2025-01&to=2025-03");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var general = page.QuerySelector($"#dj-reconciliation tr[data-org='{_general}']")!.TextContent;
        general.ShouldContain("1,130.01");
        general.ShouldContain("-2.99");
        page.QuerySelector("#dj-remittances-total")!.TextContent.ShouldBe("2,390.04"); // 1100 + 1120 + 170.04 (April's is outside)
        page.QuerySelector("#dj-top-note").ShouldNotBeNull();
        page.QuerySelector("#dj-large-outstanding").ShouldBeNull();
        page.QuerySelector($"#dj-reconciliation tr[data-org='{_root}']")!.TextContent.ShouldContain("—");

        var saved = await session.SubmitAsync(page, "#dj-remittance-form", new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = _branchB.ToString(), ["Input.PeriodKind"] = "quarter", ["Input.Month"] = "2025-01", ["Input.Amount"] = "0.01",
            ["Input.RemittedOn"] = "2025-04-30",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (_, after) = await session.GetAsync(saved.Headers.Location!.ToString());
        after.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已新建");
        after.QuerySelector($"#dj-reconciliation tr[data-org='{_branchB}']")!.TextContent.ShouldContain("170.05");

        var refused = await session.SubmitAsync(after, "#dj-remittance-form", new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = _branchB.ToString(), ["Input.PeriodKind"] = "quarter", ["Input.Month"] = "2025-02", ["Input.Amount"] = "abc",
        });
        var errorPage = await BrowserlessSession.ParseAsync(refused);
        errorPage.QuerySelector("[data-field='Amount']")!.TextContent.ShouldBe("上缴金额“abc”不是有效的金额");
    }
}

public sealed class RemittanceEndpointsTests_Sqlite(SqliteApp app) : RemittanceEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class RemittanceEndpointsTests_Postgres(PostgresApp app) : RemittanceEndpointsTests(app), IClassFixture<PostgresApp>;
