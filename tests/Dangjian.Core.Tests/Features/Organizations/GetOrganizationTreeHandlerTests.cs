using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Organizations;

public sealed class GetOrganizationTreeHandlerTests : IAsyncLifetime
{
    private CoreDatabase _db = null!;

    // SW (Committee)
    // ├─ JG (WorkingCommittee, sort 2)
    // │   ├─ ZB-B (Branch, sort 1)
    // │   │   └─ XZ (Group)
    // │   └─ ZB-A (Branch, sort 1)
    // └─ QY (Committee, sort 1)
    // OTHER (Committee)
    private long _sw, _jg, _zbB, _xz, _zbA, _qy, _other;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _sw = await _db.CreateAsync("SW", Committee);
        _jg = await _db.CreateAsync("JG", WorkingCommittee, _sw, sortOrder: 2);
        _zbB = await _db.CreateAsync("ZB-B", Branch, _jg, sortOrder: 1);
        _xz = await _db.CreateAsync("XZ", Group, _zbB);
        _zbA = await _db.CreateAsync("ZB-A", Branch, _jg, sortOrder: 1);
        _qy = await _db.CreateAsync("QY", Committee, _sw, sortOrder: 1);
        _other = await _db.CreateAsync("OTHER", Committee);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<Result<OrganizationTree>> Tree(GetOrganizationTreeQuery query, AccessScope? scope = null) =>
        _db.Get<GetOrganizationTreeHandler>().HandleAsync(query, scope ?? Admin, Ct);

    private async Task<AccessScope> ScopeOver(long id, Role role)
    {
        var organization = await _db.FindAsync(id);
        return new AccessScope("u2", false, [new ScopeRoot(id, organization.Path, organization.Name, role)]);
    }

