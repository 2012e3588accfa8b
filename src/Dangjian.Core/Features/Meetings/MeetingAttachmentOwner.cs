using Dangjian.Core.Data;
using Dangjian.Core.Features.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Meetings;

/// <summary>Meetings carry attachments (photos, minutes, slides): they belong to the meeting's organization.</summary>
public sealed class MeetingAttachmentOwner : IAttachmentOwner
{
    public const string Kind = "meeting";

    public string OwnerKind => Kind;

    public async Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct) =>
        await db.Set<Meeting>().Where(m => m.Id == ownerId).Select(m => (long?)m.OrganizationId).SingleOrDefaultAsync(ct);
}
