using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

/// <summary>Re-parents an organization together with its whole subtree.</summary>
public sealed record MoveOrganizationCommand(long Id, long NewParentId, string? Reason = null);

public sealed record MoveOrganizationResult(long Id, string NewPath, int SubtreeSize);

public sealed class MoveOrganizationHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<MoveOrganizationResult>> HandleAsync(MoveOrganizationCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await db.LoadForAdministrationAsync(command.Id, scope, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var organization = loaded.Value;

        var newParent = await db.Organizations.SingleOrDefaultAsync(o => o.Id == command.NewParentId, ct);
        if (newParent is null || !scope.Allows(newParent.Path, Permission.Read))
        {
            return OrganizationErrors.ParentNotFound(command.NewParentId);
        }

        var allowed = scope.Check(newParent.Path, Permission.Administer);
        if (!allowed.IsSuccess) return allowed.FirstError;
        if (OrgPath.IsWithin(newParent.Path, organization.Path)) return OrganizationErrors.MoveIntoOwnSubtree(organization.Name);
        if (organization.ParentId == newParent.Id) return OrganizationErrors.AlreadyUnderParent(organization.Name);
        if (organization.IsDissolved) return OrganizationErrors.Dissolved(organization.Name);
        if (newParent.IsDissolved) return OrganizationErrors.ParentDissolved(newParent.Name);
        if (!newParent.Kind.CanContain(organization.Kind)) return OrganizationErrors.KindNotAllowedUnder(newParent.Kind, organization.Kind);

        var reason = command.Reason?.Trim();
        if (reason?.Length > Audit.AuditEntry.ReasonMaxLength) return OrganizationErrors.MoveReasonTooLong;

        var oldPath = organization.Path;
        var newPath = OrgPath.Child(newParent.Path, organization.Id);

        // One transaction: the node through the change tracker (so the audit records the move),
        // its descendants with one set-based UPDATE over the subtree's index range.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The moved node's audit row (ParentId and Path before/after) stands for the whole subtree: descendants' paths
        // are derived from it and follow by one UPDATE (docs/adr/0003).
        organization.MoveTo(newParent);
        db.AuditReason = string.IsNullOrEmpty(reason) ? $"移动到“{newParent.Name}”之下" : reason;
        await db.SaveChangesAsync(ct);
        var descendants = await db.Organizations
            .BelowPath(oldPath)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Path, o => newPath + o.Path.Substring(oldPath.Length)), ct);
        await transaction.CommitAsync(ct);
        return new MoveOrganizationResult(organization.Id, newPath, descendants + 1);
    }
}
