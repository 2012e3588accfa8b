using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Attachments;

public sealed record ListAttachmentsQuery(string? OwnerKind, long? OwnerId);

/// <summary>One record's attachments, oldest first, and whether the caller may add or remove them.</summary>
public sealed record AttachmentListing(IReadOnlyList<AttachmentInfo> Items, bool CanWrite);

public sealed class ListAttachmentsHandler(IDbContextFactory<DangjianDbContext> dbFactory, AttachmentOwners owners)
{
    public async Task<Result<AttachmentListing>> HandleAsync(ListAttachmentsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var place = await AttachmentAccess.OwnerAsync(db, owners, query.OwnerKind, query.OwnerId, scope, Permission.Read, ct);
        if (!place.IsSuccess) return Result<AttachmentListing>.Failure(place.Errors);

        var kind = query.OwnerKind!.Trim();
        var rows = await db.Set<Attachment>().AsNoTracking()
            .Where(a => a.OwnerKind == kind && a.OwnerId == query.OwnerId!.Value)
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        return new AttachmentListing(rows.Select(AttachmentInfo.From).ToList(), scope.Allows(place.Value.Path, Permission.Write));
    }
}
