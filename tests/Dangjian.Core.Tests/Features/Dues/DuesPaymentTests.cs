using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.Features.Dues.DuesLedgerTestData;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Dues;

/// <summary>Payments: oldest-first allocation, partial months, 自愿多交, quarterly consent, 大额党费, deletion, paid-up-to. Today is 2026-07-01.</summary>
public sealed class DuesPaymentTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DefaultChinaToday;
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;
    private long _member;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("A", Branch, _root);
        _member = await MemberAsync(_db, _branch);
        await ProfileAsync(_db, _member, _branch, 2026, 76.50m);
        await LinesAsync(_db, _member, _branch, M(2026, 1), M(2026, 6), 76.50m);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<Result<DuesPaymentRecorded>> PayAsync(decimal? amount, DuesPaymentKind kind = DuesPaymentKind.Regular, bool quarterly = false, DateOnly? on = null,
        long? paidBy = null, long? member = null) =>
        _db.Get<RecordDuesPaymentHandler>().HandleAsync(
            new RecordDuesPaymentCommand(member ?? _member, amount, on ?? Today, PaymentMethod.Cash, kind, "收款人", "R-001", paidBy, quarterly), Admin, Ct);

    private async Task<Dictionary<DateOnly, decimal>> PaidByMonthAsync()
    {
        await using var db = await _db.OpenAsync();
        return await db.Set<DuesLedgerLine>().Where(l => l.MemberId == _member).ToDictionaryAsync(l => l.Month, l => l.Paid, Ct);
    }

    private async Task<DateOnly?> PaidUpToAsync() => (await _db.Get<GetDuesPaidUpToHandler>().HandleAsync(new GetDuesPaidUpToQuery(_member), Admin, Ct)).Value;

    [Fact]
    public async Task Regular_IsAllocatedOldestFirst_WithAPartialMonth()
    {
        var paid = (await PayAsync(200m)).Value;

        paid.Allocations.ShouldBe([new(M(2026, 1), 76.50m), new(M(2026, 2), 76.50m), new(M(2026, 3), 47.00m)]);
        paid.VoluntaryExtra.ShouldBe(0m);
        var byMonth = await PaidByMonthAsync();
        byMonth[M(2026, 3)].ShouldBe(47.00m);
        byMonth[M(2026, 4)].ShouldBe(0m);
        (await PaidUpToAsync()).ShouldBe(M(2026, 2));

        var rest = (await PayAsync(29.50m)).Value;
        rest.Allocations.ShouldBe([new(M(2026, 3), 29.50m)]);
        (await PaidUpToAsync()).ShouldBe(M(2026, 3));
    }

    [Fact]
    public async Task Regular_BeyondWhatIsOwed_BecomesVoluntaryExtra_AndNeverPaysAheadWithoutQuarterlyConsent()
    {
        var paid = (await PayAsync(500.01m)).Value;

        paid.Allocated.ShouldBe(459.00m);
        paid.VoluntaryExtra.ShouldBe(41.01m);
        (await PaidUpToAsync()).ShouldBe(M(2026, 6));
        await using var db = await _db.OpenAsync();
        (await db.Set<DuesLedgerLine>().CountAsync(l => l.Month > M(2026, 6), Ct)).ShouldBe(0);
        (await db.Set<DuesPayment>().SingleAsync(Ct)).VoluntaryExtra.ShouldBe(41.01m);
    }

    [Fact]
    public async Task Quarterly_WithoutTheBranchsConsent_IsRefused()
    {
        var refused = await PayAsync(229.50m, quarterly: true);
        refused.FirstError.Code.ShouldBe("dues.quarterly_not_allowed");
        (await PaidByMonthAsync()).Values.ShouldAllBe(v => v == 0m, "拒绝时不记任何交费");
    }

    [Fact]
    public async Task Quarterly_WithConsentOnTheParent_CreatesTheQuartersLinesAndPaysThem()
    {
        await using (var db = await _db.OpenAsync())
        {
            db.Add(DuesSettings.Create(_root, 0m, allowsQuarterly: true));
            await db.SaveChangesAsync(Ct);
        }

        // Jan–Jun owed (459.00) plus Jul–Sep (229.50), paid on July 1st.
        var paid = (await PayAsync(688.50m, quarterly: true)).Value;

        paid.VoluntaryExtra.ShouldBe(0m);
        paid.Allocations.Select(a => a.Month).ShouldBe(Enumerable.Range(1, 9).Select(m => M(2026, m)));
        (await PaidUpToAsync()).ShouldBe(M(2026, 9));
        await using var check = await _db.OpenAsync();
        var payment = await check.Set<DuesPayment>().SingleAsync(Ct);
        (payment.PeriodFrom, payment.PeriodTo).ShouldBe((M(2026, 7), M(2026, 9)));
    }

    [Fact]
    public async Task Quarterly_OnTheBranchItself_ButNoProfileForTheYear_IsRefused()
    {
        var other = await MemberAsync(_db, _branch);
        await using (var db = await _db.OpenAsync())
        {
            db.Add(DuesSettings.Create(_branch, 0m, allowsQuarterly: true));
            await db.SaveChangesAsync(Ct);
        }

        (await PayAsync(10m, quarterly: true, member: other)).FirstError.Code.ShouldBe("dues.quarter_no_profile");
    }

    [Theory]
    [InlineData("999.99", DuesPaymentKind.Voluntary)]
    [InlineData("1000.00", DuesPaymentKind.LargeVoluntary)]
    [InlineData("1000.01", DuesPaymentKind.LargeVoluntary)]
    public async Task Voluntary_OfOneThousandOrMore_IsLargeVoluntary_AndPaysNoMonth(string amount, DuesPaymentKind expected)
    {
        var paid = (await PayAsync(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), DuesPaymentKind.Voluntary)).Value;

        paid.Kind.ShouldBe(expected);
        paid.Allocations.ShouldBeEmpty();
        (await PaidByMonthAsync()).Values.ShouldAllBe(v => v == 0m);
    }

    [Fact]
    public async Task LargeVoluntary_BelowOneThousand_IsRefused()
    {
        (await PayAsync(999.99m, DuesPaymentKind.LargeVoluntary)).FirstError.Code.ShouldBe("dues.large_threshold");
    }

    [Theory]
    [InlineData(null, "dues.amount_required")]
    [InlineData("0", "dues.amount_positive")]
    [InlineData("-0.01", "dues.amount_positive")]
    [InlineData("0.001", "dues.amount_precision")]
    [InlineData("100000000", "dues.amount_too_large")]
    public async Task Amount_NotAPositiveFenAmount_IsRefusedInChinese(string? amount, string code)
    {
        var result = await PayAsync(amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        result.FirstError.Code.ShouldBe(code);
        result.FirstError.Field.ShouldBe("Amount");
        result.FirstError.Message.ShouldContain("金额");
    }

    [Fact]
    public async Task BackPaymentKind_FutureDate_AndSelfAsPayer_AreRefused()
    {
        (await PayAsync(1m, DuesPaymentKind.BackPayment)).FirstError.Code.ShouldBe("dues.kind_backpay");
        (await PayAsync(1m, on: Today.AddDays(1))).FirstError.Code.ShouldBe("dues.paid_on_future");
        (await PayAsync(1m, paidBy: _member)).FirstError.Code.ShouldBe("dues.payer_self");
        (await PayAsync(1m, paidBy: 999_999)).FirstError.Code.ShouldBe("dues.payer_not_found");
    }

    [Fact]
    public async Task OnBehalf_IsRecordedWithThePayer()
    {
        var spouse = await MemberAsync(_db, _branch, "代交人");
        var paid = (await PayAsync(76.50m, paidBy: spouse)).Value;

        var list = (await _db.Get<ListDuesPaymentsHandler>().HandleAsync(new ListDuesPaymentsQuery(_branch, _member), Admin, Ct)).Value;
        var item = list.Items.Items.Single();
        item.Id.ShouldBe(paid.PaymentId);
        item.PaidByMemberId.ShouldBe(spouse);
        item.PaidByName.ShouldStartWith("代交人");
        item.Allocations.Single().Month.ShouldBe(M(2026, 1));
        list.Total.ShouldBe(76.50m);
    }

    [Fact]
    public async Task Delete_ReversesTheAllocations_AndNeedsAReason()
    {
        var first = (await PayAsync(100m)).Value;
        var second = (await PayAsync(100m)).Value;
        second.Allocations.ShouldBe([new(M(2026, 2), 53.00m), new(M(2026, 3), 47.00m)]);

        var handler = _db.Get<DeleteDuesPaymentHandler>();
        (await handler.HandleAsync(new DeleteDuesPaymentCommand(first.PaymentId, " "), Admin, Ct)).FirstError.Code.ShouldBe("dues.reason_required");
        (await handler.HandleAsync(new DeleteDuesPaymentCommand(first.PaymentId, "收据号登记错误，重新登记"), Admin, Ct)).IsSuccess.ShouldBeTrue();

        var byMonth = await PaidByMonthAsync();
        byMonth[M(2026, 1)].ShouldBe(0m);
        byMonth[M(2026, 2)].ShouldBe(53.00m);
        byMonth[M(2026, 3)].ShouldBe(47.00m);
        (await PaidUpToAsync()).ShouldBeNull();
        await using var db = await _db.OpenAsync();
        (await db.Set<DuesAllocation>().CountAsync(Ct)).ShouldBe(2);
        var audit = (await _db.AuditAsync()).Single(a => a.EntityType == nameof(DuesPayment) && a.Action == AuditAction.Deleted);
        audit.Reason.ShouldBe("收据号登记错误，重新登记");
        (await handler.HandleAsync(new DeleteDuesPaymentCommand(first.PaymentId, "再删"), Admin, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task PaidUpTo_WithoutLedger_IsNull_AndAnExemptMonthCountsAsPaid()
    {
        var other = await MemberAsync(_db, _branch);
        (await _db.Get<GetDuesPaidUpToHandler>().HandleAsync(new GetDuesPaidUpToQuery(other), Admin, Ct)).Value.ShouldBeNull();
        await LinesAsync(_db, other, _branch, M(2026, 1), M(2026, 2), 5m, paid: true);
        await LinesAsync(_db, other, _branch, M(2026, 3), M(2026, 3), 0m);
        await LinesAsync(_db, other, _branch, M(2026, 4), M(2026, 4), 5m);
        await using var db = await _db.OpenAsync();
        (await DuesPaidUpTo.ForMemberAsync(db, other, Ct)).ShouldBe(M(2026, 3));
    }
}
