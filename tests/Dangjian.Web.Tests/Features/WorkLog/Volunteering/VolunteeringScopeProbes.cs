using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.WorkLog.Volunteering;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.WorkLog.Volunteering;

/// <summary>An activity, a 报到 and a 先锋岗 in the victim's branch, with markers that must never reach an outsider.</summary>
internal sealed record VictimVolunteering(long Member, long Activity, long Report, long Post)
{
    public static async Task<VictimVolunteering> CreateAsync(DangjianApp app, long branch, string prefix, List<string> markers)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var member = await CommitteeTestData.CreateMemberAsync(app, branch, $"{prefix}志愿党员{suffix}");
        using var services = app.Services.CreateScope();
        var scope = AccessScope.Everything(null);
        var on = new DateOnly(2025, 5, 1);
        var activity = (await services.ServiceProvider.GetRequiredService<CreateVolunteerActivityHandler>().HandleAsync(new CreateVolunteerActivityCommand(branch, new VolunteerActivityInput
        {
            HeldOn = on, Title = $"{prefix}志愿活动{suffix}", ServiceProject = $"{prefix}服务项目{suffix}", ProjectClaimed = true, PublicVolunteers = 2,
            Participants = [new ParticipantInput(member, 2m)],
        }), scope, default)).Value;
        var report = (await services.ServiceProvider.GetRequiredService<CreateCommunityReportHandler>().HandleAsync(new CreateCommunityReportCommand(branch, new CommunityReportInput
        {
            MemberId = member, Community = $"{prefix}报到社区{suffix}", ReportedOn = on,
        }), scope, default)).Value;
        var post = (await services.ServiceProvider.GetRequiredService<CreatePioneerPostHandler>().HandleAsync(new CreatePioneerPostCommand(branch, new PioneerPostInput
        {
            Name = $"{prefix}先锋岗{suffix}", Kind = PioneerPostKind.Pioneer, From = on, MemberIds = [member],
        }), scope, default)).Value;
        markers.AddRange([$"{prefix}志愿党员{suffix}", $"{prefix}志愿活动{suffix}", $"{prefix}服务项目{suffix}", $"{prefix}报到社区{suffix}", $"{prefix}先锋岗{suffix}"]);
        return new VictimVolunteering(member, activity, report, post);
    }
}

public sealed class VolunteeringScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        var v = await VictimVolunteering.CreateAsync(app, w.VictimBranch, "乙方", w.VictimMarkers);
        var activity = new { organizationId = w.VictimBranch, heldOn = "2025-05-02", title = "越权活动", publicVolunteers = 1, participants = new[] { new { memberId = v.Member, hours = 1m } } };
        var report = new { organizationId = w.VictimBranch, memberId = v.Member, community = "越权社区", reportedOn = "2025-05-02" };
        var post = new { organizationId = w.VictimBranch, name = "越权岗", kind = "Model", from = "2025-05-02", memberIds = new[] { v.Member } };
        Func<HttpContent> sheet = () =>
        {
            var content = new MultipartFormDataContent();
            content.Add(new ByteArrayContent(Dangjian.Documents.Xlsx.XlsxWriter.Write("s", ["身份证号", "姓名", "所在支部", "服务时长（小时）"], [[null, "越权", null, "1"]])), "file", "p.xlsx");
            return content;
        };
        const string a = "/api/v1/worklog/volunteer-activities";
        const string r = "/api/v1/worklog/community-reports";
        const string p = "/api/v1/worklog/pioneer-posts";
        return new Dictionary<string, ApiProbe>
        {
            [$"GET {a}/"] = new(HttpMethod.Get, $"{a}/?pageSize=100", null, ProbeExpect.OwnDataOnly),
            [$"GET {a}/{{id:long}}"] = new(HttpMethod.Get, $"{a}/{v.Activity}", null, ProbeExpect.Denied),
            [$"POST {a}/"] = new(HttpMethod.Post, $"{a}/", activity, ProbeExpect.Denied),
            [$"PUT {a}/{{id:long}}"] = new(HttpMethod.Put, $"{a}/{v.Activity}", activity, ProbeExpect.Denied),
            [$"DELETE {a}/{{id:long}}"] = new(HttpMethod.Delete, $"{a}/{v.Activity}", null, ProbeExpect.Denied),
            [$"POST {a}/{{id:long}}/participants/import"] = new(HttpMethod.Post, $"{a}/{v.Activity}/participants/import", sheet, ProbeExpect.Denied),
            [$"GET {a}/export"] = new(HttpMethod.Get, $"{a}/export", null, ProbeExpect.OwnDataOnly),
            [$"GET {r}/"] = new(HttpMethod.Get, $"{r}/?pageSize=100", null, ProbeExpect.OwnDataOnly),
            [$"GET {r}/export"] = new(HttpMethod.Get, $"{r}/export?under={w.VictimBranch}", null, ProbeExpect.Denied),
            [$"GET {r}/{{id:long}}"] = new(HttpMethod.Get, $"{r}/{v.Report}", null, ProbeExpect.Denied),
            [$"POST {r}/"] = new(HttpMethod.Post, $"{r}/", report, ProbeExpect.Denied),
            [$"PUT {r}/{{id:long}}"] = new(HttpMethod.Put, $"{r}/{v.Report}", report, ProbeExpect.Denied),
            [$"DELETE {r}/{{id:long}}"] = new(HttpMethod.Delete, $"{r}/{v.Report}", null, ProbeExpect.Denied),
            [$"GET {p}/"] = new(HttpMethod.Get, $"{p}/?pageSize=100", null, ProbeExpect.OwnDataOnly),
            [$"GET {p}/export"] = new(HttpMethod.Get, $"{p}/export?under={w.VictimBranch}", null, ProbeExpect.Denied),
            [$"GET {p}/{{id:long}}"] = new(HttpMethod.Get, $"{p}/{v.Post}", null, ProbeExpect.Denied),
            [$"POST {p}/"] = new(HttpMethod.Post, $"{p}/", post, ProbeExpect.Denied),
            [$"PUT {p}/{{id:long}}"] = new(HttpMethod.Put, $"{p}/{v.Post}", post, ProbeExpect.Denied),
            [$"DELETE {p}/{{id:long}}"] = new(HttpMethod.Delete, $"{p}/{v.Post}", null, ProbeExpect.Denied),
        };
    }
}

public sealed class VolunteeringPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld w, DangjianApp app)
    {
        var v = await VictimVolunteering.CreateAsync(app, w.Victim, "丙方", w.VictimMarkers);
        return new Dictionary<string, string>
        {
            ["/worklog/volunteering"] = "/worklog/volunteering",
            ["/worklog/volunteering/new"] = $"/worklog/volunteering/new?org={w.Victim}",
            ["/worklog/volunteering/{Id:long}/edit"] = $"/worklog/volunteering/{v.Activity}/edit",
            ["/worklog/community-reports"] = "/worklog/community-reports",
            ["/worklog/community-reports/new"] = $"/worklog/community-reports/new?org={w.Victim}",
            ["/worklog/community-reports/{Id:long}/edit"] = $"/worklog/community-reports/{v.Report}/edit",
            ["/worklog/pioneer-posts"] = "/worklog/pioneer-posts",
            ["/worklog/pioneer-posts/new"] = $"/worklog/pioneer-posts/new?org={w.Victim}",
            ["/worklog/pioneer-posts/{Id:long}/edit"] = $"/worklog/pioneer-posts/{v.Post}/edit",
        };
    }
}
