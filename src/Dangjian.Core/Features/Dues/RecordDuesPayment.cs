using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// Records a payment as received (amount, date, 现金/转账/线上, collector, receipt number, 代交 by another member).
/// <list type="bullet">
/// <item>按月交纳 (Regular): the money goes to the member's unpaid ledger months, oldest first, up to the month of payment; a
/// month may be paid in part. With <see cref="Quarterly"/> (《党费规定》: 经党支部同意可以按季度交纳 — the nearest
/// <see cref="DuesSettings.AllowsQuarterly"/> on the branch's path) it also covers the rest of the quarter the payment date
/// falls in, whose ledger lines are created if needed. What exceeds the owed months is 自愿多交 (<see cref="DuesPayment.VoluntaryExtra"/>).</item>
/// <item>自愿多交 (Voluntary): kept apart from the ledger; a one-off voluntary payment of 1000 元 or more is 大额党费
/// (<see cref="DuesCalculator.IsLargeVoluntary"/>) whatever the user chose, since it all goes up to the centre.</item>
/// <item>补缴 has its own use case (the period it covers, the 6-month warning) and is refused here.</item>
/// </list>
/// </summary>
public sealed record RecordDuesPaymentCommand(
    long MemberId,
    decimal? Amount,
    DateOnly? PaidOn,
    PaymentMethod? Method,
    DuesPaymentKind Kind = DuesPaymentKind.Regular,
    string? CollectorName = null,
    string? ReceiptNumber = null,
    long? PaidByMemberId = null,
    bool Quarterly = false,
    string? Note = null);

public sealed record DuesAllocationItem(DateOnly Month, decimal Amount);

public sealed record DuesPaymentRecorded(long PaymentId, DuesPaymentKind Kind, decimal Amount, decimal Allocated, decimal VoluntaryExtra, IReadOnlyList<DuesAllocationItem> Allocations);

