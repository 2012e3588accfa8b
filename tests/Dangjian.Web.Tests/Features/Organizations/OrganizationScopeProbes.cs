using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Organizations;

public sealed class OrganizationScopeProbes : IApiScopeProbes
{
    public Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app) =>
        Task.FromResult<IReadOnlyDictionary<string, ApiProbe>>(new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/organizations/"] = new(HttpMethod.Get, "/api/v1/organizations/?pageSize=100&includeDissolved=true", null, ProbeExpect.OwnDataOnly),
            ["GET /api/v1/organizations/tree"] = new(HttpMethod.Get, $"/api/v1/organizations/tree?rootId={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/organizations/{id:long}"] = new(HttpMethod.Get, $"/api/v1/organizations/{w.VictimBranch}", null, ProbeExpect.Denied),
            ["POST /api/v1/organizations/"] = new(HttpMethod.Post, "/api/v1/organizations/", new { parentId = w.VictimBranch, code = "PROBE-" + Guid.NewGuid().ToString("N")[..6], name = "探测", kind = "Group" }, ProbeExpect.Denied),
            ["PUT /api/v1/organizations/{id:long}"] = new(HttpMethod.Put, $"/api/v1/organizations/{w.VictimBranch}", new { code = "HIJACK", name = "改名", kind = "Branch" }, ProbeExpect.Denied),
            ["POST /api/v1/organizations/{id:long}/move"] = new(HttpMethod.Post, $"/api/v1/organizations/{w.VictimBranch}/move", new { newParentId = w.OutsiderBranch }, ProbeExpect.Denied),
            ["POST /api/v1/organizations/{id:long}/dissolve"] = new(HttpMethod.Post, $"/api/v1/organizations/{w.VictimGroup}/dissolve", new { reason = "越权撤销" }, ProbeExpect.Denied),
        });
}
