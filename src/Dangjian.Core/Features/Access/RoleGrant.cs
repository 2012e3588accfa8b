namespace Dangjian.Core.Features.Access;

/// <summary>
/// A user holds <see cref="Role"/> over the subtree rooted at <see cref="OrganizationId"/>.
/// 系统管理员 is the one role granted without an organization: it covers every tree.
/// </summary>
public sealed class RoleGrant
{
    private RoleGrant()
    {
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public long? OrganizationId { get; private set; }
    public Role Role { get; private set; }
    public DateTime GrantedAtUtc { get; private set; }

    internal static RoleGrant Create(string userId, long? organizationId, Role role, DateTime grantedAtUtc) => new()
    {
        UserId = userId,
        OrganizationId = role == Role.SystemAdmin ? null : organizationId,
        Role = role,
        GrantedAtUtc = grantedAtUtc,
    };
}
