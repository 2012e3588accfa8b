using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Summaries;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Summaries;

public sealed class SummaryScopeProbes : IApiScopeProbes
{
    public Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app) =>
        Task.FromResult<IReadOnlyDictionary<string, ApiProbe>>(new Dictionary<string, ApiProbe>
        {
            ["POST /api/v1/summaries"] = new(HttpMethod.Post, "/api/v1/summaries", new { org = w.VictimBranch, from = "2024-01-01", to = "2024-06-30", kind = "half-year" }, ProbeExpect.Denied),
        });
}

public sealed class SummaryPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        // A draft of the victim's branch: its title carries the branch's name, which must not show to the outsider.
        var draft = await SummaryWorld.GenerateAsync(app, world.Victim, AccessScope.Everything(null));
        return new Dictionary<string, string>
        {
            ["/summaries"] = $"/summaries?org={world.Victim}",
            ["/summaries/{Id:long}"] = $"/summaries/{draft.Id}",
            ["/summaries/templates"] = $"/summaries/templates?org={world.Victim}&kind=half-year",
        };
    }
}
