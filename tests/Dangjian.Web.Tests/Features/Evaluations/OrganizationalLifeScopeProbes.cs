using Dangjian.Core.Features.Evaluations;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.Evaluations.OrganizationalLifeData;

namespace Dangjian.Web.Tests.Features.Evaluations;

/// <summary>A 民主评议 with an open 组织处置 case, a 谈心谈话 and a 组织生活会 with a finding, all in the victim's branch.</summary>
internal sealed record VictimOrganizationalLife(long Member, long Partner, long Session, long Case, long Talk, long Meeting, long Finding)
{
    public static async Task<VictimOrganizationalLife> CreateAsync(DangjianApp app, long branch, string prefix, List<string> markers)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var member = await CommitteeTestData.CreateMemberAsync(app, branch, $"{prefix}评议党员{suffix}");
        var partner = await CommitteeTestData.CreateMemberAsync(app, branch, $"{prefix}谈话对象{suffix}");
        var session = await CreateEvaluationAsync(app, branch, Today.Year, Today,
            new EvaluationEntryInput(member, true, EvaluationGrade.Unqualified), new EvaluationEntryInput(partner, true, EvaluationGrade.Excellent));
        var talk = await CreateTalkAsync(app, branch, member, partner, $"{prefix}谈话主题{suffix}");
        var meeting = await AddMeetingAsync(app, branch, Today, $"{prefix}组织生活会{suffix}", OrganizationalLifeMeeting);
        var finding = await AddFindingAsync(app, meeting, $"{prefix}查摆问题{suffix}", $"{prefix}责任人{suffix}", Today.AddMonths(1));
        markers.AddRange([$"{prefix}评议党员{suffix}", $"{prefix}谈话对象{suffix}", $"{prefix}谈话主题{suffix}", $"{prefix}组织生活会{suffix}", $"{prefix}查摆问题{suffix}", $"{prefix}责任人{suffix}"]);
        return new VictimOrganizationalLife(member, partner, session.Id, await CaseOfAsync(app, member), talk, meeting, finding);
    }
}

public sealed class OrganizationalLifeScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        var v = await VictimOrganizationalLife.CreateAsync(app, w.VictimBranch, "乙方", w.VictimMarkers);
        var today = Today.ToString("yyyy-MM-dd");
        var evaluation = new { organizationId = w.VictimBranch, year = Today.Year - 1, heldOn = today, entries = new[] { new { memberId = v.Member, participated = true, grade = "Qualified" } } };
        var talk = new { organizationId = w.VictimBranch, heldOn = today, initiatorMemberId = v.Partner, partnerMemberId = v.Member, topic = "越权谈话" };
        var finding = new { meetingId = v.Meeting, description = "越权问题", ownerName = "越权", deadline = today, status = "Resolved", resolvedOn = today };
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/evaluations/"] = new(HttpMethod.Get, "/api/v1/evaluations/?pageSize=100", null, ProbeExpect.OwnDataOnly),
            ["GET /api/v1/evaluations/{id:long}"] = new(HttpMethod.Get, $"/api/v1/evaluations/{v.Session}", null, ProbeExpect.Denied),
            ["POST /api/v1/evaluations/"] = new(HttpMethod.Post, "/api/v1/evaluations/", evaluation, ProbeExpect.Denied),
            ["PUT /api/v1/evaluations/{id:long}"] = new(HttpMethod.Put, $"/api/v1/evaluations/{v.Session}", evaluation with { year = Today.Year }, ProbeExpect.Denied),
            ["GET /api/v1/dispositions/"] = new(HttpMethod.Get, "/api/v1/dispositions/?pageSize=100", null, ProbeExpect.OwnDataOnly),
            ["POST /api/v1/dispositions/{id:long}/close"] = new(HttpMethod.Post, $"/api/v1/dispositions/{v.Case}/close", new { outcome = "越权结案" }, ProbeExpect.Denied),
            ["GET /api/v1/talks/"] = new(HttpMethod.Get, "/api/v1/talks/?pageSize=100", null, ProbeExpect.OwnDataOnly),
            ["GET /api/v1/talks/{id:long}"] = new(HttpMethod.Get, $"/api/v1/talks/{v.Talk}", null, ProbeExpect.Denied),
            ["POST /api/v1/talks/"] = new(HttpMethod.Post, "/api/v1/talks/", talk, ProbeExpect.Denied),
            ["PUT /api/v1/talks/{id:long}"] = new(HttpMethod.Put, $"/api/v1/talks/{v.Talk}", talk, ProbeExpect.Denied),
            ["DELETE /api/v1/talks/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/talks/{v.Talk}", null, ProbeExpect.Denied),
            ["GET /api/v1/findings/"] = new(HttpMethod.Get, $"/api/v1/findings/?meetingId={v.Meeting}&pageSize=100", null, ProbeExpect.OwnDataOnly),
            ["POST /api/v1/findings/"] = new(HttpMethod.Post, "/api/v1/findings/", finding, ProbeExpect.Denied),
            ["PUT /api/v1/findings/{id:long}"] = new(HttpMethod.Put, $"/api/v1/findings/{v.Finding}", finding, ProbeExpect.Denied),
        };
    }
}

public sealed class OrganizationalLifePageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld w, DangjianApp app)
    {
        var v = await VictimOrganizationalLife.CreateAsync(app, w.Victim, "丙方", w.VictimMarkers);
        return new Dictionary<string, string>
        {
            ["/evaluations"] = $"/evaluations?year={Today.Year}",
            ["/evaluations/new"] = $"/evaluations/new?org={w.Victim}&year={Today.Year}",
            ["/evaluations/{Id:long}"] = $"/evaluations/{v.Session}",
            ["/dispositions"] = $"/dispositions?close={v.Case}",
            ["/talks"] = $"/talks?member={v.Member}",
            ["/talks/new"] = $"/talks/new?org={w.Victim}",
            ["/talks/{Id:long}/edit"] = $"/talks/{v.Talk}/edit",
            ["/talks/{Id:long}/delete"] = $"/talks/{v.Talk}/delete",
            ["/meetings/{Id:long}/findings"] = $"/meetings/{v.Meeting}/findings",
            ["/findings"] = "/findings?overdue=false",
        };
    }
}
