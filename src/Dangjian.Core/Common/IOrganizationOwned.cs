namespace Dangjian.Core.Common;

/// <summary>
/// A record that belongs to one organization. The audit log files its changes under that organization,
/// and the scope filter decides who may see it by that organization's path.
/// </summary>
public interface IOrganizationOwned
{
    long OrganizationId { get; }
}
