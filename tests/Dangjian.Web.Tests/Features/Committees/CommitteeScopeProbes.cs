using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Committees;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Committees;

public sealed class CommitteeScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        // An overdue term and a committee member in the victim's branch, so a leak would show in the lists.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<StartTermHandler>()
            .HandleAsync(new StartTermCommand(w.VictimBranch, 1, today.AddYears(-4), null), AccessScope.Everything(null), CancellationToken.None));
        var seat = await CommitteeTestData.AddSeatAsync(app, w.VictimBranch, ScopeWorld.VictimMarker + "书记", CommitteePost.Secretary, today.AddYears(-4));
        var member = await CommitteeTestData.CreateMemberAsync(app, w.VictimBranch, "乙方党员");
        var o = $"/api/v1/organizations/{w.VictimBranch}";
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/organizations/{id:long}/committee"] = new(HttpMethod.Get, $"{o}/committee", null, ProbeExpect.Denied),
            ["GET /api/v1/organizations/{id:long}/terms"] = new(HttpMethod.Get, $"{o}/terms", null, ProbeExpect.Denied),
            ["POST /api/v1/organizations/{id:long}/terms"] = new(HttpMethod.Post, $"{o}/terms", new { startedOn = today.ToString("yyyy-MM-dd"), approvalNote = "越权" }, ProbeExpect.Denied),
            ["POST /api/v1/organizations/{id:long}/elections"] = new(HttpMethod.Post, $"{o}/elections", new
            {
                heldOn = today.ToString("yyyy-MM-dd"), seats = 1, shouldAttend = 5, present = 5, ballotsIssued = 5, ballotsReturned = 5, voidBallots = 0,
                candidates = new object[] { new { memberId = member, votes = 5 }, new { name = "乙", votes = 0 } },
            }, ProbeExpect.Denied),
            ["POST /api/v1/organizations/{id:long}/committee-members"] = new(HttpMethod.Post, $"{o}/committee-members", new { name = "越权委员", post = "Member", from = today.ToString("yyyy-MM-dd") }, ProbeExpect.Denied),
            ["POST /api/v1/organizations/{id:long}/committee-members/{seatId:long}/end"] = new(HttpMethod.Post, $"{o}/committee-members/{seat}/end", new { to = today.ToString("yyyy-MM-dd") }, ProbeExpect.Denied),
            ["PUT /api/v1/organizations/{id:long}/election-settings"] = new(HttpMethod.Put, $"{o}/election-settings", new { strictQuorum = false }, ProbeExpect.Denied),
            ["GET /api/v1/committees/terms-due"] = new(HttpMethod.Get, "/api/v1/committees/terms-due?withinDays=3650&pageSize=100", null, ProbeExpect.OwnDataOnly),
            ["GET /api/v1/members/statistics"] = new(HttpMethod.Get, $"/api/v1/members/statistics?organizationId={w.VictimBranch}", null, ProbeExpect.Denied),
        };
    }
}

public sealed class CommitteePageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<StartTermHandler>()
            .HandleAsync(new StartTermCommand(world.Victim, 1, today.AddYears(-4), null), AccessScope.Everything(null), CancellationToken.None));
        await CommitteeTestData.AddSeatAsync(app, world.Victim, "丙方秘密书记", CommitteePost.Secretary, today.AddYears(-4));
        world.VictimMarkers.Add("丙方秘密书记");
        return new Dictionary<string, string>
        {
            ["/organizations/{Id:long}/committee"] = $"/organizations/{world.Victim}/committee",
            ["/committees"] = $"/committees?withinDays=365",
            ["/members/statistics"] = $"/members/statistics?organizationId={world.Victim}",
        };
    }
}
