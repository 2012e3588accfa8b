using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Attachments;

public sealed record GetAttachmentContentQuery(long Id);

/// <summary>An attachment's description and its bytes; the caller disposes <see cref="Content"/>.</summary>
public sealed record AttachmentDownload(AttachmentInfo Info, Stream Content);

/// <summary>The download: allowed to whoever may read the owner's organization; to everyone else the file does not exist.</summary>
public sealed class GetAttachmentContentHandler(IDbContextFactory<DangjianDbContext> dbFactory, AttachmentOwners owners, AttachmentStore store)
{
    public async Task<Result<AttachmentDownload>> HandleAsync(GetAttachmentContentQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.Set<Attachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.Id, ct);
        if (attachment is null) return AttachmentErrors.NotFound(query.Id);
        var place = await AttachmentAccess.OfAttachmentAsync(db, owners, attachment, scope, Permission.Read, ct);
        if (!place.IsSuccess) return place.FirstError;

        var content = store.OpenRead(attachment.StorageKey);
        return content is null ? AttachmentErrors.FileMissing(attachment.Id) : new AttachmentDownload(AttachmentInfo.From(attachment), content);
    }
}
