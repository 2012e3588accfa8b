using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Access;

public sealed class AccessScopeProbes : IApiScopeProbes
{
    public Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app) =>
        Task.FromResult<IReadOnlyDictionary<string, ApiProbe>>(new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/users"] = new(HttpMethod.Get, "/api/v1/users", null, ProbeExpect.OwnDataOnly),
            ["POST /api/v1/users"] = new(HttpMethod.Post, "/api/v1/users", new { userName = "probe" + Guid.NewGuid().ToString("N")[..6], displayName = "探测", password = "Passw0rdprobe", organizationId = w.VictimBranch, role = "OrgAdmin" }, ProbeExpect.Denied),
            ["GET /api/v1/grants"] = new(HttpMethod.Get, $"/api/v1/grants?userId={w.Victim.Id}", null, ProbeExpect.OwnDataOnly),
            ["POST /api/v1/grants"] = new(HttpMethod.Post, "/api/v1/grants", new { userId = w.Outsider.Id, organizationId = w.VictimBranch, role = "OrgAdmin" }, ProbeExpect.Denied),
            ["DELETE /api/v1/grants/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/grants/{w.VictimGrantId}", null, ProbeExpect.Denied),
            ["GET /api/v1/me"] = new(HttpMethod.Get, "/api/v1/me", null, ProbeExpect.OwnDataOnly),
            ["GET /api/v1/tokens"] = new(HttpMethod.Get, "/api/v1/tokens", null, ProbeExpect.OwnDataOnly),
            ["POST /api/v1/tokens"] = new(HttpMethod.Post, "/api/v1/tokens", new { name = "探测令牌" }, ProbeExpect.OwnDataOnly),
            ["DELETE /api/v1/tokens/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/tokens/{w.Victim.TokenId}", null, ProbeExpect.Denied),
            ["GET /api/v1/audit"] = new(HttpMethod.Get, $"/api/v1/audit?organizationId={w.VictimBranch}", null, ProbeExpect.Denied),
        });
}
