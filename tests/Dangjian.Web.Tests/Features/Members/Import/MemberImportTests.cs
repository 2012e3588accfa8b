using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Members.Import;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Members.Import;

public abstract class MemberImportTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _admin = null!;
    private HttpClient _client = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task Import_OneBadRow_NamesTheRowAndCommitsNothing()
    {
        var (branch, code) = await BranchAsync();
        var rows = Enumerable.Range(1, 5).Select(i => ImportFiles.Row($"党员{i}", code)).ToList();
        rows[2][4] = ImportFiles.BreakChecksum(rows[2][4]); // Excel row 4

        var job = await UploadAsync(_client, ImportFiles.Workbook(rows));
        var view = await WaitAsync(_client, job);

        view.GetProperty("status").GetString().ShouldBe("AwaitingConfirmation");
        view.GetProperty("canCommit").GetBoolean().ShouldBeFalse();
        var errors = view.GetProperty("errors").EnumerateArray().ToList();
        errors.Count.ShouldBe(1);
        errors[0].GetProperty("row").GetInt32().ShouldBe(4);
        errors[0].GetProperty("column").GetString().ShouldBe("身份证号");
        errors[0].GetProperty("message").GetString().ShouldBe("身份证号校验位不正确，请核对");

        var commit = await _client.PostAsync($"/api/v1/members/import/{job}/commit", null);
        commit.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await CountMembersAsync(branch)).ShouldBe(0);
    }

    [Fact]
    public async Task Import_CleanFile_CommitsEveryRowWithPlacementsAndAudit()
    {
        var (branch, code) = await BranchAsync();
        var group = await _client.CreateOrganizationAsync(branch, Unique("G"), "第一党小组", "Group");
        var groupCode = await CodeAsync(group);
        var rows = Enumerable.Range(1, 12).Select(i => ImportFiles.Row($"党员{i}", code, i % 2 == 0 ? groupCode : null)).ToList();

        var job = await UploadAsync(_client, ImportFiles.Workbook(rows));
        (await WaitAsync(_client, job)).GetProperty("canCommit").GetBoolean().ShouldBeTrue();
        var commit = await _client.PostAsync($"/api/v1/members/import/{job}/commit", null);
        commit.StatusCode.ShouldBe(HttpStatusCode.Accepted, await commit.Content.ReadAsStringAsync());
        var done = await WaitAsync(_client, job);

        done.GetProperty("status").GetString().ShouldBe("Completed");
        done.GetProperty("imported").GetInt32().ShouldBe(12);
        (await CountMembersAsync(branch)).ShouldBe(12);
        await using var db = await DbAsync();
        var ids = await db.Set<Member>().Where(m => m.OrganizationId == branch).Select(m => m.Id).ToListAsync();
        (await db.Set<MemberPlacement>().CountAsync(p => ids.Contains(p.MemberId) && p.OrganizationId == branch && p.To == null)).ShouldBe(12);
        (await db.Set<Member>().CountAsync(m => m.OrganizationId == branch && m.GroupId == group)).ShouldBe(6);
        var keys = ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(Member) && a.Action == AuditAction.Created && keys.Contains(a.EntityKey)).ToListAsync();
        audited.Count.ShouldBe(12);
        audited.ShouldAllBe(a => a.UserId == _admin.Id);

        // A second upload of the same file: every ID is now registered.
        var again = await WaitAsync(_client, await UploadAsync(_client, ImportFiles.Workbook(rows)));
        again.GetProperty("errorCount").GetInt32().ShouldBe(12);
        again.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe("该身份证号已登记为党员");
    }

    [Fact]
    public async Task Import_DuplicateInFileAndUnknownCode_AreReportedPerRow()
    {
        var (_, code) = await BranchAsync();
        var first = ImportFiles.Row("甲", code);
        var second = ImportFiles.Row("乙", code, id: first[4]);
        var third = ImportFiles.Row("丙", "NO-SUCH-CODE");

        var view = await WaitAsync(_client, await UploadAsync(_client, ImportFiles.Workbook([first, second, third])));

        var errors = view.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString())).ToList();
        errors.ShouldContain((3, "身份证号", "身份证号与第 2 行重复"));
        errors.ShouldContain((4, "所在党支部编码", "党组织编码“NO-SUCH-CODE”不存在或不在您的管理范围内"));
        errors.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Import_RowsPointingAtAnotherSubtree_AreRefusedAndNothingIsImported()
    {
        var root = await _client.CreateOrganizationAsync(null, Unique("R"), "越权测试党委", "Committee");
        var mine = await _client.CreateOrganizationAsync(root, Unique("M"), "本方党支部", "Branch");
        var victimCode = Unique("V");
        var victim = await _client.CreateOrganizationAsync(root, victimCode, "对方党支部", "Branch");
        var outsider = await App.CreateUserAsync(Unique("outsider"), Role.OrgAdmin, mine);
        using var client = App.ApiClient(outsider);

        var view = await WaitAsync(client, await UploadAsync(client, ImportFiles.Workbook([ImportFiles.Row("越权", victimCode)])));

        view.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe($"党组织编码“{victimCode}”不存在或不在您的管理范围内");
        view.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldNotContain("对方党支部");
        var jobId = view.GetProperty("id").GetInt64();
        (await client.PostAsync($"/api/v1/members/import/{jobId}/commit", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _client.GetAsync($"/api/v1/members/import/{jobId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "任务只属于上传者");
        (await CountMembersAsync(victim)).ShouldBe(0);
    }

    [Fact]
    public async Task Upload_ReadOnlyUser_IsForbidden()
    {
        var (branch, code) = await BranchAsync();
        var reader = await App.CreateUserAsync(Unique("reader"), Role.ReadOnly, branch);
        using var client = App.ApiClient(reader);

        var response = await client.PostAsync("/api/v1/members/import", ImportFiles.Multipart(ImportFiles.Workbook([ImportFiles.Row("只读", code)])));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("您没有登记党员的权限");
    }

    [Fact]
    public async Task Upload_NotAnXlsx_IsRefusedByContent()
    {
        var response = await _client.PostAsync("/api/v1/members/import", ImportFiles.Multipart("姓名,性别\n张三,男"u8.ToArray(), "伪装.xlsx"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("文件不是有效的 Excel 工作簿");
    }

    [Fact]
    public async Task Upload_WrongHeader_IsRefused()
    {
        var file = XlsxWriter.Write("Sheet1", ["名字", "性别"], [["张三", "男"]]);
        var response = await _client.PostAsync("/api/v1/members/import", ImportFiles.Multipart(file));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("表头与导入模板不一致");
    }

    [Fact]
    public async Task Pages_UploadShowsProgressThenErrors_FixedFileCommits()
    {
        var (branch, code) = await BranchAsync();
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var rows = Enumerable.Range(1, 3).Select(i => ImportFiles.Row($"页面党员{i}", code)).ToList();
        var good = rows[1][4];
        rows[1][4] = ImportFiles.BreakChecksum(good);

        var jobUrl = await UploadThroughPageAsync(session, ImportFiles.Workbook(rows));
        var progress = await session.Client.GetAsync(jobUrl + "/progress");
        progress.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await progress.Content.ReadAsStringAsync()).ShouldContain("progress-bar");
        var page = await WaitForPageAsync(session, jobUrl);
        page.QuerySelector("#dj-import-errors")!.TextContent.ShouldContain("第 3 行");
        page.QuerySelector("#dj-import-errors")!.TextContent.ShouldContain("身份证号校验位不正确");
        page.QuerySelector("#dj-import-commit").ShouldBeNull();

        rows[1][4] = good;
        jobUrl = await UploadThroughPageAsync(session, ImportFiles.Workbook(rows));
        page = await WaitForPageAsync(session, jobUrl);
        page.QuerySelector("#dj-import-commit").ShouldNotBeNull();
        var commit = await session.SubmitAsync(page, "#dj-import-commit-form", new Dictionary<string, string>());
        commit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await WaitForPageAsync(session, jobUrl);
        page.QuerySelector("#dj-import-done")!.TextContent.ShouldContain("已导入 3 名党员");
        (await CountMembersAsync(branch)).ShouldBe(3);
    }

    [Fact]
    public async Task Upload_PageWithoutAntiforgeryToken_IsRefused()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var content = ImportFiles.Multipart(ImportFiles.Workbook([ImportFiles.Row("甲", "X")]));

        var response = await session.Client.PostAsync("/members/import/upload", content);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("error=");
    }

    [Fact]
    public async Task Export_ReadOnlyUserOfSameSubtree_SeesMaskedIds_AdministratorSeesThemAndIsAudited()
    {
        var (branch, code) = await BranchAsync();
        var rows = Enumerable.Range(1, 3).Select(i => ImportFiles.Row($"导出党员{i}", code)).ToList();
        var job = await UploadAsync(_client, ImportFiles.Workbook(rows));
        await WaitAsync(_client, job);
        (await _client.PostAsync($"/api/v1/members/import/{job}/commit", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await WaitAsync(_client, job)).GetProperty("status").GetString().ShouldBe("Completed");

        var reader = await App.CreateUserAsync(Unique("reader"), Role.ReadOnly, branch);
        using var readerClient = App.ApiClient(reader);
        var masked = await ExportAsync(readerClient, $"/api/v1/members/export?under={branch}");
        masked[0].Cells.ShouldBe(MemberSheet.Headers);
        masked.Count.ShouldBe(4);
        masked.Skip(1).Select(r => r.Cells[4]).ShouldBe(rows.Select(r => IdNumber.Mask(r[4])), ignoreOrder: true);
        masked.Skip(1).ShouldAllBe(r => r.Cells[12] == "138****5678");

        var full = await ExportAsync(_client, $"/api/v1/members/export?under={branch}");
        full.Skip(1).Select(r => r.Cells[4]).ShouldBe(rows.Select(r => r[4]), ignoreOrder: true);
        await using var db = await DbAsync();
        var audit = await db.AuditEntries.Where(a => a.Action == AuditAction.Exported && a.UserId == _admin.Id && a.OrganizationId == branch).ToListAsync();
        audit.Count.ShouldBe(1);
        audit[0].Reason!.ShouldContain("3 行");
        (await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Exported && a.UserId == reader.Id)).ShouldBe(0);

        // The page download follows the same rules for a signed-in user.
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(reader);
        var download = await session.Client.GetAsync($"/members/export?under={branch}");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        XlsxReader.Read(await download.Content.ReadAsByteArrayAsync())!.Skip(1).ShouldAllBe(r => r.Cells[4].Contains("**********"));
    }

    [Fact]
    public async Task Template_HasTheHeadersAndReadsBack()
    {
        var response = await _client.GetAsync("/api/v1/members/import/template");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxReader.Read(await response.Content.ReadAsByteArrayAsync())!;
        rows.Single().Cells.ShouldBe(MemberSheet.Headers);
    }

    private async Task<(long Id, string Code)> BranchAsync()
    {
        var root = await _client.CreateOrganizationAsync(null, Unique("R"), "导入测试党委", "Committee");
        var code = Unique("B");
        return (await _client.CreateOrganizationAsync(root, code, "导入测试党支部", "Branch"), code);
    }

    private async Task<string> CodeAsync(long id)
    {
        await using var db = await DbAsync();
        return await db.Organizations.Where(o => o.Id == id).Select(o => o.Code).SingleAsync();
    }

    private async Task<DangjianDbContext> DbAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();

    private async Task<int> CountMembersAsync(long branch)
    {
        await using var db = await DbAsync();
        return await db.Set<Member>().CountAsync(m => m.OrganizationId == branch);
    }

    internal static async Task<long> UploadAsync(HttpClient client, byte[] file)
    {
        var response = await client.PostAsync("/api/v1/members/import", ImportFiles.Multipart(file));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    internal static async Task<JsonElement> WaitAsync(HttpClient client, long job)
    {
        for (var i = 0; i < 300; i++)
        {
            var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/members/import/{job}");
            if (!view.GetProperty("isRunning").GetBoolean()) return view;
            await Task.Delay(100);
        }

        throw new TimeoutException("导入任务 30 秒内没有结束");
    }

    private static async Task<List<XlsxRow>> ExportAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return XlsxReader.Read(await response.Content.ReadAsByteArrayAsync())!.ToList();
    }

    private static async Task<string> UploadThroughPageAsync(BrowserlessSession session, byte[] file)
    {
        var (_, form) = await session.GetAsync("/members/import");
        var token = form.QuerySelector("#dj-import-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var content = ImportFiles.Multipart(file);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await session.Client.PostAsync("/members/import/upload", content);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldMatch(@"^/members/import/\d+$");
        return location;
    }

    private static async Task<AngleSharp.Dom.IDocument> WaitForPageAsync(BrowserlessSession session, string url)
    {
        for (var i = 0; i < 300; i++)
        {
            var (_, page) = await session.GetAsync(url);
            if (page.QuerySelector("#dj-import-progress[hx-get]") is null) return page;
            await Task.Delay(100);
        }

        throw new TimeoutException("导入任务 30 秒内没有结束");
    }
}

public sealed class MemberImportTests_Sqlite(SqliteApp app) : MemberImportTests(app), IClassFixture<SqliteApp>;

public sealed class MemberImportTests_Postgres(PostgresApp app) : MemberImportTests(app), IClassFixture<PostgresApp>;
