namespace Dangjian.Core.Common;

/// <summary>
/// A record that belongs to one organization. The audit log files its changes under that organization,
/// and the scope filter decides who may see it by that organization's path.
/// </summary>
public interface IOrganizationOwned
{
    long OrganizationId { get; }
}

/// <summary>
/// An entity that needs its database-generated key to finish itself (the organization path ends with the node's own id).
/// The context calls <see cref="OnKeyAssigned"/> right after the insert, inside the same save and transaction.
/// </summary>
public interface ICompletesAfterInsert
{
    void OnKeyAssigned();
}

/// <summary>
/// A working record that the audit log skips, because what it carries is audited when it takes effect: an import job
/// holds an uploaded sheet, and each member it creates is audited as it is inserted.
/// </summary>
public interface IUnaudited
{
}
