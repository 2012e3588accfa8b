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

public sealed class MoveOrganizationHandlerTests : IAsyncLifetime
{
    private CoreDatabase _db = null!;

    // R1 ─ X ─ Y ─ Z ─ G      (Committee ─ Committee ─ GeneralBranch ─ Branch ─ Group)
    // R2                       (Committee)
    private long _r1, _r2, _x, _y, _z, _g;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _r1 = await _db.CreateAsync("R1", Committee);
        _r2 = await _db.CreateAsync("R2", Committee);
        _x = await _db.CreateAsync("X", Committee, _r1);
        _y = await _db.CreateAsync("Y", GeneralBranch, _x);
        _z = await _db.CreateAsync("Z", Branch, _y);
        _g = await _db.CreateAsync("G", Group, _z);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<Result<MoveOrganizationResult>> Move(long id, long newParentId, AccessScope? scope = null, string? reason = null) =>
        _db.Get<MoveOrganizationHandler>().HandleAsync(new MoveOrganizationCommand(id, newParentId, reason), scope ?? Admin, Ct);

    private async Task<List<(long Id, long? ParentId, string Path)>> Snapshot() =>
        (await _db.OrganizationsAsync()).Select(o => (o.Id, o.ParentId, o.Path)).ToList();

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task HandleAsync_SubtreeOfDepthThree_RewritesEveryDescendantPath()
    {
        var r2 = await _db.FindAsync(_r2);

        var result = await Move(_x, _r2, reason: "机构改革，调整隶属关系");

        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        result.Value.NewPath.ShouldBe($"{r2.Path}{_x}/");
        result.Value.SubtreeSize.ShouldBe(4);

        var byId = (await _db.OrganizationsAsync()).ToDictionary(o => o.Id);
        byId[_x].ParentId.ShouldBe(_r2);
        byId[_x].Path.ShouldBe($"/{_r2}/{_x}/");
        byId[_y].Path.ShouldBe($"/{_r2}/{_x}/{_y}/");
        byId[_z].Path.ShouldBe($"/{_r2}/{_x}/{_y}/{_z}/");
        byId[_g].Path.ShouldBe($"/{_r2}/{_x}/{_y}/{_z}/{_g}/");
        foreach (var id in new[] { _x, _y, _z, _g })
        {
            byId[id].Path.ShouldStartWith(r2.Path);
            OrgPath.IsWithin(byId[id].Path, r2.Path).ShouldBeTrue();
        }

        // Parents below the moved node are unchanged: only paths move.
        byId[_y].ParentId.ShouldBe(_x);
        byId[_z].ParentId.ShouldBe(_y);
        byId[_g].ParentId.ShouldBe(_z);

        // The old parent and the new parent themselves are untouched.
        byId[_r1].Path.ShouldBe($"/{_r1}/");
        byId[_r2].Path.ShouldBe($"/{_r2}/");
    }

