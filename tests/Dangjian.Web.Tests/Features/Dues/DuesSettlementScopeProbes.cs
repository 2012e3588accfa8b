using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Features.Dues;

/// <summary>Back-payment, remittance, reconciliation and publication endpoints, probed with the victim branch's ids.</summary>
public sealed class DuesSettlementScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        // Owed dues, a payment and a remittance in the victim's branch, named so that a leak shows in any response.
        var member = await CommitteeTestData.CreateMemberAsync(app, w.VictimBranch, ScopeWorld.VictimMarker + "党员", admittedOn: new DateOnly(2010, 1, 1));
        await DuesRows.ProfileAsync(app, member, w.VictimBranch, 2025, 5100m);
        await DuesRows.LineAsync(app, member, w.VictimBranch, new DateOnly(2025, 1, 1), 76.50m, 10.00m);
        await DuesRows.RemittanceAsync(app, w.VictimBranch, await ParentAsync(app, w.VictimBranch), new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1), 10.00m, 0m,
            new DateOnly(2025, 2, 1), ScopeWorld.VictimMarker + "上缴");
        var backPay = new { organizationId = w.VictimBranch, from = "2025-01", to = "2025-03", memberIds = new[] { member }, paidOn = "2025-04-01", method = "Cash" };
        return new Dictionary<string, ApiProbe>
        {
            ["POST /api/v1/dues/backpay/preview"] = new(HttpMethod.Post, "/api/v1/dues/backpay/preview", backPay, ProbeExpect.Denied),
            ["POST /api/v1/dues/backpay"] = new(HttpMethod.Post, "/api/v1/dues/backpay", backPay, ProbeExpect.Denied),
            ["GET /api/v1/dues/remittances"] = new(HttpMethod.Get, $"/api/v1/dues/remittances?org={w.VictimBranch}", null, ProbeExpect.Denied),
            ["POST /api/v1/dues/remittances"] = new(HttpMethod.Post, "/api/v1/dues/remittances",
                new { organizationId = w.VictimBranch, periodFrom = "2025-02", amount = 1, remittedOn = "2025-03-01" }, ProbeExpect.Denied),
            ["GET /api/v1/dues/reconciliation"] = new(HttpMethod.Get, $"/api/v1/dues/reconciliation?org={w.VictimBranch}&from=2025-01&to=2025-12", null, ProbeExpect.Denied),
            ["GET /api/v1/dues/publication"] = new(HttpMethod.Get, $"/api/v1/dues/publication?org={w.VictimBranch}&year=2025", null, ProbeExpect.Denied),
        };
    }

    private static Task<long> ParentAsync(DangjianApp app, long organizationId) =>
        DuesRows.WithDbAsync(app, async db => (await db.Organizations.SingleAsync(o => o.Id == organizationId)).ParentId!.Value);
}

public sealed class DuesSettlementPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        var member = await CommitteeTestData.CreateMemberAsync(app, world.Victim, "丙方欠费党员", admittedOn: new DateOnly(2010, 1, 1));
        await DuesRows.ProfileAsync(app, member, world.Victim, 2025, 5100m);
        await DuesRows.LineAsync(app, member, world.Victim, new DateOnly(2025, 1, 1), 76.50m);
        await DuesRows.RemittanceAsync(app, world.Victim, world.Root, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1), 10.00m, 0m, new DateOnly(2025, 2, 1), "丙方秘密上缴");
        world.VictimMarkers.Add("丙方欠费党员");
        world.VictimMarkers.Add("丙方秘密上缴");
        return new Dictionary<string, string>
        {
            ["/dues/backpay"] = $"/dues/backpay?org={world.Victim}&from=2025-01&to=2025-03",
            ["/dues/remittances"] = $"/dues/remittances?org={world.Victim}&from=2025-01&to=2025-12",
            ["/dues/publication"] = $"/dues/publication?org={world.Victim}&year=2025",
        };
    }
}
