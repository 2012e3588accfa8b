using System.Globalization;
using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Organizations;

public sealed class UpdateOrganizationHandlerTests : IAsyncLifetime
{
    private CoreDatabase _db = null!;
    private long _root, _general, _branch, _group;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("SW", Committee);
        _general = await _db.CreateAsync("ZZ", GeneralBranch, _root);
        _branch = await _db.CreateAsync("ZB", Branch, _general);
        _group = await _db.CreateAsync("XZ", Group, _branch);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<Result<Done>> Update(long id, OrganizationInput input, AccessScope? scope = null) =>
        _db.Get<UpdateOrganizationHandler>().HandleAsync(new UpdateOrganizationCommand(id, input), scope ?? Admin, Ct);

    private async Task<AccessScope> ScopeOver(long id, Role role)
    {
        var organization = await _db.FindAsync(id);
        return new AccessScope("u2", false, [new ScopeRoot(id, organization.Path, organization.Name, role)]);
    }

    [Fact]
    public async Task HandleAsync_Rename_SavedAndAuditedWithBeforeAndAfter()
    {
        var auditBefore = (await _db.AuditAsync()).Count;

        var result = await Update(_branch, Input("ZB", Branch, "第一党支部") with { ShortName = "一支部", SortOrder = 3 });

        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        var branch = await _db.FindAsync(_branch);
        branch.Name.ShouldBe("第一党支部");
        branch.ShortName.ShouldBe("一支部");
        branch.SortOrder.ShouldBe(3);

        var entry = (await _db.AuditAsync()).Skip(auditBefore).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Updated);
        entry.EntityKey.ShouldBe(_branch.ToString(CultureInfo.InvariantCulture));
        entry.UserName.ShouldBe("测试员");
        var changes = JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes)!;
        changes.ShouldContain(new FieldChange("Name", "ZB党支部", "第一党支部"));
        changes.ShouldContain(new FieldChange("SortOrder", "0", "3"));
        changes.ShouldNotContain(c => c.Field == "Code" || c.Field == "Path");
    }

    [Fact]
    public async Task HandleAsync_NothingChanged_NoAuditEntry()
    {
        var auditBefore = (await _db.AuditAsync()).Count;

        (await Update(_branch, Input("ZB", Branch, "ZB党支部"))).IsSuccess.ShouldBeTrue();

        (await _db.AuditAsync()).Count.ShouldBe(auditBefore);
    }

    [Fact]
    public async Task HandleAsync_CodeOfAnotherOrganization_ReturnsConflictAndKeepsCode()
    {
        var result = await Update(_branch, Input("ZZ", Branch));

        result.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        result.FirstError.Code.ShouldBe("organization.code_taken");
        (await _db.FindAsync(_branch)).Code.ShouldBe("ZB");
    }

    [Fact]
    public async Task HandleAsync_NewUniqueCode_Saved()
    {
        (await Update(_branch, Input("ZB-2026", Branch))).IsSuccess.ShouldBeTrue();

        (await _db.FindAsync(_branch)).Code.ShouldBe("ZB-2026");
    }

    [Fact]
    public async Task HandleAsync_KindThatCannotHoldExistingChildren_ReturnsConflict()
    {
        // A 党支部 with a 党小组 cannot become a 党总支, which holds branches only; its parent (a 党委) would allow it.
        var branch = await _db.CreateAsync("ZB2", Branch, _root);
        await _db.CreateAsync("XZ2", Group, branch);

        var result = await Update(branch, Input("ZB2", GeneralBranch));

        result.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        result.FirstError.Message.ShouldBe("党总支下不能设立党小组");
        (await _db.FindAsync(branch)).Kind.ShouldBe(Branch);
    }

    [Fact]
    public async Task HandleAsync_KindNotAllowedUnderCurrentParent_ReturnsConflict()
    {
        // The 党支部 sits under a 党总支, which cannot hold a 党总支.
        var result = await Update(_branch, Input("ZB", GeneralBranch));

        result.FirstError.Message.ShouldBe("党总支下不能设立党总支");
        (await _db.FindAsync(_branch)).Kind.ShouldBe(Branch);
    }

    [Fact]
    public async Task HandleAsync_KindNotAllowedUnderParent_ReturnsConflict()
    {
        // A 党小组 sits under a 党支部, which holds only 党小组, so it cannot become a 党支部.
        var result = await Update(_group, Input("XZ", Branch));

        result.FirstError.Message.ShouldBe("党支部下不能设立党支部");
    }

    [Fact]
    public async Task HandleAsync_KindBetweenBranchSorts_Allowed()
    {
        (await Update(_branch, Input("ZB", JointBranch))).IsSuccess.ShouldBeTrue();

        (await _db.FindAsync(_branch)).Kind.ShouldBe(JointBranch);
    }

    [Fact]
    public async Task HandleAsync_InvalidInput_ReturnsValidationAndKeepsData()
    {
        var result = await Update(_branch, new OrganizationInput { Code = "", Name = new string('名', 101), Kind = Branch });

        result.Errors.Select(e => e.Field).ShouldBe(["Code", "Name"], ignoreOrder: true);
        (await _db.FindAsync(_branch)).Name.ShouldBe("ZB党支部");
    }

    [Fact]
    public async Task HandleAsync_FoundedOnChinaToday_Accepted() =>
        (await Update(_branch, Input("ZB", Branch, foundedOn: DefaultChinaToday))).IsSuccess.ShouldBeTrue();

    [Fact]
    public async Task HandleAsync_Dissolved_ReturnsConflict()
    {
        (await _db.Get<DissolveOrganizationHandler>().HandleAsync(new DissolveOrganizationCommand(_group, null, "合并"), Admin, Ct)).IsSuccess.ShouldBeTrue();

        (await Update(_group, Input("XZ", Group, "新名字"))).FirstError.Code.ShouldBe("organization.dissolved");
    }

    [Fact]
    public async Task HandleAsync_OutsideScope_ReturnsNotFound()
    {
        var other = await _db.CreateAsync("OTHER", Committee);

        (await Update(_branch, Input("ZB", Branch, "改名"), await ScopeOver(other, Role.OrgAdmin))).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task HandleAsync_WorkerScope_ReturnsForbidden() =>
        (await Update(_branch, Input("ZB", Branch, "改名"), await ScopeOver(_root, Role.Worker))).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);

    [Fact]
    public async Task HandleAsync_OrgAdminOfSubtree_Allowed() =>
        (await Update(_branch, Input("ZB", Branch, "改名"), await ScopeOver(_general, Role.OrgAdmin))).IsSuccess.ShouldBeTrue();
}
