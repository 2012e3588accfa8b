using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Attachments;

/// <summary>
/// A kind of record that can carry attachments. A feature makes its records attachable by implementing this once
/// (it is registered automatically); the attachment handlers then check that the owner exists and lies in the caller's
/// scope through the organization it names. Nothing else changes.
/// </summary>
public interface IAttachmentOwner
{
    /// <summary>The stable code stored in <see cref="Attachment.OwnerKind"/>, e.g. "meeting".</summary>
    string OwnerKind { get; }

    /// <summary>The organization the record belongs to now, or null when there is no such record.</summary>
    Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct);
}

/// <summary>Every registered <see cref="IAttachmentOwner"/>, by kind.</summary>
public sealed class AttachmentOwners(IEnumerable<IAttachmentOwner> owners)
{
    private readonly Dictionary<string, IAttachmentOwner> _byKind = owners.ToDictionary(o => o.OwnerKind, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Kinds => _byKind.Keys;

    public IAttachmentOwner? Find(string kind) => _byKind.GetValueOrDefault(kind);
}

/// <summary>The organization whose scope decides who may see or change an owner's attachments.</summary>
internal sealed record AttachmentPlace(long OrganizationId, string Path);

internal static class AttachmentAccess
{
    /// <summary>
    /// The owner's organization, checked against <paramref name="permission"/>: an owner that does not exist or lies outside the
    /// caller's scope is "not found"; one the caller may read but not change is "forbidden".
    /// </summary>
    public static async Task<Result<AttachmentPlace>> OwnerAsync(
        DangjianDbContext db, AttachmentOwners owners, string? ownerKind, long? ownerId, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var errors = new List<Error>();
        var kind = ownerKind?.Trim() ?? "";
        IAttachmentOwner? owner = null;
        if (kind.Length == 0) errors.Add(AttachmentErrors.OwnerKindRequired);
        else if ((owner = owners.Find(kind)) is null) errors.Add(AttachmentErrors.OwnerKindUnknown(kind.Length > 40 ? kind[..40] : kind));
        if (ownerId is not > 0) errors.Add(AttachmentErrors.OwnerIdRequired);
        if (errors.Count > 0) return Result<AttachmentPlace>.Failure(errors);

        var organizationId = await owner!.FindOrganizationIdAsync(db, ownerId!.Value, ct);
        return organizationId is long id ? await PlaceAsync(db, id, scope, permission, ct) : AttachmentErrors.OwnerNotFound;
    }

    /// <summary>
    /// Where an existing attachment belongs: its owner's organization now (a record moved to another organization takes its
    /// files along), or, when the owner is gone, the organization recorded at upload.
    /// </summary>
    public static async Task<Result<AttachmentPlace>> OfAttachmentAsync(
        DangjianDbContext db, AttachmentOwners owners, Attachment attachment, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var owner = owners.Find(attachment.OwnerKind);
        var organizationId = (owner is null ? null : await owner.FindOrganizationIdAsync(db, attachment.OwnerId, ct)) ?? attachment.OrganizationId;
        var place = await PlaceAsync(db, organizationId, scope, permission, ct);
        return place.IsSuccess || place.FirstError.Kind != ErrorKind.NotFound ? place : AttachmentErrors.NotFound(attachment.Id);
    }

    private static async Task<Result<AttachmentPlace>> PlaceAsync(DangjianDbContext db, long organizationId, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).SingleOrDefaultAsync(ct);
        if (path is null || !scope.Allows(path, Permission.Read)) return AttachmentErrors.OwnerNotFound;
        var allowed = scope.Check(path, permission);
        return allowed.IsSuccess ? new AttachmentPlace(organizationId, path) : allowed.FirstError;
    }
}
