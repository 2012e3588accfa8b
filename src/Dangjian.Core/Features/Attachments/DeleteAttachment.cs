using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Attachments;

public sealed record DeleteAttachmentCommand(long Id);

/// <summary>Removes an attachment: the row (audited) first, the file only once that is committed.</summary>
public sealed class DeleteAttachmentHandler(IDbContextFactory<DangjianDbContext> dbFactory, AttachmentOwners owners, AttachmentStore store)
{
    public async Task<Result<Done>> HandleAsync(DeleteAttachmentCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.Set<Attachment>().SingleOrDefaultAsync(a => a.Id == command.Id, ct);
        if (attachment is null) return AttachmentErrors.NotFound(command.Id);
        var place = await AttachmentAccess.OfAttachmentAsync(db, owners, attachment, scope, Permission.Write, ct);
        if (!place.IsSuccess) return place.FirstError;

        db.Remove(attachment);
        await db.SaveChangesAsync(ct);
        store.DeleteQuietly([attachment.StorageKey]);
        return Done.Value;
    }
}

/// <summary>
/// For features that delete a record together with its attachments: mark the rows for removal inside the caller's own save,
/// then pass the returned keys to <see cref="AttachmentStore.DeleteQuietly"/> after that save has committed.
/// </summary>
public static class OwnerAttachments
{
    public static async Task<IReadOnlyList<string>> RemoveAsync(DangjianDbContext db, string ownerKind, long ownerId, CancellationToken ct)
    {
        var rows = await db.Set<Attachment>().Where(a => a.OwnerKind == ownerKind && a.OwnerId == ownerId).ToListAsync(ct);
        db.RemoveRange(rows);
        return rows.Select(a => a.StorageKey).ToList();
    }
}
