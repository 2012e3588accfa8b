using System.Globalization;
using System.Net;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Metrics;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Features.Metrics;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.Features.Compliance;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Metrics;

/// <summary>
/// The metric API, the 工作台, the records page and the statistics table with its xlsx on each database. The tree is
/// 党委 → (第一党支部, 第二党支部), with meetings dated 2024 so every figure is fixed whatever the day the tests run:
/// 第一 holds two meetings (主题党日, 党员大会) and two members, 第二 one 主题党日 and one member, the 党委 itself one 党课.
/// Nobody records a 谈心谈话, so talks.count is "no data" everywhere.
/// </summary>
public abstract class MetricEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private const string Year = "from=2024-01-01&to=2024-12-31";
    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;
    private long _first;
    private long _second;
    private string _secondName = null!;
    private readonly List<long> _meetings = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "指标测试党委", "Committee");
        _first = await _client.CreateOrganizationAsync(_root, Unique("A"), "指标第一党支部", "Branch");
        _secondName = "指标第二党支部" + Unique("");
        _second = await _client.CreateOrganizationAsync(_root, Unique("B"), _secondName, "Branch");
        _meetings.Add(await ComplianceTestData.AddMeetingAsync(App, _first, new DateOnly(2024, 3, 5), [MeetingKindCodes.ThemeDay], "三月主题党日"));
        _meetings.Add(await ComplianceTestData.AddMeetingAsync(App, _first, new DateOnly(2024, 4, 10), [MeetingKindCodes.BranchGeneralMeeting], "四月党员大会"));
        _meetings.Add(await ComplianceTestData.AddMeetingAsync(App, _second, new DateOnly(2024, 5, 6), [MeetingKindCodes.ThemeDay], "五月主题党日"));
        _meetings.Add(await ComplianceTestData.AddMeetingAsync(App, _root, new DateOnly(2024, 6, 1), [MeetingKindCodes.PartyLecture], "党委党课"));
        var placed = new DateOnly(2020, 1, 1);
        await CommitteeTestData.CreateMemberAsync(App, _first, "甲", admittedOn: new DateOnly(2010, 1, 1), placedFrom: placed);
        await CommitteeTestData.CreateMemberAsync(App, _first, "乙", admittedOn: new DateOnly(2011, 1, 1), placedFrom: placed);
        await CommitteeTestData.CreateMemberAsync(App, _second, "丙", admittedOn: new DateOnly(2012, 1, 1), placedFrom: placed);
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private async Task<JsonElement> GetJsonAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? _client).GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static decimal? Value(JsonElement table, long organizationId, bool subtree, string reference)
    {
        var column = table.GetProperty("columns").EnumerateArray().Select((c, i) => (c, i)).Single(x => x.c.GetProperty("ref").GetString() == reference).i;
        var row = table.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("organizationId").GetInt64() == organizationId && r.GetProperty("includeSubtree").GetBoolean() == subtree);
        var cell = row.GetProperty("values")[column];
        return cell.ValueKind == JsonValueKind.Null ? null : cell.GetDecimal();
    }

    [Fact]
    public async Task Values_Children_ChildRowsAndOwnRowSumToTheTotal()
    {
        var table = await GetJsonAsync($"/api/v1/metrics/values?org={_root}&mode=children&{Year}&keys=meetings.count,members.count");

        table.GetProperty("mode").GetString().ShouldBe("children");
        table.GetProperty("rows").GetArrayLength().ShouldBe(4); // two children, the 党委's own records, the total
        Value(table, _first, true, "meetings.count").ShouldBe(2);
        Value(table, _second, true, "meetings.count").ShouldBe(1);
        Value(table, _root, false, "meetings.count").ShouldBe(1);
        Value(table, _root, true, "meetings.count").ShouldBe(4);
        Value(table, _first, true, "members.count").ShouldBe(2);
        Value(table, _second, true, "members.count").ShouldBe(1);
        Value(table, _root, true, "members.count").ShouldBe(3);
        var unit = table.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("ref").GetString() == "members.count");
        unit.GetProperty("unit").GetString().ShouldBe("名");
        unit.GetProperty("label").GetString().ShouldBe("党员人数");

        var subtree = await GetJsonAsync($"/api/v1/metrics/values?org={_root}&mode=subtree&{Year}&keys=meetings.count");
        subtree.GetProperty("rows").GetArrayLength().ShouldBe(1);
        Value(subtree, _root, true, "meetings.count").ShouldBe(4);
    }

    [Fact]
    public async Task Values_Breakdown_ExpandsIntoTheTotalAndOneColumnPerValue()
    {
        var table = await GetJsonAsync($"/api/v1/metrics/values?org={_root}&mode=children&{Year}&keys=" + Uri.EscapeDataString("meetings.count{kind}"));

        var themeDay = $"meetings.count|kind={MeetingKindCodes.ThemeDay}";
        Value(table, _root, true, "meetings.count").ShouldBe(4);
        Value(table, _first, true, themeDay).ShouldBe(1);
        Value(table, _second, true, themeDay).ShouldBe(1);
        Value(table, _root, true, themeDay).ShouldBe(2);
        Value(table, _root, false, themeDay).ShouldBe(0);
    }

    [Fact]
    public async Task Values_ModuleWithoutRecords_IsNullNotZero()
    {
        var table = await GetJsonAsync($"/api/v1/metrics/values?org={_root}&mode=children&{Year}&keys=talks.count,meetings.count");

        foreach (var row in table.GetProperty("rows").EnumerateArray())
        {
            Value(table, row.GetProperty("organizationId").GetInt64(), row.GetProperty("includeSubtree").GetBoolean(), "talks.count").ShouldBeNull();
        }

        Value(table, _root, true, "meetings.count").ShouldBe(4);
    }

    [Fact]
    public async Task Records_CountMetric_TotalEqualsTheValueAndEachLinksToItsMeeting()
    {
        var values = await GetJsonAsync($"/api/v1/metrics/values?org={_root}&{Year}&keys=meetings.count");
        var records = await GetJsonAsync($"/api/v1/metrics/records?org={_root}&subtree=true&{Year}&key=meetings.count&pageSize=100");

        records.GetProperty("total").GetInt32().ShouldBe((int)Value(values, _root, true, "meetings.count")!.Value);
        records.GetProperty("value").GetDecimal().ShouldBe(4);
        records.GetProperty("label").GetString().ShouldBe("会议活动次数");
        var items = records.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("recordId").GetInt64()).Order().ShouldBe(_meetings.Order());
        items.ShouldAllBe(i => i.GetProperty("url").GetString()!.StartsWith("/meetings/"));
        items.First().GetProperty("date").GetString().ShouldBe("2024-06-01"); // newest first

        var self = await GetJsonAsync($"/api/v1/metrics/records?org={_root}&subtree=false&{Year}&key=meetings.count");
        self.GetProperty("total").GetInt32().ShouldBe(1);
        var themeDays = await GetJsonAsync($"/api/v1/metrics/records?org={_root}&{Year}&key=" + Uri.EscapeDataString($"meetings.count|kind={MeetingKindCodes.ThemeDay}"));
        themeDays.GetProperty("total").GetInt32().ShouldBe(2);
        var paged = await GetJsonAsync($"/api/v1/metrics/records?org={_root}&{Year}&key=meetings.count&page=2&pageSize=3");
        paged.GetProperty("items").GetArrayLength().ShouldBe(1);
        paged.GetProperty("total").GetInt32().ShouldBe(4);
    }

    [Theory]
    [InlineData("keys=meetings.count&from=2024-13-01", "开始日期“2024-13-01”无效")]
    [InlineData("keys=meetings.count&from=2024-12-01&to=2024-01-01", "不能晚于结束日期")]
    [InlineData("keys=meetings.nothing", "指标“meetings.nothing”未登记")]
    [InlineData("keys=meetings.count|kind=不存在的类型", "没有取值“不存在的类型”")]
    [InlineData("keys=meetings.count{colour}", "没有维度“colour”")]
    [InlineData("keys=meetings.count&mode=diagonal", "统计方式“diagonal”无效")]
    [InlineData("keys=", "请至少选择一个指标")]
    public async Task Values_InvalidInput_400WithTheChineseMessage(string query, string message)
    {
        var response = await _client.GetAsync($"/api/v1/metrics/values?org={_root}&{query}");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!.ShouldContain(message);
    }

    [Theory]
    [InlineData("key=meetings.count&to=yesterday", "结束日期“yesterday”无效")]
    [InlineData("key=meetings.count{kind}", "请指定维度的取值")]
    [InlineData("key=", "请指定指标")]
    public async Task Records_InvalidInput_400WithTheChineseMessage(string query, string message)
    {
        var response = await _client.GetAsync($"/api/v1/metrics/records?org={_root}&{query}");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!.ShouldContain(message);
    }

    [Fact]
    public async Task Definitions_ListEveryRegisteredMetricWithUnitAndDimensions()
    {
        var definitions = await GetJsonAsync("/api/v1/metrics");

        var meetings = definitions.EnumerateArray().Single(d => d.GetProperty("key").GetString() == "meetings.count");
        meetings.GetProperty("unit").GetString().ShouldBe("次");
        meetings.GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("key").GetString()).ShouldContain("kind");
        definitions.GetArrayLength().ShouldBe(MetricCatalogue.Default.Definitions.Count);
    }

    [Fact]
    public async Task Scope_BranchUser_CannotReadASiblingOrTheParent_AndTheDashboardShowsOnlyTheirBranch()
    {
        var branchAdmin = await App.CreateUserAsync(Unique("branch"), Role.OrgAdmin, _first);
        using var client = App.ApiClient(branchAdmin);
        foreach (var url in new[]
                 {
                     $"/api/v1/metrics/values?org={_second}&{Year}&keys=meetings.count",
                     $"/api/v1/metrics/values?org={_root}&mode=children&{Year}&keys=meetings.count",
                     $"/api/v1/metrics/records?org={_second}&{Year}&key=meetings.count",
                 })
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            body.ShouldNotContain(_secondName);
        }

        var own = await GetJsonAsync($"/api/v1/metrics/values?{Year}&keys=meetings.count", client);
        own.GetProperty("organization").GetProperty("id").GetInt64().ShouldBe(_first);

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(branchAdmin);
        var (_, home) = await session.GetAsync("/?period=year&year=2024");
        home.QuerySelector("[data-figure='meetings.count']")!.GetAttribute("data-value").ShouldBe("2");
        home.DocumentElement.OuterHtml.ShouldNotContain(_secondName);
        home.QuerySelector("#org")!.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ShouldBe([_first.ToString(CultureInfo.InvariantCulture)]);

        var (sibling, page) = await session.GetAsync($"/?org={_second}&period=year&year=2024");
        sibling.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.DocumentElement.OuterHtml.ShouldNotContain(_secondName);
        var (statistics, _) = await session.GetAsync($"/statistics?org={_second}&period=year&year=2024&keys=meetings.count");
        statistics.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (export, _) = await session.GetAsync($"/statistics/export?org={_second}&period=year&year=2024&keys=meetings.count");
        export.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Dashboard_FiguresAgreeWithTheHandler_AndAModuleWithoutRecordsReadsNoData()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (response, home) = await session.GetAsync($"/?org={_root}&period=year&year=2024");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var scope = App.Services.CreateScope();
        var table = (await scope.ServiceProvider.GetRequiredService<GetMetricValuesHandler>().HandleAsync(
            new GetMetricValuesQuery(_root, MetricTargetMode.Subtree, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), ["meetings.count", "members.count"]),
            AccessScope.Everything(null), CancellationToken.None)).Value;
        foreach (var key in new[] { "meetings.count", "members.count" })
        {
            var figure = home.QuerySelector($"[data-figure='{key}']")!;
            var expected = table.Reading(table.Rows[0], table.Columns.Single(c => c.Ref.Key == key)).Value!.Value;
            figure.GetAttribute("data-value").ShouldBe(expected.ToString(CultureInfo.InvariantCulture), key);
            figure.QuerySelector(".dj-figure-value")!.TextContent.ShouldContain(expected.ToString(CultureInfo.InvariantCulture));
            figure.GetAttribute("href")!.ShouldBe($"/metrics/records?org={_root}&subtree=true&from=2024-01-01&to=2024-12-31&key={key}");
        }

        var talks = home.QuerySelector("[data-figure='talks.count']")!;
        talks.GetAttribute("data-value").ShouldBe("");
        talks.QuerySelector(".dj-figure-value")!.TextContent.Trim().ShouldBe("暂无数据");

        // The monthly chart's data, and the same numbers in its table.
        var chart = JsonDocument.Parse(home.QuerySelector("#dj-monthly [data-dj-chart]")!.GetAttribute("data-dj-chart")!).RootElement;
        chart.GetProperty("categories").GetArrayLength().ShouldBe(12);
        chart.GetProperty("unit").GetString().ShouldBe("次");
        var themeDay = chart.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "主题党日");
        themeDay.GetProperty("data")[2].GetDecimal().ShouldBe(1); // March, 第一党支部
        themeDay.GetProperty("data")[4].GetDecimal().ShouldBe(1); // May, 第二党支部
        themeDay.GetProperty("links")[2].GetString()!.ShouldContain("from=2024-03-01&to=2024-03-31");
        home.QuerySelector("#dj-monthly-table")!.TextContent.ShouldContain("主题党日");

        // The comparison across children, meetings by default.
        var comparison = home.QuerySelectorAll("#dj-comparison-table tbody tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent.Trim())).ToList();
        comparison.ShouldContain(("指标第一党支部", "2"));
        comparison.ShouldContain((_secondName, "1"));
        home.QuerySelector("#dj-compliance-link")!.GetAttribute("href").ShouldBe($"/compliance?org={_root}&from=2024-01-01&to=2024-12-31");
    }

    [Fact]
    public async Task RecordsPage_ShowsTheFigureAndLinksEachRecord()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, home) = await session.GetAsync($"/?org={_root}&period=year&year=2024");
        var href = home.QuerySelector("[data-figure='meetings.count']")!.GetAttribute("href")!;

        var (response, page) = await session.GetAsync(href);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#dj-records-value")!.TextContent.ShouldBe("4 次");
        page.QuerySelector("#dj-records-org")!.TextContent.ShouldContain("指标测试党委（含下级组织）");
        var rows = page.QuerySelectorAll("#dj-records-table tbody tr");
        rows.Length.ShouldBe(4);
        rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")).Order().ShouldBe(_meetings.Order().Select(id => $"/meetings/{id}"));
        page.QuerySelector(".dj-pager")!.TextContent.ShouldContain("共 4 条");

        var (_, talks) = await session.GetAsync($"/metrics/records?org={_root}&{Year}&key=talks.count");
        talks.QuerySelector("#dj-records-value")!.TextContent.ShouldBe("暂无数据");
        talks.QuerySelector("#dj-records-nodata").ShouldNotBeNull();
    }

    [Fact]
    public async Task StatisticsPage_TableAndXlsx_ShowTheSameNumbersWithChineseHeaders()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (response, page) = await session.GetAsync($"/statistics?org={_root}&mode=children&period=year&year=2024&keys=meetings.count&keys=members.count&keys=talks.count");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var table = page.QuerySelector("#dj-statistics-table")!;
        table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ShouldBe(["组织", "会议活动次数（次）", "党员人数（名）", "谈心谈话（次）"]);
        var first = table.QuerySelector($"tr[data-org='{_first}'][data-subtree='true']")!;
        first.QuerySelector("td[data-ref='meetings.count'] a")!.TextContent.ShouldBe("2");
        first.QuerySelector("td[data-ref='meetings.count'] a")!.GetAttribute("href")!.ShouldContain($"org={_first}&subtree=true");
        var noData = first.QuerySelector("td[data-ref='talks.count'] span")!;
        noData.GetAttribute("title").ShouldBe("暂无数据");
        noData.TextContent.ShouldStartWith("—");

        var export = page.QuerySelector("#dj-statistics-export")!.GetAttribute("href")!;
        using var download = await session.Client.GetAsync(export);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = XlsxReader.Read(await download.Content.ReadAsByteArrayAsync())!;
        rows[0].Cells.ShouldBe(["组织", "会议活动次数（次）", "党员人数（名）", "谈心谈话（次）"]);
        var sheet = rows.Skip(1).Select(r => r.Cells).ToList();
        sheet.Count.ShouldBe(4);
        sheet.ShouldContain(r => r[0] == "指标第一党支部" && r[1] == "2" && r[2] == "2" && r[3] == "—");
        sheet.ShouldContain(r => r[0] == _secondName && r[1] == "1" && r[2] == "1" && r[3] == "—");
        // The 党委 holds no member itself: "no data" for its own row, not 0.
        sheet.ShouldContain(r => r[0] == "指标测试党委（本级）" && r[1] == "1" && r[2] == "—");
        sheet.ShouldContain(r => r[0] == "合计" && r[1] == "4" && r[2] == "3");

        // The page shows those same numbers, row by row.
        foreach (var row in sheet)
        {
            var cells = table.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == row[0]).QuerySelectorAll("td");
            cells.Select(td => td.GetAttribute("data-value") is { Length: > 0 } v ? v : "—").ShouldBe(row.Skip(1));
        }
    }

    [Fact]
    public void RecordLinks_EveryRecordType_OpensAPageTheHostServes()
    {
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null)
            .Select(e => new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), new RouteValueDictionary()))
            .ToList();
        foreach (var type in MetricRecordTypes.All)
        {
            var url = MetricLinks.Record(new MetricRecord { RecordType = type, RecordId = 7, OrganizationId = 3, Date = new DateOnly(2024, 3, 5) });
            url.ShouldNotBeNull(type);
            var path = url.Split('?')[0];
            routes.Any(r => r.TryMatch(path, new RouteValueDictionary())).ShouldBeTrue($"{type} → {url}");
        }

        MetricLinks.Record(new MetricRecord { RecordType = "unknown", RecordId = 1 }).ShouldBeNull();
    }

    [Fact]
    public async Task StatisticsPage_WithoutMetrics_AsksForThem_AndBreakdownsExpand()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, empty) = await session.GetAsync($"/statistics?org={_root}");
        empty.QuerySelector("#dj-statistics-hint").ShouldNotBeNull();
        empty.QuerySelector("#metric-meetings-count").ShouldNotBeNull();
        empty.QuerySelector("#metric-meetings-count-kind-").ShouldNotBeNull();

        var (_, page) = await session.GetAsync($"/statistics?org={_root}&mode=subtree&period=year&year=2024&keys=" + Uri.EscapeDataString("meetings.count{kind}"));
        var headers = page.QuerySelectorAll("#dj-statistics-table thead th").Select(th => th.TextContent.Trim()).ToList();
        headers.ShouldContain("会议活动次数（合计）（次）");
        headers.ShouldContain("会议活动次数（主题党日）（次）");
        page.QuerySelector($"#dj-statistics-table td[data-ref='meetings.count|kind={MeetingKindCodes.ThemeDay}'] a")!.TextContent.ShouldBe("2");
    }
}

public sealed class MetricEndpointsTests_Sqlite(SqliteApp app) : MetricEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class MetricEndpointsTests_Postgres(PostgresApp app) : MetricEndpointsTests(app), IClassFixture<PostgresApp>;
