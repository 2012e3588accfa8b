using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.Development.DevelopmentTestData;

namespace Dangjian.Web.Tests.Features.Development.Board;

public sealed class DevelopmentBoardScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        // An applicant in the victim's branch, so a leak would show on the board.
        await CandidateAsync(app, w.VictimBranch, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40), ScopeWorld.VictimMarker + "申请人");
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/development/board"] = new(HttpMethod.Get, $"/api/v1/development/board?under={w.VictimBranch}", null, ProbeExpect.Denied),
        };
    }
}

public sealed class DevelopmentBoardPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        await CandidateAsync(app, world.Victim, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40), "丙方秘密申请人");
        world.VictimMarkers.Add("丙方秘密申请人");
        return new Dictionary<string, string> { ["/development"] = $"/development?org={world.Victim}" };
    }
}
