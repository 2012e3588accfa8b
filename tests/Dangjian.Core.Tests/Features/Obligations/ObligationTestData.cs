using Dangjian.Core.Common;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Evaluations;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Obligations;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Talks;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Obligations;

/// <summary>
/// Records the compliance rules read, written straight to the database: the meeting, evaluation and talk forms are
/// other modules' work, and these tests are about what counts, not how it is entered.
/// </summary>
internal static class ObligationTestData
{
    public static long KindId(string code) => MeetingKindCodes.BuiltIn.Single(k => k.Code == code).Id;

    public static async Task<long> AddMeetingAsync(
        this CoreDatabase db, long organizationId, DateOnly heldOn, string[] kindCodes, long? lecturerMemberId = null, LecturerRole? lecturerRole = null)
    {
        await using var context = await db.OpenAsync();
        var meeting = Meeting.Create(organizationId, new MeetingDetails(heldOn, null, null, "测试会议", null, null, null, null, lecturerMemberId, null, lecturerRole, null), DateTime.UtcNow);
        meeting.Kinds.AddRange(kindCodes.Select(c => MeetingKindLink.For(KindId(c))));
        context.Add(meeting);
        await context.SaveChangesAsync(Ct);
        return meeting.Id;
    }

    public static Task<long> AddMeetingAsync(this CoreDatabase db, long organizationId, DateOnly heldOn, string kindCode) =>
        db.AddMeetingAsync(organizationId, heldOn, [kindCode]);

    public static async Task<long> AddSeatAsync(this CoreDatabase db, long organizationId, CommitteePost post, DateOnly from, long? memberId = null, string? name = null)
    {
        var result = await db.Get<AddCommitteeMemberHandler>().HandleAsync(new AddCommitteeMemberCommand(organizationId, memberId, name ?? "委员" + Guid.NewGuid().ToString("N")[..4], post, from), Admin, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        return result.Value;
    }

    public static async Task EndSeatAsync(this CoreDatabase db, long organizationId, long seatId, DateOnly to)
    {
        var result = await db.Get<EndCommitteeMemberHandler>().HandleAsync(new EndCommitteeMemberCommand(organizationId, seatId, to), Admin, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
    }

    public static async Task AddTalkAsync(this CoreDatabase db, long organizationId, DateOnly heldOn, long initiator, long partner)
    {
        await using var context = await db.OpenAsync();
        context.Add(HeartToHeartTalk.Create(organizationId, heldOn, initiator, partner, "谈心", null));
        await context.SaveChangesAsync(Ct);
    }

    public static async Task AddEvaluationAsync(this CoreDatabase db, long organizationId, DateOnly heldOn)
    {
        await using var context = await db.OpenAsync();
        context.Add(EvaluationSession.Create(organizationId, heldOn.Year, heldOn, null, null));
        await context.SaveChangesAsync(Ct);
    }

    public static async Task OverrideAsync(this CoreDatabase db, long organizationId, string code, bool enabled, ObligationFrequency? frequency = null, int? minCount = null)
    {
        var result = await db.Get<SetObligationOverrideHandler>().HandleAsync(
            new SetObligationOverrideCommand(ObligationDefaults.All.Single(o => o.Code == code).Id, organizationId, enabled, frequency, minCount, "测试调整"), Admin, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
    }

    public static async Task<ComplianceResult> EvaluateAsync(this CoreDatabase db, long rootId, DateOnly from, DateOnly to)
    {
        await using var context = await db.OpenAsync();
        var path = (await db.FindAsync(rootId)).Path;
        return await ComplianceEvaluator.EvaluateAsync(context, context.Organizations.AsNoTracking().InSubtree(path), from, to, db.Clock.Today(), Ct);
    }

    public static ComplianceCell Cell(this ComplianceResult result, long organizationId, string code)
    {
        var index = result.Obligations.ToList().FindIndex(o => o.Code == code);
        return result.Rows.Single(r => r.Organization.Id == organizationId).Cells[index];
    }
}
