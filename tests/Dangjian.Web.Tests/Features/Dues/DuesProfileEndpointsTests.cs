using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Members;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Dues;

public abstract class DuesProfileEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private readonly int _year = DuesProfileTestData.ThisYear;

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

    private async Task<(long Root, long Branch)> BranchAsync()
    {
        var root = await _client.CreateOrganizationAsync(null, Unique("R"), "党费测试党委", "Committee");
        var branch = await _client.CreateOrganizationAsync(root, Unique("B"), "党费测试支部", "Branch");
        return (root, branch);
    }

    private async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<JsonElement> WizardAsync(long branch) =>
        await JsonAsync(await _client.GetAsync($"/api/v1/dues/profiles?org={branch}&year={_year}"), HttpStatusCode.OK);

    private static JsonElement MemberRow(JsonElement wizard, long member) =>
        wizard.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("memberId").GetInt64() == member);

    [Fact]
    public async Task Api_PreviewTakesNumbersOrStrings_ConfirmIsAllOrNothing_ChangesNeedAReason()
    {
        var (_, branch) = await BranchAsync();
        var a = await CommitteeTestData.CreateMemberAsync(App, branch, "甲");
        var b = await CommitteeTestData.CreateMemberAsync(App, branch, "乙");
        var c = await CommitteeTestData.CreateMemberAsync(App, branch, "丙");
        object Rows(object cBase) => new object[]
        {
            new { memberId = a, memberType = "Salaried", @base = 5100 },
            new { memberId = b, memberType = "Salaried", @base = "3333.50" },
            new { memberId = c, memberType = "Salaried", parts = new { grossRegularPay = 9000.10m, incomeTax = "300.10", socialInsuranceIndividual = 1000, socialInsuranceEmployer = 1500, annuity = 400, excludedAllowances = 900 }, @base = cBase },
        };

        var preview = await JsonAsync(await _client.PostAsJsonAsync("/api/v1/dues/profiles/preview", new { organizationId = branch, year = _year, rows = Rows(null!) }), HttpStatusCode.OK);
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("monthly").GetDecimal()).ShouldBe([76.50m, 33.34m, 49.00m]);
        rows[2].GetProperty("base").GetDecimal().ShouldBe(4900.00m);
        preview.GetProperty("totalMonthly").GetDecimal().ShouldBe(158.84m);

        var refused = await _client.PostAsJsonAsync("/api/v1/dues/profiles/confirm", new { organizationId = branch, year = _year, rows = Rows("abc") });
        var problem = await JsonAsync(refused, HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("第 3 行");
        problem.GetProperty("detail").GetString()!.ShouldContain("“abc”不是有效的金额");
        MemberRow(await WizardAsync(branch), a).GetProperty("profile").ValueKind.ShouldBe(JsonValueKind.Null);

        var saved = await JsonAsync(await _client.PostAsJsonAsync("/api/v1/dues/profiles/confirm", new { organizationId = branch, year = _year, rows = Rows(null!) }), HttpStatusCode.OK);
        saved.GetProperty("created").GetInt32().ShouldBe(3);
        var profile = MemberRow(await WizardAsync(branch), a).GetProperty("profile");
        profile.GetProperty("monthly").GetDecimal().ShouldBe(76.50m);

        var change = new { organizationId = branch, year = _year, rows = new object[] { new { memberId = a, memberType = "Salaried", @base = "6000" } } };
        var noReason = await JsonAsync(await _client.PostAsJsonAsync("/api/v1/dues/profiles/confirm", change), HttpStatusCode.BadRequest);
        noReason.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("dues.change_reason_required");
        var withReason = await _client.PostAsJsonAsync("/api/v1/dues/profiles/confirm", new { change.organizationId, change.year, change.rows, reason = "工资核定有误" });
        (await JsonAsync(withReason, HttpStatusCode.OK)).GetProperty("changed").GetInt32().ShouldBe(1);

        var id = profile.GetProperty("id").GetInt64();
        var overridden = await JsonAsync(await _client.PutAsJsonAsync($"/api/v1/dues/profiles/{id}/override", new { monthly = "95.5", reason = "年薪制按实发" }), HttpStatusCode.OK);
        overridden.GetProperty("monthly").GetDecimal().ShouldBe(95.50m);
        overridden.GetProperty("computedMonthly").GetDecimal().ShouldBe(90.00m);
        (await JsonAsync(await _client.PutAsJsonAsync($"/api/v1/dues/profiles/{id}/override", new { monthly = 1 }), HttpStatusCode.BadRequest))
            .GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("Reason");
        (await JsonAsync(await _client.GetAsync($"/api/v1/dues/profiles/{id}"), HttpStatusCode.OK)).GetProperty("memberName").GetString()!.ShouldStartWith("甲");
    }

    [Fact]
    public async Task Api_Reductions_ServingMemberNeedsHigherApproval_RetireeDoesNot()
    {
        var (_, branch) = await BranchAsync();
        var serving = await CommitteeTestData.CreateMemberAsync(App, branch, "在职");
        var retired = await CommitteeTestData.CreateMemberAsync(App, branch, "离退休");
        await DuesProfileTestData.ConfirmAsync(App, branch, _year, DuesProfileTestData.Salaried(serving, "5100"), new DuesProfileInput(retired, DuesMemberType.Retired, "3000", null, null));
        var decided = new DateOnly(_year, 1, 5).ToString("yyyy-MM-dd");

        var refused = await _client.PostAsJsonAsync("/api/v1/dues/reductions", new
        {
            memberId = serving, fromMonth = $"{_year}-01", toMonth = $"{_year}-03", reducedMonthly = 0, reason = "重病", branchDecisionOn = decided,
        });
        (await JsonAsync(refused, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!.ShouldContain("报上级党委批准");

        var created = await _client.PostAsJsonAsync("/api/v1/dues/reductions", new
        {
            memberId = retired, fromMonth = $"{_year}-01", toMonth = $"{_year}-03", reducedMonthly = "5.00", reason = "生活困难", branchDecisionOn = decided,
        });
        await JsonAsync(created, HttpStatusCode.Created);
        var list = await JsonAsync(await _client.GetAsync($"/api/v1/dues/reductions?org={branch}&year={_year}"), HttpStatusCode.OK);
        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("reducedMonthly").GetDecimal().ShouldBe(5.00m);
    }

    [Fact]
    public async Task Api_Settings_NearestOnThePathWins_AndResetFallsBack()
    {
        var (root, branch) = await BranchAsync();
        await JsonAsync(await _client.PutAsJsonAsync($"/api/v1/dues/settings/{root}", new { heldSharePercent = "10", allowsQuarterly = false }), HttpStatusCode.OK);
        var inherited = await JsonAsync(await _client.GetAsync($"/api/v1/dues/settings/{branch}"), HttpStatusCode.OK);
        inherited.GetProperty("effective").GetProperty("heldSharePercent").GetDecimal().ShouldBe(10m);
        inherited.GetProperty("effective").GetProperty("sourceOrganizationId").GetInt64().ShouldBe(root);

        var own = await JsonAsync(await _client.PutAsJsonAsync($"/api/v1/dues/settings/{branch}", new { heldSharePercent = 12.5, allowsQuarterly = true }), HttpStatusCode.OK);
        own.GetProperty("heldSharePercent").GetDecimal().ShouldBe(12.5m);
        own.GetProperty("allowsQuarterly").GetBoolean().ShouldBeTrue();
        (await JsonAsync(await _client.PutAsJsonAsync($"/api/v1/dues/settings/{branch}", new { heldSharePercent = 100.01, allowsQuarterly = true }), HttpStatusCode.BadRequest))
            .GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("HeldSharePercent");

        var reset = await JsonAsync(await _client.DeleteAsync($"/api/v1/dues/settings/{branch}"), HttpStatusCode.OK);
        reset.GetProperty("heldSharePercent").GetDecimal().ShouldBe(10m);
    }

    private static IElement Row(IDocument page, long member) => page.QuerySelector($"#dj-dues-row-{member}") ?? throw new InvalidOperationException($"表中没有党员 {member}");

    /// <summary>The form field name prefix of a member's row ("Wizard.Rows[3]").</summary>
    private static string Prefix(IDocument page, long member)
    {
        var name = Row(page, member).QuerySelector("select")!.GetAttribute("name")!;
        return name[..name.LastIndexOf('.')];
    }

    [Fact]
    public async Task Page_Wizard_PreviewShowsAmounts_BadRowSavesNothing_ConfirmSaves()
    {
        var (_, branch) = await BranchAsync();
        var a = await CommitteeTestData.CreateMemberAsync(App, branch, "甲");
        var b = await CommitteeTestData.CreateMemberAsync(App, branch, "乙");
        var c = await CommitteeTestData.CreateMemberAsync(App, branch, "丙");
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (response, page) = await session.GetAsync($"/dues/profiles?org={branch}&year={_year}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#dj-dues-count")!.TextContent.ShouldBe("0");

        Dictionary<string, string> Fields(string action, string farmerAmount) => new()
        {
            ["Wizard.Action"] = action,
            [$"{Prefix(page, a)}.MemberType"] = "Salaried", [$"{Prefix(page, a)}.Base"] = "5100",
            [$"{Prefix(page, b)}.MemberType"] = "Salaried", [$"{Prefix(page, b)}.Base"] = "60000",
            [$"{Prefix(page, c)}.MemberType"] = "Farmer", [$"{Prefix(page, c)}.FixedAmount"] = farmerAmount,
        };

        var previewed = await BrowserlessSession.ParseAsync(await session.SubmitAsync(page, "#dj-dues-wizard", Fields("preview", "0.5")));
        Row(previewed, a).QuerySelector(".dj-monthly")!.TextContent.ShouldContain("76.50");
        Row(previewed, b).QuerySelector(".dj-monthly")!.TextContent.ShouldContain("1,200.00");
        Row(previewed, b).QuerySelector(".dj-row-warning")!.TextContent.ShouldContain("超过一般上限 1000 元");
        previewed.QuerySelector("#dj-dues-preview-summary")!.TextContent.ShouldContain("1,277.00");
        (await WizardAsync(branch)).GetProperty("members").EnumerateArray().ShouldAllBe(m => m.GetProperty("profile").ValueKind == JsonValueKind.Null);

        var badResponse = await session.SubmitAsync(page, "#dj-dues-wizard", Fields("confirm", "2"));
        badResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bad = await BrowserlessSession.ParseAsync(badResponse);
        var rowNumber = Row(bad, c).QuerySelector("td")!.TextContent.Trim();
        bad.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain($"第 {rowNumber} 行");
        Row(bad, c).QuerySelector(".dj-row-error")!.TextContent.ShouldContain("0.2 元至 1 元");
        (await WizardAsync(branch)).GetProperty("members").EnumerateArray().ShouldAllBe(m => m.GetProperty("profile").ValueKind == JsonValueKind.Null);

        var confirmed = await session.SubmitAsync(page, "#dj-dues-wizard", Fields("confirm", "0.5"));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.Headers.Location!.ToString().ShouldContain("flash=saved");
        var (_, after) = await session.GetAsync(confirmed.Headers.Location!.ToString());
        after.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已保存");
        after.QuerySelector("#dj-dues-count")!.TextContent.ShouldBe("3");
        after.QuerySelector("#dj-dues-total")!.TextContent.ShouldBe("1,277.00");
    }

    [Fact]
    public async Task Page_Wizard_MasksIdNumbersForWorkers_AdministratorsSeeThemInFull()
    {
        var (_, branch) = await BranchAsync();
        var member = await DuesProfileTestData.MemberAsync(App, branch, "甲");
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, branch);
        var orgAdmin = await App.CreateUserAsync(Unique("orgadmin"), Role.OrgAdmin, branch);

        using var workerSession = new BrowserlessSession(App);
        await workerSession.LogInAsync(worker);
        var (_, masked) = await workerSession.GetAsync($"/dues/profiles?org={branch}&year={_year}");
        Row(masked, member.Id).QuerySelector(".dj-id")!.TextContent.ShouldBe(IdNumber.Mask(member.IdNumber));
        masked.DocumentElement.OuterHtml.ShouldNotContain(member.IdNumber);

        using var adminSession = new BrowserlessSession(App);
        await adminSession.LogInAsync(orgAdmin);
        var (_, full) = await adminSession.GetAsync($"/dues/profiles?org={branch}&year={_year}");
        Row(full, member.Id).QuerySelector(".dj-id")!.TextContent.ShouldBe(member.IdNumber);

        using var api = App.ApiClient(worker);
        (await api.GetStringAsync($"/api/v1/dues/profiles?org={branch}&year={_year}")).ShouldNotContain(member.IdNumber);
    }

    [Fact]
    public async Task Page_Import_TemplateCarriesNoFullIds_UploadFillsThePreview_ConfirmSaves()
    {
        var (_, branch) = await BranchAsync();
        var a = await DuesProfileTestData.MemberAsync(App, branch, "甲");
        var b = await DuesProfileTestData.MemberAsync(App, branch, "乙");
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);

        var template = await session.Client.GetAsync($"/dues/profiles/template?org={branch}&year={_year}");
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheet = XlsxReader.Read(await template.Content.ReadAsByteArrayAsync())!;
        sheet[0].Cells.ShouldBe(DuesProfileSheet.Headers);
        sheet.Skip(1).Select(r => r.Cells[0]).ShouldBe(new[] { a.Name, b.Name }.Order(StringComparer.Ordinal));
        sheet.SelectMany(r => r.Cells).ShouldNotContain(a.IdNumber);
        sheet.Single(r => r.Cells[0] == a.Name).Cells[1].ShouldBe(a.IdNumber[^4..]);

        var (_, page) = await session.GetAsync($"/dues/profiles?org={branch}&year={_year}");
        var upload = await UploadAsync(session, page, DuesProfileTestData.Workbook(
        [
            DuesProfileTestData.Row(a.Name, a.IdNumber[^4..], "在职", "4900"),
            DuesProfileTestData.Row(b.Name, b.IdNumber[^4..], "离退休", "5000.01"),
        ]));
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = upload.Headers.Location!.ToString();
        location.ShouldContain("draft=");
        var (_, drafted) = await session.GetAsync(location);
        drafted.QuerySelector("#dj-dues-draft")!.TextContent.ShouldContain("2 行");
        Row(drafted, a.Id).QuerySelector(".dj-monthly")!.TextContent.ShouldContain("49.00");
        Row(drafted, b.Id).QuerySelector(".dj-monthly")!.TextContent.ShouldContain("50.00");
        Row(drafted, a.Id).QuerySelector($"input[name='{Prefix(drafted, a.Id)}.Base']")!.GetAttribute("value").ShouldBe("4900");
        (await WizardAsync(branch)).GetProperty("members").EnumerateArray().ShouldAllBe(m => m.GetProperty("profile").ValueKind == JsonValueKind.Null);

        var confirmed = await session.SubmitAsync(drafted, "#dj-dues-wizard", new Dictionary<string, string> { ["Wizard.Action"] = "confirm" });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        MemberRow(await WizardAsync(branch), b.Id).GetProperty("profile").GetProperty("monthly").GetDecimal().ShouldBe(50.00m);

        var withStranger = await UploadAsync(session, page, DuesProfileTestData.Workbook([DuesProfileTestData.Row("查无此人", "0000", "在职", "3000")]));
        var (_, problems) = await session.GetAsync(withStranger.Headers.Location!.ToString());
        problems.QuerySelector("#dj-dues-draft-problems")!.TextContent.ShouldContain("第 2 行");
        problems.QuerySelector("#dj-dues-confirm")!.HasAttribute("disabled").ShouldBeTrue();

        var notXlsx = await UploadAsync(session, page, "不是表格"u8.ToArray());
        var (_, refused) = await session.GetAsync(notXlsx.Headers.Location!.ToString());
        refused.QuerySelector("#dj-dues-error")!.TextContent.ShouldContain("不是有效的 Excel 工作簿");
    }

    private static async Task<HttpResponseMessage> UploadAsync(BrowserlessSession session, IDocument page, byte[] file)
    {
        var form = page.QuerySelector("#dj-dues-import-form")!;
        var content = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]"))
        {
            content.Add(new StringContent(input.GetAttribute("value") ?? ""), input.GetAttribute("name")!);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", "党费基数.xlsx");
        return await session.Client.PostAsync("/dues/profiles/import", content);
    }

    [Fact]
    public async Task Page_Wizard_ABranchOf105Members_PostsBeyondTheDefaultFormLimit()
    {
        var (_, branch) = await BranchAsync();
        var members = new List<long>();
        // Ten fields a row: 1,050 values, past ASP.NET Core's default limit of 1,024.
        for (var i = 0; i < 105; i++) members.Add(await CommitteeTestData.CreateMemberAsync(App, branch, "学生"));
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, page) = await session.GetAsync($"/dues/profiles?org={branch}&year={_year}");
        var fields = new Dictionary<string, string> { ["Wizard.Action"] = "confirm" };
        foreach (var m in members) fields[$"{Prefix(page, m)}.MemberType"] = "Student";

        var confirmed = await session.SubmitAsync(page, "#dj-dues-wizard", fields);

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await confirmed.Content.ReadAsStringAsync());
        var (_, after) = await session.GetAsync(confirmed.Headers.Location!.ToString());
        after.QuerySelector("#dj-dues-count")!.TextContent.ShouldBe("105");
        after.QuerySelector("#dj-dues-total")!.TextContent.ShouldBe("21.00");
    }

    [Fact]
    public async Task Page_Profile_ChangeNeedsAReason_OverrideIsSaved_HistoryShowsTheReason()
    {
        var (_, branch) = await BranchAsync();
        var a = await CommitteeTestData.CreateMemberAsync(App, branch, "甲");
        await DuesProfileTestData.ConfirmAsync(App, branch, _year, DuesProfileTestData.Salaried(a, "5100"));
        var id = MemberRow(await WizardAsync(branch), a).GetProperty("profile").GetProperty("id").GetInt64();
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, page) = await session.GetAsync($"/dues/profiles/{id}");
        page.QuerySelector("#dj-profile-monthly")!.TextContent.ShouldContain("76.50");

        var noReason = await BrowserlessSession.ParseAsync(await session.SubmitAsync(page, "#dj-profile-change", new Dictionary<string, string> { ["Change.Row.Base"] = "6000" }));
        noReason.QuerySelector("[data-field='Reason']")!.TextContent.ShouldContain("须填写变更原因");

        var changed = await session.SubmitAsync(page, "#dj-profile-change", new Dictionary<string, string> { ["Change.Row.Base"] = "6000", ["Change.Reason"] = "补正工资基数" });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var overridden = await session.SubmitAsync(page, "#dj-profile-override-form", new Dictionary<string, string> { ["Adjust.Monthly"] = "88", ["Adjust.Reason"] = "按实发" });
        overridden.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, after) = await session.GetAsync($"/dues/profiles/{id}");
        after.QuerySelector("#dj-profile-monthly")!.TextContent.ShouldContain("88.00");
        after.QuerySelector("#dj-profile-override")!.TextContent.ShouldContain("按实发");
        var history = after.QuerySelector("#dj-profile-history")!.TextContent;
        history.ShouldContain("补正工资基数");
        history.ShouldContain("党费基数");
    }

    [Fact]
    public async Task Page_Reduction_ServingWithoutApprovalShowsTheRule_RetireeIsRecorded()
    {
        var (_, branch) = await BranchAsync();
        var serving = await CommitteeTestData.CreateMemberAsync(App, branch, "在职");
        var retired = await CommitteeTestData.CreateMemberAsync(App, branch, "离退休");
        await DuesProfileTestData.ConfirmAsync(App, branch, _year, DuesProfileTestData.Salaried(serving, "5100"), new DuesProfileInput(retired, DuesMemberType.Retired, "3000", null, null));
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, page) = await session.GetAsync($"/dues/reductions/new?org={branch}");
        var fields = new Dictionary<string, string>
        {
            ["Input.MemberId"] = serving.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.FromMonth"] = $"{_year}-01", ["Input.ToMonth"] = $"{_year}-02",
            ["Input.ReducedMonthly"] = "0", ["Input.Reason"] = "重病住院", ["Input.BranchDecisionOn"] = $"{_year}-01-01",
        };

        var refused = await BrowserlessSession.ParseAsync(await session.SubmitAsync(page, "#dj-reduction-form", fields));
        refused.QuerySelector("[data-field='HigherApprovalOn']")!.TextContent.ShouldContain("报上级党委批准");

        fields["Input.MemberId"] = retired.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var saved = await session.SubmitAsync(page, "#dj-reduction-form", fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, list) = await session.GetAsync(saved.Headers.Location!.ToString());
        list.QuerySelector("#dj-flash").ShouldNotBeNull();
        list.QuerySelector("#dj-reduction-table")!.TextContent.ShouldContain("免交");
    }

    [Fact]
    public async Task Page_Settings_AdministratorSetsTheShare_WorkerOnlyReads()
    {
        var (_, branch) = await BranchAsync();
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (_, page) = await session.GetAsync($"/dues/settings?org={branch}");
        page.QuerySelector("#dj-settings-source")!.TextContent.ShouldContain("系统默认");
        var saved = await session.SubmitAsync(page, "#dj-dues-settings-form", new Dictionary<string, string>
        {
            ["Input.Action"] = "save", ["Input.HeldSharePercent"] = "15", ["Input.AllowsQuarterly"] = "true",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await session.GetAsync($"/dues/settings?org={branch}");
        after.QuerySelector("#dj-held-share")!.TextContent.ShouldStartWith("15%");
        after.QuerySelector("#dj-quarterly")!.TextContent.ShouldContain("按季度");

        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, branch);
        using var workerSession = new BrowserlessSession(App);
        await workerSession.LogInAsync(worker);
        var (_, readOnly) = await workerSession.GetAsync($"/dues/settings?org={branch}");
        readOnly.QuerySelector("#dj-held-share")!.TextContent.ShouldStartWith("15%");
        readOnly.QuerySelector("#dj-dues-settings-form").ShouldBeNull();
    }

    [Fact]
    public async Task MyDues_TheLinkedMemberSeesTheirOwnBase_OthersAreToldTheyAreNotLinked()
    {
        var (_, branch) = await BranchAsync();
        var a = await CommitteeTestData.CreateMemberAsync(App, branch, "甲");
        await DuesProfileTestData.ConfirmAsync(App, branch, _year, DuesProfileTestData.Salaried(a, "5100"));
        var user = await App.CreateUserAsync(Unique("member"), Role.Member, branch);
        await DuesProfileTestData.LinkUserAsync(App, a, user.Id);

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(user);
        var (response, page) = await session.GetAsync("/my/dues");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#dj-my-monthly")!.TextContent.ShouldBe("76.50");
        (await session.GetAsync($"/dues/profiles?org={branch}")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var api = App.ApiClient(user);
        (await api.GetAsync($"/api/v1/dues/profiles?org={branch}")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await JsonAsync(await api.GetAsync("/api/v1/me/dues"), HttpStatusCode.OK)).GetProperty("profile").GetProperty("monthly").GetDecimal().ShouldBe(76.50m);

        var stranger = await App.CreateUserAsync(Unique("nobody"), Role.Member, branch);
        using var strangerSession = new BrowserlessSession(App);
        await strangerSession.LogInAsync(stranger);
        var (_, empty) = await strangerSession.GetAsync("/my/dues");
        empty.QuerySelector("#dj-my-dues-empty")!.TextContent.ShouldContain("尚未关联党员档案");
    }
}

public sealed class DuesProfileEndpointsTests_Sqlite(SqliteApp app) : DuesProfileEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class DuesProfileEndpointsTests_Postgres(PostgresApp app) : DuesProfileEndpointsTests(app), IClassFixture<PostgresApp>;
