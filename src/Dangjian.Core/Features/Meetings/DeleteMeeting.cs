using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Attachments;
using Dangjian.Core.Features.Findings;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Meetings;

/// <summary>
/// Deletes a meeting record with its attendance, 议题 and 重点发言. Refused while attachments or findings (问题清单) hang on
/// it: their files and their rectification outlive a mistaken record and must be dealt with first.
/// </summary>
public sealed record DeleteMeetingCommand(long Id);

public sealed class DeleteMeetingHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteMeetingCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MeetingAccess.LoadMeetingAsync(db, command.Id, scope, Permission.Write, withRows: true, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var meeting = loaded.Value.Meeting;

        var attachments = await db.Set<Attachment>().CountAsync(a => a.OwnerKind == MeetingAttachmentOwner.Kind && a.OwnerId == meeting.Id, ct);
        var findings = await db.Set<Finding>().CountAsync(f => f.Source == FindingSource.LifeMeeting && f.SourceId == meeting.Id, ct);
        if (attachments > 0 || findings > 0) return MeetingErrors.HasDependents(attachments, findings);

        // The rows are loaded so that each one's deletion is audited, not only the meeting's.
        db.Remove(meeting);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
