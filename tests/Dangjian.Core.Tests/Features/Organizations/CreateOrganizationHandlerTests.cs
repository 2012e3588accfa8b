using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Organizations;

public sealed class CreateOrganizationHandlerTests : IAsyncLifetime
{
    private CoreDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await StartAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<Result<long>> Create(long? parentId, OrganizationInput input, AccessScope scope) =>
        _db.Get<CreateOrganizationHandler>().HandleAsync(new CreateOrganizationCommand(parentId, input), scope, Ct);

    private static AccessScope ScopeOver(Organization organization, Role role) =>
        new("u2", false, [new ScopeRoot(organization.Id, organization.Path, organization.Name, role)]);

    [Fact]
    public async Task HandleAsync_RootBySystemAdmin_CreatesRootWithOwnIdAsPath()
    {
        var result = await Create(null, Input("SW", Committee, "市委"), Admin);

        result.IsSuccess.ShouldBeTrue();
        var organization = await _db.FindAsync(result.Value);
        organization.Path.ShouldBe($"/{result.Value}/");
        organization.ParentId.ShouldBeNull();
        organization.Name.ShouldBe("市委");
        organization.Kind.ShouldBe(Committee);
    }

    [Fact]
    public async Task HandleAsync_Child_PathIsParentPathPlusOwnId()
    {
        var root = await _db.CreateAsync("SW", Committee);
        var middle = await _db.CreateAsync("JG", WorkingCommittee, root);

        var result = await Create(middle, Input("ZB1", Branch), Admin);

        var organization = await _db.FindAsync(result.Value);
        organization.ParentId.ShouldBe(middle);
        organization.Path.ShouldBe($"/{root}/{middle}/{result.Value}/");
    }

    [Fact]
    public async Task HandleAsync_RootByNonSystemAdminWithRoots_ReturnsForbiddenAndWritesNothing()
    {
        var root = await _db.FindAsync(await _db.CreateAsync("SW", Committee));
        var before = (await _db.OrganizationsAsync()).Count;
        var auditBefore = (await _db.AuditAsync()).Count;

        var result = await Create(null, Input("NEW", Committee), ScopeOver(root, Role.OrgAdmin));

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        result.FirstError.Message.ShouldBe("只有系统管理员可以建立顶层组织");
        (await _db.OrganizationsAsync()).Count.ShouldBe(before);
        (await _db.AuditAsync()).Count.ShouldBe(auditBefore);
    }

