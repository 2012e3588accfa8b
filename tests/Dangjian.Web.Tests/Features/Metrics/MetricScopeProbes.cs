using Dangjian.Core.Features.Meetings;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.Features.Compliance;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Metrics;

public sealed class MetricScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        // A meeting in the victim's branch, so a leak would show as its title among the records.
        await ComplianceTestData.AddMeetingAsync(app, w.VictimBranch, new DateOnly(2024, 3, 5), [MeetingKindCodes.ThemeDay], ScopeWorld.VictimMarker + "指标会议");
        const string year = "from=2024-01-01&to=2024-12-31";
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/metrics"] = new(HttpMethod.Get, "/api/v1/metrics", null, ProbeExpect.OwnDataOnly),
            ["GET /api/v1/metrics/values"] = new(HttpMethod.Get, $"/api/v1/metrics/values?org={w.VictimBranch}&mode=children&{year}&keys=meetings.count", null, ProbeExpect.Denied),
            ["GET /api/v1/metrics/records"] = new(HttpMethod.Get, $"/api/v1/metrics/records?org={w.VictimBranch}&{year}&key=meetings.count", null, ProbeExpect.Denied),
        };
    }
}

public sealed class MetricPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        await ComplianceTestData.AddMeetingAsync(app, world.Victim, new DateOnly(2024, 3, 5), [MeetingKindCodes.ThemeDay], "丙方秘密指标会议");
        world.VictimMarkers.Add("丙方秘密指标会议");
        const string year = "from=2024-01-01&to=2024-12-31";
        return new Dictionary<string, string>
        {
            ["/statistics"] = $"/statistics?org={world.Victim}&mode=children&period=year&year=2024&keys=meetings.count",
            ["/metrics/records"] = $"/metrics/records?org={world.Victim}&{year}&key=meetings.count",
        };
    }
}
