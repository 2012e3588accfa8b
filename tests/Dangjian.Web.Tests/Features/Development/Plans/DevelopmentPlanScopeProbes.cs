using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Development;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Dangjian.Web.Tests.Features.Development.DevelopmentTestData;

namespace Dangjian.Web.Tests.Features.Development.Plans;

public sealed class DevelopmentPlanScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        // A plan with a marked note in the victim's branch, so a leak would show in the plan list.
        await RunAsync(app, sp => sp.GetRequiredService<SetDevelopmentPlanHandler>().HandleAsync(
            new SetDevelopmentPlanCommand(w.VictimBranch, 2024, 3, 5, ScopeWorld.VictimMarker + "计划备注"), AccessScope.Everything(null), CancellationToken.None));
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/development/plans"] = new(HttpMethod.Get, $"/api/v1/development/plans?under={w.VictimBranch}&year=2024", null, ProbeExpect.Denied),
            ["PUT /api/v1/development/plans/{orgId:long}/{year:int}"] = new(HttpMethod.Put, $"/api/v1/development/plans/{w.VictimBranch}/2024", new { minimum = 9 }, ProbeExpect.Denied),
            ["GET /api/v1/development/settings/{orgId:long}"] = new(HttpMethod.Get, $"/api/v1/development/settings/{w.VictimBranch}", null, ProbeExpect.Denied),
            ["PUT /api/v1/development/settings/{orgId:long}"] = new(HttpMethod.Put, $"/api/v1/development/settings/{w.VictimBranch}", new { activistAfterMonths = 1, noticeWorkingDays = 1 }, ProbeExpect.Denied),
        };
    }
}

public sealed class DevelopmentPlanPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        await RunAsync(app, sp => sp.GetRequiredService<SetDevelopmentPlanHandler>().HandleAsync(
            new SetDevelopmentPlanCommand(world.Victim, 2024, 3, 5, "丙方秘密计划备注"), AccessScope.Everything(null), CancellationToken.None));
        world.VictimMarkers.Add("丙方秘密计划备注");
        return new Dictionary<string, string>
        {
            ["/development/plans"] = $"/development/plans?org={world.Victim}&year=2024",
            ["/development/plans/edit"] = $"/development/plans/edit?org={world.Victim}&year=2024",
            ["/development/settings"] = $"/development/settings?org={world.Victim}",
        };
    }
}