    private static IEnumerable<OrganizationNode> Flatten(IEnumerable<OrganizationNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    [Fact]
    public async Task HandleAsync_SystemAdmin_ReturnsWholeForestNestedAndSorted()
    {
        var roots = (await Tree(new GetOrganizationTreeQuery())).Value.Roots;

        roots.Select(r => r.Id).ShouldBe([_other, _sw]); // same sort order: by code
        var sw = roots.Single(r => r.Id == _sw);
        sw.Depth.ShouldBe(1);
        sw.Children.Select(c => c.Id).ShouldBe([_qy, _jg]); // by sort order
        var jg = sw.Children.Single(c => c.Id == _jg);
        jg.Depth.ShouldBe(2);
        jg.Children.Select(c => c.Id).ShouldBe([_zbA, _zbB]); // equal sort order, then by code
        jg.Children.Single(c => c.Id == _zbB).Children.ShouldHaveSingleItem().Id.ShouldBe(_xz);
        Flatten(roots).Single(n => n.Id == _xz).Depth.ShouldBe(4);
        Flatten(roots).ShouldAllBe(n => !n.IsMatch && !n.IsDissolved);
    }

    [Fact]
    public async Task HandleAsync_EveryNode_PathMatchesParentChain()
    {
        var nodes = Flatten((await Tree(new GetOrganizationTreeQuery())).Value.Roots).ToDictionary(n => n.Id);

        foreach (var node in nodes.Values)
        {
            var expected = node.ParentId is long parent ? OrgPath.Child(nodes[parent].Path, node.Id) : OrgPath.Root(node.Id);
            node.Path.ShouldBe(expected);
            node.Depth.ShouldBe(OrgPath.Depth(node.Path));
        }
    }

    [Fact]
    public async Task HandleAsync_OrgAdminOfSubtree_SeesOnlyThatSubtreeWithItsRootAtTop()
    {
        var roots = (await Tree(new GetOrganizationTreeQuery(), await ScopeOver(_jg, Role.OrgAdmin))).Value.Roots;

        var root = roots.ShouldHaveSingleItem();
        root.Id.ShouldBe(_jg);
        Flatten(roots).Select(n => n.Id).ShouldBe([_jg, _zbA, _zbB, _xz], ignoreOrder: true);
    }

    [Fact]
    public async Task HandleAsync_MemberRole_SeesNothing() =>
        (await Tree(new GetOrganizationTreeQuery(), await ScopeOver(_sw, Role.Member))).Value.Roots.ShouldBeEmpty();

    [Fact]
    public async Task HandleAsync_RootId_LimitsToThatSubtree()
    {
        var roots = (await Tree(new GetOrganizationTreeQuery(RootId: _jg))).Value.Roots;

        roots.ShouldHaveSingleItem().Id.ShouldBe(_jg);
        Flatten(roots).Count().ShouldBe(4);
    }

    [Fact]
    public async Task HandleAsync_RootIdOutsideScope_ReturnsNotFound()
    {
        var result = await Tree(new GetOrganizationTreeQuery(RootId: _qy), await ScopeOver(_jg, Role.OrgAdmin));

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task HandleAsync_Search_KeepsMatchesAndTheirAncestorsOnly()
    {
        var roots = (await Tree(new GetOrganizationTreeQuery(Search: " zb-b "))).Value.Roots;

        var nodes = Flatten(roots).ToList();
        nodes.Select(n => n.Id).ShouldBe([_sw, _jg, _zbB], ignoreOrder: true);
        nodes.Where(n => n.IsMatch).ShouldHaveSingleItem().Id.ShouldBe(_zbB);
        roots.ShouldHaveSingleItem().Id.ShouldBe(_sw);
    }

    [Fact]
    public async Task HandleAsync_SearchByChineseName_Matches()
    {
        var nodes = Flatten((await Tree(new GetOrganizationTreeQuery(Search: "党小组"))).Value.Roots).ToList();

        nodes.Where(n => n.IsMatch).Select(n => n.Id).ShouldBe([_xz]);
    }

    [Fact]
    public async Task HandleAsync_SearchWithoutMatches_ReturnsEmpty() =>
        (await Tree(new GetOrganizationTreeQuery(Search: "不存在的组织"))).Value.Roots.ShouldBeEmpty();

    [Fact]
    public async Task HandleAsync_RootIdOne_ExcludesPrefixSiblingTen()
    {
        _sw.ShouldBe(1);
        long ten;
        do
        {
            ten = await _db.CreateAsync($"F{Guid.NewGuid():N}"[..10], Committee);
        }
        while (ten < 10);

        ten.ShouldBe(10);
        await _db.CreateAsync("TEN-1", Branch, ten);

        var ids = Flatten((await Tree(new GetOrganizationTreeQuery(RootId: 1))).Value.Roots).Select(n => n.Id).ToList();

        ids.ShouldBe([_sw, _jg, _zbB, _xz, _zbA, _qy], ignoreOrder: true);
    }

    [Fact]
    public async Task HandleAsync_OrgAdminOfOrganizationOne_DoesNotSeeOrganizationTen()
    {
        long ten;
        do
        {
            ten = await _db.CreateAsync($"F{Guid.NewGuid():N}"[..10], Committee);
        }
        while (ten < 10);

        var ids = Flatten((await Tree(new GetOrganizationTreeQuery(), await ScopeOver(1, Role.OrgAdmin))).Value.Roots).Select(n => n.Id).ToList();

        ids.ShouldNotContain(ten);
        ids.ShouldBe([_sw, _jg, _zbB, _xz, _zbA, _qy], ignoreOrder: true);
    }

    [Fact]
    public async Task HandleAsync_MoreNodesThanTheLimit_TruncatesButSearchStillFindsEveryMatch()
    {
        var all = await Tree(new GetOrganizationTreeQuery(Limit: 2));
        all.Value.Truncated.ShouldBeTrue();
        Flatten(all.Value.Roots).Count().ShouldBe(2);

        var searched = await Tree(new GetOrganizationTreeQuery(Search: "党小组", Limit: 2));
        Flatten(searched.Value.Roots).Where(n => n.IsMatch).ShouldNotBeEmpty();
    }
}
