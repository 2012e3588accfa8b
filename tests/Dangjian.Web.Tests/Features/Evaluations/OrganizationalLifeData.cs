using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Evaluations;
using Dangjian.Core.Features.Findings;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Talks;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Evaluations;

/// <summary>民主评议, 谈心谈话 and 问题清单 records made through the Core handlers of the running host, as a system administrator.</summary>
public static class OrganizationalLifeData
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>Built-in meeting kind ids (seeded by the migration).</summary>
    public const long BranchGeneralMeeting = 1, CommitteeMeeting = 2, OrganizationalLifeMeeting = 6, LeadershipLifeMeeting = 7;

    /// <summary>A meeting row written directly: the meeting handlers belong to another module.</summary>
    public static async Task<long> AddMeetingAsync(DangjianApp app, long organizationId, DateOnly heldOn, string topic, params long[] kinds)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
        var meeting = Meeting.Create(organizationId, new MeetingDetails(heldOn, null, null, topic, null, null, null, null, null, null, null, null), DateTime.UtcNow);
        foreach (var kind in kinds) meeting.Kinds.Add(MeetingKindLink.For(kind));
        db.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    public static Task<SavedEvaluation> CreateEvaluationAsync(DangjianApp app, long branch, int year, DateOnly heldOn, params EvaluationEntryInput[] entries) =>
        CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<CreateEvaluationHandler>().HandleAsync(
            new CreateEvaluationCommand(branch, new EvaluationInput { Year = year, HeldOn = heldOn, Entries = entries }), AccessScope.Everything(null), CancellationToken.None));

    public static async Task<long> CaseOfAsync(DangjianApp app, long memberId)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
        return await db.Set<DispositionCase>().Where(c => c.MemberId == memberId).Select(c => c.Id).SingleAsync();
    }

    public static Task<long> CreateTalkAsync(DangjianApp app, long organization, long initiator, long partner, string topic, DateOnly? heldOn = null) =>
        CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<CreateTalkHandler>().HandleAsync(
            new CreateTalkCommand(organization, new TalkInput { HeldOn = heldOn ?? Today, InitiatorMemberId = initiator, PartnerMemberId = partner, Topic = topic }),
            AccessScope.Everything(null), CancellationToken.None));

    public static Task<long> AddFindingAsync(DangjianApp app, long meeting, string description, string owner, DateOnly deadline) =>
        CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<AddFindingHandler>().HandleAsync(
            new AddFindingCommand(FindingSource.LifeMeeting, meeting, new FindingInput { Description = description, OwnerName = owner, Deadline = deadline }),
            AccessScope.Everything(null), CancellationToken.None));
}
