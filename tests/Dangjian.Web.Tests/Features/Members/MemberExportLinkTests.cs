using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Members;

/// <summary>The roster's 导出 link and the statistics' xlsx export.</summary>
public abstract class MemberExportLinkTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _orgAdmin = null!;
    private HttpClient _admin = null!;
    private long _root;
    private long _branch;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var sysAdmin = await App.CreateUserAsync(Unique("sys"), Role.SystemAdmin, null);
        using var sys = App.ApiClient(sysAdmin);
        _root = await sys.CreateOrganizationAsync(null, Unique("R"), "导出测试党委", "Committee");
        _branch = await sys.CreateOrganizationAsync(_root, Unique("B"), "导出测试党支部", "Branch");
        _orgAdmin = await App.CreateUserAsync(Unique("orgadmin"), Role.OrgAdmin, _root);
        _admin = App.ApiClient(_orgAdmin);
    }

    public override ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task RosterExportLink_CarriesTheFilter_FileHasOnlyTheFilteredMembers()
    {
        var other = await _admin.CreateOrganizationAsync(_root, Unique("O"), "另一党支部", "Branch");
        await _admin.CreateMemberAsync(_branch, "导出甲");
        await _admin.CreateMemberAsync(_branch, "导出乙");
        await _admin.CreateMemberAsync(other, "导出甲");
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_orgAdmin);

        var (_, roster) = await session.GetAsync($"/members?under={_branch}&search={Uri.EscapeDataString("导出甲")}&category=NotACategory");
        var href = roster.QuerySelector("#dj-member-export")!.GetAttribute("href")!;
        href.ShouldStartWith("/members/export?");
        href.ShouldContain($"under={_branch}");
        href.ShouldNotContain("category");
        var download = await session.Client.GetAsync(href);
        download.StatusCode.ShouldBe(HttpStatusCode.OK, await download.Content.ReadAsStringAsync());
        var rows = XlsxReader.Read(await download.Content.ReadAsByteArrayAsync())!.Skip(1).ToList();
        rows.Count.ShouldBe(1);
        rows[0].Cells[0].ShouldBe("导出甲");

        var (_, all) = await session.GetAsync($"/members?under={_branch}");
        var everyone = XlsxReader.Read(await (await session.Client.GetAsync(all.QuerySelector("#dj-member-export")!.GetAttribute("href")!)).Content.ReadAsByteArrayAsync())!;
        everyone.Skip(1).Select(r => r.Cells[0]).ShouldBe(["导出甲", "导出乙"], ignoreOrder: true);
    }

    [Fact]
    public async Task StatisticsExport_ReadsBackWithTheSameNumbersAsTheJsonAndThePage()
    {
        await _admin.CreateMemberAsync(_branch, "统计甲");
        await _admin.CreateMemberAsync(_branch, "统计乙");
        await _admin.CreateMemberAsync(_branch, "统计丙");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var json = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/statistics?organizationId={_root}&date={today}");
        var expected = new List<string[]> { new[] { "分类", "项目", "人数", "占比" } };
        expected.Add(["合计", $"导出测试党委（含下级组织）{today}", "3", "100.0%"]);
        foreach (var table in json.GetProperty("tables").EnumerateArray())
        {
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                expected.Add([table.GetProperty("label").GetString()!, row.GetProperty("label").GetString()!,
                    row.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture),
                    row.GetProperty("percent").GetDecimal().ToString("0.0", CultureInfo.InvariantCulture) + "%"]);
            }
        }

        var api = await _admin.GetAsync($"/api/v1/members/statistics/export?organizationId={_root}&date={today}");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fromApi = XlsxReader.Read(await api.Content.ReadAsByteArrayAsync())!;
        fromApi.Select(r => r.Cells.ToArray()).ToList().ShouldBe(expected);

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_orgAdmin);
        var (_, page) = await session.GetAsync($"/members/statistics?organizationId={_root}&date={today}");
        var href = page.QuerySelector("#dj-stats-export")!.GetAttribute("href")!;
        href.ShouldBe($"/members/statistics/export?organizationId={_root}&date={today}");
        var download = await session.Client.GetAsync(href);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var fromPage = XlsxReader.Read(await download.Content.ReadAsByteArrayAsync())!;
        fromPage.Select(r => r.Cells.ToArray()).ToList().ShouldBe(expected);
        var pageCategory = page.QuerySelectorAll("#dj-stats-category tbody tr").Select(tr => tr.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
        var categoryLabel = json.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("dimension").GetString() == "category").GetProperty("label").GetString();
        fromPage.Where(r => r.Cells[0] == categoryLabel).Select(r => r.Cells[2]).ToList().ShouldBe(pageCategory);
    }
}

public sealed class MemberExportLinkTests_Sqlite(SqliteApp app) : MemberExportLinkTests(app), IClassFixture<SqliteApp>;

public sealed class MemberExportLinkTests_Postgres(PostgresApp app) : MemberExportLinkTests(app), IClassFixture<PostgresApp>;

public sealed class MemberStatisticsExportScopeProbes : IApiScopeProbes
{
    public Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app) =>
        Task.FromResult<IReadOnlyDictionary<string, ApiProbe>>(new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/members/statistics/export"] = new(HttpMethod.Get, $"/api/v1/members/statistics/export?organizationId={w.VictimBranch}", null, ProbeExpect.Denied),
        });
}
