using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>Payments collected by the branches of a subtree, newest first, with the months each paid; filter by member, date range and kind.</summary>
public sealed record ListDuesPaymentsQuery(long? UnderId, long? MemberId = null, DateOnly? From = null, DateOnly? To = null, DuesPaymentKind? Kind = null, int? Page = null, int? PageSize = null);

public sealed record DuesPaymentItem(
    long Id, long MemberId, string MemberName, long OrganizationId, string OrganizationName, DateOnly PaidOn, decimal Amount, PaymentMethod Method,
    DuesPaymentKind Kind, string? CollectorName, string? ReceiptNumber, long? PaidByMemberId, string? PaidByName, decimal VoluntaryExtra,
    DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Note, IReadOnlyList<DuesAllocationItem> Allocations, bool CanWrite);

public sealed record DuesPaymentList(Page<DuesPaymentItem> Items, decimal Total);

public sealed class ListDuesPaymentsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<DuesPaymentList>> HandleAsync(ListDuesPaymentsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subtree = await DuesLedgerAccess.SubtreeAsync(db, scope, query.UnderId, ct);
        if (!subtree.IsSuccess) return subtree.FirstError;
        var ids = subtree.Value.Select(o => o.Id);
        var payments = db.Set<DuesPayment>().AsNoTracking().Where(p => ids.Contains(p.OrganizationId));
        if (query.MemberId is long memberId) payments = payments.Where(p => p.MemberId == memberId);
        if (query.From is DateOnly from) payments = payments.Where(p => p.PaidOn >= from);
        if (query.To is DateOnly to) payments = payments.Where(p => p.PaidOn <= to);
        if (query.Kind is DuesPaymentKind kind) payments = payments.Where(p => p.Kind == kind);

        var total = await payments.CountAsync(ct);
        var sum = await payments.SumAsync(p => p.Amount, ct);
        var size = Page<DuesPaymentItem>.NormalizeSize(query.PageSize);
        var number = Page<DuesPaymentItem>.NormalizeNumber(query.Page);
        var items = await DuesPaymentItems.LoadAsync(db, payments.OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.Id).Skip((number - 1) * size).Take(size), scope, ct);
        return new DuesPaymentList(new Page<DuesPaymentItem>(items, total, number, size), DuesMoney.Fen(sum));
    }
}

internal static class DuesPaymentItems
{
    /// <summary>Projects an ordered page of payments, with names and allocations (two more queries for the page, not one per row).</summary>
    public static async Task<List<DuesPaymentItem>> LoadAsync(DangjianDbContext db, IQueryable<DuesPayment> page, AccessScope scope, CancellationToken ct)
    {
        var rows = await (from p in page
                          join m in db.Set<Members.Member>() on p.MemberId equals m.Id
                          join o in db.Organizations on p.OrganizationId equals o.Id
                          join b in db.Set<Members.Member>() on p.PaidByMemberId equals b.Id into payers
                          from b in payers.DefaultIfEmpty()
                          select new { Payment = p, MemberName = m.Name, OrganizationName = o.Name, o.Path, PaidByName = b == null ? null : b.Name })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Payment.Id).ToList();
        var allocations = (await (from a in db.Set<DuesAllocation>().AsNoTracking()
                                  join l in db.Set<DuesLedgerLine>() on a.LedgerLineId equals l.Id
                                  where ids.Contains(a.PaymentId)
                                  select new { a.PaymentId, l.Month, a.Amount })
                .ToListAsync(ct))
            .ToLookup(a => a.PaymentId);
        return rows.Select(r => new DuesPaymentItem(r.Payment.Id, r.Payment.MemberId, r.MemberName, r.Payment.OrganizationId, r.OrganizationName, r.Payment.PaidOn,
            DuesMoney.Fen(r.Payment.Amount), r.Payment.Method, r.Payment.Kind, r.Payment.CollectorName, r.Payment.ReceiptNumber, r.Payment.PaidByMemberId, r.PaidByName,
            DuesMoney.Fen(r.Payment.VoluntaryExtra), r.Payment.PeriodFrom, r.Payment.PeriodTo, r.Payment.Note,
            allocations[r.Payment.Id].OrderBy(a => a.Month).Select(a => new DuesAllocationItem(a.Month, DuesMoney.Fen(a.Amount))).ToList(),
            scope.Allows(r.Path, Permission.Write))).ToList();
    }
}
