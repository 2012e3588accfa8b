using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Meetings;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Meetings;

/// <summary>Members, committees and meetings written through the Core handlers of the running host, as a system administrator.</summary>
public static class MeetingTestData
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static async Task<List<long>> MembersAsync(DangjianApp app, long branch, int count, string name = "会议党员")
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++) ids.Add(await CommitteeTestData.CreateMemberAsync(app, branch, name, placedFrom: new DateOnly(2020, 1, 1)));
        return ids;
    }

    /// <summary>A committee of the given members, the first as 书记, in office since 2020.</summary>
    public static async Task SeatAsync(DangjianApp app, long organization, IReadOnlyList<long> members)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var post = i == 0 ? CommitteePost.Secretary : CommitteePost.Member;
            await CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<AddCommitteeMemberHandler>()
                .HandleAsync(new AddCommitteeMemberCommand(organization, member, null, post, new DateOnly(2020, 1, 1)), AccessScope.Everything(null), CancellationToken.None));
        }
    }

    /// <summary>
    /// A meeting on <paramref name="date"/> with everyone in <paramref name="present"/> present and the rest of that day's
    /// roster absent (other tests' members share the branch, so the roster is read, not assumed).
    /// </summary>
    public static async Task<long> MeetingAsync(DangjianApp app, long organization, DateOnly date, string[] kinds, IReadOnlyCollection<long> present, string topic, params AgendaItemInput[] agenda)
    {
        var roster = await CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<GetMeetingRosterHandler>()
            .HandleAsync(new GetMeetingRosterQuery(organization, date, kinds), AccessScope.Everything(null), CancellationToken.None));
        return await CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<CreateMeetingHandler>().HandleAsync(new CreateMeetingCommand(organization, new MeetingInput
        {
            HeldOn = date, KindCodes = kinds, Topic = topic, AgendaItems = agenda,
            Attendance = roster.People.Select(p => new AttendanceInput(p.MemberId, present.Contains(p.MemberId) ? AttendanceStatus.Present : AttendanceStatus.Absent)).ToList(),
        }), AccessScope.Everything(null), CancellationToken.None));
    }

    /// <summary>The JSON body of an attendance row.</summary>
    public static object Row(long memberId, string status = "Present", string? leaveReason = null) => new { memberId, status, leaveReason };
}
