namespace Dangjian.Core.Features.Organizations;

/// <summary>党组织类别 (domain.md §1).</summary>
public enum OrganizationKind
{
    Committee,
    LeadingGroup,
    WorkingCommittee,
    GeneralBranch,
    Branch,
    JointBranch,
    TemporaryBranch,
    Group,
}

/// <summary>单位类别 of the unit that hosts an organization.</summary>
public enum UnitCategory
{
    GovernmentOrgan,
    PublicInstitution,
    StateOwnedEnterprise,
    PrivateEnterprise,
    SocialOrganization,
    Village,
    Community,
    School,
    Other,
}

public static class OrganizationKindNames
{
    public static string Label(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.Committee => "党委",
        OrganizationKind.LeadingGroup => "党组",
        OrganizationKind.WorkingCommittee => "党工委",
        OrganizationKind.GeneralBranch => "党总支",
        OrganizationKind.Branch => "党支部",
        OrganizationKind.JointBranch => "联合党支部",
        OrganizationKind.TemporaryBranch => "临时党支部",
        OrganizationKind.Group => "党小组",
        _ => kind.ToString(),
    };

    public static string Label(this UnitCategory category) => category switch
    {
        UnitCategory.GovernmentOrgan => "机关",
        UnitCategory.PublicInstitution => "事业单位",
        UnitCategory.StateOwnedEnterprise => "国有企业",
        UnitCategory.PrivateEnterprise => "非公企业",
        UnitCategory.SocialOrganization => "社会组织",
        UnitCategory.Village => "农村",
        UnitCategory.Community => "社区",
        UnitCategory.School => "学校",
        UnitCategory.Other => "其他",
        _ => category.ToString(),
    };

    /// <summary>Branches of every sort: 党支部, 联合党支部, 临时党支部.</summary>
    public static bool IsBranch(this OrganizationKind kind) =>
        kind is OrganizationKind.Branch or OrganizationKind.JointBranch or OrganizationKind.TemporaryBranch;

    /// <summary>
    /// Which kinds may sit under which: a 党小组 is a division of a branch and has no children (《支部工作条例》 Art. 5);
    /// branches hold only 党小组; committees and 党总支 hold branches and lower committees.
    /// </summary>
    public static bool CanContain(this OrganizationKind parent, OrganizationKind child) => parent switch
    {
        OrganizationKind.Group => false,
        _ when parent.IsBranch() => child == OrganizationKind.Group,
        OrganizationKind.GeneralBranch => child.IsBranch(),
        _ => child != OrganizationKind.Group,
    };

    public static bool TryParse(string? text, out OrganizationKind kind)
    {
        foreach (var candidate in Enum.GetValues<OrganizationKind>())
        {
            if (string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase) || text == candidate.Label())
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
