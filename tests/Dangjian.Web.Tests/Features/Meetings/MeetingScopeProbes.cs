using Dangjian.Core.Features.Meetings;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.Meetings.MeetingTestData;

namespace Dangjian.Web.Tests.Features.Meetings;

public sealed class MeetingScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        // A meeting of the victim's branch whose topic and attendee names carry the marker, so a leak would show.
        var members = await MembersAsync(app, w.VictimBranch, 2, ScopeWorld.VictimMarker + "党员");
        var meeting = await MeetingAsync(app, w.VictimBranch, Today, [MeetingKindCodes.ThemeDay], members, ScopeWorld.VictimMarker + "主题党日",
            new AgendaItemInput(ScopeWorld.VictimMarker + "议题", AgendaTopic.PartyBuilding));
        var day = Today.ToString("yyyy-MM-dd");
        var body = new { heldOn = day, kindCodes = new[] { "ThemeDay" }, topic = "越权登记", attendance = members.Select(id => Row(id)).ToArray() };
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/meetings/"] = new(HttpMethod.Get, $"/api/v1/meetings/?org={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/meetings/roster"] = new(HttpMethod.Get, $"/api/v1/meetings/roster?org={w.VictimBranch}&date={day}&kind=ThemeDay", null, ProbeExpect.Denied),
            ["GET /api/v1/meetings/{id:long}"] = new(HttpMethod.Get, $"/api/v1/meetings/{meeting}", null, ProbeExpect.Denied),
            ["POST /api/v1/meetings/"] = new(HttpMethod.Post, "/api/v1/meetings/", new { organizationId = w.VictimBranch, meeting = body }, ProbeExpect.Denied),
            ["PUT /api/v1/meetings/{id:long}"] = new(HttpMethod.Put, $"/api/v1/meetings/{meeting}", body, ProbeExpect.Denied),
            ["DELETE /api/v1/meetings/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/meetings/{meeting}", null, ProbeExpect.Denied),
            // Kinds are the same for everyone; only administrators of a whole tree may change them (the outsider holds a 党总支).
            ["GET /api/v1/meeting-kinds/"] = new(HttpMethod.Get, "/api/v1/meeting-kinds/?includeArchived=true", null, ProbeExpect.OwnDataOnly),
            ["POST /api/v1/meeting-kinds/"] = new(HttpMethod.Post, "/api/v1/meeting-kinds/", new { name = "越权新增类型" }, ProbeExpect.Denied),
            ["PUT /api/v1/meeting-kinds/{id:long}"] = new(HttpMethod.Put, "/api/v1/meeting-kinds/5", new { isArchived = true }, ProbeExpect.Denied),
        };
    }
}

public sealed class MeetingPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        var members = await MembersAsync(app, world.Victim, 2, "丙方会议党员");
        var meeting = await MeetingAsync(app, world.Victim, Today, [MeetingKindCodes.BranchGeneralMeeting], members, "丙方秘密会议主题");
        world.VictimMarkers.Add("丙方会议党员");
        world.VictimMarkers.Add("丙方秘密会议主题");
        var day = Today.ToString("yyyy-MM-dd");
        return new Dictionary<string, string>
        {
            ["/meetings"] = $"/meetings?org={world.Victim}",
            ["/meetings/{Id:long}"] = $"/meetings/{meeting}",
            ["/meetings/new"] = $"/meetings/new?org={world.Victim}&kind=BranchGeneralMeeting&date={day}",
            ["/meetings/{Id:long}/edit"] = $"/meetings/{meeting}/edit",
            ["/meeting-kinds"] = "/meeting-kinds",
        };
    }
}
