using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Organizations;

public abstract class OrganizationEndpointsTests(AppFixture fixture) : AppTests(fixture)
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
    public async Task Create_DuplicateCode_Returns409AndChangesNothing()
    {
        var code = Unique("DUP");
        var root = await _client.CreateOrganizationAsync(null, code, "第一个党委", "Committee");
        var before = await CountAsync();

        var response = await _client.PostAsJsonAsync("/api/v1/organizations", new { parentId = (long?)null, code, name = "第二个党委", kind = "Committee" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await ProblemAsync(response);
        problem.Detail.ShouldContain($"组织编码“{code}”已被使用");
        problem.ContentType.ShouldBe("application/problem+json");
        (await CountAsync()).ShouldBe(before);
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{root}")).GetProperty("name").GetString().ShouldBe("第一个党委");
    }

    [Fact]
    public async Task Create_NameOverLimit_Returns400WithChineseMessage()
    {
        var before = await CountAsync();
        var tooLong = new string('党', 101);

        var response = await _client.PostAsJsonAsync("/api/v1/organizations", new { code = Unique("LONG"), name = tooLong, kind = "Committee" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).Detail.ShouldBe("组织名称不能超过 100 个字");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Create_NameExactlyAtLimit_IsAccepted()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/organizations", new { code = Unique("MAX"), name = new string('党', 100), kind = "Committee" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_MissingParent_Returns404WithChineseMessageAndChangesNothing()
    {
        var before = await CountAsync();

        var response = await _client.PostAsJsonAsync("/api/v1/organizations", new { parentId = 987654321L, code = Unique("ORPHAN"), name = "无上级", kind = "Branch" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ProblemAsync(response)).Detail.ShouldBe("上级组织（编号 987654321）不存在或不在您的管理范围内");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Create_SeveralBadFields_ReportsEveryError()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/organizations", new { code = "含 空格", name = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemAsync(response);
        problem.Fields.ShouldBe(["Code", "Name", "Kind"], ignoreOrder: true);
    }

    [Fact]
    public async Task Create_GroupUnderCommittee_IsRefusedByKindRule()
    {
        var root = await _client.CreateOrganizationAsync(null, Unique("R"), "党委", "Committee");
        var response = await _client.PostAsJsonAsync("/api/v1/organizations", new { parentId = root, code = Unique("G"), name = "小组", kind = "Group" });
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemAsync(response)).Detail.ShouldBe("党委下不能设立党小组");
    }

    [Fact]
    public async Task Move_IntoOwnSubtree_Returns409AndChangesNothing()
    {
        var root = await _client.CreateOrganizationAsync(null, Unique("R"), "党委", "Committee");
        var total = await _client.CreateOrganizationAsync(root, Unique("T"), "党总支", "GeneralBranch");
        var branch = await _client.CreateOrganizationAsync(total, Unique("B"), "党支部", "Branch");
        var before = await _client.GetStringAsync($"/api/v1/organizations/tree?rootId={root}");

        var intoChild = await _client.PostAsJsonAsync($"/api/v1/organizations/{total}/move", new { newParentId = branch });
        var intoSelf = await _client.PostAsJsonAsync($"/api/v1/organizations/{total}/move", new { newParentId = total });

        intoChild.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemAsync(intoChild)).Detail.ShouldBe("不能把“党总支”移动到它自己或它的下级组织之下");
        intoSelf.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _client.GetStringAsync($"/api/v1/organizations/tree?rootId={root}")).ShouldBe(before);
    }

    [Fact]
    public async Task Move_Subtree_RewritesEveryDescendantPathAndIsAudited()
    {
        var root = await _client.CreateOrganizationAsync(null, Unique("R"), "党委", "Committee");
        var from = await _client.CreateOrganizationAsync(root, Unique("F"), "原党总支", "GeneralBranch");
        var to = await _client.CreateOrganizationAsync(root, Unique("T"), "新党总支", "GeneralBranch");
        var branch = await _client.CreateOrganizationAsync(from, Unique("B"), "被移动的党支部", "Branch");
        var groups = new List<long>();
        for (var i = 0; i < 3; i++) groups.Add(await _client.CreateOrganizationAsync(branch, Unique("G"), $"第{i + 1}党小组", "Group"));

        var response = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/move", new { newParentId = to, reason = "机构调整" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var moved = await response.Content.ReadFromJsonAsync<JsonElement>();
        moved.GetProperty("subtreeSize").GetInt32().ShouldBe(4);
        var toPath = (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{to}")).GetProperty("path").GetString()!;
        var branchDetails = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{branch}");
        branchDetails.GetProperty("path").GetString().ShouldBe($"{toPath}{branch}/");
        branchDetails.GetProperty("parentId").GetInt64().ShouldBe(to);
        foreach (var group in groups)
        {
            (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{group}")).GetProperty("path").GetString().ShouldBe($"{toPath}{branch}/{group}/");
        }

        var under = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations?under={from}");
        under.GetProperty("total").GetInt32().ShouldBe(1);
        var audit = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Organization&entityKey={branch}");
        var moveEntry = audit.GetProperty("items").EnumerateArray().First();
        moveEntry.GetProperty("reason").GetString().ShouldBe("机构调整");
        moveEntry.GetProperty("userName").GetString().ShouldBe(_admin.UserName + "姓名");
        var changes = moveEntry.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!, c => c.GetProperty("after").GetString());
        changes["ParentId"].ShouldBe(to.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Dissolve_WithLiveChildren_IsRefused_ThenLeavesLiveTreeButStaysInHistory()
    {
        var root = await _client.CreateOrganizationAsync(null, Unique("R"), "党委", "Committee");
        var branch = await _client.CreateOrganizationAsync(root, Unique("B"), "待撤销党支部", "Branch");
        var group = await _client.CreateOrganizationAsync(branch, Unique("G"), "党小组", "Group");

        var refused = await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/dissolve", new { reason = "单位撤并" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemAsync(refused)).Detail.ShouldBe("“待撤销党支部”还有 1 个未撤销的下级组织，请先撤销或移走它们");

        var noReason = await _client.PostAsJsonAsync($"/api/v1/organizations/{group}/dissolve", new { reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await _client.PostAsJsonAsync($"/api/v1/organizations/{group}/dissolve", new { reason = "单位撤并" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.PostAsJsonAsync($"/api/v1/organizations/{branch}/dissolve", new { reason = "单位撤并" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var live = await _client.GetStringAsync($"/api/v1/organizations/tree?rootId={root}");
        live.ShouldNotContain("待撤销党支部");
        var all = await _client.GetStringAsync($"/api/v1/organizations/tree?rootId={root}&includeDissolved=true");
        all.ShouldContain("待撤销党支部");
        var details = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{branch}");
        details.GetProperty("dissolutionReason").GetString().ShouldBe("单位撤并");

        var again = await _client.PutAsJsonAsync($"/api/v1/organizations/{branch}", new { code = Unique("X"), name = "复活", kind = "Branch" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Update_Rename_IsAuditedWithBeforeAndAfter()
    {
        var code = Unique("REN");
        var root = await _client.CreateOrganizationAsync(null, code, "旧名称党委", "Committee");

        var response = await _client.PutAsJsonAsync($"/api/v1/organizations/{root}", new { code, name = "新名称党委", kind = "Committee" });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var audit = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Organization&entityKey={root}");
        var entry = audit.GetProperty("items").EnumerateArray().First();
        entry.GetProperty("action").GetString().ShouldBe("Updated");
        var change = entry.GetProperty("changes").EnumerateArray().Single();
        change.GetProperty("field").GetString().ShouldBe("Name");
        change.GetProperty("before").GetString().ShouldBe("旧名称党委");
        change.GetProperty("after").GetString().ShouldBe("新名称党委");
    }

    [Fact]
    public async Task Create_WritesOneAuditRowWithTheFinalPath()
    {
        var root = await _client.CreateOrganizationAsync(null, Unique("R"), "审计党委", "Committee");
        var branch = await _client.CreateOrganizationAsync(root, Unique("B"), "审计党支部", "Branch");

        var audit = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Organization&entityKey={branch}");

        var entry = audit.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("action").GetString().ShouldBe("Created");
        entry.GetProperty("organizationId").GetInt64().ShouldBe(branch);
        var changes = entry.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!, c => c.GetProperty("after").GetString());
        changes["Path"].ShouldBe($"/{root}/{branch}/");
        changes["Name"].ShouldBe("审计党支部");
    }

    [Fact]
    public async Task List_PagesAndFilters()
    {
        var root = await _client.CreateOrganizationAsync(null, Unique("R"), "分页党委", "Committee");
        for (var i = 0; i < 23; i++) await _client.CreateOrganizationAsync(root, Unique("P"), $"分页党支部{i:00}", "Branch");

        var first = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations?under={root}&kind=Branch&pageSize=20");
        first.GetProperty("total").GetInt32().ShouldBe(23);
        first.GetProperty("items").GetArrayLength().ShouldBe(20);
        var second = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations?under={root}&kind=Branch&pageSize=20&page=2");
        second.GetProperty("items").GetArrayLength().ShouldBe(3);
        var search = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations?under={root}&search=支部07");
        search.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task BadJson_Returns400ProblemInChinese()
    {
        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/api/v1/organizations", content);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemAsync(response);
        problem.Title.ShouldBe("请求格式不正确");
        problem.Raw.ShouldNotContain("Exception");
    }

    private async Task<int> CountAsync() =>
        (await _client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?includeDissolved=true")).GetProperty("total").GetInt32();

    private static async Task<Problem> ProblemAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(raw).RootElement;
        var fields = json.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.GetProperty("field").GetString() ?? "").ToList()
            : [];
        return new Problem(json.GetProperty("title").GetString()!, json.TryGetProperty("detail", out var d) ? d.GetString()! : "", fields, response.Content.Headers.ContentType?.MediaType, raw);
    }

    private sealed record Problem(string Title, string Detail, List<string> Fields, string? ContentType, string Raw);
}

public sealed class OrganizationEndpointsTests_Sqlite(SqliteApp app) : OrganizationEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class OrganizationEndpointsTests_Postgres(PostgresApp app) : OrganizationEndpointsTests(app), IClassFixture<PostgresApp>;
