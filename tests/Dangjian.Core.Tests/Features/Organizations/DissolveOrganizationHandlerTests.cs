using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Organizations;

public sealed class DissolveOrganizationHandlerTests : IAsyncLifetime
{
    private static readonly DateOnly Founded = new(2010, 7, 1);

    private CoreDatabase _db = null!;
    private long _root, _branch, _group;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("SW", Committee, foundedOn: Founded);
        _branch = await _db.CreateAsync("ZB", Branch, _root, foundedOn: Founded);
        _group = await _db.CreateAsync("XZ", Group, _branch, foundedOn: Founded);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<Result<Done>> Dissolve(long id, string? reason = "单位撤并", DateOnly? on = null, AccessScope? scope = null) =>
        _db.Get<DissolveOrganizationHandler>().HandleAsync(new DissolveOrganizationCommand(id, on, reason), scope ?? Admin, Ct);

    private Task<Result<OrganizationTree>> Tree(bool includeDissolved = false) =>
        _db.Get<GetOrganizationTreeHandler>().HandleAsync(new GetOrganizationTreeQuery(IncludeDissolved: includeDissolved), Admin, Ct);

    private static IEnumerable<OrganizationNode> Flatten(IEnumerable<OrganizationNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    [Fact]
    public async Task HandleAsync_LiveChildren_RefusedAndNothingChanges()
    {
        var result = await Dissolve(_branch);

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        result.FirstError.Code.ShouldBe("organization.has_children");
        result.FirstError.Message.ShouldContain("1 个");
        (await _db.FindAsync(_branch)).IsDissolved.ShouldBeFalse();
    }

    [Fact]
    public async Task HandleAsync_OnlyDissolvedChildren_Allowed()
    {
        (await Dissolve(_group)).IsSuccess.ShouldBeTrue();

        (await Dissolve(_branch)).IsSuccess.ShouldBeTrue();

        (await _db.FindAsync(_branch)).IsDissolved.ShouldBeTrue();
    }

    [Fact]
    public async Task HandleAsync_NoDate_UsesChinaToday()
    {
        // The fake clock reads 2026-06-30 16:30 UTC, which is already July 1 in China.
        (await Dissolve(_group, on: null)).IsSuccess.ShouldBeTrue();

        var group = await _db.FindAsync(_group);
        group.DissolvedOn.ShouldBe(DefaultChinaToday);
        group.DissolutionReason.ShouldBe("单位撤并");
    }

    [Fact]
    public async Task HandleAsync_ExplicitPastDate_Kept()
    {
        (await Dissolve(_group, on: new DateOnly(2025, 12, 31))).IsSuccess.ShouldBeTrue();

        (await _db.FindAsync(_group)).DissolvedOn.ShouldBe(new DateOnly(2025, 12, 31));
    }

    [Fact]
    public async Task HandleAsync_Dissolved_TreeExcludesItUnlessIncludeDissolved()
    {
        (await Dissolve(_group)).IsSuccess.ShouldBeTrue();

        var live = Flatten((await Tree()).Value.Roots).ToList();
        live.Select(n => n.Id).ShouldBe([_root, _branch], ignoreOrder: true);

        var all = Flatten((await Tree(includeDissolved: true)).Value.Roots).ToList();
        all.Select(n => n.Id).ShouldBe([_root, _branch, _group], ignoreOrder: true);
        all.Single(n => n.Id == _group).IsDissolved.ShouldBeTrue();
        all.Single(n => n.Id == _branch).IsDissolved.ShouldBeFalse();
    }

    [Fact]
    public async Task HandleAsync_Dissolved_AuditedWithReason()
    {
        var auditBefore = (await _db.AuditAsync()).Count;

        (await Dissolve(_group, reason: "  党小组合并 ")).IsSuccess.ShouldBeTrue();

        var entry = (await _db.AuditAsync()).Skip(auditBefore)
            .Where(e => e.EntityType == nameof(Organization) && e.EntityKey == _group.ToString(CultureInfo.InvariantCulture))
            .ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Updated);
        entry.Reason.ShouldBe("党小组合并");
        entry.UserName.ShouldBe("测试员");
        entry.OrganizationId.ShouldBe(_group);
        entry.Changes.ShouldContain("DissolvedOn");
    }

    [Fact]
    public async Task HandleAsync_AlreadyDissolved_ReturnsConflict()
    {
        (await Dissolve(_group)).IsSuccess.ShouldBeTrue();

        (await Dissolve(_group)).FirstError.Code.ShouldBe("organization.dissolved");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task HandleAsync_NoReason_ReturnsValidation(string? reason)
    {
        var result = await Dissolve(_group, reason: reason);

        result.FirstError.Kind.ShouldBe(ErrorKind.Validation);
        result.FirstError.Field.ShouldBe("Reason");
        (await _db.FindAsync(_group)).IsDissolved.ShouldBeFalse();
    }

    [Fact]
    public async Task HandleAsync_Reason500Chars_Accepted() =>
        (await Dissolve(_group, reason: new string('因', 500))).IsSuccess.ShouldBeTrue();

    [Fact]
    public async Task HandleAsync_Reason501Chars_ReturnsValidation() =>
        (await Dissolve(_group, reason: new string('因', 501))).FirstError.Code.ShouldBe("organization.dissolution_reason_too_long");

    [Fact]
    public async Task HandleAsync_ChinaTomorrow_ReturnsValidation() =>
        (await Dissolve(_group, on: DefaultChinaToday.AddDays(1))).FirstError.Code.ShouldBe("organization.dissolved_in_future");

    [Fact]
    public async Task HandleAsync_ChinaToday_Accepted() =>
        (await Dissolve(_group, on: DefaultChinaToday)).IsSuccess.ShouldBeTrue();

    [Fact]
    public async Task HandleAsync_BeforeFounding_ReturnsValidation() =>
        (await Dissolve(_group, on: Founded.AddDays(-1))).FirstError.Code.ShouldBe("organization.dissolved_before_founded");

    [Fact]
    public async Task HandleAsync_OnFoundingDay_Accepted() =>
        (await Dissolve(_group, on: Founded)).IsSuccess.ShouldBeTrue();

    [Fact]
    public async Task HandleAsync_SeveralProblems_ReportedTogether()
    {
        var result = await Dissolve(_group, reason: "", on: DefaultChinaToday.AddDays(1));

        result.Errors.Select(e => e.Code).ShouldBe(["organization.dissolution_reason", "organization.dissolved_in_future"], ignoreOrder: true);
    }

    [Fact]
    public async Task HandleAsync_ReadOnlyScope_ReturnsForbidden()
    {
        var root = await _db.FindAsync(_root);
        var scope = new AccessScope("u2", false, [new ScopeRoot(_root, root.Path, root.Name, Role.ReadOnly)]);

        (await Dissolve(_group, scope: scope)).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task HandleAsync_Missing_ReturnsNotFound() =>
        (await Dissolve(999)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
}
