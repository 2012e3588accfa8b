using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Features.Dues;

public abstract class PublicationTests(AppFixture fixture) : AppTests(fixture)
{
    private static DateOnly M(int year, int month) => new(year, month, 1);

    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _branch;
    private long _other;
    private (long X, long Y, long Z) _members;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        var root = await _client.CreateOrganizationAsync(null, Unique("R"), "公示测试党委", "Committee");
        _branch = await _client.CreateOrganizationAsync(root, Unique("P"), "公示测试党支部", "Branch");
        _other = await _client.CreateOrganizationAsync(root, Unique("O"), "另一党支部", "Branch");

        // X: 76.50 a month, Jan–Oct paid, Nov 30.00, Dec nothing. Y: 49.00, Jan–Mar, March overpaid (60.00). Z: a profile, no lines yet.
        var x = await CommitteeTestData.CreateMemberAsync(App, _branch, "公示甲", admittedOn: new DateOnly(2010, 1, 1));
        var y = await CommitteeTestData.CreateMemberAsync(App, _branch, "公示乙", admittedOn: new DateOnly(2010, 1, 1));
        var z = await CommitteeTestData.CreateMemberAsync(App, _branch, "公示丙", admittedOn: new DateOnly(2010, 1, 1));
        _members = (x, y, z);
        await DuesRows.ProfileAsync(App, x, _branch, 2025, 5100m);
        await DuesRows.ProfileAsync(App, y, _branch, 2025, 4900m);
        await DuesRows.ProfileAsync(App, z, _branch, 2025, 3000m);
        await DuesRows.LinesAsync(App, x, _branch, M(2025, 1), 10, 76.50m, 76.50m);
        await DuesRows.LineAsync(App, x, _branch, M(2025, 11), 76.50m, 30.00m);
        await DuesRows.LineAsync(App, x, _branch, M(2025, 12), 76.50m);
        await DuesRows.LineAsync(App, x, _branch, M(2024, 12), 76.50m); // another year
        await DuesRows.LinesAsync(App, y, _branch, M(2025, 1), 2, 49.00m, 49.00m);
        await DuesRows.LineAsync(App, y, _branch, M(2025, 3), 49.00m, 60.00m);
        var elsewhere = await CommitteeTestData.CreateMemberAsync(App, _other, "别的支部", admittedOn: new DateOnly(2010, 1, 1));
        await DuesRows.LineAsync(App, elsewhere, _other, M(2025, 1), 15.00m);
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task Json_OneRowPerMember_TotalsEqualTheLines_OverpaymentDoesNotOffsetArrears()
    {
        var p = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/dues/publication?org={_branch}&year=2025&format=json");
        var rows = p.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("memberId").GetInt64());
        rows.Count.ShouldBe(3);

        void Row(long member, decimal? monthly, int monthsDue, int monthsPaid, decimal due, decimal paid, decimal arrears)
        {
            var r = rows[member];
            (r.GetProperty("monthly").ValueKind == JsonValueKind.Null ? (decimal?)null : r.GetProperty("monthly").GetDecimal()).ShouldBe(monthly);
            r.GetProperty("monthsDue").GetInt32().ShouldBe(monthsDue);
            r.GetProperty("monthsPaid").GetInt32().ShouldBe(monthsPaid);
            r.GetProperty("totalDue").GetDecimal().ShouldBe(due);
            r.GetProperty("totalPaid").GetDecimal().ShouldBe(paid);
            r.GetProperty("arrears").GetDecimal().ShouldBe(arrears);
        }

        Row(_members.X, 76.50m, 12, 10, 918.00m, 795.00m, 123.00m);
        Row(_members.Y, 49.00m, 3, 3, 147.00m, 158.00m, 0m);
        Row(_members.Z, 15.00m, 0, 0, 0m, 0m, 0m);
        p.GetProperty("totalDue").GetDecimal().ShouldBe(1065.00m);
        p.GetProperty("totalPaid").GetDecimal().ShouldBe(953.00m);
        p.GetProperty("arrears").GetDecimal().ShouldBe(123.00m);
        p.GetProperty("monthsDue").GetInt32().ShouldBe(15);
        p.GetProperty("membersInArrears").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Xlsx_ChineseHeaders_SameFiguresAsTheJson_NoIdNumbers()
    {
        var response = await _client.GetAsync($"/api/v1/dues/publication?org={_branch}&year=2025");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = XlsxReader.Read(bytes)!;
        rows[0].Cells.ShouldBe(["序号", "姓名", "月交纳额（元）", "应交月数", "已交足月数", "应交金额（元）", "实交金额（元）", "欠交金额（元）"]);
        rows.Count.ShouldBe(5);
        var x = rows.Single(r => r.Cells[1].StartsWith("公示甲", StringComparison.Ordinal));
        x.Cells.Skip(2).ShouldBe(["76.50", "12", "10", "918.00", "795.00", "123.00"]);
        rows.Skip(1).Take(3).Select(r => r.Cells[0]).ShouldBe(["1", "2", "3"]);
        rows[4].Cells.ShouldBe(["合计", "3 人", "", "15", "13", "1065.00", "953.00", "123.00"]);

        var idNumbers = await DuesRows.WithDbAsync(App, db => db.Set<Member>().Where(m => m.OrganizationId == _branch).Select(m => m.IdNumber).ToListAsync());
        var text = string.Join("|", rows.SelectMany(r => r.Cells));
        foreach (var id in idNumbers)
        {
            text.ShouldNotContain(id[^6..]);
        }
    }

    [Fact]
    public async Task Page_PrintableWithTotals_AndTheDownloadLinkWorksWithTheSession()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (response, page) = await session.GetAsync($"/dues/publication?org={_branch}&year=2025");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#dj-publication h1")!.TextContent.ShouldBe("公示测试党支部2025年度党费收缴情况公示");
        page.QuerySelector("#dj-publication-total")!.TextContent.ShouldContain("1,065.00");
        page.QuerySelectorAll("#dj-publication-table tbody tr").Length.ShouldBe(3);
        page.QuerySelector("#dj-publication-print")!.HasAttribute("data-print").ShouldBeTrue();
        page.Head!.InnerHtml.ShouldContain("@media print");

        var href = page.QuerySelector("#dj-publication-export")!.GetAttribute("href")!;
        var download = await session.Client.GetAsync(href);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        XlsxReader.Read(await download.Content.ReadAsByteArrayAsync())!.Count.ShouldBe(5);
    }

    [Fact]
    public async Task OutsiderOfTheBranch_GetsNotFound_OnTheExportAndThePage()
    {
        var outsider = await App.CreateUserAsync(Unique("outsider"), Role.OrgAdmin, _other);
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(outsider);
        var download = await session.Client.GetAsync($"/dues/publication/export?org={_branch}&year=2025");
        download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (page, document) = await session.GetAsync($"/dues/publication?org={_branch}&year=2025");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        document.DocumentElement.OuterHtml.ShouldNotContain("公示甲");
    }
}

public sealed class PublicationTests_Sqlite(SqliteApp app) : PublicationTests(app), IClassFixture<SqliteApp>;

public sealed class PublicationTests_Postgres(PostgresApp app) : PublicationTests(app), IClassFixture<PostgresApp>;
