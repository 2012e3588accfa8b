using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.Development.DevelopmentTestData;

namespace Dangjian.Web.Tests.Features.Development.Candidates;

/// <summary>The 发展党员 API and pages on this database: the pipeline to 预备党员, the rules in Chinese, corrections with a reason, masking.</summary>
public abstract class CandidateEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly DateOnly Today = VictimCandidate.Today;
    private static int _sequence;

    private TestUser _admin = null!;
    private HttpClient _client = null!;
    private long _root;
    private long _branch;
    private long _mentor;
    private long _sponsor;
    private long _probationary;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        _client = App.ApiClient(_admin);
        _root = await _client.CreateOrganizationAsync(null, Unique("R"), "发展测试党委", "Committee");
        _branch = await _client.CreateOrganizationAsync(_root, Unique("B"), "发展测试支部", "Branch");
        _mentor = await CommitteeTestData.CreateMemberAsync(App, _branch, "联系人", admittedOn: new DateOnly(2005, 1, 1));
        _sponsor = await CommitteeTestData.CreateMemberAsync(App, _branch, "介绍人", admittedOn: new DateOnly(2006, 1, 1));
        _probationary = await CommitteeTestData.CreateMemberAsync(App, _branch, "预备党员", MemberCategory.Probationary, admittedOn: Today.AddMonths(-3));
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static object NewCandidate(long organization, DateOnly applied, string name)
    {
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1995, 1, 1).AddDays(n * 7 + Random.Shared.Next(0, 3000));
        var first17 = $"110105{birth:yyyyMMdd}{Random.Shared.Next(0, 499) * 2 + 1:000}";
        return new
        {
            organizationId = organization, name, gender = "Male", birthDate = D(birth), idNumber = first17 + IdNumber.CheckCharacter(first17),
            employmentStatus = "Employed", employer = "测试单位", phone = "13812345678", isLeagueMember = true, recommendedByLeague = true, applicationDate = D(applied),
        };
    }

    private object StepBody(int step, DateOnly on) => step switch
    {
        5 => new { step, completedOn = D(on), memberIds = new[] { _mentor } },
        9 => new { step, completedOn = D(on), memberIds = new[] { _mentor, _sponsor } },
        10 => new { step, completedOn = D(on), reviewPassed = true, person = "政审组" },
        11 => new { step, completedOn = D(on), trainingHours = 24 },
        12 => new { step, completedOn = D(on), noticeFrom = D(on.AddDays(-20)), noticeTo = D(on.AddDays(-1)) },
        15 => new { step, completedOn = D(on), vote = new { expectedVoters = 9, presentVoters = 7, yes = 6, no = 1, abstain = 0, writtenYes = 1 } },
        _ => (object)new { step, completedOn = D(on), person = DevelopmentCatalogue.Step(step).Needs(StepFields.Person) ? "经办人" : null },
    };

    private async Task<long> CreateAsync(DateOnly applied, string name)
    {
        var created = await _client.PostAsJsonAsync("/api/v1/development/candidates", NewCandidate(_branch, applied, name));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task StepAsync(long id, int step, DateOnly on)
    {
        var response = await _client.PostAsJsonAsync($"/api/v1/development/candidates/{id}/steps", StepBody(step, on));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, $"步骤 {step}：{await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonElement> DetailsAsync(long id) => await _client.GetFromJsonAsync<JsonElement>($"/api/v1/development/candidates/{id}");

    [Fact]
    public async Task Api_FromApplicationTo预备党员_CreatesTheMember_AndRefusesInChinese()
    {
        var invalid = await _client.PostAsJsonAsync("/api/v1/development/candidates", new { organizationId = _branch });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await invalid.Content.ReadAsStringAsync();
        body.ShouldContain("请填写递交入党申请书的日期");
        body.ShouldContain("请选择从业状态");

        var applied = Today.AddYears(-3);
        var id = await CreateAsync(applied, Unique("申请人"));
        for (var step = 2; step <= 6; step++) await StepAsync(id, step, ScheduledOn(applied, step));

        var activist = ScheduledOn(applied, 3);
        var early = await _client.PostAsJsonAsync($"/api/v1/development/candidates/{id}/steps", StepBody(7, activist.AddYears(1).AddDays(-1)));
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).ShouldContain("一年以上培养教育");
        var noDate = await _client.PostAsJsonAsync($"/api/v1/development/candidates/{id}/steps", new { step = 7 });
        (await noDate.Content.ReadAsStringAsync()).ShouldContain("请填写步骤完成日期");
        await StepAsync(id, 7, ScheduledOn(applied, 7));
        await StepAsync(id, 8, ScheduledOn(applied, 8));
        var notFull = await _client.PostAsJsonAsync($"/api/v1/development/candidates/{id}/steps", new { step = 9, completedOn = D(ScheduledOn(applied, 9)), memberIds = new[] { _mentor, _probationary } });
        (await notFull.Content.ReadAsStringAsync()).ShouldContain("不是正式党员，不能担任入党介绍人");
        for (var step = 9; step <= 17; step++) await StepAsync(id, step, ScheduledOn(applied, step));

        var details = await DetailsAsync(id);
        details.GetProperty("progress").GetProperty("stage").GetString().ShouldBe("Probationary");
        var memberId = details.GetProperty("progress").GetProperty("memberId").GetInt64();
        var member = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{memberId}");
        member.GetProperty("category").GetString().ShouldBe("Probationary");
        member.GetProperty("admittedOn").GetString().ShouldBe(D(ScheduledOn(applied, 15)));
        details.GetProperty("people").GetArrayLength().ShouldBe(3);
        details.GetProperty("steps").GetArrayLength().ShouldBe(17);
        details.GetProperty("isMasked").GetBoolean().ShouldBeFalse();

        var list = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/development/candidates?under={_root}&stage=Probationary");
        list.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("id").GetInt64() == id);

        // Extension: 6–12 months, once.
        var tooLong = await _client.PostAsJsonAsync($"/api/v1/development/candidates/{id}/extension", new { on = D(Today), months = 13, reason = "需要继续考察" });
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain("6 至 12 个月");
        (await _client.PostAsJsonAsync($"/api/v1/development/candidates/{id}/extension", new { on = D(Today), months = 6, reason = "需要继续考察" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var twice = await _client.PostAsJsonAsync($"/api/v1/development/candidates/{id}/extension", new { on = D(Today), months = 6, reason = "再延长" });
        (await twice.Content.ReadAsStringAsync()).ShouldContain("只能延长一次");
        (await DetailsAsync(id)).GetProperty("extensionMonths").GetInt32().ShouldBe(6);

        var noReason = await _client.PostAsJsonAsync($"/api/v1/development/candidates/{id}/cancellation", new { on = D(Today) });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("请填写原因");
        (await _client.PostAsJsonAsync($"/api/v1/development/candidates/{id}/cancellation", new { on = D(Today), reason = "不履行党员义务" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await DetailsAsync(id)).GetProperty("progress").GetProperty("stage").GetString().ShouldBe("Cancelled");
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{memberId}")).GetProperty("status").GetString().ShouldBe("Left");
    }

    [Fact]
    public async Task Api_DateCorrection_NeedsAReason_AndIsAudited_FiledToggles_UpdateWorks()
    {
        var applied = Today.AddMonths(-2);
        var id = await CreateAsync(applied, Unique("更正人"));
        await StepAsync(id, 2, applied.AddDays(10));
        var stepId = (await DetailsAsync(id)).GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetInt32() == 2).GetProperty("id").GetInt64();

        var noReason = await _client.PutAsJsonAsync($"/api/v1/development/candidates/{id}/steps/{stepId}/date", new { completedOn = D(applied.AddDays(12)) });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("更正日期须填写原因");
        var before = await _client.PutAsJsonAsync($"/api/v1/development/candidates/{id}/steps/{stepId}/date", new { completedOn = D(applied.AddDays(-1)), reason = "笔误" });
        (await before.Content.ReadAsStringAsync()).ShouldContain("不能早于");
        (await _client.PutAsJsonAsync($"/api/v1/development/candidates/{id}/steps/{stepId}/date", new { completedOn = D(applied.AddDays(12)), reason = "谈话记录落款日期为准" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await DetailsAsync(id)).GetProperty("steps")[1].GetProperty("completedOn").GetString().ShouldBe(D(applied.AddDays(12)));
        var audit = await _client.GetStringAsync($"/api/v1/audit?organizationId={_branch}&pageSize=100");
        audit.ShouldContain("谈话记录落款日期为准");
        audit.ShouldContain("CandidateStep");

        (await _client.PutAsJsonAsync($"/api/v1/development/candidates/{id}/steps/{stepId}/filed", new { filed = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await DetailsAsync(id)).GetProperty("steps")[1].GetProperty("documentsFiled").GetBoolean().ShouldBeTrue();

        // Changing the application date is a correction of step 1: it needs a reason too.
        var moved = NewCandidate(_branch, applied.AddDays(1), "改名后");
        var unexplained = await _client.PutAsJsonAsync($"/api/v1/development/candidates/{id}", moved);
        unexplained.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unexplained.Content.ReadAsStringAsync()).ShouldContain("更正日期须填写原因");
        var json = JsonSerializer.SerializeToElement(moved);
        var explained = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        explained["reason"] = "申请书落款日期";
        (await _client.PutAsJsonAsync($"/api/v1/development/candidates/{id}", explained)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var renamed = await DetailsAsync(id);
        (renamed.GetProperty("name").GetString(), renamed.GetProperty("applicationDate").GetString()).ShouldBe(("改名后", D(applied.AddDays(1))));
    }

    [Fact]
    public async Task Masking_AWorkerSeesMaskedIdentity_InApiAndPage()
    {
        var id = await CreateAsync(Today.AddMonths(-1), Unique("脱敏人"));
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _branch);
        using var workerClient = App.ApiClient(worker);
        var masked = await workerClient.GetFromJsonAsync<JsonElement>($"/api/v1/development/candidates/{id}");
        masked.GetProperty("isMasked").GetBoolean().ShouldBeTrue();
        masked.GetProperty("idNumber").GetString()!.ShouldContain("**********");
        masked.GetProperty("phone").GetString().ShouldBe("138****5678");
        (await DetailsAsync(id)).GetProperty("phone").GetString().ShouldBe("13812345678");

        using var session = new BrowserlessSession(App);
        await session.LogInAsync(worker);
        var (_, page) = await session.GetAsync($"/development/candidates/{id}");
        page.QuerySelector("#dj-candidate-id")!.TextContent.ShouldContain("**********");
        page.QuerySelector("#dj-candidate-phone")!.TextContent.ShouldBe("138****5678");
    }

    [Fact]
    public async Task Pages_ListNewPersonStepFormCorrection()
    {
        using var session = new BrowserlessSession(App);
        await session.LogInAsync(_admin);

        var (_, form) = await session.GetAsync($"/development/candidates/new?org={_branch}");
        var empty = await BrowserlessSession.ParseAsync(await session.SubmitAsync(form, "#dj-candidate-form", new Dictionary<string, string> { ["Input.ApplicationDate"] = "" }));
        empty.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("请填写递交入党申请书的日期");
        empty.QuerySelector("[data-field='Name']").ShouldNotBeNull();

        var name = Unique("页面申请人");
        var birth = new DateOnly(1996, 4, 8);
        var first17 = $"110106{birth:yyyyMMdd}{Random.Shared.Next(0, 499) * 2 + 1:000}";
        var saved = await session.SubmitAsync(form, "#dj-candidate-form", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Gender"] = "Male", ["Input.BirthDate"] = D(birth), ["Input.IdNumber"] = first17 + IdNumber.CheckCharacter(first17),
            ["Input.EmploymentStatus"] = "Employed", ["Input.Employer"] = "页面单位", ["Input.ApplicationDate"] = D(Today.AddMonths(-2)),
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var location = saved.Headers.Location!.PathAndQuery;
        location.ShouldMatch(@"^/development/candidates/\d+\?flash=created$");
        var id = long.Parse(location.Split('/', '?')[3]);

        var (_, person) = await session.GetAsync(location);
        person.QuerySelector("#dj-flash")!.TextContent.ShouldContain("已新建");
        person.QuerySelector("#dj-candidate-stage")!.TextContent.ShouldBe("入党申请人");
        var warning = person.QuerySelector("#dj-candidate-warnings li[data-rule='talk.due']")!;
        warning.GetAttribute("data-overdue").ShouldBe("true");
        warning.ClassName!.ShouldContain("text-danger");
        person.QuerySelector("#dj-next-due")!.TextContent.ShouldBe(D(Today.AddMonths(-2).AddMonths(1)));
        person.QuerySelector("#dj-candidate-id")!.TextContent.Length.ShouldBe(18);

        var (_, list) = await session.GetAsync($"/development/candidates?org={_root}&name={Uri.EscapeDataString(name)}&overdue=true");
        var row = list.QuerySelector($"#dj-candidates tr[data-candidate-id='{id}']")!;
        row.TextContent.ShouldContain("2. 党组织派人谈话");
        row.ClassName!.ShouldContain("table-danger");
        var (_, none) = await session.GetAsync($"/development/candidates?org={_root}&name={Uri.EscapeDataString(name)}&stage=Activist");
        none.QuerySelector("#dj-candidate-results")!.TextContent.ShouldContain("暂无数据");

        // The step form: a missing person is refused in Chinese and nothing is recorded.
        var (_, stepForm) = await session.GetAsync(person.QuerySelector("#dj-next-step-link")!.GetAttribute("href")!);
        stepForm.QuerySelector("#Person").ShouldNotBeNull();
        var refused = await BrowserlessSession.ParseAsync(await session.SubmitAsync(stepForm, "#dj-step-form", new Dictionary<string, string> { ["Input.Person"] = "" }));
        refused.QuerySelector("[data-field='Person']")!.TextContent.ShouldContain("请填写经办人或审批组织");
        (await DetailsAsync(id)).GetProperty("steps").GetArrayLength().ShouldBe(1);
        var done = await session.SubmitAsync(stepForm, "#dj-step-form", new Dictionary<string, string> { ["Input.Person"] = "支部书记", ["Input.CompletedOn"] = D(Today.AddMonths(-2).AddDays(5)), ["Input.DocumentsFiled"] = "true" });
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect, await done.Content.ReadAsStringAsync());

        var (_, after) = await session.GetAsync($"/development/candidates/{id}");
        var talkRow = after.QuerySelector("#dj-candidate-steps tr[data-step='2']")!;
        talkRow.TextContent.ShouldContain("支部书记");
        talkRow.TextContent.ShouldContain("已归档");
        var stepId = talkRow.GetAttribute("data-step-id")!;
        (await session.SubmitAsync(after, "#dj-step-filed-form", new Dictionary<string, string> { ["StepFiled"] = stepId })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetAsync($"/development/candidates/{id}")).Document.QuerySelector("#dj-candidate-steps tr[data-step='2']")!.TextContent.ShouldContain("未归档");

        // 更正日期 needs a reason.
        var (_, stepPage) = await session.GetAsync($"/development/candidates/{id}/steps/{stepId}");
        stepPage.QuerySelector("#dj-attachments-empty").ShouldNotBeNull();
        var uploaded = await session.SubmitFileAsync(stepPage, "#dj-attachment-upload", new Dictionary<string, string>(), "file", "谈话记录.pdf", Dangjian.Web.Tests.Features.Attachments.AttachmentTestData.Pdf);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        var (_, withFile) = await session.GetAsync(uploaded.Headers.Location!.OriginalString);
        withFile.QuerySelector("#dj-attachments-table")!.TextContent.ShouldContain("谈话记录.pdf");
        var noReason = await BrowserlessSession.ParseAsync(await session.SubmitAsync(stepPage, "#dj-step-date-form", new Dictionary<string, string> { ["Input.CompletedOn"] = D(Today.AddMonths(-2).AddDays(6)) }));
        noReason.QuerySelector("[data-field='Reason']")!.TextContent.ShouldBe("更正日期须填写原因");
        (await session.SubmitAsync(stepPage, "#dj-step-date-form", new Dictionary<string, string> { ["Input.CompletedOn"] = D(Today.AddMonths(-2).AddDays(6)), ["Input.Reason"] = "以记录为准" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetAsync($"/development/candidates/{id}/steps/{stepId}")).Document.QuerySelector("#dj-step-date")!.TextContent.ShouldBe(D(Today.AddMonths(-2).AddDays(6)));

        // Editing: a changed application date needs a reason.
        var (_, edit) = await session.GetAsync($"/development/candidates/{id}/edit");
        (edit.QuerySelector("#Employer") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value.ShouldBe("页面单位");
        var unexplained = await BrowserlessSession.ParseAsync(await session.SubmitAsync(edit, "#dj-candidate-form", new Dictionary<string, string> { ["Input.ApplicationDate"] = D(Today.AddMonths(-2).AddDays(1)) }));
        unexplained.QuerySelector("#dj-error-summary")!.TextContent.ShouldContain("更正日期须填写原因");
        (await session.SubmitAsync(edit, "#dj-candidate-form", new Dictionary<string, string> { ["Input.Employer"] = "新单位" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DetailsAsync(id)).GetProperty("employer").GetString().ShouldBe("新单位");

        // Mentors are chosen from the branch's members, with their standing.
        var (_, sponsors) = await session.GetAsync($"/development/candidates/{id}/steps/new?step=9");
        var options = sponsors.QuerySelectorAll("#FirstMemberId option").Select(o => o.TextContent).ToList();
        options.ShouldContain(o => o.Contains("联系人") && o.Contains("正式党员"));
        options.ShouldContain(o => o.StartsWith("预备党员") && o.EndsWith("（预备党员）"));
        sponsors.QuerySelector("#SecondMemberId").ShouldNotBeNull();
    }
}

public sealed class CandidateEndpointsTests_Sqlite(SqliteApp app) : CandidateEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class CandidateEndpointsTests_Postgres(PostgresApp app) : CandidateEndpointsTests(app), IClassFixture<PostgresApp>;
