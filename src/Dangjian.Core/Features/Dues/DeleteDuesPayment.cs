using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// Deletes a payment entered by mistake (a correction is a delete and a new entry): every month it paid is owed again, by
/// exactly the allocated amount. Money records change only with a reason, kept in the audit rows of the same transaction.
/// </summary>
public sealed record DeleteDuesPaymentCommand(long PaymentId, string? Reason);

public sealed class DeleteDuesPaymentHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteDuesPaymentCommand command, AccessScope scope, CancellationToken ct)
    {
        var reason = command.Reason?.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from p in db.Set<DuesPayment>()
                         join o in db.Organizations on p.OrganizationId equals o.Id
                         where p.Id == command.PaymentId
                         select new { Payment = p, o.Path }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return DuesLedgerErrors.PaymentNotFound(command.PaymentId);
        var allowed = scope.Check(row.Path, Permission.Write);
        if (!allowed.IsSuccess) return allowed.FirstError;
        if (string.IsNullOrEmpty(reason)) return DuesLedgerErrors.ReasonRequired;
        if (reason.Length > DuesLedgerLine.ReasonMaxLength) return DuesLedgerErrors.ReasonTooLong;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var allocations = await db.Set<DuesAllocation>().Where(a => a.PaymentId == row.Payment.Id).ToListAsync(ct);
        var lineIds = allocations.Select(a => a.LedgerLineId).ToList();
        var lines = await db.Set<DuesLedgerLine>().Where(l => lineIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        foreach (var allocation in allocations)
        {
            lines[allocation.LedgerLineId].AddPaid(-allocation.Amount);
            db.Remove(allocation);
        }

        db.Remove(row.Payment);
        db.AuditReason = reason;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Done.Value;
    }
}
