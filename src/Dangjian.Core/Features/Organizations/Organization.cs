using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Organizations;

/// <summary>A node of the party-organization tree (党组织).</summary>
public sealed class Organization : IOrganizationOwned, ICompletesAfterInsert
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;
    public const int ShortNameMaxLength = 30;
    public const int HostUnitNameMaxLength = 100;
    public const int PathMaxLength = 400;

    private Organization()
    {
    }

    public long Id { get; private set; }
    public long? ParentId { get; private set; }

    /// <summary>Ids from the root down to this node, e.g. "/1/5/23/" (docs/adr/0003).</summary>
    public string Path { get; private set; } = "";

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? ShortName { get; private set; }
    public OrganizationKind Kind { get; private set; }
    public string? HostUnitName { get; private set; }
    public UnitCategory? HostUnitCategory { get; private set; }
    public DateOnly? FoundedOn { get; private set; }
    public int SortOrder { get; private set; }

    /// <summary>A dissolved organization leaves the live tree but stays in history and in past periods' statistics.</summary>
    public DateOnly? DissolvedOn { get; private set; }

    public string? DissolutionReason { get; private set; }

    public bool IsDissolved => DissolvedOn is not null;

    long IOrganizationOwned.OrganizationId => Id;

    // The parent's path, kept only between Create and the insert that assigns the id.
    private string? _pendingParentPath;

    internal static Organization Create(OrganizationFields fields, Organization? parent) => new()
    {
        ParentId = parent?.Id,
        _pendingParentPath = parent?.Path,
        Code = fields.Code,
        Name = fields.Name,
        ShortName = fields.ShortName,
        Kind = fields.Kind,
        HostUnitName = fields.HostUnitName,
        HostUnitCategory = fields.HostUnitCategory,
        FoundedOn = fields.FoundedOn,
        SortOrder = fields.SortOrder,
    };

    /// <summary>Called once the database has assigned the id: the path ends with the node's own id.</summary>
    void ICompletesAfterInsert.OnKeyAssigned() => Path = _pendingParentPath is null ? OrgPath.Root(Id) : OrgPath.Child(_pendingParentPath, Id);

    internal void Update(OrganizationFields fields)
    {
        Code = fields.Code;
        Name = fields.Name;
        ShortName = fields.ShortName;
        Kind = fields.Kind;
        HostUnitName = fields.HostUnitName;
        HostUnitCategory = fields.HostUnitCategory;
        FoundedOn = fields.FoundedOn;
        SortOrder = fields.SortOrder;
    }

    internal void MoveTo(Organization newParent)
    {
        ParentId = newParent.Id;
        Path = OrgPath.Child(newParent.Path, Id);
    }

    internal void Dissolve(DateOnly on, string reason)
    {
        DissolvedOn = on;
        DissolutionReason = reason;
    }

    /// <summary>Alive at the end of a period: founded by then (or no date known) and not yet dissolved.</summary>
    public bool ExistedOn(DateOnly date) => (FoundedOn is null || FoundedOn <= date) && (DissolvedOn is null || DissolvedOn > date);
}

/// <summary>The fields a user edits on an organization, normalized and validated by <see cref="OrganizationRules"/>.</summary>
public sealed record OrganizationFields(
    string Code,
    string Name,
    string? ShortName,
    OrganizationKind Kind,
    string? HostUnitName,
    UnitCategory? HostUnitCategory,
    DateOnly? FoundedOn,
    int SortOrder);
