using Dangjian.Core.Features.Organizations;

namespace Dangjian.Core.Tests.Features.Organizations;

public sealed class OrganizationTests
{
    private static readonly DateOnly Founded = new(2020, 3, 15);
    private static readonly DateOnly Dissolved = new(2024, 12, 31);

    private static Organization Make(DateOnly? foundedOn, DateOnly? dissolvedOn = null)
    {
        var organization = Organization.Create(
            new OrganizationFields("T-1", "测试党支部", null, OrganizationKind.Branch, null, null, foundedOn, 0), parent: null);
        if (dissolvedOn is DateOnly on)
        {
            organization.Dissolve(on, "单位撤并");
        }

        return organization;
    }

    [Fact]
    public void ExistedOn_DayBeforeFounding_False() =>
        Make(Founded).ExistedOn(Founded.AddDays(-1)).ShouldBeFalse();

    [Fact]
    public void ExistedOn_FoundingDay_True() =>
        Make(Founded).ExistedOn(Founded).ShouldBeTrue();

    [Fact]
    public void ExistedOn_LongAfterFoundingNotDissolved_True() =>
        Make(Founded).ExistedOn(new DateOnly(2099, 1, 1)).ShouldBeTrue();

    [Fact]
    public void ExistedOn_FoundingDateUnknown_TrueForAnyDateBeforeDissolution()
    {
        var organization = Make(null, Dissolved);
        organization.ExistedOn(new DateOnly(1921, 7, 1)).ShouldBeTrue();
        organization.ExistedOn(Dissolved.AddDays(-1)).ShouldBeTrue();
        organization.ExistedOn(Dissolved).ShouldBeFalse();
    }

    [Fact]
    public void ExistedOn_DayBeforeDissolution_True() =>
        Make(Founded, Dissolved).ExistedOn(Dissolved.AddDays(-1)).ShouldBeTrue();

    [Fact]
    public void ExistedOn_DissolutionDay_False() =>
        Make(Founded, Dissolved).ExistedOn(Dissolved).ShouldBeFalse();

    [Fact]
    public void ExistedOn_AfterDissolution_False() =>
        Make(Founded, Dissolved).ExistedOn(Dissolved.AddYears(1)).ShouldBeFalse();

    [Fact]
    public void ExistedOn_FoundedAndDissolvedSameDay_NeverExisted()
    {
        var organization = Make(Founded, Founded);
        organization.ExistedOn(Founded.AddDays(-1)).ShouldBeFalse();
        organization.ExistedOn(Founded).ShouldBeFalse();
        organization.ExistedOn(Founded.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void Dissolve_AnyDate_SetsDateReasonAndIsDissolved()
    {
        var organization = Make(Founded);
        organization.IsDissolved.ShouldBeFalse();

        organization.Dissolve(Dissolved, "单位撤并");

        organization.IsDissolved.ShouldBeTrue();
        organization.DissolvedOn.ShouldBe(Dissolved);
        organization.DissolutionReason.ShouldBe("单位撤并");
    }

    [Fact]
    public void Create_Fields_CopiedOntoEntity()
    {
        var fields = new OrganizationFields("C-9", "某某党委", "某党委", OrganizationKind.Committee, "某单位", UnitCategory.StateOwnedEnterprise, Founded, 42);

        var parent = Make(Founded);
        var organization = Organization.Create(fields, parent);

        organization.ParentId.ShouldBe(parent.Id);
        organization.Code.ShouldBe("C-9");
        organization.Name.ShouldBe("某某党委");
        organization.ShortName.ShouldBe("某党委");
        organization.Kind.ShouldBe(OrganizationKind.Committee);
        organization.HostUnitName.ShouldBe("某单位");
        organization.HostUnitCategory.ShouldBe(UnitCategory.StateOwnedEnterprise);
        organization.FoundedOn.ShouldBe(Founded);
        organization.SortOrder.ShouldBe(42);
        organization.IsDissolved.ShouldBeFalse();
    }

    [Fact]
    public void OnKeyAssigned_NoParent_PathIsRoot()
    {
        var organization = Make(Founded);
        ((Dangjian.Core.Common.ICompletesAfterInsert)organization).OnKeyAssigned();
        organization.Path.ShouldBe($"/{organization.Id}/");
    }

    [Fact]
    public void OnKeyAssigned_Parent_PathIsParentPathPlusOwnId()
    {
        var parent = Make(Founded);
        ((Dangjian.Core.Common.ICompletesAfterInsert)parent).OnKeyAssigned();
        var child = Organization.Create(new OrganizationFields("T-2", "子组织", null, OrganizationKind.Group, null, null, null, 0), parent);
        ((Dangjian.Core.Common.ICompletesAfterInsert)child).OnKeyAssigned();
        child.Path.ShouldBe($"{parent.Path}{child.Id}/");
    }
}
