using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Members;

public abstract class MemberEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _sysAdmin = null!;
    private TestUser _orgAdmin = null!;
    private TestUser _readOnly = null!;
    private HttpClient _admin = null!;
    private HttpClient _reader = null!;
    private long _branch;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _sysAdmin = await App.CreateUserAsync(Unique("sys"), Role.SystemAdmin, null);
        using var sys = App.ApiClient(_sysAdmin);
        var root = await sys.CreateOrganizationAsync(null, Unique("R"), "党员测试党委", "Committee");
        _branch = await sys.CreateOrganizationAsync(root, Unique("B"), "党员测试第一党支部", "Branch");
        _orgAdmin = await App.CreateUserAsync(Unique("orgadmin"), Role.OrgAdmin, root);
        _readOnly = await App.CreateUserAsync(Unique("reader"), Role.ReadOnly, root);
        _admin = App.ApiClient(_orgAdmin);
        _reader = App.ApiClient(_readOnly);
    }

    public override ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        _reader?.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task Create_Valid_Returns201_AndOrgAdminSeesUnmaskedWithViewedAudit()
    {
        var (id, idNumber, phone) = await _admin.CreateMemberAsync(_branch, "李明");

        var details = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        details.GetProperty("idNumber").GetString().ShouldBe(idNumber);
        details.GetProperty("phone").GetString().ShouldBe(phone);
        details.GetProperty("isMasked").GetBoolean().ShouldBeFalse();

        var audit = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Member&entityKey={id}");
        var viewed = audit.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "Viewed").ToList();
        viewed.ShouldNotBeEmpty();
        viewed[0].GetProperty("reason").GetString().ShouldBe("查看未脱敏的身份证号/电话");
        viewed[0].GetProperty("userName").GetString().ShouldBe(_orgAdmin.UserName + "姓名");
    }

    [Fact]
    public async Task ReadOnlyUser_SeesMaskedIdAndPhone_InListDetailAndSearch_AndNoViewIsAudited()
    {
        var (id, idNumber, phone) = await _admin.CreateMemberAsync(_branch, "王芳");

        var details = await _reader.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        details.GetProperty("idNumber").GetString().ShouldBe(IdNumber.Mask(idNumber));
        details.GetProperty("phone").GetString().ShouldBe(IdNumber.MaskPhone(phone));
        details.GetProperty("isMasked").GetBoolean().ShouldBeTrue();

        var tail = idNumber[^6..];
        var found = await _reader.GetFromJsonAsync<JsonElement>($"/api/v1/members?under={_branch}&search={tail}");
        var item = found.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);
        item.GetProperty("idNumber").GetString().ShouldBe(IdNumber.Mask(idNumber));
        item.GetProperty("phone").GetString().ShouldBe(IdNumber.MaskPhone(phone));
        (await _reader.GetStringAsync($"/api/v1/members?under={_branch}&pageSize=100")).ShouldNotContain(idNumber);

        var timeline = await _reader.GetStringAsync($"/api/v1/members/{id}/timeline");
        timeline.ShouldNotContain(idNumber);
        timeline.ShouldNotContain(phone);

        var audit = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Member&entityKey={id}&user={_readOnly.UserName}");
        audit.GetProperty("total").GetInt32().ShouldBe(0);

        // The audit log carries the created values; it masks them for the reader as well.
        var readerLog = await _reader.GetStringAsync($"/api/v1/audit?entityType=Member&entityKey={id}");
        readerLog.ShouldContain(IdNumber.Mask(idNumber));
        readerLog.ShouldNotContain(idNumber);
        readerLog.ShouldNotContain(phone);
        (await _admin.GetStringAsync($"/api/v1/audit?entityType=Member&entityKey={id}")).ShouldContain(idNumber);
    }

    [Fact]
    public async Task Create_BadInput_Returns400WithEveryChineseError_AndCreatesNothing()
    {
        var before = await CountAsync();
        var person = MemberTestData.NewPerson();
        var body = MemberTestData.Body("赵六", person.Id[..17] + (person.Id[17] == '0' ? '1' : '0'), person.Birth, person.Gender);
        body["applicationDate"] = person.Birth.AddYears(18).AddDays(-1).ToString("yyyy-MM-dd");

        var response = await _admin.PostAsJsonAsync("/api/v1/members", new { organizationId = _branch, member = body });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("身份证号校验位不正确，请核对");
        text.ShouldContain("申请入党时未满 18 周岁");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Create_DuplicateIdNumber_Returns409()
    {
        var (_, idNumber, _) = await _admin.CreateMemberAsync(_branch, "重复甲");
        var person = MemberTestData.NewPerson();
        var body = MemberTestData.Body("重复乙", idNumber, DateOnly.ParseExact(idNumber.Substring(6, 8), "yyyyMMdd"), person.Gender);
        var response = await _admin.PostAsJsonAsync("/api/v1/members", new { organizationId = _branch, member = body });
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("该身份证号已登记为党员");
    }

    [Fact]
    public async Task Update_ValidAndInvalid_ChangesOnlyOnValid()
    {
        var person = MemberTestData.NewPerson();
        var body = MemberTestData.Body("孙七", person.Id, person.Birth, person.Gender);
        var created = await _admin.PostAsJsonAsync("/api/v1/members", new { organizationId = _branch, member = body });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        body["name"] = "孙七改";
        body["employer"] = "市发改委";
        (await _admin.PutAsJsonAsync($"/api/v1/members/{id}", body)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        body["name"] = "不该保存";
        body["birthDate"] = person.Birth.AddDays(1).ToString("yyyy-MM-dd");
        var bad = await _admin.PutAsJsonAsync($"/api/v1/members/{id}", body);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("出生日期与身份证号不符");

        var details = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        details.GetProperty("name").GetString().ShouldBe("孙七改");
        details.GetProperty("employer").GetString().ShouldBe("市发改委");

        var timeline = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}/timeline");
        var actions = timeline.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("Updated");
        actions.ShouldContain("Created");
    }

    [Fact]
    public async Task Update_ByWorkerWithMaskedIdAndPhone_KeepsStoredValues()
    {
        var person = MemberTestData.NewPerson();
        var body = MemberTestData.Body("周八", person.Id, person.Birth, person.Gender, "13712345678");
        var created = await _admin.PostAsJsonAsync("/api/v1/members", new { organizationId = _branch, member = body });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _branch);
        using var workerClient = App.ApiClient(worker);

        var seen = await workerClient.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        seen.GetProperty("isMasked").GetBoolean().ShouldBeTrue();
        body["idNumber"] = seen.GetProperty("idNumber").GetString();
        body["phone"] = seen.GetProperty("phone").GetString();
        body["jobTitle"] = "科员";
        (await workerClient.PutAsJsonAsync($"/api/v1/members/{id}", body)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var details = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        details.GetProperty("idNumber").GetString().ShouldBe(person.Id);
        details.GetProperty("phone").GetString().ShouldBe("13712345678");
        details.GetProperty("jobTitle").GetString().ShouldBe("科员");
    }

    [Fact]
    public async Task ReadOnlyUser_CannotCreateOrUpdate_Gets403()
    {
        var (id, _, _) = await _admin.CreateMemberAsync(_branch, "只读测试");
        var person = MemberTestData.NewPerson();
        var create = await _reader.PostAsJsonAsync("/api/v1/members", new { organizationId = _branch, member = MemberTestData.Body("越权", person.Id, person.Birth, person.Gender) });
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var update = await _reader.PutAsJsonAsync($"/api/v1/members/{id}", MemberTestData.Body("越权", person.Id, person.Birth, person.Gender));
        update.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Records_AddAndRemove_AppearInDetailsAndTimeline()
    {
        var (id, _, _) = await _admin.CreateMemberAsync(_branch, "记录测试");
        var bad = await _admin.PostAsJsonAsync($"/api/v1/members/{id}/records", new { kind = "AbroadTrip", title = "", fromDate = "2024-05-02", toDate = "2024-05-01" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var badText = await bad.Content.ReadAsStringAsync();
        badText.ShouldContain("请填写国家或地区");
        badText.ShouldContain("结束日期不能早于开始日期");

        var added = await _admin.PostAsJsonAsync($"/api/v1/members/{id}/records", new { kind = "Hardship", title = "因病致困", type = "医疗", level = "一般" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var recordId = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var details = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        var record = details.GetProperty("records").EnumerateArray().Single();
        record.GetProperty("kind").GetString().ShouldBe("Hardship");
        record.GetProperty("level").GetString().ShouldBe("一般");

        (await _admin.DeleteAsync($"/api/v1/members/{id}/records/{recordId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _admin.DeleteAsync($"/api/v1/members/{id}/records/{recordId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var timeline = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}/timeline");
        var rows = timeline.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("entityType").GetString() == "MemberRecord")
            .Select(e => e.GetProperty("action").GetString()).ToList();
        rows.ShouldBe(["Deleted", "Created"]);
    }

    [Fact]
    public async Task MemberOnlyUser_SeesNoRoster_ButOwnUnmaskedRecord()
    {
        var (id, idNumber, phone) = await _admin.CreateMemberAsync(_branch, "自助党员");
        var (otherId, _, _) = await _admin.CreateMemberAsync(_branch, "别人");
        var userId = await OpenAccountAsync(id);
        var self = await LogInTokenAsync(userId);

        var roster = await self.GetFromJsonAsync<JsonElement>("/api/v1/members?pageSize=100");
        roster.GetProperty("total").GetInt32().ShouldBe(0);
        (await self.GetAsync($"/api/v1/members/{otherId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await self.GetAsync($"/api/v1/members/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var mine = await self.GetFromJsonAsync<JsonElement>("/api/v1/me/member");
        mine.GetProperty("details").GetProperty("idNumber").GetString().ShouldBe(idNumber);
        mine.GetProperty("details").GetProperty("phone").GetString().ShouldBe(phone);
        mine.GetProperty("timeline").GetProperty("total").GetInt32().ShouldBeGreaterThan(0);

        using var unlinked = App.ApiClient(_readOnly);
        var none = await unlinked.GetAsync("/api/v1/me/member");
        none.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await none.Content.ReadAsStringAsync()).ShouldContain("尚未关联党员档案");
    }

    private async Task<string> OpenAccountAsync(long memberId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Dangjian.Identity.UserAdministration>();
        var loader = scope.ServiceProvider.GetRequiredService<AccessScopeLoader>();
        var adminScope = await loader.LoadAsync(_orgAdmin.Id, default);
        var created = await users.CreateMemberAccountAsync(memberId, new Dangjian.Identity.NewUser(Unique("self"), "自助党员", "Passw0rd-self"), adminScope, default);
        created.IsSuccess.ShouldBeTrue(created.IsSuccess ? "" : created.FirstError.Message);
        var again = await users.CreateMemberAccountAsync(memberId, new Dangjian.Identity.NewUser(Unique("self"), "自助党员", "Passw0rd-self"), adminScope, default);
        again.IsSuccess.ShouldBeFalse();
        again.FirstError.Message.ShouldBe("该党员已开通账号");
        return created.Value;
    }

    private async Task<HttpClient> LogInTokenAsync(string userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<Dangjian.Identity.ApiTokenService>().CreateAsync(userId, "tests", null, default);
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Value.Token);
        return client;
    }

    private async Task<int> CountAsync() =>
        (await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/members?under={_branch}")).GetProperty("total").GetInt32();
}

public sealed class MemberEndpointsTests_Sqlite(SqliteApp app) : MemberEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class MemberEndpointsTests_Postgres(PostgresApp app) : MemberEndpointsTests(app), IClassFixture<PostgresApp>;
