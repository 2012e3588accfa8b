using Dangjian.Core.Features.Development;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Web.Tests.Features.Development.DevelopmentTestData;

namespace Dangjian.Web.Tests.Features.Development.Candidates;

/// <summary>A 预备党员 of the victim's branch, taken through step 17 with the branch's own 培养联系人 and 入党介绍人.</summary>
internal sealed record VictimCandidate(long Id, long StepId, long Mentor, long Sponsor)
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static async Task<VictimCandidate> CreateAsync(DangjianApp app, long branch, string prefix, List<string> markers)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var mentor = await CommitteeTestData.CreateMemberAsync(app, branch, $"{prefix}联系人{suffix}", admittedOn: new DateOnly(2005, 1, 1));
        var sponsor = await CommitteeTestData.CreateMemberAsync(app, branch, $"{prefix}介绍人{suffix}", admittedOn: new DateOnly(2006, 1, 1));
        var applied = Today.AddYears(-3);
        var id = await CandidateAsync(app, branch, applied, $"{prefix}申请人{suffix}");
        await StepsAsync(app, id, applied, 2, 17, mentor, sponsor);
        var stepId = await Dangjian.Web.Tests.Features.Dues.DuesRows.WithDbAsync(app, db =>
            db.Set<CandidateStep>().Where(s => s.CandidateId == id && s.Step == 2).Select(s => s.Id).SingleAsync());
        markers.AddRange([$"{prefix}联系人{suffix}", $"{prefix}介绍人{suffix}", $"{prefix}申请人{suffix}"]);
        return new VictimCandidate(id, stepId, mentor, sponsor);
    }
}

public sealed class CandidateApiScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        var v = await VictimCandidate.CreateAsync(app, w.VictimBranch, "乙方", w.VictimMarkers);
        var today = VictimCandidate.Today.ToString("yyyy-MM-dd");
        var candidate = new
        {
            organizationId = w.VictimBranch, name = "越权申请人", gender = "Male", birthDate = "1995-05-05", idNumber = "11010219950505001X",
            employmentStatus = "Employed", applicationDate = today, reason = "越权",
        };
        var baseUrl = $"/api/v1/development/candidates/{v.Id}";
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/development/candidates/"] = new(HttpMethod.Get, "/api/v1/development/candidates/?all=true&pageSize=100", null, ProbeExpect.OwnDataOnly),
            ["GET /api/v1/development/candidates/{id:long}"] = new(HttpMethod.Get, baseUrl, null, ProbeExpect.Denied),
            ["POST /api/v1/development/candidates/"] = new(HttpMethod.Post, "/api/v1/development/candidates/", candidate, ProbeExpect.Denied),
            ["PUT /api/v1/development/candidates/{id:long}"] = new(HttpMethod.Put, baseUrl, candidate, ProbeExpect.Denied),
            ["POST /api/v1/development/candidates/{id:long}/steps"] = new(HttpMethod.Post, $"{baseUrl}/steps", new { step = 18, completedOn = today, person = "越权" }, ProbeExpect.Denied),
            ["PUT /api/v1/development/candidates/{id:long}/steps/{stepId:long}/date"] =
                new(HttpMethod.Put, $"{baseUrl}/steps/{v.StepId}/date", new { completedOn = VictimCandidate.Today.AddYears(-3).AddDays(11).ToString("yyyy-MM-dd"), reason = "越权" }, ProbeExpect.Denied),
            ["PUT /api/v1/development/candidates/{id:long}/steps/{stepId:long}/filed"] = new(HttpMethod.Put, $"{baseUrl}/steps/{v.StepId}/filed", new { filed = true }, ProbeExpect.Denied),
            ["POST /api/v1/development/candidates/{id:long}/extension"] = new(HttpMethod.Post, $"{baseUrl}/extension", new { on = today, months = 6, reason = "越权" }, ProbeExpect.Denied),
            ["POST /api/v1/development/candidates/{id:long}/cancellation"] = new(HttpMethod.Post, $"{baseUrl}/cancellation", new { on = today, reason = "越权" }, ProbeExpect.Denied),
        };
    }
}

public sealed class CandidatePageScopeProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld w, DangjianApp app)
    {
        var v = await VictimCandidate.CreateAsync(app, w.Victim, "丙方", w.VictimMarkers);
        return new Dictionary<string, string>
        {
            ["/development/candidates"] = "/development/candidates?stage=all",
            ["/development/candidates/new"] = $"/development/candidates/new?org={w.Victim}",
            ["/development/candidates/{Id:long}"] = $"/development/candidates/{v.Id}",
            ["/development/candidates/{Id:long}/steps/new"] = $"/development/candidates/{v.Id}/steps/new?step=18",
            ["/development/candidates/{Id:long}/steps/{StepId:long}"] = $"/development/candidates/{v.Id}/steps/{v.StepId}",
            ["/development/candidates/{Id:long}/edit"] = $"/development/candidates/{v.Id}/edit",
            ["/development/candidates/{Id:long}/extension"] = $"/development/candidates/{v.Id}/extension",
            ["/development/candidates/{Id:long}/cancellation"] = $"/development/candidates/{v.Id}/cancellation",
        };
    }
}
