using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Evaluations;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Obligations;
using Dangjian.Core.Features.Talks;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Compliance;

/// <summary>
/// Evidence written straight into the running host's database: the meeting, evaluation and talk forms belong to other
/// modules, and these tests are about what the compliance rules count.
/// </summary>
public static class ComplianceTestData
{
    public static long KindId(string code) => MeetingKindCodes.BuiltIn.Single(k => k.Code == code).Id;

    public static long ObligationId(string code) => ObligationDefaults.All.Single(o => o.Code == code).Id;

    private static async Task SaveAsync(DangjianApp app, object entity)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
        db.Add(entity);
        await db.SaveChangesAsync();
    }

    public static async Task<long> AddMeetingAsync(
        DangjianApp app, long organizationId, DateOnly heldOn, string[] kindCodes, string topic = "测试会议", long? lecturerMemberId = null, LecturerRole? lecturerRole = null)
    {
        var meeting = Meeting.Create(organizationId, new MeetingDetails(heldOn, null, null, topic, null, null, null, null, lecturerMemberId, null, lecturerRole, null), DateTime.UtcNow);
        meeting.Kinds.AddRange(kindCodes.Select(c => MeetingKindLink.For(KindId(c))));
        await SaveAsync(app, meeting);
        return meeting.Id;
    }

    public static Task AddTalkAsync(DangjianApp app, long organizationId, DateOnly heldOn, long initiator, long partner) =>
        SaveAsync(app, HeartToHeartTalk.Create(organizationId, heldOn, initiator, partner, "谈心谈话", null));

    public static Task AddEvaluationAsync(DangjianApp app, long organizationId, DateOnly heldOn) =>
        SaveAsync(app, EvaluationSession.Create(organizationId, heldOn.Year, heldOn, null, null));

    public static Task<long> AddSeatAsync(DangjianApp app, long organizationId, long memberId, CommitteePost post, DateOnly from) =>
        CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<AddCommitteeMemberHandler>()
            .HandleAsync(new AddCommitteeMemberCommand(organizationId, memberId, null, post, from), AccessScope.Everything(null), CancellationToken.None));

    public static Task<long> OverrideAsync(DangjianApp app, long organizationId, string code, bool enabled, string reason = "测试调整") =>
        CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<SetObligationOverrideHandler>()
            .HandleAsync(new SetObligationOverrideCommand(ObligationId(code), organizationId, enabled, null, null, reason), AccessScope.Everything(null), CancellationToken.None));
}
