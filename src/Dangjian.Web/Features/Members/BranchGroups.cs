using Dangjian.Core.Common;
using Dangjian.Core.Features.Organizations;

namespace Dangjian.Web.Features.Members;

/// <summary>The 党小组 of the branches among the caller's organization choices, labelled with their branch, for the member forms' 党小组 select.</summary>
public static class BranchGroups
{
    public sealed record GroupChoice(long Id, long BranchId, string Label);

    public static IReadOnlyList<GroupChoice> Of(IReadOnlyList<OrganizationChoice> choices)
    {
        var branches = choices.Where(c => c.Kind.IsBranch()).ToDictionary(c => c.Id);
        return choices
            .Where(c => c.Kind == OrganizationKind.Group)
            .Select(g => (Group: g, Ids: OrgPath.Ids(g.Path)))
            .Where(x => x.Ids.Count >= 2 && branches.ContainsKey(x.Ids[^2]))
            .Select(x => new GroupChoice(x.Group.Id, x.Ids[^2], $"{branches[x.Ids[^2]].Name} · {x.Group.Name}"))
            .ToList();
    }
}
