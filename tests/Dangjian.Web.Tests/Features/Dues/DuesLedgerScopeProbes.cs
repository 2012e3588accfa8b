using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Dangjian.Web.Tests.Features.Dues.DuesLedgerWebData;

namespace Dangjian.Web.Tests.Features.Dues;

/// <summary>
/// The victim's branch gets a member who has not paid for seven months (so arrears, a review case and a payment exist);
/// the outsider must reach none of it through the ledger, payment, arrears, case and member-dues endpoints.
/// </summary>
public sealed class DuesLedgerScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        const string name = "乙方欠费党员";
        w.VictimMarkers.Add(name);
        var member = await MemberWithProfileAsync(app, w.VictimBranch, name, 12.34m);
        await GenerateAsync(app, w.VictimBranch, 7);
        var payment = await PayAsync(app, member, 0.01m);
        await ScanAsync(app, w.VictimBranch);
        var cases = await CoreAsync(app, sp => sp.GetRequiredService<ListDuesReviewCasesHandler>()
            .HandleAsync(new ListDuesReviewCasesQuery(w.VictimBranch), AccessScope.Everything(null), CancellationToken.None));
        var caseId = cases.Value.Items.Single().Id;
        var month = Month(ThisMonth.AddMonths(-1));
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/dues/ledger"] = new(HttpMethod.Get, $"/api/v1/dues/ledger?org={w.VictimBranch}&month={month}", null, ProbeExpect.Denied),
            ["POST /api/v1/dues/ledger"] = new(HttpMethod.Post, "/api/v1/dues/ledger", new { organizationId = w.VictimBranch, month }, ProbeExpect.Denied),
            ["GET /api/v1/dues/payments"] = new(HttpMethod.Get, $"/api/v1/dues/payments?org={w.VictimBranch}", null, ProbeExpect.Denied),
            ["POST /api/v1/dues/payments"] = new(HttpMethod.Post, "/api/v1/dues/payments", new { memberId = member, amount = "12.34", method = "Cash" }, ProbeExpect.Denied),
            ["DELETE /api/v1/dues/payments/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/dues/payments/{payment.PaymentId}?reason=越权删除", null, ProbeExpect.Denied),
            ["GET /api/v1/dues/arrears"] = new(HttpMethod.Get, "/api/v1/dues/arrears?pageSize=100", null, ProbeExpect.OwnDataOnly),
            ["POST /api/v1/dues/arrears/excuse"] = new(HttpMethod.Post, "/api/v1/dues/arrears/excuse", new { memberId = member, month, reason = "越权" }, ProbeExpect.Denied),
            ["GET /api/v1/dues/cases"] = new(HttpMethod.Get, "/api/v1/dues/cases?pageSize=100", null, ProbeExpect.OwnDataOnly),
            ["POST /api/v1/dues/cases/{id:long}/decide"] = new(HttpMethod.Post, $"/api/v1/dues/cases/{caseId}/decide",
                new { decidedOn = ThisMonth.ToString("yyyy-MM-dd"), decision = "越权决定" }, ProbeExpect.Denied),
            ["POST /api/v1/dues/cases/scan"] = new(HttpMethod.Post, "/api/v1/dues/cases/scan", new { organizationId = w.VictimBranch }, ProbeExpect.Denied),
            ["GET /api/v1/dues/members/{memberId:long}"] = new(HttpMethod.Get, $"/api/v1/dues/members/{member}", null, ProbeExpect.Denied),
        };
    }
}

public sealed class DuesLedgerPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        const string name = "丙方欠费党员";
        world.VictimMarkers.Add(name);
        var member = await MemberWithProfileAsync(app, world.Victim, name, 12.34m);
        await GenerateAsync(app, world.Victim, 7);
        await PayAsync(app, member, 0.01m);
        await ScanAsync(app, world.Victim);
        var month = Month(ThisMonth.AddMonths(-1));
        return new Dictionary<string, string>
        {
            ["/dues"] = $"/dues?month={month}",
            ["/dues/ledger"] = $"/dues/ledger?org={world.Victim}&month={month}",
            ["/dues/members/{MemberId:long}"] = $"/dues/members/{member}",
            ["/dues/arrears"] = "/dues/arrears?pageSize=100",
            ["/dues/cases"] = "/dues/cases?pageSize=100",
        };
    }
}
