using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dangjian.Web.Tests.Features.Dues.DuesLedgerWebData;

namespace Dangjian.Web.Tests.Features.Dues;

/// <summary>The monthly ledger, payments, arrears and review cases over HTTP, on both databases (real clock: months relative to now).</summary>
public abstract class DuesLedgerEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "党费测试党委", "Committee");
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private Task<long> BranchAsync(string name = "党费测试支部") => _client.CreateOrganizationAsync(_root, Unique("B"), name, "Branch");

    private async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<HttpResponseMessage> PostRawAsync(string url, string json) => _client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<JsonElement> LedgerAsync(long org, DateOnly month) =>
        await JsonAsync(await _client.GetAsync($"/api/v1/dues/ledger?org={org}&month={Month(month)}&pageSize=100"), HttpStatusCode.OK);

    [Fact]
    public async Task Generate_ThenLedger_HasExactAmountsAndTotals_AndReportsMembersWithoutProfile()
    {
        var branch = await BranchAsync();
        await MemberWithProfileAsync(App, branch, "甲", 0.20m);
        await MemberWithProfileAsync(App, branch, "乙", 76.50m);
        await MemberWithProfileAsync(App, branch, "丙", 33.34m);
        await Committees.CommitteeTestData.CreateMemberAsync(App, branch, "未核定", admittedOn: new DateOnly(2010, 1, 1));

        var generated = await JsonAsync(await _client.PostAsJsonAsync("/api/v1/dues/ledger", new { organizationId = branch, month = Month(ThisMonth) }), HttpStatusCode.OK);
        generated.GetProperty("created").GetInt32().ShouldBe(3);
        generated.GetProperty("unassessedCount").GetInt32().ShouldBe(1);
        generated.GetProperty("unassessed")[0].GetProperty("name").GetString()!.ShouldStartWith("未核定");
        var again = await JsonAsync(await _client.PostAsJsonAsync("/api/v1/dues/ledger", new { organizationId = branch, month = Month(ThisMonth) }), HttpStatusCode.OK);
        (again.GetProperty("created").GetInt32(), again.GetProperty("alreadyThere").GetInt32()).ShouldBe((0, 3));

        var ledger = await LedgerAsync(branch, ThisMonth);
        ledger.GetProperty("members").GetInt32().ShouldBe(3);
        ledger.GetProperty("due").GetRawText().ShouldBe("110.04");
        ledger.GetProperty("paid").GetRawText().ShouldBe("0.00");
        ledger.GetProperty("unassessedCount").GetInt32().ShouldBe(1);
        ledger.GetProperty("lines").GetProperty("items").EnumerateArray().Select(l => l.GetProperty("due").GetRawText()).Order().ShouldBe(["0.20", "33.34", "76.50"]);

        var future = await _client.PostAsJsonAsync("/api/v1/dues/ledger", new { organizationId = branch, month = Month(ThisMonth.AddMonths(1)) });
        (await JsonAsync(future, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("不能生成以后月份的台账");
        (await JsonAsync(await _client.GetAsync($"/api/v1/dues/ledger?org={branch}&month=2026-13"), HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldBe("月份格式应为 yyyy-MM");
    }

    [Fact]
    public async Task Payment_AmountAsNumberOrString_IsExact_AndBadAmountsAreRefusedInChinese()
    {
        var branch = await BranchAsync();
        var member = await MemberWithProfileAsync(App, branch, "交费", 0.30m);
        await GenerateAsync(App, branch, 0);

        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; as decimals it is 0.30 exactly.
        var first = await JsonAsync(await PostRawAsync("/api/v1/dues/payments", $$"""{"memberId":{{member}},"amount":0.1,"method":"Cash","receiptNumber":"R1"}"""), HttpStatusCode.Created);
        first.GetProperty("allocated").GetRawText().ShouldBe("0.1");
        var second = await JsonAsync(await PostRawAsync("/api/v1/dues/payments", $$"""{"memberId":{{member}},"amount":"0.20","method":"Transfer"}"""), HttpStatusCode.Created);
        second.GetProperty("allocations")[0].GetProperty("amount").GetDecimal().ShouldBe(0.20m);
        var ledger = await LedgerAsync(branch, ThisMonth);
        var line = ledger.GetProperty("lines").GetProperty("items")[0];
        (line.GetProperty("paid").GetRawText(), line.GetProperty("outstanding").GetRawText(), line.GetProperty("status").GetString()).ShouldBe(("0.30", "0.00", "Paid"));

        var extra = await JsonAsync(await PostRawAsync("/api/v1/dues/payments", $$"""{"memberId":{{member}},"amount":"1,000.01","method":"Online","kind":"Voluntary"}"""), HttpStatusCode.Created);
        extra.GetProperty("kind").GetString().ShouldBe("LargeVoluntary");

        foreach (var (amount, message) in new[] { ("\"0.001\"", "精确到分"), ("0.001", "精确到分"), ("\"abc\"", "不是有效的金额"), ("-5", "应大于 0"), ("\"-5\"", "不能为负数"), ("true", "应为数字或数字字符串") })
        {
            var refused = await JsonAsync(await PostRawAsync("/api/v1/dues/payments", $$"""{"memberId":{{member}},"amount":{{amount}},"method":"Cash"}"""), HttpStatusCode.BadRequest);
            refused.GetProperty("detail").GetString()!.ShouldContain(message, Case.Sensitive, amount);
            refused.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("Amount");
        }

        var list = await JsonAsync(await _client.GetAsync($"/api/v1/dues/payments?org={branch}"), HttpStatusCode.OK);
        list.GetProperty("total").GetRawText().ShouldBe("1000.31");
        list.GetProperty("items").GetProperty("total").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task DeletePayment_NeedsAReason_AndMakesTheMonthsOwedAgain()
    {
        var branch = await BranchAsync();
        var member = await MemberWithProfileAsync(App, branch, "删除", 25m);
        await GenerateAsync(App, branch, 1);
        var paid = await JsonAsync(await _client.PostAsJsonAsync("/api/v1/dues/payments", new { memberId = member, amount = 50, method = "Cash" }), HttpStatusCode.Created);
        var id = paid.GetProperty("paymentId").GetInt64();
        (await JsonAsync(await _client.GetAsync($"/api/v1/dues/members/{member}"), HttpStatusCode.OK)).GetProperty("paidUpTo").GetString().ShouldBe(ThisMonth.ToString("yyyy-MM-dd"));

        (await JsonAsync(await _client.DeleteAsync($"/api/v1/dues/payments/{id}"), HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldBe("请填写原因");
        (await _client.DeleteAsync($"/api/v1/dues/payments/{id}?reason={Uri.EscapeDataString("金额登记错误")}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var dues = await JsonAsync(await _client.GetAsync($"/api/v1/dues/members/{member}"), HttpStatusCode.OK);
        dues.GetProperty("paidUpTo").ValueKind.ShouldBe(JsonValueKind.Null);
        dues.GetProperty("payments").GetArrayLength().ShouldBe(0);
        dues.GetProperty("lines").EnumerateArray().ShouldAllBe(l => l.GetProperty("paid").GetDecimal() == 0m);
        (await _client.DeleteAsync($"/api/v1/dues/payments/{id}?reason=x")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Arrears_SixMonthsOpensACase_FiveRemindsOnly_TwoNothing_AndADecisionClosesIt()
    {
        var branch = await BranchAsync();
        var six = await MemberWithProfileAsync(App, branch, "六个月", 10m);
        var five = await MemberWithProfileAsync(App, branch, "五个月", 10m);
        var two = await MemberWithProfileAsync(App, branch, "两个月", 10m);
        await GenerateAsync(App, branch, 6);
        await PayAsync(App, five, 10m);
        await PayAsync(App, two, 40m);

        var arrears = await JsonAsync(await _client.GetAsync($"/api/v1/dues/arrears?org={branch}"), HttpStatusCode.OK);
        var items = arrears.GetProperty("items").GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("memberId").GetInt64());
        items[six].GetProperty("consecutiveMonths").GetInt32().ShouldBe(6);
        items[six].GetProperty("outstanding").GetRawText().ShouldBe("60.00");
        items[five].GetProperty("consecutiveMonths").GetInt32().ShouldBe(5);
        items[two].GetProperty("consecutiveMonths").GetInt32().ShouldBe(2);
        (await JsonAsync(await _client.GetAsync($"/api/v1/dues/arrears?org={branch}&minConsecutive=3"), HttpStatusCode.OK))
            .GetProperty("items").GetProperty("total").GetInt32().ShouldBe(2);

        await JsonAsync(await _client.PostAsJsonAsync("/api/v1/dues/cases/scan", new { organizationId = branch }), HttpStatusCode.OK);
        var cases = await JsonAsync(await _client.GetAsync($"/api/v1/dues/cases?org={branch}"), HttpStatusCode.OK);
        var opened = cases.GetProperty("items").EnumerateArray().Single();
        opened.GetProperty("memberId").GetInt64().ShouldBe(six);
        opened.GetProperty("consecutiveMonths").GetInt32().ShouldBe(6);
        opened.GetProperty("status").GetString().ShouldBe("Open");

        var reminders = await RemindersAsync(branch);
        reminders.ShouldContain(r => r.Contains("自行脱党审查待处理") && r.Contains("六个月"));
        reminders.ShouldContain(r => r.Contains("五个月") && r.Contains("连续 5 个月"));
        reminders.ShouldNotContain(r => r.Contains("两个月"));

        var caseId = opened.GetProperty("id").GetInt64();
        var missing = await JsonAsync(await _client.PostAsJsonAsync($"/api/v1/dues/cases/{caseId}/decide", new { decision = "" }), HttpStatusCode.BadRequest);
        missing.GetProperty("detail").GetString()!.ShouldContain("请填写处理决定");
        (await _client.PostAsJsonAsync($"/api/v1/dues/cases/{caseId}/decide", new { decidedOn = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), decision = "经教育已表示补交" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await RemindersAsync(branch)).ShouldNotContain(r => r.Contains("自行脱党审查待处理"));

        var excuse = await _client.PostAsJsonAsync("/api/v1/dues/arrears/excuse", new { memberId = five, month = Month(ThisMonth.AddMonths(-2)), reason = "因病住院，经支部同意缓交" });
        excuse.StatusCode.ShouldBe(HttpStatusCode.NoContent, await excuse.Content.ReadAsStringAsync());
        var after = (await JsonAsync(await _client.GetAsync($"/api/v1/dues/arrears?org={branch}"), HttpStatusCode.OK))
            .GetProperty("items").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("memberId").GetInt64() == five);
        after.GetProperty("consecutiveMonths").GetInt32().ShouldBe(4);
    }

    private async Task<List<string>> RemindersAsync(long org)
    {
        var reminders = await CoreAsync(App, sp => sp.GetRequiredService<Core.Features.Reminders.GetRemindersHandler>()
            .HandleAsync(new Core.Features.Reminders.GetRemindersQuery(org), AccessScope.Everything(null), CancellationToken.None));
        return reminders.Value.Where(r => r.Category == DuesReminderSource.Category).Select(r => r.Message).ToList();
    }

    [Fact]
    public async Task BranchSums_EqualTheSumOfTheMemberLines_ToTheFen()
    {
        var first = await BranchAsync("一支部");
        var second = await BranchAsync("二支部");
        decimal[] amounts = [0.20m, 76.50m, 33.34m, 33.33m, 0.01m, 1234.56m, 15.00m, 49.99m, 0.07m];
        var members = new List<long>();
        for (var i = 0; i < amounts.Length; i++) members.Add(await MemberWithProfileAsync(App, i % 2 == 0 ? first : second, "合计", amounts[i]));
        await GenerateAsync(App, _root, 0);
        for (var i = 0; i < members.Count; i += 3) await PayAsync(App, members[i], 0.03m);

        using var scope = App.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
        var lines = await db.Set<DuesLedgerLine>().AsNoTracking().Where(l => l.Month == ThisMonth && (l.OrganizationId == first || l.OrganizationId == second)).ToListAsync();
        lines.Count.ShouldBe(amounts.Length);
        lines.Sum(l => l.Due).ShouldBe(amounts.Sum());
        var overview = (await scope.ServiceProvider.GetRequiredService<GetDuesOverviewHandler>()
            .HandleAsync(new GetDuesOverviewQuery(_root, ThisMonth), AccessScope.Everything(null), CancellationToken.None)).Value;
        overview.Due.ShouldBe(amounts.Sum());
        overview.Paid.ShouldBe(0.09m);
        overview.Outstanding.ShouldBe(amounts.Sum() - 0.09m);
        foreach (var row in overview.Branches.Items)
        {
            row.Due.ShouldBe(lines.Where(l => l.OrganizationId == row.OrganizationId).Sum(l => l.Due));
            row.Paid.ShouldBe(lines.Where(l => l.OrganizationId == row.OrganizationId).Sum(l => l.Paid));
        }

        var firstLedger = await LedgerAsync(first, ThisMonth);
        firstLedger.GetProperty("due").GetDecimal().ShouldBe(0.20m + 33.34m + 0.01m + 15.00m + 0.07m);
        firstLedger.GetProperty("lines").GetProperty("items").EnumerateArray().Sum(l => l.GetProperty("due").GetDecimal()).ShouldBe(firstLedger.GetProperty("due").GetDecimal());
    }

    [Fact]
    public async Task TransferLetter_WithoutPaidUpTo_TakesItFromTheLedger()
    {
        var from = await BranchAsync("转出支部");
        var to = await BranchAsync("接收支部");
        var member = await MemberWithProfileAsync(App, from, "转出", 5m);
        await GenerateAsync(App, from, 2);
        await PayAsync(App, member, 10m);

        var created = await _client.PostAsJsonAsync("/api/v1/transfers/internal", new { memberId = member, toOrganizationId = to, issuedOn = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd") });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var list = await JsonAsync(await _client.GetAsync($"/api/v1/transfers?memberId={member}"), HttpStatusCode.OK);
        list.GetProperty("items")[0].GetProperty("duesPaidUpTo").GetString().ShouldBe(Month(ThisMonth.AddMonths(-1)));
    }

    [Fact]
    public async Task LedgerPage_GenerateThenRecordARowPayment_AndTheArrearsListChanges()
    {
        var branch = await BranchAsync("页面支部");
        var member = await MemberWithProfileAsync(App, branch, "页面党员", 12.50m);
        await GenerateAsync(App, branch, 3);
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);

        var (_, arrearsPage) = await session.GetAsync($"/dues/arrears?org={branch}");
        arrearsPage.QuerySelector($"#dj-arrears-table tr[data-member-id='{member}'] .dj-consecutive")!.TextContent.Trim().ShouldBe("3");

        var url = $"/dues/ledger?org={branch}&month={Month(ThisMonth)}";
        var (_, page) = await session.GetAsync(url);
        page.QuerySelector("#dj-ledger-due")!.TextContent.ShouldContain("12.50 元");
        page.QuerySelector("#dj-ledger-generate").ShouldNotBeNull();

        var refused = await BrowserlessSession.ParseAsync(await session.SubmitAsync(page, "#dj-ledger-pay",
            new Dictionary<string, string> { ["Pay.Rows[0].Amount"] = "12.5x", ["Pay.Op"] = member.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        refused.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("交费金额“12.5x”不是有效的金额");

        var saved = await session.SubmitAsync(page, "#dj-ledger-pay",
            new Dictionary<string, string> { ["Pay.Rows[0].Amount"] = "50", ["Pay.Rows[0].Method"] = "Transfer", ["Pay.Op"] = member.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await session.GetAsync(saved.Headers.Location!.ToString());
        after.QuerySelector($"#dj-ledger-table tr[data-member-id='{member}'] .dj-status")!.TextContent.ShouldBe("已交清");
        after.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已保存");

        var (_, cleared) = await session.GetAsync($"/dues/arrears?org={branch}");
        cleared.QuerySelector($"#dj-arrears-table tr[data-member-id='{member}']").ShouldBeNull();
        var (_, memberPage) = await session.GetAsync($"/dues/members/{member}");
        memberPage.QuerySelector("#dj-paid-up-to")!.TextContent.ShouldBe(DuesMonth.Label(ThisMonth));
    }
}

public sealed class DuesLedgerEndpointsTests_Sqlite(SqliteApp app) : DuesLedgerEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class DuesLedgerEndpointsTests_Postgres(PostgresApp app) : DuesLedgerEndpointsTests(app), IClassFixture<PostgresApp>;