public sealed class RecordDuesPaymentHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>A sanity bound far above any real payment (大额党费 included), so a typo of extra digits is caught.</summary>
    public const decimal MaximumAmount = 99_999_999.99m;

    public async Task<Result<DuesPaymentRecorded>> HandleAsync(RecordDuesPaymentCommand command, AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = Validate(command, today);
        if (errors.Count > 0) return Result<DuesPaymentRecorded>.Failure(errors);
        var amount = command.Amount!.Value;
        var paidOn = command.PaidOn ?? today;
        var kind = command.Kind switch
        {
            DuesPaymentKind.Voluntary or DuesPaymentKind.LargeVoluntary => DuesCalculator.IsLargeVoluntary(amount) ? DuesPaymentKind.LargeVoluntary : DuesPaymentKind.Voluntary,
            _ => DuesPaymentKind.Regular,
        };

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, command.MemberId, scope, Permission.Write, ct, tracking: false);
        if (!loaded.IsSuccess) return DuesLedgerErrors.MemberNotFound(command.MemberId);
        var (member, path) = loaded.Value;
        if (command.PaidByMemberId is long payerId)
        {
            if (payerId == member.Id) return DuesLedgerErrors.PayerIsMember;
            var payer = await MemberAccess.LoadAsync(db, payerId, scope, Permission.Read, ct, tracking: false);
            if (!payer.IsSuccess) return DuesLedgerErrors.PayerNotFound(payerId);
        }

        DateOnly? quarterFrom = null, quarterTo = null;
        if (command.Quarterly)
        {
            if (!await DuesLedgerAccess.AllowsQuarterlyAsync(db, path, ct))
            {
                var branch = await db.Organizations.Where(o => o.Id == member.OrganizationId).Select(o => o.Name).SingleAsync(ct);
                return DuesLedgerErrors.QuarterlyNotAllowed(branch);
            }

            quarterFrom = DuesMonth.Of(paidOn.Year, (paidOn.Month - 1) / 3 * 3 + 1);
            quarterTo = quarterFrom.Value.AddMonths(2);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (quarterFrom is DateOnly from)
        {
            // The quarter's months get their lines now (at the branch holding the member then, as the monthly generation
            // would put them); a month without a profile for its year cannot be paid ahead.
            for (var month = from; month <= quarterTo; month = month.AddMonths(1))
            {
                await DuesLedgerGeneration.InsertMissingAsync(db, db.Organizations.AsNoTracking(), month, member.Id, ct);
                if (!await db.Set<DuesLedgerLine>().AnyAsync(l => l.MemberId == member.Id && l.Month == month, ct))
                {
                    return DuesLedgerErrors.QuarterWithoutProfile(month.Year);
                }
            }
        }

        var payment = DuesPayment.Create(member.Id, member.OrganizationId, paidOn, amount, command.Method!.Value, kind, Blank(command.CollectorName),
            Blank(command.ReceiptNumber), command.PaidByMemberId, quarterFrom, quarterTo, Blank(command.Note));
        db.Add(payment);
        await db.SaveChangesAsync(ct);

        var allocations = new List<DuesAllocationItem>();
        var remaining = amount;
        if (kind == DuesPaymentKind.Regular)
        {
            var until = quarterTo ?? DuesMonth.Of(paidOn);
            var unpaid = await db.Set<DuesLedgerLine>()
                .Where(l => l.MemberId == member.Id && l.Month <= until && l.Paid < l.Due)
                .OrderBy(l => l.Month)
                .ToListAsync(ct);
            foreach (var line in unpaid)
            {
                if (remaining <= 0) break;
                var share = Math.Min(remaining, line.Outstanding);
                line.AddPaid(share);
                db.Add(DuesAllocation.Create(payment.Id, line.Id, share));
                allocations.Add(new DuesAllocationItem(line.Month, share));
                remaining -= share;
            }

            payment.SetVoluntaryExtra(remaining);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        var allocated = allocations.Sum(a => a.Amount);
        return new DuesPaymentRecorded(payment.Id, kind, amount, allocated, payment.VoluntaryExtra, allocations);
    }

    private static List<Error> Validate(RecordDuesPaymentCommand command, DateOnly today)
    {
        var errors = new List<Error>();
        if (command.Amount is not decimal amount) errors.Add(DuesLedgerErrors.AmountRequired);
        else if (amount <= 0) errors.Add(DuesLedgerErrors.AmountNotPositive);
        else if (DuesCalculator.RoundToFen(amount) != amount) errors.Add(DuesLedgerErrors.AmountPrecision);
        else if (amount > MaximumAmount) errors.Add(DuesLedgerErrors.AmountTooLarge);
        else if (command.Kind == DuesPaymentKind.LargeVoluntary && !DuesCalculator.IsLargeVoluntary(amount)) errors.Add(DuesLedgerErrors.LargeVoluntaryBelowThreshold);
        if (command.PaidOn > today) errors.Add(DuesLedgerErrors.PaidOnInFuture);
        if (command.Method is null || !Enum.IsDefined(command.Method.Value)) errors.Add(DuesLedgerErrors.MethodRequired);
        if (command.Kind == DuesPaymentKind.BackPayment || !Enum.IsDefined(command.Kind)) errors.Add(DuesLedgerErrors.KindNotHere);
        else if (command.Quarterly && command.Kind != DuesPaymentKind.Regular) errors.Add(DuesLedgerErrors.QuarterlyOnlyRegular);
        if (Blank(command.CollectorName)?.Length > DuesPayment.NameMaxLength) errors.Add(DuesLedgerErrors.CollectorTooLong);
        if (Blank(command.ReceiptNumber)?.Length > DuesPayment.ReceiptMaxLength) errors.Add(DuesLedgerErrors.ReceiptTooLong);
        if (Blank(command.Note)?.Length > DuesPayment.NoteMaxLength) errors.Add(DuesLedgerErrors.NoteTooLong);
        return errors;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
