using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Dues;

public abstract class BackPayEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private static DateOnly M(int year, int month) => new(year, month, 1);

    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _branch;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        var root = await _client.CreateOrganizationAsync(null, Unique("R"), "补缴测试党委", "Committee");
        _branch = await _client.CreateOrganizationAsync(root, Unique("B"), "补缴测试党支部", "Branch");
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private Task<long> MemberAsync(string name) => CommitteeTestData.CreateMemberAsync(App, _branch, name, admittedOn: new DateOnly(2010, 3, 1));

    /// <summary>The year-boundary case of the Core test, in the database: 4900 (49.00) in 2018, 5100 (76.50) in 2019.</summary>
    private async Task<long> YearBoundaryMemberAsync()
    {
        var member = await MemberAsync("跨年补缴");
        await DuesRows.ProfileAsync(App, member, _branch, 2018, 4900m);
        await DuesRows.ProfileAsync(App, member, _branch, 2019, 5100m);
        await DuesRows.LinesAsync(App, member, _branch, M(2018, 4), 7, 49.00m, 49.00m);
        await DuesRows.LineAsync(App, member, _branch, M(2018, 11), 49.00m, 20.00m);
        await DuesRows.LinesAsync(App, member, _branch, M(2019, 1), 3, 49.00m, 49.00m);
        return member;
    }

    private async Task<JsonElement> PostAsync(string url, object body, HttpStatusCode expected)
    {
        var response = await _client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static JsonElement Statement(JsonElement preview, long member) =>
        preview.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("memberId").GetInt64() == member);

    [Fact]
    public async Task Preview_BaseChangeAtTheYearBoundary_MatchesTheHandComputation()
    {
        var member = await YearBoundaryMemberAsync();
        var preview = await PostAsync("/api/v1/dues/backpay/preview", new { organizationId = _branch, from = "2018-04", to = "2019-03", memberIds = new[] { member } }, HttpStatusCode.OK);

        // By hand: Nov 29.00 + Dec 49.00 (no ledger line) + Jan–Mar 3 × 27.50 = 160.50.
        var statement = Statement(preview, member);
        statement.GetProperty("total").GetDecimal().ShouldBe(160.50m);
        preview.GetProperty("total").GetDecimal().ShouldBe(160.50m);
        var months = statement.GetProperty("months").EnumerateArray().ToList();
        months.Count.ShouldBe(12);
        months[8].GetProperty("month").GetString().ShouldBe("2018-12-01");
        months[8].GetProperty("owed").GetDecimal().ShouldBe(49.00m);
        months[9].GetProperty("due").GetDecimal().ShouldBe(76.50m);
        months[9].GetProperty("source").GetString().ShouldBe("Profile");
        statement.GetProperty("covered").GetProperty("label").GetString().ShouldBe("2018年11月至2019年3月");
        preview.GetProperty("warnings").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Preview_CorrectedBases_AsStringAndNumber_ExactToTheFen_AndWarnsBeyondSixMonths()
    {
        var member = await MemberAsync("自查更正");
        await DuesRows.ProfileAsync(App, member, _branch, 2018, 3000m);
        await DuesRows.ProfileAsync(App, member, _branch, 2019, 3000m);
        await DuesRows.LinesAsync(App, member, _branch, M(2018, 4), 9, 15.00m, 15.00m);
        await DuesRows.LinesAsync(App, member, _branch, M(2019, 1), 3, 15.00m, 15.00m);

        var preview = await PostAsync("/api/v1/dues/backpay/preview", new
        {
            organizationId = _branch, from = "2018-04", to = "2019-03", memberIds = new[] { member },
            corrections = new object[] { new { memberId = member, year = 2018, @base = "4,900.00" }, new { memberId = member, year = 2019, @base = 5100 } },
        }, HttpStatusCode.OK);

        Statement(preview, member).GetProperty("total").GetDecimal().ShouldBe(490.50m); // 9 × 34.00 + 3 × 61.50
        preview.GetProperty("warnings").EnumerateArray().Single().GetString()!.ShouldContain("共 12 个月，超过《党费规定》“补交一般不超过 6 个月”");

        var refused = await _client.PostAsJsonAsync("/api/v1/dues/backpay/preview", new
        {
            organizationId = _branch, from = "2018-04", to = "2019-03", memberIds = new[] { member },
            corrections = new object[] { new { memberId = member, year = 2018, @base = "四千九" } },
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("2018 年更正基数“四千九”不是有效的金额");
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public async Task Preview_SixMonthsOwed_NoWarning_SevenWarns(int months, bool warns)
    {
        var member = await MemberAsync("六个月");
        await DuesRows.ProfileAsync(App, member, _branch, 2024, 5100m);
        var preview = await PostAsync("/api/v1/dues/backpay/preview",
            new { organizationId = _branch, from = "2024-01", to = $"2024-{months:00}", memberIds = new[] { member } }, HttpStatusCode.OK);
        Statement(preview, member).GetProperty("total").GetDecimal().ShouldBe(months * 76.50m);
        (preview.GetProperty("warnings").GetArrayLength() == 1).ShouldBe(warns);
    }

    [Fact]
    public async Task Record_AllocatesToEachMonth_CreatesTheMissingLine_RaisesCorrectedLines_AndCannotBeRecordedTwice()
    {
        var member = await YearBoundaryMemberAsync();
        var request = new
        {
            organizationId = _branch, from = "2018-04", to = "2019-03", memberIds = new[] { member }, paidOn = "2026-11-01", method = "Transfer",
            collectorName = "组织委员", receiptNumber = "BJ-001", expectedTotal = "160.5",
        };
        var recorded = await PostAsync("/api/v1/dues/backpay", request, HttpStatusCode.Created);
        recorded.GetProperty("total").GetDecimal().ShouldBe(160.50m);
        var payment = recorded.GetProperty("payments").EnumerateArray().Single();
        payment.GetProperty("monthsCovered").GetInt32().ShouldBe(5);

        var stored = (await DuesRows.PaymentsOfAsync(App, member)).Single(p => p.Kind == DuesPaymentKind.BackPayment);
        (stored.Amount, stored.PeriodFrom, stored.PeriodTo, stored.ReceiptNumber).ShouldBe((160.50m, M(2018, 11), M(2019, 3), "BJ-001"));
        var allocations = await DuesRows.AllocationsOfAsync(App, stored.Id);
        allocations.Sum(a => a.Amount).ShouldBe(160.50m);
        allocations.Count.ShouldBe(5);

        var lines = await DuesRows.LinesOfAsync(App, member);
        lines.Count.ShouldBe(12);
        var december = lines.Single(l => l.Month == M(2018, 12));
        (december.Due, december.Paid, december.OrganizationId).ShouldBe((49.00m, 49.00m, _branch));
        // January 2019 was generated at the old 49.00; the back-payment raises it to the year's 76.50.
        var january = lines.Single(l => l.Month == M(2019, 1));
        (january.Due, january.Paid).ShouldBe((76.50m, 76.50m));
        lines.ShouldAllBe(l => l.Paid == l.Due);

        var again = await _client.PostAsJsonAsync("/api/v1/dues/backpay", request);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("无需补缴");
    }

    [Fact]
    public async Task Record_TotalChangedSinceThePreview_RecordsNothing()
    {
        var member = await YearBoundaryMemberAsync();
        var response = await _client.PostAsJsonAsync("/api/v1/dues/backpay", new
        {
            organizationId = _branch, from = "2018-04", to = "2019-03", memberIds = new[] { member }, paidOn = "2026-11-01", method = "Cash", expectedTotal = 150.00,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("预览为 150.00 元，现在为 160.50 元");
        (await DuesRows.PaymentsOfAsync(App, member)).ShouldAllBe(p => p.Kind == DuesPaymentKind.Regular);
        (await DuesRows.LinesOfAsync(App, member)).Count.ShouldBe(11);
    }

    [Fact]
    public async Task Record_MissingFieldsAndFuturePeriod_AreRefusedInChinese()
    {
        var member = await MemberAsync("缺字段");
        var response = await _client.PostAsJsonAsync("/api/v1/dues/backpay", new { organizationId = _branch, from = "2018-04", to = "2018-05", memberIds = new[] { member } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("请填写交纳日期");
        body.ShouldContain("请选择交纳方式");

        var future = await _client.PostAsJsonAsync("/api/v1/dues/backpay/preview", new { organizationId = _branch, from = "2018-04", to = "2099-01" });
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.Content.ReadAsStringAsync()).ShouldContain("补缴截止月份不能晚于本月");

        var badMonth = await _client.PostAsJsonAsync("/api/v1/dues/backpay/preview", new { organizationId = _branch, from = "2018/04", to = "2018-05" });
        (await badMonth.Content.ReadAsStringAsync()).ShouldContain("补缴起始月份格式应为 yyyy-MM");
    }

    [Fact]
    public async Task Page_PreviewThenRecord_ThroughTheForm()
    {
        var member = await YearBoundaryMemberAsync();
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);

        var (response, page) = await session.GetAsync($"/dues/backpay?org={_branch}&from=2018-04&to=2019-03");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = page.QuerySelector($"tr.dj-backpay-member[data-member='{member}']")!;
        row.QuerySelector(".dj-backpay-total")!.TextContent.ShouldBe("160.50");
        row.TextContent.ShouldContain("2018年11月至2019年3月");
        page.QuerySelector("#dj-backpay-selected-total")!.TextContent.ShouldBe("160.50");

        // A corrected 2019 base recomputes; recording straight after the preview records the amount shown.
        var corrected = await session.SubmitAsync(page, "#dj-backpay-form", new Dictionary<string, string>
        {
            ["Form.Corrections[0].MemberId"] = member.ToString(), ["Form.Corrections[0].Year"] = "2019", ["Form.Corrections[0].Base"] = "10000.01",
            ["Form.Action"] = "preview",
        });
        var repreview = await BrowserlessSession.ParseAsync(corrected);
        // 2019 at 10000.01 → 200.00 a month: 29.00 + 49.00 + 3 × (200.00 − 49.00) = 531.00.
        repreview.QuerySelector($"tr.dj-backpay-member[data-member='{member}'] .dj-backpay-total")!.TextContent.ShouldBe("531.00");

        var recorded = await session.SubmitAsync(repreview, "#dj-backpay-form", new Dictionary<string, string>
        {
            ["Form.Action"] = "record", ["Form.Method"] = "Cash", ["Form.PaidOn"] = "2026-11-02",
        });
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());
        var (_, after) = await session.GetAsync(recorded.Headers.Location!.ToString());
        after.QuerySelector("#dj-backpay-recorded")!.TextContent.ShouldContain("登记 1 笔补缴");
        after.QuerySelector($"tr.dj-backpay-member[data-member='{member}'] .dj-backpay-total")!.TextContent.ShouldBe("0.00");
        (await DuesRows.PaymentsOfAsync(App, member)).Single(p => p.Kind == DuesPaymentKind.BackPayment).Amount.ShouldBe(531.00m);
    }

    [Fact]
    public async Task Page_RecordWithoutMethod_ShowsTheChineseErrorUnderTheField()
    {
        await YearBoundaryMemberAsync();
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, page) = await session.GetAsync($"/dues/backpay?org={_branch}&from=2018-04&to=2019-03");
        var response = await session.SubmitAsync(page, "#dj-backpay-form", new Dictionary<string, string> { ["Form.Action"] = "record", ["Form.Method"] = "" });
        var result = await BrowserlessSession.ParseAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        result.QuerySelector("[data-field='Method']")!.TextContent.ShouldBe("请选择交纳方式");
    }
}

public sealed class BackPayEndpointsTests_Sqlite(SqliteApp app) : BackPayEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class BackPayEndpointsTests_Postgres(PostgresApp app) : BackPayEndpointsTests(app), IClassFixture<PostgresApp>;
