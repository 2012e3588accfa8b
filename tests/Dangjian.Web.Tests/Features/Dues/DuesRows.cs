using Dangjian.Core.Data;
using Dangjian.Core.Features.Dues;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Dues;

/// <summary>
/// Dues rows written straight into the running host's database: profiles, ledger lines, payments with their allocations,
/// remittances and settings. The wizard and the payment screens are other modules; these tests need only the rows.
/// </summary>
public static class DuesRows
{
    public static async Task<T> WithDbAsync<T>(DangjianApp app, Func<DangjianDbContext, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
        return await action(db);
    }

    /// <summary>A salaried member's profile for a year, computed by the calculator from the base.</summary>
    public static Task<long> ProfileAsync(DangjianApp app, long memberId, long organizationId, int year, decimal @base) => WithDbAsync(app, async db =>
    {
        var profile = DuesProfile.Create(memberId, organizationId, year);
        profile.Set(DuesMemberType.Salaried, null, @base, null, DuesCalculator.Monthly(DuesMemberType.Salaried, @base).Value);
        db.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    });

    /// <summary>A ledger line; a paid amount is recorded as a regular payment on <paramref name="paidOn"/> allocated to the line.</summary>
    public static Task<long> LineAsync(DangjianApp app, long memberId, long organizationId, DateOnly month, decimal due, decimal paid = 0m, DateOnly? paidOn = null) =>
        WithDbAsync(app, async db =>
        {
            var line = DuesLedgerLine.Create(memberId, organizationId, month, due);
            db.Add(line);
            await db.SaveChangesAsync();
            if (paid > 0)
            {
                var payment = DuesPayment.Create(memberId, organizationId, paidOn ?? month.AddDays(9), paid, PaymentMethod.Cash, DuesPaymentKind.Regular, "收款人", null, null, null, null, null);
                db.Add(payment);
                await db.SaveChangesAsync();
                db.Add(DuesAllocation.Create(payment.Id, line.Id, paid));
                line.AddPaid(paid);
                await db.SaveChangesAsync();
            }

            return line.Id;
        });

    /// <summary>Lines for consecutive months, each due <paramref name="due"/> and paid <paramref name="paid"/>.</summary>
    public static async Task LinesAsync(DangjianApp app, long memberId, long organizationId, DateOnly firstMonth, int months, decimal due, decimal paid)
    {
        for (var i = 0; i < months; i++) await LineAsync(app, memberId, organizationId, firstMonth.AddMonths(i), due, paid);
    }

    public static Task<long> PaymentAsync(DangjianApp app, long memberId, long organizationId, DateOnly paidOn, decimal amount, DuesPaymentKind kind) =>
        WithDbAsync(app, async db =>
        {
            var payment = DuesPayment.Create(memberId, organizationId, paidOn, amount, PaymentMethod.Transfer, kind, null, null, null, null, null, null);
            db.Add(payment);
            await db.SaveChangesAsync();
            return payment.Id;
        });

    public static Task<long> RemittanceAsync(DangjianApp app, long fromId, long toId, DateOnly periodFrom, DateOnly periodTo, decimal amount, decimal large, DateOnly remittedOn, string? note = null) =>
        WithDbAsync(app, async db =>
        {
            var remittance = DuesRemittance.Create(fromId, toId, periodFrom, periodTo, amount, large, remittedOn, note);
            db.Add(remittance);
            await db.SaveChangesAsync();
            return remittance.Id;
        });

    public static Task<long> SettingsAsync(DangjianApp app, long organizationId, decimal heldSharePercent) => WithDbAsync(app, async db =>
    {
        var settings = DuesSettings.Create(organizationId, heldSharePercent, false);
        db.Add(settings);
        await db.SaveChangesAsync();
        return settings.Id;
    });

    public static Task<List<DuesLedgerLine>> LinesOfAsync(DangjianApp app, long memberId) =>
        WithDbAsync(app, db => db.Set<DuesLedgerLine>().AsNoTracking().Where(l => l.MemberId == memberId).OrderBy(l => l.Month).ToListAsync());

    public static Task<List<DuesPayment>> PaymentsOfAsync(DangjianApp app, long memberId) =>
        WithDbAsync(app, db => db.Set<DuesPayment>().AsNoTracking().Where(p => p.MemberId == memberId).OrderBy(p => p.Id).ToListAsync());

    public static Task<List<DuesAllocation>> AllocationsOfAsync(DangjianApp app, long paymentId) =>
        WithDbAsync(app, db => db.Set<DuesAllocation>().AsNoTracking().Where(a => a.PaymentId == paymentId).OrderBy(a => a.Id).ToListAsync());
}
