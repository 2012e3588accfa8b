using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Attachments;

/// <summary>What a caller sees of an attachment; the storage key stays inside Core.</summary>
public sealed record AttachmentInfo(
    long Id, string OwnerKind, long OwnerId, long OrganizationId, string FileName, string ContentType, string TypeLabel, bool IsImage,
    long Size, string Sha256, DateTime UploadedAt)
{
    internal static AttachmentInfo From(Attachment a)
    {
        var type = AttachmentContent.ByContentType(a.ContentType);
        return new AttachmentInfo(a.Id, a.OwnerKind, a.OwnerId, a.OrganizationId, a.FileName, a.ContentType, type?.Label ?? a.ContentType, type?.IsImage ?? false,
            a.Size, a.Sha256, a.UploadedAt);
    }
}

/// <summary>Attaches a file to a record the caller may change. <paramref name="Content"/> is read once, to the end or past the size limit.</summary>
public sealed record UploadAttachmentCommand(string? OwnerKind, long? OwnerId, string? FileName, Stream? Content);

public sealed class UploadAttachmentHandler(IDbContextFactory<DangjianDbContext> dbFactory, AttachmentOwners owners, AttachmentStore store, TimeProvider clock)
{
    public async Task<Result<AttachmentInfo>> HandleAsync(UploadAttachmentCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The owner and the caller's right come first: an outsider's upload is refused before a byte is stored.
        var place = await AttachmentAccess.OwnerAsync(db, owners, command.OwnerKind, command.OwnerId, scope, Permission.Write, ct);
        if (!place.IsSuccess) return Result<AttachmentInfo>.Failure(place.Errors);
        if (command.Content is null) return AttachmentErrors.FileRequired;
        var name = AttachmentFileName.Clean(command.FileName);
        if (!name.IsSuccess) return name.FirstError;

        using var staged = await store.StageAsync(command.Content, ct);
        if (staged.TooLarge) return AttachmentErrors.TooLarge(store.Settings.MaxMegabytes);
        if (staged.Size == 0) return AttachmentErrors.Empty;
        Result<AttachmentFileType> type;
        await using (var content = staged.OpenRead())
        {
            type = AttachmentContent.Check(content, name.Value);
        }

        if (!type.IsSuccess) return type.FirstError;

        var key = staged.Commit();
        var attachment = Attachment.Create(
            place.Value.OrganizationId, command.OwnerKind!.Trim(), command.OwnerId!.Value, name.Value, type.Value.ContentType, staged.Size, staged.Sha256, key, clock.UtcNow());
        db.Add(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The row is not there, so neither may the file be.
            store.DeleteQuietly([key]);
            throw;
        }

        return AttachmentInfo.From(attachment);
    }
}
