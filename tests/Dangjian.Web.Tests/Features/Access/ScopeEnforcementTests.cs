using System.Net;
using System.Net.Http.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Access;

/// <summary>
/// Enumerates every API endpoint the host maps and proves that a user of another subtree can neither read nor change the
/// victim's data through it. An endpoint without a probe below fails the test: a new endpoint must say how it is scoped.
/// </summary>
public abstract class ScopeEnforcementTests(AppFixture fixture) : AppTests(fixture)
{
    private const string VictimName = "乙方第一党支部";
    private const string VictimMarker = "VICTIMB1";

    private enum Expect
    {
        /// <summary>403 or 404: the victim's record is out of reach.</summary>
        Denied,

        /// <summary>The endpoint serves only the caller's own data: any status, but never the victim's.</summary>
        OwnDataOnly,
    }

    private sealed record Probe(HttpMethod Method, string Url, object? Body, Expect Expect);

    private sealed record World(TestUser Admin, TestUser Outsider, TestUser Victim, long Root, long OutsiderBranch, long VictimBranch, long VictimGroup, long VictimGrantId);

    [Fact]
    public async Task EveryApiEndpoint_CallerFromAnotherSubtree_GetsNoAccessAndNoData()
    {
        var world = await BuildWorldAsync();
        var probes = ProbesFor(world);
        var endpoints = ApiEndpoints();

        var missing = endpoints.Where(e => !probes.ContainsKey(e)).ToList();
        missing.ShouldBeEmpty($"这些 API 端点没有越权探测用例（add a probe for each new endpoint）：{string.Join(", ", missing)}");
        probes.Keys.Except(endpoints).ShouldBeEmpty("探测用例指向了不存在的端点");

        var before = await SnapshotAsync(world);
        using var client = App.ApiClient(world.Outsider);
        foreach (var (key, probe) in probes)
        {
            using var request = new HttpRequestMessage(probe.Method, probe.Url);
            if (probe.Body is not null) request.Content = JsonContent.Create(probe.Body);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (probe.Expect == Expect.Denied)
            {
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], $"{key} 返回 {(int)response.StatusCode}：{body}");
            }

