using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Features.WorkLog;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dangjian.Web.Tests.Features.WorkLog.CustomIndicators.CustomIndicatorTestData;

namespace Dangjian.Web.Tests.Features.WorkLog.CustomIndicators;

/// <summary>
/// 自定义指标 through the API on both databases: the whole lifecycle (define, record, rename keeps history, delete refused with
/// values, archive refuses new values but keeps the figure), bad input refused in Chinese with nothing changed, the three
/// aggregations, and who may define and record. R (党委) ⊃ A, B (支部); X is another 党委.
/// </summary>
public abstract class CustomIndicatorEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private const string Indicators = "/api/v1/worklog/indicators";
    private const string Values = "/api/v1/worklog/indicator-values";
    private static readonly DateOnly YearStart = new(Today.Year - 1, 1, 1);

    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _r;
    private long _a;
    private long _b;
    private long _x;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _r = await _client.CreateOrganizationAsync(null, Unique("R"), "指标测试党委", "Committee");
        _a = await _client.CreateOrganizationAsync(_r, Unique("A"), "指标测试甲支部", "Branch");
        _b = await _client.CreateOrganizationAsync(_r, Unique("B"), "指标测试乙支部", "Branch");
        _x = await _client.CreateOrganizationAsync(null, Unique("X"), "指标测试另一党委", "Committee");
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private static object Definition(string key, long organizationId, string name = "起草文稿", string unit = "篇", string aggregation = "Sum", int decimals = 0) =>
        new { key, name, unit, aggregation, decimals, organizationId };

    private static object Value(long indicatorId, long organizationId, object value, DateOnly? on = null, string? note = null) =>
        new { indicatorId, organizationId, recordedOn = (on ?? Today.AddDays(-1)).ToString("yyyy-MM-dd"), value, note };

    private static async Task<long> IdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    private Task<decimal?> Figure(string metricKey, long organizationId) => FigureAsync(App, organizationId, metricKey, YearStart, Today);

    private async Task<int> ValueCountAsync(long indicatorId)
    {
        using var scope = App.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
        return await db.Set<Dangjian.Core.Features.WorkLog.CustomIndicators.CustomIndicatorValue>().CountAsync(v => v.IndicatorId == indicatorId);
    }

    [Fact]
    public async Task Lifecycle_DefineRecordRenameDeleteRefusedArchive_KeepsHistoryUnderTheSameKey()
    {
        var key = Key("drafts");
        var id = await IdAsync(await _client.PostAsJsonAsync($"{Indicators}/", Definition(key, _r)));
        var metricKey = "custom." + key;

        // Two values in two branches: the 党委's figure is their sum; each branch reads its own.
        await IdAsync(await _client.PostAsJsonAsync($"{Values}/", Value(id, _a, 3, note: "党建工作要点")));
        await IdAsync(await _client.PostAsJsonAsync($"{Values}/", Value(id, _b, 4, Today)));
        (await Figure(metricKey, _r)).ShouldBe(7m);
        (await Figure(metricKey, _a)).ShouldBe(3m);

        // The catalogue offers it with its name and unit, and resolves it.
        using (var scope = App.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
            var definition = (await MetricCatalogue.Default.DefinitionsAsync(db, CancellationToken.None)).Single(d => d.Key == metricKey);
            (definition.Label, definition.Unit, definition.Aggregation).ShouldBe(("起草文稿", "篇", MetricAggregation.Sum));
        }

        // Renaming keeps the key and every value: the same figure under the new name.
        var renamed = await _client.PutAsJsonAsync($"{Indicators}/{id}", new { name = "起草各类文稿", unit = "篇", aggregation = "Sum", decimals = 0 });
        renamed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await renamed.Content.ReadAsStringAsync());
        var detail = await _client.GetFromJsonAsync<JsonElement>($"{Indicators}/{id}");
        (detail.GetProperty("name").GetString(), detail.GetProperty("key").GetString(), detail.GetProperty("valueCount").GetInt32()).ShouldBe(("起草各类文稿", key, 2));
        (await Figure(metricKey, _r)).ShouldBe(7m);
        var listed = await _client.GetFromJsonAsync<JsonElement>($"{Values}/?indicatorId={id}");
        listed.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("indicatorName").GetString()).ShouldAllBe(n => n == "起草各类文稿");

        // The key never changes.
        var rekey = await _client.PutAsJsonAsync($"{Indicators}/{id}", new { key = key + "x", name = "起草各类文稿", unit = "篇", aggregation = "Sum", decimals = 0 });
        rekey.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await rekey.Content.ReadAsStringAsync()).ShouldContain("指标代码是统计和总结模板引用的依据，定义后不能修改");

        // Deleting an indicator with values is refused in Chinese; nothing changes.
        var delete = await _client.DeleteAsync($"{Indicators}/{id}");
        delete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await delete.Content.ReadAsStringAsync()).ShouldContain("指标“起草各类文稿”已有 2 条数值记录，不能删除；如不再使用，请将其归档");
        (await ValueCountAsync(id)).ShouldBe(2);

        // Archived: no new value, no correction; the figure and the reference still work; not offered any more.
        (await _client.PostAsJsonAsync($"{Indicators}/{id}/archive", new { archived = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var refused = await _client.PostAsJsonAsync($"{Values}/", Value(id, _a, 1));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("指标“起草各类文稿”已归档，不能再登记或修改数值");
        var firstValue = listed.GetProperty("items")[0].GetProperty("id").GetInt64();
        (await _client.PutAsJsonAsync($"{Values}/{firstValue}", Value(id, _a, 9))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _client.DeleteAsync($"{Values}/{firstValue}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Figure(metricKey, _r)).ShouldBe(7m);
        (await ValueCountAsync(id)).ShouldBe(2);
        using (var scope = App.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
            (await MetricCatalogue.Default.DefinitionsAsync(db, CancellationToken.None)).ShouldNotContain(d => d.Key == metricKey);
            (await MetricCatalogue.Default.FindAsync(db, metricKey, CancellationToken.None))!.Definition.Label.ShouldBe("起草各类文稿");
        }

        // Restored, it takes values again.
        (await _client.PostAsJsonAsync($"{Indicators}/{id}/archive", new { archived = false })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await IdAsync(await _client.PostAsJsonAsync($"{Values}/", Value(id, _a, 1)));
        (await Figure(metricKey, _r)).ShouldBe(8m);

        // An indicator without values can be deleted.
        var spare = await IdAsync(await _client.PostAsJsonAsync($"{Indicators}/", Definition(Key("spare"), _r, "备用指标")));
        (await _client.DeleteAsync($"{Indicators}/{spare}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetAsync($"{Indicators}/{spare}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadValues_AreRefusedInChinese_AndNothingIsRecorded()
    {
        var id = await IdAsync(await _client.PostAsJsonAsync($"{Indicators}/", Definition(Key("spend"), _r, "疫情防控支出", "万元", decimals: 2)));

        async Task Refused(object body, string message, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            var response = await _client.PostAsJsonAsync($"{Values}/", body);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(status, text);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            text.ShouldContain(message);
        }

        await Refused(Value(id, _a, 1.234m), "数值最多保留2位小数");
        await Refused(Value(id, _a, -0.5m), "数值不能为负数");
        await Refused(Value(id, _a, 1, Today.AddDays(1)), $"日期（{Today.AddDays(1):yyyy-MM-dd}）不能晚于今天");
        await Refused(Value(id, _x, 1), "指标“疫情防控支出”只适用于“指标测试党委”及其下级组织，所选组织不在其中");
        await Refused(new { indicatorId = id, organizationId = _a, recordedOn = Today.ToString("yyyy-MM-dd") }, "请填写数值");
        (await ValueCountAsync(id)).ShouldBe(0);

        // At the boundaries: two decimals, zero and today are accepted.
        await IdAsync(await _client.PostAsJsonAsync($"{Values}/", Value(id, _a, 1.25m, Today)));
        await IdAsync(await _client.PostAsJsonAsync($"{Values}/", Value(id, _b, 0m)));
        (await Figure("custom." + (await _client.GetFromJsonAsync<JsonElement>($"{Indicators}/{id}")).GetProperty("key").GetString(), _r)).ShouldBe(1.25m);

        // Fewer decimals than a recorded value carries, or a new aggregation, would rewrite history: refused.
        var narrower = await _client.PutAsJsonAsync($"{Indicators}/{id}", new { name = "疫情防控支出", unit = "万元", aggregation = "Sum", decimals = 1 });
        narrower.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await narrower.Content.ReadAsStringAsync()).ShouldContain("小数位数不能少于 2");
        var other = await _client.PutAsJsonAsync($"{Indicators}/{id}", new { name = "疫情防控支出", unit = "万元", aggregation = "Max", decimals = 2 });
        other.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await other.Content.ReadAsStringAsync()).ShouldContain("不能再修改汇总方式");
    }

    [Theory]
    [InlineData("1drafts")]
    [InlineData("drafts-2024")]
    [InlineData("起草文稿")]
    [InlineData("drafts.written")]
    [InlineData("")]
    public async Task Define_BadKey_IsRefusedInChinese(string key)
    {
        var response = await _client.PostAsJsonAsync($"{Indicators}/", Definition(key, _r));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("指标代码须以英文字母开头，只能包含英文字母、数字和下划线");
    }

    [Fact]
    public async Task Define_TakenKeyInAnyCase_IsRefused_AndMissingFieldsAreNamed()
    {
        var key = Key("Dup");
        await IdAsync(await _client.PostAsJsonAsync($"{Indicators}/", Definition(key, _r)));
        var again = await _client.PostAsJsonAsync($"{Indicators}/", Definition(key.ToLowerInvariant(), _x));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("已被其他自定义指标使用");

        var empty = await _client.PostAsJsonAsync($"{Indicators}/", new { key = Key("empty"), organizationId = _r, decimals = 7 });
        var text = await empty.Content.ReadAsStringAsync();
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        text.ShouldContain("请填写指标名称");
        text.ShouldContain("请填写计量单位");
        text.ShouldContain("请选择汇总方式");
        text.ShouldContain("小数位数应为 0 到 4 之间的整数");
    }

    [Fact]
    public async Task Export_FollowsTheListFilter_WithTheIndicatorsDecimals()
    {
        var hours = await IdAsync(await _client.PostAsJsonAsync(Indicators, Definition(Key("exp"), _r, "导出学习时长", "小时", decimals: 2)));
        var day = Today.AddDays(-2);
        await IdAsync(await _client.PostAsJsonAsync(Values, Value(hours, _a, 3.5m, day, "集中学习")));
        await IdAsync(await _client.PostAsJsonAsync(Values, Value(hours, _b, 1m, day)));

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, list) = await session.GetAsync($"/worklog/indicator-values?indicator={hours}&org={_a}");
        list.QuerySelector("#dj-value-export")!.GetAttribute("href").ShouldBe($"{Values}/export?indicatorId={hours}&under={_a}");

        var response = await _client.GetAsync($"{Values}/export?indicatorId={hours}&under={_a}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe(WorkLogXlsx.ContentType);
        var rows = XlsxReader.Read(await response.Content.ReadAsByteArrayAsync())!.Select(r => r.Cells.ToList()).ToList();
        rows[0].ShouldBe(["日期", "指标", "单位", "组织", "数值", "备注"]);
        rows.Skip(1).Single().ShouldBe([day.ToString("yyyy-MM-dd"), "导出学习时长", "小时", "指标测试甲支部", "3.50", "集中学习"]);

        var whole = await _client.GetAsync($"{Values}/export?indicatorId={hours}&under={_r}");
        XlsxReader.Read(await whole.Content.ReadAsByteArrayAsync())!.Count.ShouldBe(3);
    }

    [Fact]
    public async Task CountAndMax_CombineAsDefined()
    {
        var countKey = Key("minutes");
        var maxKey = Key("staff");
        var count = await IdAsync(await _client.PostAsJsonAsync($"{Indicators}/", Definition(countKey, _r, "会议纪要", "期", "Count")));
        var max = await IdAsync(await _client.PostAsJsonAsync($"{Indicators}/", Definition(maxKey, _r, "最多在岗人数", "人", "Max")));

        await IdAsync(await _client.PostAsJsonAsync($"{Values}/", new { indicatorId = count, organizationId = _a, recordedOn = Today.ToString("yyyy-MM-dd") }));
        await IdAsync(await _client.PostAsJsonAsync($"{Values}/", Value(count, _a, 5)));
        await IdAsync(await _client.PostAsJsonAsync($"{Values}/", Value(count, _b, 1)));
        (await Figure("custom." + countKey, _r)).ShouldBe(3m);
        (await Figure("custom." + countKey, _a)).ShouldBe(2m);

        await IdAsync(await _client.PostAsJsonAsync($"{Values}/", Value(max, _a, 12)));
        await IdAsync(await _client.PostAsJsonAsync($"{Values}/", Value(max, _a, 30)));
        await IdAsync(await _client.PostAsJsonAsync($"{Values}/", Value(max, _b, 25)));
        (await Figure("custom." + maxKey, _r)).ShouldBe(30m);
        (await Figure("custom." + maxKey, _b)).ShouldBe(25m);

        // A period without values after values were recorded reads 0; a subtree that never recorded the indicator reads no data.
        (await FigureAsync(App, _r, "custom." + maxKey, Today, Today)).ShouldBe(0m);
        var lone = await _client.CreateOrganizationAsync(_r, Unique("C"), "指标测试丙支部", "Branch");
        (await Figure("custom." + maxKey, lone)).ShouldBeNull();
    }

    [Fact]
    public async Task Scope_WorkersRecordInTheirBranchOnly_AdministratorsDefineForTheirOwnSubtree()
    {
        var id = await IdAsync(await _client.PostAsJsonAsync($"{Indicators}/", Definition(Key("visits"), _r, "下乡", "人次")));
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _a);
        using var workerClient = App.ApiClient(worker);

        // The 党委's indicator is visible to a branch worker, who records for the branch but not for the other branch.
        (await workerClient.GetFromJsonAsync<JsonElement>($"{Indicators}/")).EnumerateArray().ShouldContain(i => i.GetProperty("id").GetInt64() == id && i.GetProperty("canRecord").GetBoolean());
        await IdAsync(await workerClient.PostAsJsonAsync($"{Values}/", Value(id, _a, 2)));
        var other = await workerClient.PostAsJsonAsync($"{Values}/", Value(id, _b, 2));
        ((int)other.StatusCode).ShouldBeOneOf(403, 404);
        (await ValueCountAsync(id)).ShouldBe(1);

        // Workers may not define, rename, archive or delete; the branch's list shows only the branch's values.
        var define = await workerClient.PostAsJsonAsync($"{Indicators}/", Definition(Key("w"), _a));
        define.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await define.Content.ReadAsStringAsync()).ShouldContain("的管理员可以定义或修改");
        (await workerClient.PutAsJsonAsync($"{Indicators}/{id}", new { name = "改", unit = "人次", aggregation = "Sum", decimals = 0 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await workerClient.PostAsJsonAsync($"{Indicators}/{id}/archive", new { archived = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await workerClient.DeleteAsync($"{Indicators}/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A branch administrator defines for the branch, not for the 党委 above it.
        var branchAdmin = await App.CreateUserAsync(Unique("badmin"), Role.OrgAdmin, _b);
        using var branchClient = App.ApiClient(branchAdmin);
        await IdAsync(await branchClient.PostAsJsonAsync($"{Indicators}/", Definition(Key("own"), _b, "支部自定")));
        (await branchClient.PostAsJsonAsync($"{Indicators}/", Definition(Key("up"), _r))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var workerAdminOfR = await App.CreateUserAsync(Unique("rworker"), Role.Worker, _r);
        using var rWorkerClient = App.ApiClient(workerAdminOfR);
        (await rWorkerClient.PostAsJsonAsync($"{Indicators}/", Definition(Key("rw"), _r))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var values = await branchClient.GetFromJsonAsync<JsonElement>($"{Values}/?indicatorId={id}");
        values.GetProperty("total").GetInt32().ShouldBe(0);

        // Someone of another 党委 sees neither the indicator nor its values.
        var stranger = await App.CreateUserAsync(Unique("x"), Role.OrgAdmin, _x);
        using var strangerClient = App.ApiClient(stranger);
        (await strangerClient.GetAsync($"{Indicators}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await strangerClient.GetFromJsonAsync<JsonElement>($"{Indicators}/")).EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetInt64() == id);
        (await strangerClient.PostAsJsonAsync($"{Values}/", Value(id, _x, 1))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class CustomIndicatorEndpointsTests_Sqlite(SqliteApp app) : CustomIndicatorEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class CustomIndicatorEndpointsTests_Postgres(PostgresApp app) : CustomIndicatorEndpointsTests(app), IClassFixture<PostgresApp>;
