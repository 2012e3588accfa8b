using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Transfers;

public enum TransferDecision
{
    Accept,
    Reject,
    Cancel,
}

/// <summary>
/// The receiving branch accepts or rejects a pending internal transfer (Write on the receiving branch); the sending
/// branch may cancel it (Write on the sending branch). On accept the member moves on that date, optionally into a
/// 党小组 of the receiving branch.
/// </summary>
public sealed record DecideTransferCommand(long TransferId, TransferDecision Decision, DateOnly? On = null, long? ToGroupId = null, string? Note = null);

public sealed class DecideTransferHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(DecideTransferCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var transfer = await db.Set<Transfer>().SingleOrDefaultAsync(t => t.Id == command.TransferId, ct);
        if (transfer is null) return TransferErrors.NotFound(command.TransferId);
        var paths = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == transfer.FromOrganizationId || o.Id == transfer.ToOrganizationId)
            .Select(o => new { o.Id, o.Path }).ToListAsync(ct);
        var fromPath = paths.SingleOrDefault(p => p.Id == transfer.FromOrganizationId)?.Path;
        var toPath = paths.SingleOrDefault(p => p.Id == transfer.ToOrganizationId)?.Path;
        var visible = (fromPath is not null && scope.Allows(fromPath, Permission.Read)) || (toPath is not null && scope.Allows(toPath, Permission.Read));
        if (!visible) return TransferErrors.NotFound(command.TransferId);
        if (transfer.Kind != TransferKind.Internal) return TransferErrors.NotInternal;

        // Accept and reject belong to the receiving side, cancel to the sending side.
        var sidePath = command.Decision == TransferDecision.Cancel ? fromPath : toPath;
        if (sidePath is null || !scope.Allows(sidePath, Permission.Write))
        {
            return Error.Forbidden(command.Decision == TransferDecision.Cancel ? "只有转出支部可以撤回转接" : "只有接收支部可以接收或退回转接");
        }

        if (transfer.Status != TransferStatus.Pending) return TransferErrors.NotPending;
        var today = clock.Today();
        var on = command.On ?? today;
        if (on > today) return TransferErrors.DecisionInFuture;
        if (on < transfer.IssuedOn) return TransferErrors.DecisionBeforeIssue;
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (note?.Length > Transfer.ReasonMaxLength) return TransferErrors.ReasonTooLong;

        switch (command.Decision)
        {
            case TransferDecision.Reject:
                if (note is null) return TransferErrors.RejectReasonRequired;
                transfer.Decide(TransferStatus.Rejected, on, note);
                break;
            case TransferDecision.Cancel:
                transfer.Decide(TransferStatus.Cancelled, on, note);
                break;
            default:
                var member = await db.Set<Member>().SingleAsync(m => m.Id == transfer.MemberId, ct);
                if (member.HasLeft || member.TransferredOutOn is not null) return TransferErrors.MemberNotActive;
                var target = await MemberPlacementRules.CheckAsync(db, transfer.ToOrganizationId!.Value, command.ToGroupId, scope, Permission.Write, ct);
                if (!target.IsSuccess) return target.FirstError;
                var moved = await MemberPlacements.MoveAsync(db, member, transfer.ToOrganizationId.Value, command.ToGroupId, on, ct);
                if (!moved.IsSuccess) return moved.FirstError;
                transfer.Decide(TransferStatus.Accepted, on, note);
                break;
        }

        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>The 回执 of an out-of-system transfer came back: recorded by the sending branch, which completes it.</summary>
public sealed record RecordTransferReceiptCommand(long TransferId, DateOnly? ReturnedOn);

public sealed class RecordTransferReceiptHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(RecordTransferReceiptCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var transfer = await db.Set<Transfer>().SingleOrDefaultAsync(t => t.Id == command.TransferId, ct);
        if (transfer is null) return TransferErrors.NotFound(command.TransferId);
        var fromPath = await db.Organizations.AsNoTracking().Where(o => o.Id == transfer.FromOrganizationId).Select(o => o.Path).SingleOrDefaultAsync(ct);
        if (fromPath is null || !scope.Allows(fromPath, Permission.Read)) return TransferErrors.NotFound(command.TransferId);
        var allowed = scope.Check(fromPath, Permission.Write);
        if (!allowed.IsSuccess) return allowed.FirstError;
        if (transfer.Kind != TransferKind.OutOfSystem) return TransferErrors.NotOutOfSystem;
        if (transfer.Status != TransferStatus.Pending) return TransferErrors.NotPending;
        var today = clock.Today();
        var on = command.ReturnedOn ?? today;
        if (on > today) return TransferErrors.DecisionInFuture;
        if (on < transfer.IssuedOn) return TransferErrors.DecisionBeforeIssue;
        transfer.ReceiptReturned(on);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
