using System.Net;
using System.Net.Http.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Documents.Development;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.Features.Summaries;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.Development.DevelopmentTestData;

namespace Dangjian.Web.Tests.Features.Development.Documents;

/// <summary>
/// The 发展党员 documents on this database: the three 公示 and the 备案 report through the API and the page, the 公示 period on the
/// seeded holiday calendar (国庆 2026), Chinese errors without a file, and scope (a branch cannot put another branch's people on a 公示).
/// </summary>
public abstract class DevelopmentDocumentsTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private TestUser _admin = null!;
    private long _root;
    private long _a;
    private long _b;
    private string _rootName = "";
    private string _aName = "";
    private long _mentor;
    private long _activistA;
    private long _activistB;
    private long _probationary;
    private DateOnly _activistAppliedOn;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var client = App.ApiClient(_admin);
        _rootName = Unique("文书党委");
        _aName = Unique("文书甲支部");
        _root = await client.CreateOrganizationAsync(null, Unique("R"), _rootName, "Committee");
        _a = await client.CreateOrganizationAsync(_root, Unique("A"), _aName, "Branch");
        _b = await client.CreateOrganizationAsync(_root, Unique("B"), Unique("文书乙支部"), "Branch");
        _mentor = await CommitteeTestData.CreateMemberAsync(App, _a, "培养人", admittedOn: new DateOnly(2005, 1, 1));
        var sponsor = await CommitteeTestData.CreateMemberAsync(App, _a, "介绍人", admittedOn: new DateOnly(2006, 1, 1));

        _activistAppliedOn = Today.AddMonths(-8);
        _activistA = await CandidateAsync(App, _a, _activistAppliedOn, "甲积极分子");
        await StepsAsync(App, _activistA, _activistAppliedOn, 2, 5, _mentor, sponsor);
        _activistB = await CandidateAsync(App, _b, _activistAppliedOn, "乙积极分子");
        await StepsAsync(App, _activistB, _activistAppliedOn, 2, 5, _mentor, sponsor);
        var probationAppliedOn = Today.AddYears(-2);
        _probationary = await CandidateAsync(App, _a, probationAppliedOn, "预备党员");
        await StepsAsync(App, _probationary, probationAppliedOn, 2, 17, _mentor, sponsor);
    }

    [Fact]
    public async Task TargetNotice_Api_DocxWithTheActivists_AndA公示AcrossNationalDay2026OnTheSeededCalendar()
    {
        using var api = App.ApiClient(_admin);

        var response = await api.PostAsJsonAsync("/api/v1/development/documents/target-notice",
            new { org = _root, ids = new[] { _activistA, _activistB }, from = "2026-09-30", days = 5, contact = "王老师", phone = "010-12345678" });

        var paragraphs = await DocxParagraphsAsync(response, "为发展对象的公示");
        paragraphs[0].ShouldContain("等2名同志为发展对象的公示");
        var text = string.Join("\n", paragraphs);
        // 9-30, then 10-1..10-7 off, 10-8, 10-9, Saturday 10-10 worked (调休), 10-12: five working days.
        text.ShouldContain("公示时间：2026年9月30日至2026年10月12日（5个工作日）。");
        text.ShouldContain("联系人：王老师　联系电话：010-12345678");
        text.ShouldContain("甲积极分子");
        text.ShouldContain("乙积极分子");
        text.ShouldContain(DevelopmentDocuments.TableDate(ScheduledOn(_activistAppliedOn, 3)));
        text.ShouldContain(DevelopmentDocuments.TableDate(_activistAppliedOn));
        paragraphs[^2].ShouldBe(_rootName);
        paragraphs[^1].ShouldBe("2026年9月30日");
    }

    [Fact]
    public async Task ConfirmationNotice_Api_PrintsVoteDateProbationEndAndBranch()
    {
        using var api = App.ApiClient(_admin);

        var response = await api.PostAsJsonAsync("/api/v1/development/documents/confirmation-notice", new { org = _a, ids = new[] { _probationary } });

        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        var text = SummaryWorld.Text(bytes);
        text.ShouldContain("预备党员拟转正的公示");
        var vote = ScheduledOn(Today.AddYears(-2), 15);
        text.ShouldContain(DevelopmentDocuments.TableDate(vote));
        text.ShouldContain(DevelopmentDocuments.TableDate(vote.AddYears(1)));
        text.ShouldContain(_aName);
        // Default period: from today, the organization's 5 working days.
        text.ShouldContain($"公示时间：{Dangjian.Documents.Docx.OfficialDocumentWriter.FormatDate(Today)}至");
        text.ShouldContain("（5个工作日）");
    }

    [Fact]
    public async Task FilingReport_Api_ActivistsOfThePeriod_AddressedToTheUpperCommittee_WithTheirMentor()
    {
        using var api = App.ApiClient(_admin);
        var activistOn = ScheduledOn(_activistAppliedOn, 3);

        var response = await api.PostAsJsonAsync("/api/v1/development/documents/filing-report",
            new { org = _a, kind = "activists", from = activistOn.AddDays(-1).ToString("yyyy-MM-dd"), to = activistOn.ToString("yyyy-MM-dd") });

        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        var paragraphs = SummaryWorld.Paragraphs(bytes);
        paragraphs[0].ShouldBe("关于确定入党积极分子的备案报告");
        paragraphs[1].ShouldBe(_rootName + "：");
        var text = string.Join("\n", paragraphs);
        text.ShouldContain("共确定入党积极分子1名");
        text.ShouldContain("甲积极分子");
        text.ShouldNotContain("乙积极分子"); // branch B is not under A
        text.ShouldContain("培养人");
        text.ShouldContain(DevelopmentDocuments.TableDate(activistOn));
    }

    [Fact]
    public async Task BadInput_Api_ChineseErrorsAndNoFile()
    {
        using var api = App.ApiClient(_admin);

        var wrongStage = await api.PostAsJsonAsync("/api/v1/development/documents/target-notice", new { org = _root, ids = new[] { _activistA, _probationary } });
        var tooShort = await api.PostAsJsonAsync("/api/v1/development/documents/target-notice", new { org = _root, ids = new[] { _activistA }, days = 3 });
        var nobody = await api.PostAsJsonAsync("/api/v1/development/documents/confirmation-notice", new { org = _root, ids = Array.Empty<long>() });
        var activistAsProbationary = await api.PostAsJsonAsync("/api/v1/development/documents/confirmation-notice", new { org = _root, ids = new[] { _activistA } });
        var reversed = await api.PostAsJsonAsync("/api/v1/development/documents/filing-report", new { org = _root, kind = "targets", from = "2026-06-30", to = "2026-01-01" });
        var badKind = await api.PostAsJsonAsync("/api/v1/development/documents/filing-report", new { org = _root, kind = "members", from = "2026-01-01", to = "2026-06-30" });
        var empty = await api.PostAsJsonAsync("/api/v1/development/documents/filing-report", new { org = _root, kind = "targets", from = "2000-01-01", to = "2000-12-31" });

        await ShouldBeProblem(wrongStage, HttpStatusCode.Conflict, "目前不是入党积极分子");
        await ShouldBeProblem(tooShort, HttpStatusCode.BadRequest, "不能少于 5 个工作日");
        await ShouldBeProblem(nobody, HttpStatusCode.BadRequest, "请至少选择一名同志");
        await ShouldBeProblem(activistAsProbationary, HttpStatusCode.Conflict, "目前不是预备党员");
        await ShouldBeProblem(reversed, HttpStatusCode.BadRequest, "开始日期不能晚于结束日期");
        await ShouldBeProblem(badKind, HttpStatusCode.BadRequest, "activists");
        await ShouldBeProblem(empty, HttpStatusCode.Conflict, "没有确定发展对象的记录");
    }

    [Fact]
    public async Task ScopeProbe_UserOfBranchB_CannotIncludeSomeoneOfBranchA_NorSeeThem()
    {
        var branchUser = await App.CreateUserAsync(Unique("branchB"), Role.OrgAdmin, _b);
        using var api = App.ApiClient(branchUser);

        var mine = await api.PostAsJsonAsync("/api/v1/development/documents/target-notice", new { org = _b, ids = new[] { _activistB } });
        var smuggled = await api.PostAsJsonAsync("/api/v1/development/documents/target-notice", new { org = _b, ids = new[] { _activistB, _activistA } });
        var otherBranch = await api.PostAsJsonAsync("/api/v1/development/documents/target-notice", new { org = _a, ids = new[] { _activistA } });
        var parent = await api.PostAsJsonAsync("/api/v1/development/documents/filing-report", new { org = _root, kind = "activists", from = "2000-01-01", to = Today.ToString("yyyy-MM-dd") });
        var listed = await api.GetStringAsync($"/api/v1/development/documents/candidates?org={_b}&kind=target-notice");
        var listedOther = await api.GetAsync($"/api/v1/development/documents/candidates?org={_a}&kind=target-notice");

        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeProblem(smuggled, HttpStatusCode.NotFound, $"编号 {_activistA}");
        (await smuggled.Content.ReadAsStringAsync()).ShouldNotContain("甲积极分子");
        await ShouldBeProblem(otherBranch, HttpStatusCode.NotFound, "不在您的管理范围内");
        await ShouldBeProblem(parent, HttpStatusCode.NotFound, "不在您的管理范围内");
        listed.ShouldContain("乙积极分子");
        listed.ShouldNotContain("甲积极分子");
        listedOther.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The page: only branch B's people to tick, and a hand-made URL with A's person is refused without a file.
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(branchUser);
        var (_, page) = await session.GetAsync($"/development/documents?org={_b}&kind=target-notice");
        page.QuerySelector("#dj-devdoc-people")!.TextContent.ShouldContain("乙积极分子");
        page.QuerySelector("#dj-devdoc-people")!.TextContent.ShouldNotContain("甲积极分子");
        var (refused, refusedPage) = await session.GetAsync($"/development/documents?org={_b}&kind=target-notice&ids={_activistA}&generate=1");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.Headers.Location.ShouldBeNull();
        refusedPage.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("不在所选组织及您的管理范围内");
        var download = await session.Client.GetAsync($"/development/documents/download?kind=target-notice&org={_b}&ids={_activistA}");
        download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        download.Content.Headers.ContentType!.MediaType.ShouldNotBe(DevelopmentDocuments.DocxContentType);
    }

    [Fact]
    public async Task Page_ChooseTickAndGenerate_RedirectsToTheDownload_BadInputShowsChineseErrors()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);

        var (_, page) = await session.GetAsync($"/development/documents?org={_root}&kind=target-notice");
        var people = page.QuerySelector("#dj-devdoc-people")!;
        people.QuerySelector($"input[name='ids'][value='{_activistA}']").ShouldNotBeNull();
        people.QuerySelector($"input[name='ids'][value='{_activistB}']").ShouldNotBeNull();
        people.QuerySelector($"input[name='ids'][value='{_probationary}']").ShouldBeNull();
        page.QuerySelector("#days")!.GetAttribute("value").ShouldBe("5");
        page.QuerySelector("#from")!.GetAttribute("value").ShouldBe(Today.ToString("yyyy-MM-dd"));
        // The seeded calendar ends with 2026 (holidays.md): a 公示 in 2027 would be counted on the bare week, and the page says so.
        var (_, in2027) = await session.GetAsync($"/development/documents?org={_root}&kind=target-notice&from=2027-01-04");
        in2027.QuerySelector("#dj-devdoc-calendar")!.TextContent.ShouldContain("2027 年的公示期只能按周六、周日休息计算");
        var (_, in2026) = await session.GetAsync($"/development/documents?org={_root}&kind=target-notice&from=2026-12-01");
        in2026.QuerySelector("#dj-devdoc-calendar").ShouldBeNull();

        var (generated, _) = await session.GetAsync($"/development/documents?org={_root}&kind=target-notice&ids={_activistA}&ids={_activistB}&from=2026-09-28&days=5&contact=%E7%8E%8B%E8%80%81%E5%B8%88&generate=1");
        generated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = PathOf(generated.Headers.Location!);
        location.ShouldStartWith("/development/documents/download?");
        var file = await session.Client.GetAsync(location);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        file.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        file.Content.Headers.ContentType!.MediaType.ShouldBe(DevelopmentDocuments.DocxContentType);
        var text = SummaryWorld.Text(bytes);
        text.ShouldContain("公示时间：2026年9月28日至2026年10月9日（5个工作日）。");
        text.ShouldContain("联系人：王老师");

        // The report from the page: the period instead of people.
        var (report, _) = await session.GetAsync($"/development/documents?org={_root}&kind=activist-report&from=2000-01-01&to={Today:yyyy-MM-dd}&generate=1");
        report.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        SummaryWorld.Text(await (await session.Client.GetAsync(PathOf(report.Headers.Location!))).Content.ReadAsByteArrayAsync())
            .ShouldContain("共确定入党积极分子3名"); // both activists and the 预备党员, who was once one

        var (bad, badPage) = await session.GetAsync($"/development/documents?org={_root}&kind=target-notice&from=2026-13-01&days=abc&generate=1");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        bad.Headers.Location.ShouldBeNull();
        badPage.QuerySelector("[data-field='from']")!.TextContent.ShouldBe("公示开始日期格式应为 yyyy-MM-dd");
        badPage.QuerySelector("[data-field='days']")!.TextContent.ShouldBe("公示工作日应为整数");
        var (none, nonePage) = await session.GetAsync($"/development/documents?org={_root}&kind=confirmation-notice&generate=1");
        none.Headers.Location.ShouldBeNull();
        nonePage.QuerySelector("[data-field='ids']")!.TextContent.ShouldBe("请至少选择一名同志");
    }

    [Fact]
    public async Task AdmissionNotice_Api_DocxWithTheTargetAndSponsors_AndA公示AcrossNationalDay2026()
    {
        var world = await AdmissionWorldAsync();
        using var api = App.ApiClient(_admin);

        var response = await api.PostAsJsonAsync("/api/v1/development/documents/admission-notice",
            new { org = _root, ids = new[] { world.TargetA, world.TargetB }, from = "2026-09-30", days = 5, contact = "王老师" });

        var paragraphs = await DocxParagraphsAsync(response, "为中共预备党员的公示");
        paragraphs[0].ShouldContain("关于拟接收");
        paragraphs[0].ShouldContain("等2名同志为中共预备党员的公示");
        var text = string.Join("\n", paragraphs);
        text.ShouldContain("拟提交支部党员大会讨论接收为中共预备党员");
        // 9-30, then 10-1..10-7 off, 10-8, 10-9, Saturday 10-10 worked (调休), 10-12: five working days.
        text.ShouldContain("公示时间：2026年9月30日至2026年10月12日（5个工作日）。");
        text.ShouldContain("联系人：王老师");
        text.ShouldContain("甲发展对象");
        text.ShouldContain("乙发展对象");
        // The table: the day each became a 发展对象 (step 7), the application month and both 入党介绍人 of step 9.
        text.ShouldContain(DevelopmentDocuments.TableDate(ScheduledOn(world.AppliedOn, 7)));
        text.ShouldContain(DevelopmentDocuments.TableMonth(world.AppliedOn));
        text.ShouldContain("甲介绍人");
        text.ShouldContain("乙介绍人");
        paragraphs[^2].ShouldBe(_rootName);
        paragraphs[^1].ShouldBe("2026年9月30日");

        // Without from/days: from today for the organization's 5 working days, the end date printed.
        var byDefault = await api.PostAsJsonAsync("/api/v1/development/documents/admission-notice", new { org = _a, ids = new[] { world.TargetA } });
        var defaultText = SummaryWorld.Text(await byDefault.Content.ReadAsByteArrayAsync());
        byDefault.StatusCode.ShouldBe(HttpStatusCode.OK, defaultText);
        defaultText.ShouldContain($"公示时间：{Dangjian.Documents.Docx.OfficialDocumentWriter.FormatDate(Today)}至");
        defaultText.ShouldContain("（5个工作日）");
    }

    [Fact]
    public async Task AdmissionNotice_PeopleAtTheWrongStage_RefusedInChineseWithoutAFile()
    {
        var world = await AdmissionWorldAsync();
        using var api = App.ApiClient(_admin);

        var activist = await api.PostAsJsonAsync("/api/v1/development/documents/admission-notice", new { org = _root, ids = new[] { world.TargetA, _activistA } });
        var probationary = await api.PostAsJsonAsync("/api/v1/development/documents/admission-notice", new { org = _root, ids = new[] { _probationary } });
        var voted = await api.PostAsJsonAsync("/api/v1/development/documents/admission-notice", new { org = _root, ids = new[] { world.Voted } });
        var tooShort = await api.PostAsJsonAsync("/api/v1/development/documents/admission-notice", new { org = _root, ids = new[] { world.TargetA }, days = 4 });
        var asTarget = await api.PostAsJsonAsync("/api/v1/development/documents/target-notice", new { org = _root, ids = new[] { world.TargetA } });

        await ShouldBeProblem(activist, HttpStatusCode.Conflict, "目前不是发展对象，不能列入拟接收预备党员的公示");
        await ShouldBeProblem(probationary, HttpStatusCode.Conflict, "目前不是发展对象");
        await ShouldBeProblem(voted, HttpStatusCode.Conflict, "已经支部大会讨论，无需再公示");
        await ShouldBeProblem(tooShort, HttpStatusCode.BadRequest, "不能少于 5 个工作日");
        await ShouldBeProblem(asTarget, HttpStatusCode.Conflict, "目前不是入党积极分子");

        // The page: the wrong person in a hand-made URL gives the error in the form, no redirect to a file.
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);
        var (refused, refusedPage) = await session.GetAsync($"/development/documents?org={_root}&kind=admission-notice&ids={_activistA}&generate=1");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.Headers.Location.ShouldBeNull();
        refusedPage.QuerySelector("[data-field='ids']")!.TextContent.ShouldContain("目前不是发展对象");
        var download = await session.Client.GetAsync($"/development/documents/download?kind=admission-notice&org={_root}&ids={world.Voted}");
        download.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        download.Content.Headers.ContentType!.MediaType.ShouldNotBe(DevelopmentDocuments.DocxContentType);
    }

    [Fact]
    public async Task AdmissionNotice_ScopeProbe_UserOfBranchB_SeesAndIncludesOnlyBranchB()
    {
        var world = await AdmissionWorldAsync();
        var branchUser = await App.CreateUserAsync(Unique("branchB"), Role.OrgAdmin, _b);
        using var api = App.ApiClient(branchUser);

        var mine = await api.PostAsJsonAsync("/api/v1/development/documents/admission-notice", new { org = _b, ids = new[] { world.TargetB } });
        var smuggled = await api.PostAsJsonAsync("/api/v1/development/documents/admission-notice", new { org = _b, ids = new[] { world.TargetB, world.TargetA } });
        var otherBranch = await api.PostAsJsonAsync("/api/v1/development/documents/admission-notice", new { org = _a, ids = new[] { world.TargetA } });
        var listed = await api.GetStringAsync($"/api/v1/development/documents/candidates?org={_b}&kind=admission-notice");
        var listedOther = await api.GetAsync($"/api/v1/development/documents/candidates?org={_root}&kind=admission-notice");

        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeProblem(smuggled, HttpStatusCode.NotFound, $"编号 {world.TargetA}");
        (await smuggled.Content.ReadAsStringAsync()).ShouldNotContain("甲发展对象");
        await ShouldBeProblem(otherBranch, HttpStatusCode.NotFound, "不在您的管理范围内");
        listed.ShouldContain("乙发展对象");
        listed.ShouldNotContain("甲发展对象");
        listed.ShouldNotContain("乙积极分子"); // an activist is not a 发展对象
        listedOther.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(branchUser);
        var (_, page) = await session.GetAsync($"/development/documents?org={_b}&kind=admission-notice");
        page.QuerySelector("#dj-devdoc-people")!.TextContent.ShouldContain("乙发展对象");
        page.QuerySelector("#dj-devdoc-people")!.TextContent.ShouldNotContain("甲发展对象");
        var download = await session.Client.GetAsync($"/development/documents/download?kind=admission-notice&org={_b}&ids={world.TargetA}");
        download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        download.Content.Headers.ContentType!.MediaType.ShouldNotBe(DevelopmentDocuments.DocxContentType);
    }

    [Fact]
    public async Task AdmissionNotice_Page_OffersTheKind_ListsOnly发展对象NotYetVoted_AndDownloads()
    {
        var world = await AdmissionWorldAsync();
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);

        var (_, page) = await session.GetAsync($"/development/documents?org={_root}&kind=admission-notice");
        var kinds = page.QuerySelectorAll("#kind option").Select(o => o.TextContent).ToList();
        kinds.ShouldContain("拟确定发展对象公示");
        kinds.ShouldContain("发展对象公示（拟接收为预备党员）");
        page.QuerySelector("#kind option[selected]")!.GetAttribute("value").ShouldBe("admission-notice");
        var people = page.QuerySelector("#dj-devdoc-people")!;
        people.QuerySelector($"input[name='ids'][value='{world.TargetA}']").ShouldNotBeNull();
        people.QuerySelector($"input[name='ids'][value='{world.TargetB}']").ShouldNotBeNull();
        people.QuerySelector($"input[name='ids'][value='{world.Voted}']").ShouldBeNull();
        people.QuerySelector($"input[name='ids'][value='{_activistA}']").ShouldBeNull();
        people.QuerySelector($"input[name='ids'][value='{_probationary}']").ShouldBeNull();
        people.TextContent.ShouldContain("确定为发展对象日期");
        people.TextContent.ShouldContain(ScheduledOn(world.AppliedOn, 7).ToString("yyyy-MM-dd"));

        var (generated, _) = await session.GetAsync($"/development/documents?org={_root}&kind=admission-notice&ids={world.TargetA}&from=2026-09-28&days=5&generate=1");
        generated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var file = await session.Client.GetAsync(PathOf(generated.Headers.Location!));
        var bytes = await file.Content.ReadAsByteArrayAsync();
        file.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        file.Content.Headers.ContentType!.MediaType.ShouldBe(DevelopmentDocuments.DocxContentType);
        var text = SummaryWorld.Text(bytes);
        text.ShouldContain("同志为中共预备党员的公示");
        text.ShouldContain("公示时间：2026年9月28日至2026年10月9日（5个工作日）。");
        text.ShouldContain("甲介绍人");
    }

    private sealed record AdmissionWorld(long TargetA, long TargetB, long Voted, DateOnly AppliedOn);

    /// <summary>
    /// Two 发展对象 with their 入党介绍人 named at step 9 and trained at step 11 (about two months after step 7), one in each
    /// branch, and one of branch A whose admission the 支部大会 has voted on (step 15) but the upper committee not yet approved.
    /// </summary>
    private async Task<AdmissionWorld> AdmissionWorldAsync()
    {
        var sponsorA = await CommitteeTestData.CreateMemberAsync(App, _a, "甲介绍人", admittedOn: new DateOnly(2004, 1, 1));
        var sponsorB = await CommitteeTestData.CreateMemberAsync(App, _a, "乙介绍人", admittedOn: new DateOnly(2007, 1, 1));
        var appliedOn = Today.AddMonths(-20);
        var targetA = await CandidateAsync(App, _a, appliedOn, "甲发展对象");
        await StepsAsync(App, targetA, appliedOn, 2, 11, sponsorA, sponsorB);
        var targetB = await CandidateAsync(App, _b, appliedOn, "乙发展对象");
        await StepsAsync(App, targetB, appliedOn, 2, 11, sponsorA, sponsorB);
        var votedAppliedOn = Today.AddMonths(-21);
        var voted = await CandidateAsync(App, _a, votedAppliedOn, "已表决");
        await StepsAsync(App, voted, votedAppliedOn, 2, 15, sponsorA, sponsorB);
        return new AdmissionWorld(targetA, targetB, voted, appliedOn);
    }

    /// <summary>The paragraphs of a docx download, after checking that it is one and that its file name says what it is.</summary>
    private static async Task<List<string>> DocxParagraphsAsync(HttpResponseMessage response, string fileNamePart)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType!.MediaType.ShouldBe(DevelopmentDocuments.DocxContentType);
        (response.Content.Headers.ContentDisposition!.FileNameStar ?? "").ShouldContain(fileNamePart);
        return SummaryWorld.Paragraphs(bytes).ToList();
    }

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static async Task ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        body.ShouldContain(message);
    }
}

public sealed class DevelopmentDocumentsTests_Sqlite(SqliteApp app) : DevelopmentDocumentsTests(app), IClassFixture<SqliteApp>;

public sealed class DevelopmentDocumentsTests_Postgres(PostgresApp app) : DevelopmentDocumentsTests(app), IClassFixture<PostgresApp>;
