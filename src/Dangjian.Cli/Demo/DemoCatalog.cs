using Dangjian.Core.Features.Organizations;

namespace Dangjian.Cli.Demo;

/// <summary>One organization of the demo tree; <see cref="ParentCode"/> is null for the root.</summary>
public sealed record DemoOrganization(
    string Code,
    string? ParentCode,
    OrganizationKind Kind,
    string Name,
    string ShortName,
    string HostUnitName,
    UnitCategory HostUnitCategory,
    DateOnly FoundedOn,
    int SortOrder);

/// <summary>
/// The demo tree of a fictional city, 示范市: a 机关党委 over three bureaus' 党总支, four 党支部 in each (two in the bureau
/// itself, two in institutions it runs) and 30 党小组. Bureau founding dates follow the 2018–2019 institutional reform,
/// which is when 农业农村局 and 自然资源和规划局 were formed; their branches were (re)constituted after that, so no
/// organization is older than its parent.
/// Codes share the prefix "SFS-" so they are unlikely to collide with a real organization's code.
/// </summary>
public static class DemoCatalog
{
    public const string RootCode = "SFS-JG";

    private static readonly string[] Ordinals = ["一", "二", "三", "四", "五"];

    private sealed record BranchPlan(string Suffix, string Unit, string ShortName, UnitCategory Category, DateOnly FoundedOn, int Groups);

    private sealed record BureauPlan(string Suffix, string Bureau, DateOnly FoundedOn, BranchPlan[] Branches);

    private static readonly BureauPlan[] Bureaus =
    [
        new("CZ", "示范市财政局", new DateOnly(1993, 6, 18),
        [
            new("01", "示范市财政局机关第一", "财政局机关第一党支部", UnitCategory.GovernmentOrgan, new DateOnly(2001, 7, 1), 3),
            new("02", "示范市财政局机关第二", "财政局机关第二党支部", UnitCategory.GovernmentOrgan, new DateOnly(2001, 7, 1), 3),
            new("03", "示范市财政国库支付中心", "国库支付中心党支部", UnitCategory.PublicInstitution, new DateOnly(2006, 5, 20), 2),
            new("04", "示范市财政投资评审中心", "投资评审中心党支部", UnitCategory.PublicInstitution, new DateOnly(2008, 9, 10), 2),
        ]),
        new("NY", "示范市农业农村局", new DateOnly(2019, 3, 12),
        [
            new("01", "示范市农业农村局机关第一", "农业农村局机关第一党支部", UnitCategory.GovernmentOrgan, new DateOnly(2019, 4, 2), 3),
            new("02", "示范市农业农村局机关第二", "农业农村局机关第二党支部", UnitCategory.GovernmentOrgan, new DateOnly(2019, 4, 2), 3),
            new("03", "示范市农业技术推广中心", "农技推广中心党支部", UnitCategory.PublicInstitution, new DateOnly(2019, 5, 15), 2),
            new("04", "示范市动物疫病预防控制中心", "动物疫控中心党支部", UnitCategory.PublicInstitution, new DateOnly(2019, 6, 20), 2),
        ]),
        new("ZR", "示范市自然资源和规划局", new DateOnly(2019, 2, 26),
        [
            new("01", "示范市自然资源和规划局机关第一", "自然资源局机关第一党支部", UnitCategory.GovernmentOrgan, new DateOnly(2019, 3, 20), 3),
            new("02", "示范市自然资源和规划局机关第二", "自然资源局机关第二党支部", UnitCategory.GovernmentOrgan, new DateOnly(2019, 3, 20), 3),
            new("03", "示范市不动产登记中心", "不动产登记中心党支部", UnitCategory.PublicInstitution, new DateOnly(2019, 4, 18), 2),
            new("04", "示范市测绘院", "测绘院党支部", UnitCategory.PublicInstitution, new DateOnly(2019, 5, 28), 2),
        ]),
    ];

    /// <summary>The code of the first 党支部, where the demo 党务工作者 works.</summary>
    public static string FirstBranchCode => $"{RootCode}-{Bureaus[0].Suffix}-{Bureaus[0].Branches[0].Suffix}";

    /// <summary>Every demo organization, parents before children, so they can be created in this order.</summary>
    public static IReadOnlyList<DemoOrganization> Organizations { get; } = Build();

    private static List<DemoOrganization> Build()
    {
        var list = new List<DemoOrganization>
        {
            new(RootCode, null, OrganizationKind.Committee, "中共示范市直属机关委员会", "市直机关党委", "示范市直属机关", UnitCategory.GovernmentOrgan, new DateOnly(1984, 7, 1), 10),
        };

        for (var b = 0; b < Bureaus.Length; b++)
        {
            var bureau = Bureaus[b];
            var bureauCode = $"{RootCode}-{bureau.Suffix}";
            var bureauShort = bureau.Bureau.Replace("示范", "", StringComparison.Ordinal);
            list.Add(new(bureauCode, RootCode, OrganizationKind.GeneralBranch, $"中共{bureau.Bureau}总支部委员会", $"{bureauShort}党总支",
                bureau.Bureau, UnitCategory.GovernmentOrgan, bureau.FoundedOn, (b + 1) * 10));

            for (var r = 0; r < bureau.Branches.Length; r++)
            {
                var branch = bureau.Branches[r];
                var branchCode = $"{bureauCode}-{branch.Suffix}";
                var hostUnit = branch.Category == UnitCategory.GovernmentOrgan ? bureau.Bureau : branch.Unit;
                list.Add(new(branchCode, bureauCode, OrganizationKind.Branch, $"中共{branch.Unit}支部委员会", branch.ShortName,
                    hostUnit, branch.Category, branch.FoundedOn, (r + 1) * 10));

                for (var g = 0; g < branch.Groups; g++)
                {
                    // 党小组 are usually (re)formed at a branch's first general meeting after its founding: a few weeks later.
                    list.Add(new($"{branchCode}-{g + 1}", branchCode, OrganizationKind.Group, $"{branch.ShortName}第{Ordinals[g]}党小组",
                        $"第{Ordinals[g]}党小组", hostUnit, branch.Category, branch.FoundedOn.AddDays(21), (g + 1) * 10));
                }
            }
        }

        return list;
    }
}
