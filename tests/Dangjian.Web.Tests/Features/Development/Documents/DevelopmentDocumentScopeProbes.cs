using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.Features.Development.Candidates;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Development.Documents;

/// <summary>The 发展党员文书 of another branch: its people (a 预备党员, eligible for a 转正 公示) never reach a document or the chooser.</summary>
public sealed class DevelopmentDocumentApiScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        var v = await VictimCandidate.CreateAsync(app, w.VictimBranch, "乙方文书", w.VictimMarkers);
        var notice = new { org = w.VictimBranch, ids = new[] { v.Id }, days = 5 };
        var today = VictimCandidate.Today;
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/development/documents/candidates"] =
                new(HttpMethod.Get, $"/api/v1/development/documents/candidates?org={w.VictimBranch}&kind=confirmation-notice", null, ProbeExpect.Denied),
            ["POST /api/v1/development/documents/target-notice"] = new(HttpMethod.Post, "/api/v1/development/documents/target-notice", notice, ProbeExpect.Denied),
            ["POST /api/v1/development/documents/admission-notice"] = new(HttpMethod.Post, "/api/v1/development/documents/admission-notice", notice, ProbeExpect.Denied),
            ["POST /api/v1/development/documents/confirmation-notice"] = new(HttpMethod.Post, "/api/v1/development/documents/confirmation-notice", notice, ProbeExpect.Denied),
            ["POST /api/v1/development/documents/filing-report"] = new(HttpMethod.Post, "/api/v1/development/documents/filing-report",
                new { org = w.VictimBranch, kind = "activists", from = today.AddYears(-4).ToString("yyyy-MM-dd"), to = today.ToString("yyyy-MM-dd") }, ProbeExpect.Denied),
        };
    }
}

public sealed class DevelopmentDocumentPageScopeProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld w, DangjianApp app)
    {
        var v = await VictimCandidate.CreateAsync(app, w.Victim, "丙方文书", w.VictimMarkers);
        return new Dictionary<string, string>
        {
            ["/development/documents"] = $"/development/documents?org={w.Victim}&kind=confirmation-notice&ids={v.Id}&generate=1",
        };
    }
}