    [Fact]
    public async Task HandleAsync_RootByNobody_ReturnsForbidden() =>
        (await Create(null, Input("NEW", Committee), AccessScope.Nobody)).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);

    [Fact]
    public async Task HandleAsync_DuplicateCode_ReturnsConflictAndWritesNothing()
    {
        var root = await _db.CreateAsync("SW", Committee);
        await _db.CreateAsync("ZB1", Branch, root);
        var organizations = await _db.OrganizationsAsync();
        var audit = await _db.AuditAsync();

        var result = await Create(root, Input("  ZB1 ", Branch, "另一个党支部"), Admin);

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        result.FirstError.Field.ShouldBe("Code");
        result.FirstError.Message.ShouldContain("ZB1");
        (await _db.OrganizationsAsync()).Count.ShouldBe(organizations.Count);
        (await _db.AuditAsync()).Count.ShouldBe(audit.Count);
    }

    [Fact]
    public async Task HandleAsync_InvalidInput_ReturnsEveryValidationErrorAndWritesNothing()
    {
        var result = await Create(null, new OrganizationInput { Code = "a b", Name = "", SortOrder = -1 }, Admin);

        result.IsSuccess.ShouldBeFalse();
        result.Errors.ShouldAllBe(e => e.Kind == ErrorKind.Validation);
        result.Errors.Select(e => e.Field).ShouldBe(["Code", "Name", "Kind", "SortOrder"], ignoreOrder: true);
        (await _db.OrganizationsAsync()).ShouldBeEmpty();
        (await _db.AuditAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task HandleAsync_KindNotAllowedUnderParent_ReturnsConflict()
    {
        var root = await _db.CreateAsync("SW", Committee);

        var result = await Create(root, Input("XZ", Group), Admin);

        result.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        result.FirstError.Message.ShouldBe("党委下不能设立党小组");
        (await _db.OrganizationsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task HandleAsync_ParentMissing_ReturnsParentNotFound()
    {
        var result = await Create(12345, Input("ZB1", Branch), Admin);

        result.FirstError.Code.ShouldBe("organization.parent_not_found");
        result.FirstError.Field.ShouldBe("ParentId");
    }

    [Fact]
    public async Task HandleAsync_ParentOutsideScope_ReportedAsNotFoundNotForbidden()
    {
        var a = await _db.FindAsync(await _db.CreateAsync("A", Committee));
        var b = await _db.CreateAsync("B", Committee);

        var result = await Create(b, Input("ZB1", Branch), ScopeOver(a, Role.OrgAdmin));

        result.FirstError.Code.ShouldBe("organization.parent_not_found");
    }

    [Fact]
    public async Task HandleAsync_ParentOnlyReadable_ReturnsForbidden()
    {
        var a = await _db.FindAsync(await _db.CreateAsync("A", Committee));

        var result = await Create(a.Id, Input("ZB1", Branch), ScopeOver(a, Role.Worker));

        result.FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        (await _db.OrganizationsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task HandleAsync_OrgAdminInsideOwnSubtree_Succeeds()
    {
        var root = await _db.CreateAsync("SW", Committee);
        var a = await _db.FindAsync(await _db.CreateAsync("A", GeneralBranch, root));

        var result = await Create(a.Id, Input("ZB1", Branch), ScopeOver(a, Role.OrgAdmin));

        result.IsSuccess.ShouldBeTrue();
        (await _db.FindAsync(result.Value)).Path.ShouldBe($"{a.Path}{result.Value}/");
    }

    [Fact]
    public async Task HandleAsync_ParentDissolved_ReturnsConflict()
    {
        var root = await _db.CreateAsync("SW", Committee);
        var a = await _db.CreateAsync("A", Committee, root);
        (await _db.Get<DissolveOrganizationHandler>().HandleAsync(new DissolveOrganizationCommand(a, null, "撤并"), Admin, Ct)).IsSuccess.ShouldBeTrue();

        var result = await Create(a, Input("ZB1", Branch), Admin);

        result.FirstError.Code.ShouldBe("organization.parent_dissolved");
    }

    [Fact]
    public async Task HandleAsync_Created_AuditedWithCurrentActorAndClock()
    {
        var id = await _db.CreateAsync("SW", Committee);

        var entries = (await _db.AuditAsync()).Where(e => e.EntityType == nameof(Organization) && e.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var created = entries.Where(e => e.Action == AuditAction.Created).ShouldHaveSingleItem();
        created.UserName.ShouldBe("测试员");
        created.UserId.ShouldBe("u1");
        created.OrganizationId.ShouldBe(id);
        created.AtUtc.ShouldBe(DefaultNow.UtcDateTime);
        var changes = JsonSerializer.Deserialize<List<FieldChange>>(created.Changes)!;
        changes.ShouldContain(c => c.Field == "Code" && c.Before == null && c.After == "SW");
        changes.ShouldContain(c => c.Field == "Kind" && c.After == "Committee");

        // The path is known only after the insert; whatever row records it must also be by the same actor.
        entries.ShouldAllBe(e => e.UserName == "测试员");
        entries.SelectMany(e => JsonSerializer.Deserialize<List<FieldChange>>(e.Changes)!)
            .ShouldContain(c => c.Field == "Path" && c.After == $"/{id}/");
    }

    // ---- the China date ----------------------------------------------------------------------

    [Fact]
    public async Task HandleAsync_FoundedOnChinaTodayWhileUtcIsStillYesterday_Accepted()
    {
        // DefaultNow is 2026-06-30 16:30 UTC = 2026-07-01 00:30 in China.
        var result = await Create(null, Input("SW", Committee, foundedOn: new DateOnly(2026, 7, 1)), Admin);

        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        (await _db.FindAsync(result.Value)).FoundedOn.ShouldBe(new DateOnly(2026, 7, 1));
    }

    [Fact]
    public async Task HandleAsync_FoundedOnChinaTomorrow_RejectedAsFuture()
    {
        var result = await Create(null, Input("SW", Committee, foundedOn: new DateOnly(2026, 7, 2)), Admin);

        result.FirstError.Code.ShouldBe("organization.founded_in_future");
        result.FirstError.Field.ShouldBe("FoundedOn");
    }

    [Fact]
    public async Task HandleAsync_OneSecondBeforeChinaMidnight_NextChinaDayIsFuture()
    {
        _db.Clock.UtcNow = new DateTimeOffset(2026, 6, 30, 15, 59, 59, TimeSpan.Zero); // 23:59:59 on June 30 in China

        (await Create(null, Input("A", Committee, foundedOn: new DateOnly(2026, 7, 1)), Admin)).FirstError.Code.ShouldBe("organization.founded_in_future");
        (await Create(null, Input("B", Committee, foundedOn: new DateOnly(2026, 6, 30)), Admin)).IsSuccess.ShouldBeTrue();

        _db.Clock.Advance(TimeSpan.FromSeconds(1)); // midnight in China

        (await Create(null, Input("C", Committee, foundedOn: new DateOnly(2026, 7, 1)), Admin)).IsSuccess.ShouldBeTrue();
    }
}
