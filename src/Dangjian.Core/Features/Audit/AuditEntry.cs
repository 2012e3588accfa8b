namespace Dangjian.Core.Features.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,

    /// <summary>Someone saw personal data unmasked (an ID number or a phone); nothing changed.</summary>
    Viewed,
    /// <summary>Personal data left the system unmasked (an export); the changes column states how many rows.</summary>
    Exported,
}

/// <summary>One change to one record: who, when, which organization, and every changed field before and after.</summary>
public sealed class AuditEntry
{
    public const int ReasonMaxLength = 500;

    private AuditEntry()
    {
    }

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public long? OrganizationId { get; private set; }
    public string EntityType { get; private set; } = "";
    public string EntityKey { get; private set; } = "";
    public AuditAction Action { get; private set; }

    /// <summary>JSON array of {field, before, after}.</summary>
    public string Changes { get; private set; } = "[]";

    /// <summary>Why the change was made; required by the rules for corrections of legally relevant dates.</summary>
    public string? Reason { get; private set; }

    internal static AuditEntry Create(
        DateTime atUtc, string? userId, string userName, long? organizationId, string entityType, string entityKey,
        AuditAction action, string changes, string? reason) => new()
        {
            AtUtc = atUtc,
            UserId = userId,
            UserName = userName,
            OrganizationId = organizationId,
            EntityType = entityType,
            EntityKey = entityKey,
            Action = action,
            Changes = changes,
            Reason = reason,
        };
}

public sealed record FieldChange(string Field, string? Before, string? After);
