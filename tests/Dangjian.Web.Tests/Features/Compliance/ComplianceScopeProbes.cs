using Dangjian.Core.Features.Meetings;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Core.Features.Obligations.ObligationDefaults;

namespace Dangjian.Web.Tests.Features.Compliance;

public sealed class ComplianceScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        // A meeting and an override in the victim's branch, so a leak would show in the matrix, the calendar or the rules.
        await ComplianceTestData.AddMeetingAsync(app, w.VictimBranch, new DateOnly(2024, 3, 5), [MeetingKindCodes.ThemeDay], ScopeWorld.VictimMarker + "主题党日");
        await ComplianceTestData.OverrideAsync(app, w.VictimBranch, BranchLecture, enabled: false, ScopeWorld.VictimMarker + "调整原因");
        var lecture = ComplianceTestData.ObligationId(BranchLecture);
        var o = $"/api/v1/obligations/{lecture}/overrides/{w.VictimBranch}";
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/compliance"] = new(HttpMethod.Get, $"/api/v1/compliance?org={w.VictimBranch}&from=2024-01-01&to=2024-12-31", null, ProbeExpect.Denied),
            ["GET /api/v1/compliance/calendar"] = new(HttpMethod.Get, $"/api/v1/compliance/calendar?org={w.VictimBranch}&month=2024-03", null, ProbeExpect.Denied),
            ["GET /api/v1/obligations"] = new(HttpMethod.Get, $"/api/v1/obligations?org={w.VictimBranch}", null, ProbeExpect.Denied),
            ["PUT /api/v1/obligations/{id:long}/overrides/{orgId:long}"] = new(HttpMethod.Put, o, new { enabled = true, reason = "越权调整" }, ProbeExpect.Denied),
            ["DELETE /api/v1/obligations/{id:long}/overrides/{orgId:long}"] = new(HttpMethod.Delete, o + "?reason=越权取消", null, ProbeExpect.Denied),
        };
    }
}

public sealed class CompliancePageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        await ComplianceTestData.AddMeetingAsync(app, world.Victim, new DateOnly(2024, 3, 5), [MeetingKindCodes.ThemeDay], "丙方秘密主题党日");
        await ComplianceTestData.OverrideAsync(app, world.Victim, BranchLecture, enabled: false, "丙方秘密调整原因");
        world.VictimMarkers.Add("丙方秘密主题党日");
        world.VictimMarkers.Add("丙方秘密调整原因");
        return new Dictionary<string, string>
        {
            ["/compliance"] = $"/compliance?org={world.Victim}&from=2024-01-01&to=2024-12-31",
            ["/compliance/calendar"] = $"/compliance/calendar?org={world.Victim}&month=2024-03",
            ["/obligations"] = $"/obligations?org={world.Victim}",
        };
    }
}
