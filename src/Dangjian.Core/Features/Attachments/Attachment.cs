using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Attachments;

/// <summary>
/// A file attached to a record (a meeting's photos and minutes; later the work log's evidence). The bytes live in the
/// attachment store outside wwwroot under <see cref="StorageKey"/>; this row says who owns them, so downloads are
/// filtered by the owning organization's scope like any other record.
/// </summary>
public sealed class Attachment : IOrganizationOwned
{
    public const int FileNameMaxLength = 200;
    public const int OwnerKindMaxLength = 40;

    private Attachment()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }

    /// <summary>What the file belongs to, e.g. "meeting"; with <see cref="OwnerId"/> the owning record.</summary>
    public string OwnerKind { get; private set; } = "";

    public long OwnerId { get; private set; }

    /// <summary>The user's file name, cleaned of any path.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The content type found by inspecting the bytes, not the one the browser claimed.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";

    /// <summary>A random name inside the store; never derived from user input.</summary>
    public string StorageKey { get; private set; } = "";

    public DateTime UploadedAt { get; private set; }

    public static Attachment Create(long organizationId, string ownerKind, long ownerId, string fileName, string contentType, long size, string sha256, string storageKey, DateTime uploadedAt) =>
        new()
        {
            OrganizationId = organizationId,
            OwnerKind = ownerKind,
            OwnerId = ownerId,
            FileName = fileName,
            ContentType = contentType,
            Size = size,
            Sha256 = sha256,
            StorageKey = storageKey,
            UploadedAt = uploadedAt,
        };
}
