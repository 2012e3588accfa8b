using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// Records the back-payments (补缴) the preview of <see cref="ComputeBackPayQuery"/> shows for the same members, period and
/// corrected bases: one <see cref="DuesPaymentKind.BackPayment"/> payment per member who owes something, allocated to the
/// months it covers. <see cref="ExpectedTotal"/> is the total the user confirmed; if the figures changed since, nothing is saved.
/// </summary>
public sealed record RecordBackPaymentsCommand(
    long OrganizationId,
    DateOnly? FromMonth,
    DateOnly? ToMonth,
    IReadOnlyList<long>? MemberIds,
    IReadOnlyList<BackPayCorrectionInput>? Corrections,
    DateOnly? PaidOn,
    PaymentMethod? Method,
    string? CollectorName,
    string? ReceiptNumber,
    decimal? ExpectedTotal,
    string? Note);

public sealed record RecordedBackPayment(long PaymentId, long MemberId, string Name, decimal Amount, MonthSpan Covered, int MonthsCovered);

/// <param name="Warnings">Not refusals: e.g. a period beyond the usual 6 months (《党费规定》) is recorded and reported.</param>
public sealed record RecordedBackPayments(IReadOnlyList<RecordedBackPayment> Payments, decimal Total, IReadOnlyList<string> Warnings);

public sealed class RecordBackPaymentsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<RecordedBackPayments>> HandleAsync(RecordBackPaymentsCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = new ComputeBackPayQuery(command.OrganizationId, command.FromMonth, command.ToMonth, command.MemberIds, command.Corrections);
        // Scope first: an outsider learns nothing from validation messages.
        var access = await DuesOrganizationAccess.LoadAsync(db, command.OrganizationId, scope, Permission.Write, ct);
        if (!access.IsSuccess) return access.FirstError;

        var errors = new List<Error>();
        if (command.PaidOn is null) errors.Add(BackPayErrors.PaidOnRequired);
        else if (command.PaidOn > clock.Today()) errors.Add(BackPayErrors.PaidOnInFuture);
        if (command.Method is not { } method || !Enum.IsDefined(method)) errors.Add(BackPayErrors.MethodRequired);
        var collector = Clean(command.CollectorName);
        var receipt = Clean(command.ReceiptNumber);
        var note = Clean(command.Note);
        if (collector?.Length > DuesPayment.NameMaxLength) errors.Add(BackPayErrors.TextTooLong("CollectorName", "收款人", DuesPayment.NameMaxLength));
        if (receipt?.Length > DuesPayment.ReceiptMaxLength) errors.Add(BackPayErrors.TextTooLong("ReceiptNumber", "收据号", DuesPayment.ReceiptMaxLength));
        if (note?.Length > DuesPayment.NoteMaxLength) errors.Add(BackPayErrors.TextTooLong("Note", "备注", DuesPayment.NoteMaxLength));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var loaded = await BackPayLoader.LoadAsync(db, clock, query, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) errors.AddRange(loaded.Errors);
        if (errors.Count > 0) return Result<RecordedBackPayments>.Failure(errors);

        var (_, period, statements, memberOrganizations) = loaded.Value;
        var owing = statements.Where(s => s.Total > 0).ToList();
        var total = owing.Sum(s => s.Total);
        if (owing.Count == 0) return BackPayErrors.NothingOwed(period);
        if (command.ExpectedTotal is { } expected && expected != total) return BackPayErrors.TotalChanged(expected, total);

        // Every month owed gets a ledger line: an existing one is raised to what was due (a corrected base owes more than the
        // line said), a missing one is created at the member's branch, which collects the back-payment.
        var owingIds = owing.Select(s => s.MemberId).ToList();
        var (from, to) = (period.From, period.To);
        var lines = (await db.Set<DuesLedgerLine>()
                .Where(l => owingIds.Contains(l.MemberId) && l.Month >= from && l.Month <= to)
                .ToListAsync(ct))
            .ToDictionary(l => (l.MemberId, l.Month));
        foreach (var statement in owing)
        {
            foreach (var month in statement.OwedMonths())
            {
                if (lines.TryGetValue((statement.MemberId, month.Month), out var line))
                {
                    if (month.Due > line.Due) line.ChangeDue(month.Due);
                }
                else
                {
                    line = DuesLedgerLine.Create(statement.MemberId, memberOrganizations[statement.MemberId], month.Month, month.Due);
                    db.Add(line);
                    lines.Add((statement.MemberId, month.Month), line);
                }
            }
        }

        var payments = owing.ToDictionary(s => s.MemberId, s =>
        {
            var covered = s.Covered!.Value;
            var payment = DuesPayment.Create(s.MemberId, memberOrganizations[s.MemberId], command.PaidOn!.Value, s.Total, command.Method!.Value,
                DuesPaymentKind.BackPayment, collector, receipt, null, covered.From, covered.To, note ?? $"补缴{covered.Label}党费");
            db.Add(payment);
            return payment;
        });
        await db.SaveChangesAsync(ct);

        foreach (var statement in owing)
        {
            foreach (var month in statement.OwedMonths())
            {
                var line = lines[(statement.MemberId, month.Month)];
                line.AddPaid(month.Owed);
                db.Add(DuesAllocation.Create(payments[statement.MemberId].Id, line.Id, month.Owed));
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var recorded = owing.Select(s => new RecordedBackPayment(payments[s.MemberId].Id, s.MemberId, s.Name, s.Total, s.Covered!.Value, s.OwedMonths().Count())).ToList();
        return new RecordedBackPayments(recorded, total, owing.SelectMany(s => s.Warnings).ToList());
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
