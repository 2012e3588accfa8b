using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.WorkLog.Assistance;
using Dangjian.Core.Features.WorkLog.Brand;
using Dangjian.Core.Features.WorkLog.Publicity;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Features.WorkLog;
using Dangjian.Web.Tests.Features.Dues;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Features.WorkLog.Assistance;

/// <summary>工作台账 part C over HTTP and pages, on both databases: 帮扶, 宣传, 党建品牌.</summary>
public abstract class AssistanceEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    private static readonly DateOnly YearStart = new(Today.Year - 1, 1, 1);
    private static readonly DateOnly YearEnd = new(Today.Year - 1, 12, 31);
    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;
    private long _branch;
    private string _rootPath = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "帮扶测试党委", "Committee");
        _branch = await _client.CreateOrganizationAsync(_root, Unique("B"), "帮扶测试支部", "Branch");
        _rootPath = await DuesRows.WithDbAsync(App, db => db.Organizations.Where(o => o.Id == _root).Select(o => o.Path).SingleAsync());
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static async Task<long> IdOf(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private Task<decimal> MetricAsync(string key, DateOnly from, DateOnly to, string? dimension = null, string? value = null) => DuesRows.WithDbAsync(App, async db =>
        (await MetricCatalogue.Default.Get(key).EvaluateAsync(new MetricScope(db, _rootPath, from, to), dimension, default)).Single(v => v.Key == value).Value);

    private async Task<long> HouseholdAsync(string name = "王家")
    {
        return await IdOf(await _client.PostAsJsonAsync("/api/v1/worklog/assistance/households", new { organizationId = _branch, name, address = "某村" }));
    }

    private Task<HttpResponseMessage> ProblemAsync(long household, DateOnly collected, DateOnly? started = null, DateOnly? resolved = null) =>
        _client.PostAsJsonAsync($"/api/v1/worklog/assistance/households/{household}/problems", new
        {
            description = "住房漏雨", collectedOn = D(collected), startedOn = started is DateOnly s ? D(s) : null, resolvedOn = resolved is DateOnly r ? D(r) : null,
        });

    [Fact]
    public async Task Problems_split_by_status_at_the_period_end_and_visits_count_in_household_times()
    {
        var h = await HouseholdAsync();
        await IdOf(await ProblemAsync(h, YearStart));                                            // pending
        await IdOf(await ProblemAsync(h, new(YearEnd.Year, 3, 1), new(YearEnd.Year, 4, 1)));     // in progress
        await IdOf(await ProblemAsync(h, new(YearEnd.Year, 3, 1), new(YearEnd.Year, 4, 1), YearEnd));             // resolved on the last day
        await IdOf(await ProblemAsync(h, new(YearEnd.Year, 3, 1), new(YearEnd.Year, 4, 1), YearEnd.AddDays(1)));  // resolved the day after
        await IdOf(await ProblemAsync(h, YearStart.AddDays(-1), YearStart));                     // collected before the year
        foreach (var day in new[] { YearStart, YearEnd, YearEnd.AddDays(1) })
        {
            await IdOf(await _client.PostAsJsonAsync($"/api/v1/worklog/assistance/households/{h}/visits", new { visitedOn = D(day), visitors = "书记" }));
        }

        (await MetricAsync("assistance.issuesCollected", YearStart, YearEnd)).ShouldBe(4m);
        (await MetricAsync("assistance.issuesResolved", YearStart, YearEnd)).ShouldBe(1m);
        (await MetricAsync("assistance.issuesInProgress", YearStart, YearEnd)).ShouldBe(2m);
        (await MetricAsync("assistance.issuesPending", YearStart, YearEnd)).ShouldBe(1m);
        (await MetricAsync("assistance.visits", YearStart, YearEnd)).ShouldBe(2m);
        var records = await DuesRows.WithDbAsync(App, db => MetricCatalogue.Default.Get("assistance.issuesResolved").Records(new MetricScope(db, _rootPath, YearStart, YearEnd), null, null).ToListAsync());
        records.Single().RecordType.ShouldBe(MetricRecordTypes.AssistanceHousehold);

        var list = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/worklog/assistance/households?under={_root}&on={D(YearEnd)}");
        var item = list.GetProperty("items")[0];
        (item.GetProperty("visits").GetInt32(), item.GetProperty("resolved").GetInt32(), item.GetProperty("inProgress").GetInt32()).ShouldBe((3, 1, 3)); // the list reads every problem collected by that day, including the one carried over from the year before
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Chinese_and_nothing_changes()
    {
        var h = await HouseholdAsync();
        var future = await ProblemAsync(h, Today.AddDays(1));
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.Content.ReadAsStringAsync()).ShouldContain("不能晚于今天");
        var backwards = await ProblemAsync(h, Today.AddDays(-2), null, Today.AddDays(-3));
        (await backwards.Content.ReadAsStringAsync()).ShouldContain("解决日期（" + D(Today.AddDays(-3)) + "）不能早于收集日期");
        var visit = await _client.PostAsJsonAsync($"/api/v1/worklog/assistance/households/{h}/visits", new { visitedOn = D(Today.AddDays(1)) });
        (await visit.Content.ReadAsStringAsync()).ShouldContain("走访日期");
        var negative = await _client.PostAsJsonAsync("/api/v1/worklog/publicity", new { organizationId = _branch, kind = "Banner", title = "横幅", count = -3, publishedOn = D(Today) });
        negative.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await negative.Content.ReadAsStringAsync()).ShouldContain("数量不能为负数");
        var futureBrand = await _client.PostAsJsonAsync("/api/v1/worklog/brand", new { organizationId = _branch, brand = "先锋", title = "活动", heldOn = D(Today.AddDays(1)) });
        (await futureBrand.Content.ReadAsStringAsync()).ShouldContain("活动日期");

        var counts = await DuesRows.WithDbAsync(App, async db => (
            await db.Set<AssistanceProblem>().CountAsync(p => p.HouseholdId == h),
            await db.Set<AssistanceVisit>().CountAsync(v => v.HouseholdId == h),
            await db.Set<PublicityItem>().CountAsync(p => p.OrganizationId == _branch),
            await db.Set<BrandActivity>().CountAsync(b => b.OrganizationId == _branch)));
        counts.ShouldBe((0, 0, 0, 0));
    }

    [Fact]
    public async Task Publicity_and_brand_crud_metrics_export_and_import()
    {
        var banner = await IdOf(await _client.PostAsJsonAsync("/api/v1/worklog/publicity", new { organizationId = _branch, kind = "Banner", title = "宣传标语", count = 12, publishedOn = D(YearEnd) }));
        await IdOf(await _client.PostAsJsonAsync("/api/v1/worklog/publicity", new { organizationId = _branch, kind = "Board", title = "展板", count = 4, publishedOn = D(YearStart) }));
        (await _client.PutAsJsonAsync($"/api/v1/worklog/publicity/{banner}", new { organizationId = _branch, kind = "Banner", title = "宣传标语", count = 10, publishedOn = D(YearEnd) }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await MetricAsync("publicity.items", YearStart, YearEnd)).ShouldBe(14m);
        (await MetricAsync("publicity.items", YearStart, YearEnd, "kind", "Banner")).ShouldBe(10m);

        var export = await _client.GetAsync($"/api/v1/worklog/publicity/export?under={_root}");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxReader.Read(await export.Content.ReadAsByteArrayAsync())!;
        rows.Count.ShouldBe(3);
        rows[1].Cells.ShouldContain("宣传标语");

        // An import with one bad row commits nothing, and says which row and why.
        var bad = XlsxWriter.Write(PublicitySheet.SheetName, PublicitySheet.Headers,
            [[D(YearEnd), "展板", "好展板", "2", null], [D(YearEnd), "横幅", "坏横幅", "-1", null], [D(YearEnd), "飞艇", "未知类型", "1", null]]);
        var refused = await ImportAsync(bad);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await refused.Content.ReadAsStringAsync();
        text.ShouldContain("第 3 行：数量不能为负数");
        text.ShouldContain("第 4 行：类型“飞艇”");
        (await MetricAsync("publicity.items", YearStart, YearEnd)).ShouldBe(14m);
        var good = XlsxWriter.Write(PublicitySheet.SheetName, PublicitySheet.Headers, [[D(YearEnd), "展板", "好展板", "2", null], [D(YearEnd), "公众号信息", "推文", "5", null]]);
        var imported = await ImportAsync(good);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await MetricAsync("publicity.items", YearStart, YearEnd)).ShouldBe(21m);

        var activity = await IdOf(await _client.PostAsJsonAsync("/api/v1/worklog/brand", new { organizationId = _branch, brand = "红色引擎", title = "党员进网格", heldOn = D(YearEnd) }));
        (await MetricAsync("brand.activities", YearStart, YearEnd)).ShouldBe(1m);
        (await _client.DeleteAsync($"/api/v1/worklog/brand/{activity}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await MetricAsync("brand.activities", YearStart, YearEnd)).ShouldBe(0m);
        (await _client.DeleteAsync($"/api/v1/worklog/publicity/{banner}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetStringAsync($"/api/v1/audit?organizationId={_branch}&pageSize=100")).ShouldContain("PublicityItem");
    }

    private async Task<HttpResponseMessage> ImportAsync(byte[] workbook)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue(WorkLogAssistanceEndpoints.XlsxContentType);
        content.Add(file, "file", "宣传.xlsx");
        return await _client.PostAsync($"/api/v1/worklog/publicity/import?organizationId={_branch}", content);
    }

    [Fact]
    public async Task Exports_households_problems_and_brand_activities_with_Chinese_headers_in_the_callers_scope()
    {
        var h = await HouseholdAsync("钱大娘");
        await IdOf(await _client.PostAsJsonAsync($"/api/v1/worklog/assistance/households/{h}/visits", new { visitedOn = D(Today.AddDays(-3)), visitors = "书记" }));
        await IdOf(await ProblemAsync(h, Today.AddDays(-3)));
        await IdOf(await ProblemAsync(h, Today.AddDays(-3), Today.AddDays(-2), Today.AddDays(-1)));
        await IdOf(await _client.PostAsJsonAsync("/api/v1/worklog/brand", new { organizationId = _branch, brand = "红色引擎", title = "党员进网格", heldOn = D(Today.AddDays(-2)), note = "第一次" }));

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, list) = await session.GetAsync($"/worklog/assistance?org={_root}&q=钱");
        list.QuerySelector("#dj-assistance-export")!.GetAttribute("href").ShouldBe($"/api/v1/worklog/assistance/households/export?under={_root}&q=%E9%92%B1");
        list.QuerySelector("#dj-assistance-problems-export")!.GetAttribute("href").ShouldBe($"/api/v1/worklog/assistance/problems/export?under={_root}&q=%E9%92%B1");
        var (_, brandList) = await session.GetAsync($"/worklog/brand?org={_root}");
        brandList.QuerySelector("#dj-brand-export")!.GetAttribute("href").ShouldBe($"/api/v1/worklog/brand/export?under={_root}");

        var households = await SheetAsync(_client, $"/api/v1/worklog/assistance/households/export?under={_root}&q=钱");
        households.Count.ShouldBe(2);
        households[0].ShouldBe(["组织", "户主", "住址", "走访（户次）", "最近走访", "问题（件）", "待解决", "解决中", "已解决"]);
        households[1].ShouldBe(["帮扶测试支部", "钱大娘", "某村", "1", D(Today.AddDays(-3)), "2", "1", "0", "1"]);

        var problems = await SheetAsync(_client, $"/api/v1/worklog/assistance/problems/export?under={_root}");
        problems[0].ShouldBe(["组织", "帮扶户", "问题", "收集日期", "开始解决日期", "解决日期", "状态", "解决情况"]);
        problems.Skip(1).Select(r => r[6]).Order().ShouldBe(["已解决", "待解决"]);
        problems.Single(r => r.Count > 6 && r[6] == "已解决").Take(7).ShouldBe(["帮扶测试支部", "钱大娘", "住房漏雨", D(Today.AddDays(-3)), D(Today.AddDays(-2)), D(Today.AddDays(-1)), "已解决"]);

        var brand = await SheetAsync(_client, $"/api/v1/worklog/brand/export?under={_root}");
        brand[0].ShouldBe(["活动日期", "组织", "品牌名称", "活动内容", "备注"]);
        brand.Skip(1).Single().ShouldBe([D(Today.AddDays(-2)), "帮扶测试支部", "红色引擎", "党员进网格", "第一次"]);

        // A worker elsewhere asks for this subtree: refused; without a filter their export holds none of these rows.
        var other = await _client.CreateOrganizationAsync(null, Unique("O"), "帮扶测试他方党委", "Committee");
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, other);
        using var workerClient = App.ApiClient(worker);
        (await workerClient.GetAsync($"/api/v1/worklog/assistance/problems/export?under={_root}")).IsSuccessStatusCode.ShouldBeFalse();
        (await SheetAsync(workerClient, "/api/v1/worklog/assistance/households/export")).Count.ShouldBe(1);
        (await SheetAsync(workerClient, "/api/v1/worklog/assistance/problems/export")).Count.ShouldBe(1);
        (await SheetAsync(workerClient, "/api/v1/worklog/brand/export")).Count.ShouldBe(1);
    }

    private static async Task<List<List<string>>> SheetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe(WorkLogAssistanceEndpoints.XlsxContentType);
        return XlsxReader.Read(await response.Content.ReadAsByteArrayAsync())!.Select(r => r.Cells.ToList()).ToList();
    }

    [Fact]
    public async Task ImportPage_OneBadRowShowsRowAndReasonAndSavesNothing_ThenTheGoodFileIsSaved()
    {
        Task<int> CountAsync() => DuesRows.WithDbAsync(App, db => db.Set<PublicityItem>().CountAsync(p => p.OrganizationId == _branch));
        var before = await CountAsync();
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (opened, page) = await session.GetAsync($"/worklog/publicity/import?org={_branch}");
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#OrganizationId option[selected]")!.GetAttribute("value").ShouldBe(_branch.ToString());

        var bad = XlsxWriter.Write(PublicitySheet.SheetName, PublicitySheet.Headers,
            [[D(YearEnd), "展板", "好展板", "2", null], [D(YearEnd), "横幅", "坏横幅", "-1", null], [D(Today.AddDays(3)), "横幅", "未来横幅", "1", null]]);
        var refused = await session.SubmitFileAsync(page, "#dj-publicity-import-form", new Dictionary<string, string>(), "File", "宣传.xlsx", bad);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var report = await BrowserlessSession.ParseAsync(refused);
        report.QuerySelector("#dj-import-report")!.TextContent.ShouldContain("未保存任何一行");
        report.QuerySelectorAll("#dj-import-rows tbody tr").Select(r => r.GetAttribute("data-row")).ShouldBe(["3", "4"]);
        report.QuerySelector("#dj-import-rows tr[data-row='3']")!.TextContent.ShouldContain("数量不能为负数");
        report.QuerySelector("#dj-import-rows tr[data-row='4']")!.TextContent.ShouldContain("不能晚于今天");
        (await CountAsync()).ShouldBe(before);

        var noOrg = await BrowserlessSession.ParseAsync(await session.SubmitFileAsync(page, "#dj-publicity-import-form",
            new Dictionary<string, string> { ["OrganizationId"] = "" }, "File", "宣传.xlsx", bad));
        noOrg.QuerySelector("[data-field='OrganizationId']")!.TextContent.ShouldContain("请选择组织");

        var good = XlsxWriter.Write(PublicitySheet.SheetName, PublicitySheet.Headers, [[D(YearEnd), "展板", "好展板", "2", null], [D(YearEnd), "公众号信息", "推文", "5", null]]);
        var saved = await session.SubmitFileAsync(page, "#dj-publicity-import-form", new Dictionary<string, string>(), "File", "宣传.xlsx", good);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (_, done) = await session.GetAsync(saved.Headers.Location!.PathAndQuery);
        done.QuerySelector("#dj-publicity-imported")!.TextContent.ShouldContain("已导入 2 条宣传记录");
        (await CountAsync()).ShouldBe(before + 2);
    }

    [Fact]
    public async Task ProblemImportPage_BadRowsShowRowAndReasonAndSaveNothing_ThenTheGoodFileIsSaved()
    {
        var wang = await HouseholdAsync("王家");
        var li = await HouseholdAsync("李家");
        await HouseholdAsync("同名户");
        await HouseholdAsync("同名户");
        Task<int> CountAsync() => DuesRows.WithDbAsync(App, db => db.Set<AssistanceProblem>().CountAsync(p => p.OrganizationId == _branch));
        var before = await CountAsync();
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (opened, page) = await session.GetAsync($"/worklog/assistance/problems/import?org={_branch}");
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        string Day(int offset) => D(Today.AddDays(offset));

        var bad = XlsxWriter.Write(AssistanceProblemSheet.SheetName, AssistanceProblemSheet.Headers,
        [
            ["王家", "屋顶漏雨", Day(-5), null, null, null],
            ["张家", "用水困难", Day(-5), null, null, null],                 // row 3: not registered
            ["李家", "孩子上学远", Day(-5), null, Day(-6), null],           // row 4: resolved before collected
            ["同名户", "看病难", Day(-5), null, null, null],                 // row 5: two households of that name
            ["王家", "灌溉缺水", "五月一日", null, null, null],              // row 6: unreadable date
        ]);
        var refused = await session.SubmitFileAsync(page, "#dj-problems-import-form", new Dictionary<string, string>(), "File", "问题.xlsx", bad);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var report = await BrowserlessSession.ParseAsync(refused);
        report.QuerySelector("#dj-import-report")!.TextContent.ShouldContain("未保存任何一行");
        report.QuerySelectorAll("#dj-import-rows tbody tr").Select(r => r.GetAttribute("data-row")).ShouldBe(["3", "4", "5", "6"]);
        report.QuerySelector("#dj-import-rows tr[data-row='3']")!.TextContent.ShouldContain("帮扶户“张家”未在本组织登记");
        report.QuerySelector("#dj-import-rows tr[data-row='4']")!.TextContent.ShouldContain("不能早于收集日期");
        report.QuerySelector("#dj-import-rows tr[data-row='5']")!.TextContent.ShouldContain("同名户");
        report.QuerySelector("#dj-import-rows tr[data-row='6']")!.TextContent.ShouldContain("收集日期“五月一日”无法识别");
        (await CountAsync()).ShouldBe(before);

        var good = XlsxWriter.Write(AssistanceProblemSheet.SheetName, AssistanceProblemSheet.Headers,
        [
            ["王家", "屋顶漏雨", Day(-5), Day(-4), Day(-1), "已修缮"],
            ["李家", "孩子上学远", Day(-5), Day(-3), null, null],
            ["李家", "缺少劳力", Day(-2), null, null, null],
        ]);
        var saved = await session.SubmitFileAsync(page, "#dj-problems-import-form", new Dictionary<string, string>(), "File", "问题.xlsx", good);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (_, done) = await session.GetAsync(saved.Headers.Location!.PathAndQuery);
        done.QuerySelector("#dj-problems-imported")!.TextContent.ShouldContain("已导入 3 个帮扶问题");
        (await CountAsync()).ShouldBe(before + 3);
        var (_, household) = await session.GetAsync($"/worklog/assistance/{li}");
        household.QuerySelectorAll("#dj-problems tbody tr .badge").Select(b => b.TextContent.Trim()).Order().ShouldBe(["待解决", "解决中"]);
        var (_, wangPage) = await session.GetAsync($"/worklog/assistance/{wang}");
        wangPage.QuerySelector("#dj-problems")!.TextContent.ShouldContain("已解决");
    }

    [Fact]
    public async Task Pages_household_visit_problem_and_publicity()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, form) = await session.GetAsync($"/worklog/assistance/new?org={_branch}");
        var empty = await BrowserlessSession.ParseAsync(await session.SubmitAsync(form, "#dj-assistance-form", new Dictionary<string, string>()));
        empty.QuerySelector("[data-field='Name']")!.TextContent.ShouldContain("请填写帮扶户户主姓名");
        var saved = await session.SubmitAsync(form, "#dj-assistance-form", new Dictionary<string, string> { ["Input.Name"] = "赵老汉", ["Input.Address"] = "东村" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var detailUrl = saved.Headers.Location!.PathAndQuery;
        var (_, detail) = await session.GetAsync(detailUrl);
        detail.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已新建");

        var futureVisit = await BrowserlessSession.ParseAsync(await session.SubmitAsync(detail, "#dj-visit-form", new Dictionary<string, string> { ["Visit.VisitedOn"] = D(Today.AddDays(1)) }));
        futureVisit.QuerySelector("[data-field='VisitedOn']")!.TextContent.ShouldContain("不能晚于今天");
        (await session.SubmitAsync(detail, "#dj-visit-form", new Dictionary<string, string> { ["Visit.Visitors"] = "第一书记" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var backwards = await BrowserlessSession.ParseAsync(await session.SubmitAsync(detail, "#dj-problem-form", new Dictionary<string, string>
        {
            ["Problem.Description"] = "孩子上学远", ["Problem.CollectedOn"] = D(Today.AddDays(-1)), ["Problem.ResolvedOn"] = D(Today.AddDays(-2)),
        }));
        backwards.QuerySelector("[data-field='ResolvedOn']")!.TextContent.ShouldContain("不能早于收集日期");
        (await session.SubmitAsync(detail, "#dj-problem-form", new Dictionary<string, string>
        {
            ["Problem.Description"] = "孩子上学远", ["Problem.CollectedOn"] = D(Today.AddDays(-1)), ["Problem.StartedOn"] = D(Today),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await session.GetAsync(detailUrl.Split('?')[0]);
        after.QuerySelector("#dj-visits")!.TextContent.ShouldContain("第一书记");
        after.QuerySelector("#dj-problems")!.TextContent.ShouldContain("解决中");
        var (_, list) = await session.GetAsync($"/worklog/assistance?org={_root}");
        list.QuerySelector("#dj-assistance")!.TextContent.ShouldContain("赵老汉");

        var (_, publicity) = await session.GetAsync($"/worklog/publicity/new?org={_branch}");
        var negative = await BrowserlessSession.ParseAsync(await session.SubmitAsync(publicity, "#dj-publicity-form", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Board", ["Input.Title"] = "廉政展板", ["Input.Count"] = "-2",
        }));
        negative.QuerySelector("[data-field='Count']")!.TextContent.ShouldBe("数量不能为负数");
        (await session.SubmitAsync(publicity, "#dj-publicity-form", new Dictionary<string, string> { ["Input.Kind"] = "Board", ["Input.Title"] = "廉政展板", ["Input.Count"] = "6" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, publicityList) = await session.GetAsync($"/worklog/publicity?org={_root}&kind=Board");
        publicityList.QuerySelector("#dj-publicity")!.TextContent.ShouldContain("6 个");

        var (_, brand) = await session.GetAsync($"/worklog/brand/new?org={_branch}");
        (await session.SubmitAsync(brand, "#dj-brand-form", new Dictionary<string, string> { ["Input.Brand"] = "党建红", ["Input.Title"] = "红色课堂" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, brandList) = await session.GetAsync($"/worklog/brand?org={_root}");
        brandList.QuerySelector("#dj-brand")!.TextContent.ShouldContain("红色课堂");
    }
}

public sealed class AssistanceEndpointsTests_Sqlite(SqliteApp app) : AssistanceEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class AssistanceEndpointsTests_Postgres(PostgresApp app) : AssistanceEndpointsTests(app), IClassFixture<PostgresApp>;