    [Fact]
    public async Task HandleAsync_Moved_AuditedWithReasonAndOldAndNewPath()
    {
        var auditBefore = (await _db.AuditAsync()).Count;

        (await Move(_x, _r2, reason: "  机构改革，调整隶属关系 ")).IsSuccess.ShouldBeTrue();

        var newEntries = (await _db.AuditAsync()).Skip(auditBefore).ToList();
        var entry = newEntries.Where(e => e.EntityType == nameof(Organization) && e.EntityKey == Key(_x)).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Updated);
        entry.Reason.ShouldBe("机构改革，调整隶属关系");
        entry.UserName.ShouldBe("测试员");
        var changes = JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes)!;
        changes.ShouldContain(c => c.Field == "Path" && c.Before == $"/{_r1}/{_x}/" && c.After == $"/{_r2}/{_x}/");
        changes.ShouldContain(c => c.Field == "ParentId" && c.Before == Key(_r1) && c.After == Key(_r2));
    }

    [Fact]
    public async Task HandleAsync_NoReasonGiven_AuditReasonNamesNewParent()
    {
        var auditBefore = (await _db.AuditAsync()).Count;

        (await Move(_x, _r2)).IsSuccess.ShouldBeTrue();

        var entry = (await _db.AuditAsync()).Skip(auditBefore).First(e => e.EntityKey == Key(_x));
        entry.Reason.ShouldBe("移动到“R2党委”之下");
    }

    [Fact]
    public async Task HandleAsync_IntoOwnDescendant_RefusedAndNothingChanges()
    {
        var before = await Snapshot();
        var auditBefore = (await _db.AuditAsync()).Count;

        var result = await Move(_x, _z);

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        result.FirstError.Code.ShouldBe("organization.move_into_own_subtree");
        (await Snapshot()).ShouldBe(before);
        (await _db.AuditAsync()).Count.ShouldBe(auditBefore);
    }

    [Fact]
    public async Task HandleAsync_Reason500Chars_Accepted()
    {
        (await Move(_x, _r2, reason: new string('因', AuditEntry.ReasonMaxLength))).IsSuccess.ShouldBeTrue();

        (await _db.AuditAsync()).Last(e => e.EntityKey == Key(_x)).Reason!.Length.ShouldBe(AuditEntry.ReasonMaxLength);
    }

    [Fact]
    public async Task HandleAsync_ReasonOver500Chars_ReturnsValidationAndNothingChanges()
    {
        // The audit column holds 500 characters (AuditEntry.ReasonMaxLength), as the dissolution reason does.
        // A longer reason must be refused as input, not left to the database (PostgreSQL's varchar(500) would throw).
        var before = await Snapshot();
        var auditBefore = (await _db.AuditAsync()).Count;

        var result = await Move(_x, _r2, reason: new string('因', AuditEntry.ReasonMaxLength + 1));

        result.IsSuccess.ShouldBeFalse("a 501-character move reason was accepted");
        result.FirstError.Kind.ShouldBe(ErrorKind.Validation);
        result.FirstError.Field.ShouldBe("Reason");
        (await Snapshot()).ShouldBe(before);
        (await _db.AuditAsync()).Count.ShouldBe(auditBefore);
    }

    [Fact]
    public async Task HandleAsync_UnderItself_RefusedAndNothingChanges()
    {
        var before = await Snapshot();

        (await Move(_y, _y)).FirstError.Code.ShouldBe("organization.move_into_own_subtree");

        (await Snapshot()).ShouldBe(before);
    }

    [Fact]
    public async Task HandleAsync_UnderCurrentParent_ReturnsConflict() =>
        (await Move(_x, _r1)).FirstError.Code.ShouldBe("organization.same_parent");

    [Fact]
    public async Task HandleAsync_KindNotAllowedUnderNewParent_RefusedAndNothingChanges()
    {
        var branch = await _db.CreateAsync("B2", Branch, _r2);
        var before = await Snapshot();

        var result = await Move(_x, branch); // a committee under a branch

        result.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        result.FirstError.Message.ShouldBe("党支部下不能设立党委");
        (await Snapshot()).ShouldBe(before);
    }

    [Fact]
    public async Task HandleAsync_BranchUnderOtherCommittee_Allowed()
    {
        var result = await Move(_z, _r2);

        result.IsSuccess.ShouldBeTrue();
        (await _db.FindAsync(_g)).Path.ShouldBe($"/{_r2}/{_z}/{_g}/");
    }

    [Fact]
    public async Task HandleAsync_NewParentDissolved_ReturnsConflict()
    {
        var lone = await _db.CreateAsync("L", Committee, _r2);
        (await _db.Get<DissolveOrganizationHandler>().HandleAsync(new DissolveOrganizationCommand(lone, null, "撤并"), Admin, Ct)).IsSuccess.ShouldBeTrue();

        (await Move(_x, lone)).FirstError.Code.ShouldBe("organization.parent_dissolved");
    }

    [Fact]
    public async Task HandleAsync_NewParentOutsideScope_ReportedAsParentNotFound()
    {
        var x = await _db.FindAsync(_x);
        var scope = new AccessScope("u2", false, [new ScopeRoot(_x, x.Path, x.Name, Role.OrgAdmin)]);
        var before = await Snapshot();

        (await Move(_z, _r2, scope)).FirstError.Code.ShouldBe("organization.parent_not_found");
        (await Snapshot()).ShouldBe(before);
    }

    [Fact]
    public async Task HandleAsync_WorkerOnSubtree_ReturnsForbidden()
    {
        var r1 = await _db.FindAsync(_r1);
        var scope = new AccessScope("u2", false, [new ScopeRoot(_r1, r1.Path, r1.Name, Role.Worker)]);

        (await Move(_z, _x, scope)).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task HandleAsync_NodeOutsideScope_ReturnsNotFound()
    {
        var r2 = await _db.FindAsync(_r2);
        var scope = new AccessScope("u2", false, [new ScopeRoot(_r2, r2.Path, r2.Name, Role.OrgAdmin)]);

        (await Move(_x, _r2, scope)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task HandleAsync_SubtreeWithPrefixSibling_LeavesSiblingUntouched()
    {
        // Make ids reach 10 so that "/1/" and "/10/" both exist (R1 is id 1 in a fresh database).
        _r1.ShouldBe(1);
        var next = (await _db.OrganizationsAsync()).Max(o => o.Id) + 1;
        for (; next < 10; next++)
        {
            await _db.CreateAsync($"F{next}", Committee);
        }

        var ten = await _db.CreateAsync("TEN", Committee);
        ten.ShouldBe(10);
        var tenChild = await _db.CreateAsync("TEN-1", Branch, ten);
        var destination = await _db.CreateAsync("DEST", Committee);

        var result = await Move(_r1, destination);

        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        result.Value.SubtreeSize.ShouldBe(5); // R1, X, Y, Z, G
        (await _db.FindAsync(ten)).Path.ShouldBe("/10/");
        (await _db.FindAsync(tenChild)).Path.ShouldBe($"/10/{tenChild}/");
        (await _db.FindAsync(_g)).Path.ShouldBe($"/{destination}/1/{_x}/{_y}/{_z}/{_g}/");
    }
}
