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
    [Fact]
    public async Task EveryApiEndpoint_CallerFromAnotherSubtree_GetsNoAccessAndNoData()
    {
        var world = await BuildWorldAsync();
        var probes = await ScopeProbes.ApiAsync(world, App);
        var endpoints = ApiEndpoints();

        var missing = endpoints.Where(e => !probes.ContainsKey(e)).ToList();
        missing.ShouldBeEmpty($"这些 API 端点没有越权探测用例（add a probe for each new endpoint）：{string.Join(", ", missing)}");
        probes.Keys.Except(endpoints).ShouldBeEmpty("探测用例指向了不存在的端点");

        var before = await SnapshotAsync(world);
        using var client = App.ApiClient(world.Outsider);
        foreach (var (key, probe) in probes)
        {
            using var request = new HttpRequestMessage(probe.Method, probe.Url);
            request.Content = probe.Content();
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (probe.Expect == ProbeExpect.Denied)
            {
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], $"{key} 返回 {(int)response.StatusCode}：{body}");
            }

            foreach (var marker in world.VictimMarkers)
            {
                body.ShouldNotContain(marker, Case.Insensitive, $"{key} 泄露了对方组织的数据（{marker}）");
            }

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
        foreach (var (key, probe) in await ScopeProbes.ApiAsync(world, App))
        {
            using var request = new HttpRequestMessage(probe.Method, probe.Url);
            request.Content = probe.Content();
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
            (await response.Content.ReadAsStringAsync()).ShouldContain(ScopeWorld.VictimMarker, Case.Insensitive, url);
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

    private async Task<ScopeWorld> BuildWorldAsync()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var adminClient = App.ApiClient(admin);
        var root = await adminClient.CreateOrganizationAsync(null, Unique("ROOT"), "测试党委", "Committee");
        var outsiderTotal = await adminClient.CreateOrganizationAsync(root, Unique("A"), "甲党总支", "GeneralBranch");
        var outsiderBranch = await adminClient.CreateOrganizationAsync(outsiderTotal, Unique("A1"), "甲第一党支部", "Branch");
        var victimTotal = await adminClient.CreateOrganizationAsync(root, Unique("B"), "乙党总支", "GeneralBranch");
        var victimBranch = await adminClient.CreateOrganizationAsync(victimTotal, Unique(ScopeWorld.VictimMarker), ScopeWorld.VictimName, "Branch");
        var victimGroup = await adminClient.CreateOrganizationAsync(victimBranch, Unique(ScopeWorld.VictimMarker + "G"), "乙方第一党小组", "Group");
        var outsider = await App.CreateUserAsync(Unique("alice"), Role.OrgAdmin, outsiderTotal);
        var victim = await App.CreateUserAsync(Unique("bob"), Role.OrgAdmin, victimBranch);
        var grants = await adminClient.GetFromJsonAsync<List<GrantDto>>($"/api/v1/grants?userId={victim.Id}");
        return new ScopeWorld(admin, outsider, victim, root, outsiderBranch, victimBranch, victimGroup, grants!.Single().Id);
    }

    private async Task<string> SnapshotAsync(ScopeWorld w)
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
