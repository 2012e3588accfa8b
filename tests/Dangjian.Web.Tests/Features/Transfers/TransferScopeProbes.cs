using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Transfers;

public sealed class TransferScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        using var admin = app.ApiClient(w.Admin);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var member = await admin.ReceiveMemberAsync(w.VictimBranch, "乙方党员" + suffix);
        var leaver = await admin.ReceiveMemberAsync(w.VictimBranch, "乙方转出" + suffix);
        w.VictimMarkers.Add("乙方党员" + suffix);
        w.VictimMarkers.Add("乙方转出" + suffix);
        var third = await admin.CreateOrganizationAsync(w.Root, "T3-" + suffix, "丙方接收支部" + suffix, "Branch");
        w.VictimMarkers.Add("丙方接收支部" + suffix);
        var pending = await admin.CreateInternalTransferAsync(member, third);
        var outgoing = await admin.CreateOutTransferAsync(leaver, TransferApi.Today);

        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/transfers/"] = new(HttpMethod.Get, "/api/v1/transfers/?pageSize=100", null, ProbeExpect.OwnDataOnly),
            ["POST /api/v1/transfers/internal"] = new(HttpMethod.Post, "/api/v1/transfers/internal", new { memberId = member, toOrganizationId = w.OutsiderBranch, issuedOn = TransferApi.Today }, ProbeExpect.Denied),
            ["POST /api/v1/transfers/out"] = new(HttpMethod.Post, "/api/v1/transfers/out", new { memberId = member, toOrganizationName = "某地", issuedOn = TransferApi.Today }, ProbeExpect.Denied),
            ["POST /api/v1/transfers/in"] = new(HttpMethod.Post, "/api/v1/transfers/in",
                new { toOrganizationId = w.VictimBranch, member = TransferApi.Member("探测党员"), fromOrganizationName = "某地", issuedOn = TransferApi.Today }, ProbeExpect.Denied),
            ["POST /api/v1/transfers/{id:long}/accept"] = new(HttpMethod.Post, $"/api/v1/transfers/{pending}/accept", new { }, ProbeExpect.Denied),
            ["POST /api/v1/transfers/{id:long}/reject"] = new(HttpMethod.Post, $"/api/v1/transfers/{pending}/reject", new { note = "越权退回" }, ProbeExpect.Denied),
            ["POST /api/v1/transfers/{id:long}/cancel"] = new(HttpMethod.Post, $"/api/v1/transfers/{pending}/cancel", new { }, ProbeExpect.Denied),
            ["POST /api/v1/transfers/{id:long}/receipt"] = new(HttpMethod.Post, $"/api/v1/transfers/{outgoing}/receipt", new { }, ProbeExpect.Denied),
            ["POST /api/v1/members/{id:long}/move"] = new(HttpMethod.Post, $"/api/v1/members/{member}/move", new { toOrganizationId = w.OutsiderBranch }, ProbeExpect.Denied),
            ["POST /api/v1/members/{id:long}/status"] = new(HttpMethod.Post, $"/api/v1/members/{member}/status", new { status = "Left", on = TransferApi.Today, exitType = "Expelled", reason = "越权" }, ProbeExpect.Denied),
            ["POST /api/v1/members/{id:long}/materials"] = new(HttpMethod.Post, $"/api/v1/members/{member}/materials", new { applicationLetter = true, volunteerForm = true, politicalReview = true, confirmationApplication = true }, ProbeExpect.Denied),
            ["GET /api/v1/members/file-check"] = new(HttpMethod.Get, $"/api/v1/members/file-check?under={w.VictimBranch}&pageSize=100", null, ProbeExpect.Denied),
        };
    }
}

public sealed class TransferPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld w, DangjianApp app)
    {
        using var admin = app.ApiClient(w.Admin);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var member = await admin.ReceiveMemberAsync(w.Victim, "丙方党员" + suffix);
        w.VictimMarkers.Add("丙方党员" + suffix);
        return new Dictionary<string, string>
        {
            ["/transfers"] = "/transfers?direction=In",
            ["/transfers/in"] = "/transfers/in",
            ["/members/{Id:long}/transfer"] = $"/members/{member}/transfer",
            ["/members/{Id:long}/status"] = $"/members/{member}/status",
            ["/members/file-check"] = $"/members/file-check?under={w.Victim}&pageSize=100",
        };
    }
}
