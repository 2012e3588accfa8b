using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Meetings;

/// <summary>
/// Changes a meeting record. The organization stays: attachments and findings are filed under it. Kinds archived since the
/// record was made may stay on it; they cannot be added.
/// </summary>
public sealed record UpdateMeetingCommand(long Id, MeetingInput Input);

public sealed class UpdateMeetingHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateMeetingCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MeetingAccess.LoadMeetingAsync(db, command.Id, scope, Permission.Write, withRows: true, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (meeting, organization) = loaded.Value;

        var kept = meeting.Kinds.Select(k => k.MeetingKindId).ToList();
        var draft = await MeetingDrafts.BuildAsync(db, organization, command.Input, scope, clock.Today(), kept, ct);
        if (!draft.IsSuccess) return Result<Done>.Failure(draft.Errors);

        meeting.Apply(draft.Value.Details);
        MeetingWrites.Fill(meeting, draft.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