            body.ShouldNotContain(VictimMarker, Case.Insensitive, $"{key} 泄露了对方组织的数据");
            body.ShouldNotContain(VictimName, Case.Sensitive, $"{key} 泄露了对方组织的数据");
            body.ShouldNotContain(world.Victim.UserName, Case.Sensitive, $"{key} 泄露了对方的用户");
            body.ShouldNotContain(" at Dangjian.", Case.Sensitive, $"{key} 泄露了堆栈");
        }

        (await SnapshotAsync(world)).ShouldBe(before, "越权请求改变了对方组织的数据");
    }

    [Fact]
    public async Task EveryApiEndpoint_Anonymous_Gets401ProblemJson()
    {
        var world = await BuildWorldAsync();
        using var client = App.AnonymousClient();
        foreach (var (key, probe) in ProbesFor(world))
        {
            using var request = new HttpRequestMessage(probe.Method, probe.Url);
            if (probe.Body is not null) request.Content = JsonContent.Create(probe.Body);
            using var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, key);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", key);
        }
    }

    [Fact]
    public async Task ProbedEndpoints_VictimsOwnAdministrator_CanReachThem()
    {
        // The same probes succeed for the victim's own administrator: the denials above are scope, not broken endpoints.
        var world = await BuildWorldAsync();
        using var client = App.ApiClient(world.Victim);
        foreach (var url in new[] { $"/api/v1/organizations/{world.VictimBranch}", $"/api/v1/organizations?under={world.VictimBranch}", $"/api/v1/organizations/tree?rootId={world.VictimBranch}", $"/api/v1/audit?organizationId={world.VictimBranch}" })
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            (await response.Content.ReadAsStringAsync()).ShouldContain(VictimMarker, Case.Insensitive, url);
        }
    }

    private IReadOnlyList<string> ApiEndpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct()
            .Order()
            .ToList();

    private static Dictionary<string, Probe> ProbesFor(World w)
    {
        var victimOrgBody = new { parentId = w.VictimBranch, code = "PROBE-" + Guid.NewGuid().ToString("N")[..6], name = "探测", kind = "Group" };
        return new Dictionary<string, Probe>
        {
            ["GET /api/v1/organizations/"] = new(HttpMethod.Get, "/api/v1/organizations/?pageSize=100&includeDissolved=true", null, Expect.OwnDataOnly),
            ["GET /api/v1/organizations/tree"] = new(HttpMethod.Get, $"/api/v1/organizations/tree?rootId={w.VictimBranch}", null, Expect.Denied),
            ["GET /api/v1/organizations/{id:long}"] = new(HttpMethod.Get, $"/api/v1/organizations/{w.VictimBranch}", null, Expect.Denied),
            ["POST /api/v1/organizations/"] = new(HttpMethod.Post, "/api/v1/organizations/", victimOrgBody, Expect.Denied),
            ["PUT /api/v1/organizations/{id:long}"] = new(HttpMethod.Put, $"/api/v1/organizations/{w.VictimBranch}", new { code = "HIJACK", name = "改名", kind = "Branch" }, Expect.Denied),
            ["POST /api/v1/organizations/{id:long}/move"] = new(HttpMethod.Post, $"/api/v1/organizations/{w.VictimBranch}/move", new { newParentId = w.OutsiderBranch }, Expect.Denied),
            ["POST /api/v1/organizations/{id:long}/dissolve"] = new(HttpMethod.Post, $"/api/v1/organizations/{w.VictimGroup}/dissolve", new { reason = "越权撤销" }, Expect.Denied),
            ["GET /api/v1/audit"] = new(HttpMethod.Get, $"/api/v1/audit?organizationId={w.VictimBranch}", null, Expect.Denied),
            ["GET /api/v1/users"] = new(HttpMethod.Get, "/api/v1/users", null, Expect.OwnDataOnly),
            ["POST /api/v1/users"] = new(HttpMethod.Post, "/api/v1/users", new { userName = "probe" + Guid.NewGuid().ToString("N")[..6], displayName = "探测", password = "Passw0rdprobe", organizationId = w.VictimBranch, role = "OrgAdmin" }, Expect.Denied),
            ["GET /api/v1/grants"] = new(HttpMethod.Get, $"/api/v1/grants?userId={w.Victim.Id}", null, Expect.OwnDataOnly),
            ["POST /api/v1/grants"] = new(HttpMethod.Post, "/api/v1/grants", new { userId = w.Outsider.Id, organizationId = w.VictimBranch, role = "OrgAdmin" }, Expect.Denied),
            ["DELETE /api/v1/grants/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/grants/{w.VictimGrantId}", null, Expect.Denied),
            ["GET /api/v1/me"] = new(HttpMethod.Get, "/api/v1/me", null, Expect.OwnDataOnly),
            ["GET /api/v1/tokens"] = new(HttpMethod.Get, "/api/v1/tokens", null, Expect.OwnDataOnly),
            ["POST /api/v1/tokens"] = new(HttpMethod.Post, "/api/v1/tokens", new { name = "探测令牌" }, Expect.OwnDataOnly),
            ["DELETE /api/v1/tokens/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/tokens/{w.Victim.TokenId}", null, Expect.Denied),
        };
    }

    private async Task<World> BuildWorldAsync()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var adminClient = App.ApiClient(admin);
        var root = await adminClient.CreateOrganizationAsync(null, Unique("ROOT"), "测试党委", "Committee");
        var outsiderTotal = await adminClient.CreateOrganizationAsync(root, Unique("A"), "甲党总支", "GeneralBranch");
        var outsiderBranch = await adminClient.CreateOrganizationAsync(outsiderTotal, Unique("A1"), "甲第一党支部", "Branch");
        var victimTotal = await adminClient.CreateOrganizationAsync(root, Unique("B"), "乙党总支", "GeneralBranch");
        var victimBranch = await adminClient.CreateOrganizationAsync(victimTotal, Unique(VictimMarker), VictimName, "Branch");
        var victimGroup = await adminClient.CreateOrganizationAsync(victimBranch, Unique(VictimMarker + "G"), "乙方第一党小组", "Group");
        var outsider = await App.CreateUserAsync(Unique("alice"), Role.OrgAdmin, outsiderTotal);
        var victim = await App.CreateUserAsync(Unique("bob"), Role.OrgAdmin, victimBranch);
        var grants = await adminClient.GetFromJsonAsync<List<GrantDto>>($"/api/v1/grants?userId={victim.Id}");
        return new World(admin, outsider, victim, root, outsiderBranch, victimBranch, victimGroup, grants!.Single().Id);
    }

    private async Task<string> SnapshotAsync(World w)
    {
        using var client = App.ApiClient(w.Admin);
        var org = await client.GetStringAsync($"/api/v1/organizations/{w.VictimBranch}");
        var tree = await client.GetStringAsync($"/api/v1/organizations/tree?rootId={w.Root}&includeDissolved=true");
        var grants = await client.GetStringAsync("/api/v1/grants");
        var users = await client.GetStringAsync("/api/v1/users");
        return string.Join("\n", org, tree, grants, users);
    }

    private sealed record GrantDto(long Id);
}

public sealed class ScopeEnforcementTests_Sqlite(SqliteApp app) : ScopeEnforcementTests(app), IClassFixture<SqliteApp>;

public sealed class ScopeEnforcementTests_Postgres(PostgresApp app) : ScopeEnforcementTests(app), IClassFixture<PostgresApp>;
