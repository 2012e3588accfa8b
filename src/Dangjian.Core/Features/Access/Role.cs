namespace Dangjian.Core.Features.Access;

/// <summary>A role a user holds over one organization subtree (or, for 系统管理员, over everything).</summary>
public enum Role
{
    SystemAdmin,
    OrgAdmin,
    Worker,
    ReadOnly,
    Member,
}

/// <summary>What a caller wants to do inside a subtree.</summary>
public enum Permission
{
    /// <summary>See the subtree's records.</summary>
    Read,

    /// <summary>Record work (meetings, dues, ...) in the subtree.</summary>
    Write,

    /// <summary>Change the subtree's structure and its users.</summary>
    Administer,
}

public static class RoleRules
{
    public static string Label(this Role role) => role switch
    {
        Role.SystemAdmin => "系统管理员",
        Role.OrgAdmin => "组织管理员",
        Role.Worker => "党务工作者",
        Role.ReadOnly => "只读",
        Role.Member => "党员",
        _ => role.ToString(),
    };

    /// <summary>
    /// The one permission matrix. 党员 get no subtree rights: their self-service pages read only their own records.
    /// </summary>
    public static bool Grants(this Role role, Permission permission) => role switch
    {
        Role.SystemAdmin or Role.OrgAdmin => true,
        Role.Worker => permission is Permission.Read or Permission.Write,
        Role.ReadOnly => permission is Permission.Read,
        _ => false,
    };

    public static bool TryParse(string? text, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase) || text == candidate.Label())
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
