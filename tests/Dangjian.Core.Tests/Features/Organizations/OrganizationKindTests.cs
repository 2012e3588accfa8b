using Dangjian.Core.Features.Organizations;
using static Dangjian.Core.Features.Organizations.OrganizationKind;

namespace Dangjian.Core.Tests.Features.Organizations;

public sealed class OrganizationKindTests
{
    private static readonly OrganizationKind[] Branches = [Branch, JointBranch, TemporaryBranch];
    private static readonly OrganizationKind[] Committees = [Committee, LeadingGroup, WorkingCommittee];

    /// <summary>The full parent × child matrix, written out so that a change to the rule has to change this table.</summary>
    public static TheoryData<OrganizationKind, OrganizationKind, bool> Matrix()
    {
        var data = new TheoryData<OrganizationKind, OrganizationKind, bool>();
        foreach (var parent in Enum.GetValues<OrganizationKind>())
        {
            foreach (var child in Enum.GetValues<OrganizationKind>())
            {
                var allowed = parent switch
                {
                    Group => false,
                    Branch or JointBranch or TemporaryBranch => child == Group,
                    GeneralBranch => child is Branch or JointBranch or TemporaryBranch,
                    Committee or LeadingGroup or WorkingCommittee => child != Group,
                    _ => throw new InvalidOperationException($"unexpected kind {parent}: extend this test"),
                };
                data.Add(parent, child, allowed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void CanContain_ParentChildPair_FollowsMatrix(OrganizationKind parent, OrganizationKind child, bool expected) =>
        parent.CanContain(child).ShouldBe(expected);

    [Fact]
    public void CanContain_Group_ContainsNothing() =>
        Enum.GetValues<OrganizationKind>().ShouldAllBe(child => !Group.CanContain(child));

    [Fact]
    public void CanContain_AnyBranch_ContainsOnlyGroup()
    {
        foreach (var branch in Branches)
        {
            Enum.GetValues<OrganizationKind>().Where(child => branch.CanContain(child)).ShouldBe([Group], branch.ToString());
        }
    }

    [Fact]
    public void CanContain_GeneralBranch_ContainsOnlyBranchKinds() =>
        Enum.GetValues<OrganizationKind>().Where(child => GeneralBranch.CanContain(child)).ShouldBe(Branches, ignoreOrder: true);

    [Fact]
    public void CanContain_CommitteeKinds_ContainEverythingButGroup()
    {
        foreach (var committee in Committees)
        {
            Enum.GetValues<OrganizationKind>().Where(child => committee.CanContain(child))
                .ShouldBe(Enum.GetValues<OrganizationKind>().Where(k => k != Group), ignoreOrder: true, committee.ToString());
        }
    }

    [Fact]
    public void CanContain_Group_NeverReachableExceptUnderBranches() =>
        Enum.GetValues<OrganizationKind>().Where(parent => parent.CanContain(Group)).ShouldBe(Branches, ignoreOrder: true);

    [Theory]
    [InlineData(Committee, true)]
    [InlineData(LeadingGroup, true)]
    [InlineData(WorkingCommittee, true)]
    [InlineData(GeneralBranch, true)]
    [InlineData(Branch, false)]
    [InlineData(JointBranch, false)]
    [InlineData(TemporaryBranch, false)]
    [InlineData(Group, false)]
    public void CanContain_Branch_OnlyUnderCommitteesAndGeneralBranch(OrganizationKind parent, bool expected) =>
        parent.CanContain(Branch).ShouldBe(expected);

    // ---- IsBranch ----------------------------------------------------------------------------

    [Fact]
    public void IsBranch_AllKinds_TrueForTheThreeBranchKinds() =>
        Enum.GetValues<OrganizationKind>().Where(k => k.IsBranch()).ShouldBe(Branches, ignoreOrder: true);

    // ---- Label -------------------------------------------------------------------------------

    [Theory]
    [InlineData(Committee, "党委")]
    [InlineData(LeadingGroup, "党组")]
    [InlineData(WorkingCommittee, "党工委")]
    [InlineData(GeneralBranch, "党总支")]
    [InlineData(Branch, "党支部")]
    [InlineData(JointBranch, "联合党支部")]
    [InlineData(TemporaryBranch, "临时党支部")]
    [InlineData(Group, "党小组")]
    public void Label_EveryKind_IsGlossaryName(OrganizationKind kind, string expected) =>
        kind.Label().ShouldBe(expected);

    [Fact]
    public void Label_AllKinds_AreDistinct() =>
        Enum.GetValues<OrganizationKind>().Select(k => k.Label()).Distinct().Count().ShouldBe(Enum.GetValues<OrganizationKind>().Length);

    [Fact]
    public void Label_AllUnitCategories_AreDistinctChinese()
    {
        var labels = Enum.GetValues<UnitCategory>().Select(c => c.Label()).ToList();
        labels.Distinct().Count().ShouldBe(labels.Count);
        labels.ShouldAllBe(l => l.All(c => c >= '\u4e00' && c <= '\u9fff'));
    }

    // ---- TryParse ----------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void TryParse_EnumName_ReturnsKind(OrganizationKind kind)
    {
        OrganizationKindNames.TryParse(kind.ToString(), out var parsed).ShouldBeTrue();
        parsed.ShouldBe(kind);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void TryParse_EnumNameInOtherCase_ReturnsKind(OrganizationKind kind)
    {
        OrganizationKindNames.TryParse(kind.ToString().ToUpperInvariant(), out var upper).ShouldBeTrue();
        upper.ShouldBe(kind);
        OrganizationKindNames.TryParse(kind.ToString().ToLowerInvariant(), out var lower).ShouldBeTrue();
        lower.ShouldBe(kind);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void TryParse_ChineseLabel_ReturnsKind(OrganizationKind kind)
    {
        OrganizationKindNames.TryParse(kind.Label(), out var parsed).ShouldBeTrue();
        parsed.ShouldBe(kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("支部")]
    [InlineData("党支部委员会")]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("Branches")]
    public void TryParse_UnknownText_ReturnsFalse(string? text) =>
        OrganizationKindNames.TryParse(text, out _).ShouldBeFalse();

    public static TheoryData<OrganizationKind> AllKinds() => new(Enum.GetValues<OrganizationKind>());
}
