using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Meetings;

/// <summary>Records a meeting held by an organization (a branch, a 党小组, a committee — any kind) in the caller's scope.</summary>
public sealed record CreateMeetingCommand(long? OrganizationId, MeetingInput Input);

public sealed class CreateMeetingHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateMeetingCommand command, AccessScope scope, CancellationToken ct)
    {
        if (command.OrganizationId is not long organizationId) return MeetingErrors.OrganizationRequired;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MeetingAccess.LoadOrganizationAsync(db, organizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;

        var draft = await MeetingDrafts.BuildAsync(db, loaded.Value, command.Input, scope, clock.Today(), [], ct);
        if (!draft.IsSuccess) return Result<long>.Failure(draft.Errors);

        var meeting = Meeting.Create(organizationId, draft.Value.Details, clock.UtcNow());
        MeetingWrites.Fill(meeting, draft.Value);
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }
}

internal static class MeetingWrites
{
    /// <summary>
    /// Puts the draft's kinds and rows on the meeting. Kind links are compared, not replaced, because a link's key is the
    /// pair (meeting, kind): removing and re-adding the same pair in one save would collide.
    /// </summary>
    public static void Fill(Meeting meeting, MeetingDraft draft)
    {
        meeting.RecordCommitteeSize(draft.CommitteeSize);
        meeting.Kinds.RemoveAll(k => !draft.KindIds.Contains(k.MeetingKindId));
        foreach (var kindId in draft.KindIds.Where(id => meeting.Kinds.All(k => k.MeetingKindId != id)))
        {
            meeting.Kinds.Add(MeetingKindLink.For(kindId));
        }

        meeting.Attendees.Clear();
        meeting.Attendees.AddRange(draft.Attendees);
        meeting.AgendaItems.Clear();
        meeting.AgendaItems.AddRange(draft.AgendaItems);
        meeting.KeySpeakers.Clear();
        meeting.KeySpeakers.AddRange(draft.KeySpeakers);
    }
}
