using Dangjian.Core.Features.Dues;

namespace Dangjian.Core.Tests.Features.Dues;

public sealed class BackPayCalculatorTests
{
    private static DateOnly M(int year, int month) => new(year, month, 1);

    private static BackPayProfile Profile(int year, decimal @base) =>
        new(year, DuesMemberType.Salaried, DuesCalculator.Monthly(DuesMemberType.Salaried, @base).Value.Monthly);

    private static BackPayMemberInput Member(
        IReadOnlyList<BackPayProfile> profiles, IReadOnlyList<BackPayLedgerRow> ledger, IReadOnlyList<BackPayCorrection>? corrections = null,
        IReadOnlyList<BackPayReduction>? reductions = null, DateOnly? owesFrom = null) =>
        new(1, "张三", owesFrom ?? M(2000, 1), profiles, ledger, reductions ?? [], corrections ?? []);

    private static IEnumerable<BackPayLedgerRow> Paid(DateOnly from, int months, decimal due, decimal paid) =>
        Enumerable.Range(0, months).Select(i => new BackPayLedgerRow(from.AddMonths(i), due, paid));

    [Fact]
    public void BaseChangesAtTheYearBoundary_EachMonthUsesItsOwnYear_MatchesTheHandComputation()
    {
        // 2018: base 4900 → 49.00 a month; 2019: base 5100 → 76.50 a month (the official examples of 《党费通知》).
        // Apr–Oct 2018 paid in full; Nov 2018 paid 20.00; Dec 2018 no ledger line at all; Jan–Mar 2019 still paid the old 49.00.
        var ledger = Paid(M(2018, 4), 7, 49.00m, 49.00m)
            .Append(new BackPayLedgerRow(M(2018, 11), 49.00m, 20.00m))
            .Concat(Paid(M(2019, 1), 3, 49.00m, 49.00m))
            .ToList();
        var statement = BackPayCalculator.Compute(Member([Profile(2018, 4900m), Profile(2019, 5100m)], ledger), new MonthSpan(M(2018, 4), M(2019, 3))).Value;

        // By hand: Nov 49.00 − 20.00 = 29.00; Dec 49.00 − 0 = 49.00; Jan–Mar 3 × (76.50 − 49.00) = 82.50; total 160.50.
        statement.Months.Count.ShouldBe(12);
        statement.Months.Single(m => m.Month == M(2018, 11)).Owed.ShouldBe(29.00m);
        var december = statement.Months.Single(m => m.Month == M(2018, 12));
        (december.Due, december.Paid, december.Owed, december.HasLedgerLine).ShouldBe((49.00m, 0m, 49.00m, false));
        var january = statement.Months.Single(m => m.Month == M(2019, 1));
        (january.Due, january.Owed, january.Source).ShouldBe((76.50m, 27.50m, BackPayDueSource.Profile));
        statement.Months.Where(m => m.Month <= M(2018, 10)).ShouldAllBe(m => m.Owed == 0m);
        statement.Total.ShouldBe(160.50m);
        statement.TotalDue.ShouldBe(7 * 49.00m + 49.00m + 49.00m + 3 * 76.50m);
        statement.Covered.ShouldBe(new MonthSpan(M(2018, 11), M(2019, 3)));
        statement.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void CorrectedBases_TheSelfCheckCase_RecomputeEachYearWithTheCalculator()
    {
        // The member declared 3000 (15.00 a month) in both years; the self-check finds 4900 for 2018 and 5100 for 2019.
        var ledger = Paid(M(2018, 4), 9, 15.00m, 15.00m).Concat(Paid(M(2019, 1), 3, 15.00m, 15.00m)).ToList();
        var statement = BackPayCalculator.Compute(
            Member([Profile(2018, 3000m), Profile(2019, 3000m)], ledger, [new BackPayCorrection(2018, 4900m), new BackPayCorrection(2019, 5100m)]),
            new MonthSpan(M(2018, 4), M(2019, 3))).Value;

        // By hand: 9 × (49.00 − 15.00) = 306.00 and 3 × (76.50 − 15.00) = 184.50; total 490.50.
        statement.Total.ShouldBe(490.50m);
        statement.Months.ShouldAllBe(m => m.Source == BackPayDueSource.CorrectedBase);
        statement.Covered!.Value.Count.ShouldBe(12);
        statement.Warnings.Single().ShouldContain("超过《党费规定》“补交一般不超过 6 个月”");
    }

    [Fact]
    public void CorrectionForOneYearOnly_OtherYearKeepsItsProfile()
    {
        var ledger = Paid(M(2018, 12), 1, 15.00m, 15.00m).Concat(Paid(M(2019, 1), 1, 15.00m, 15.00m)).ToList();
        var statement = BackPayCalculator.Compute(Member([Profile(2018, 3000m), Profile(2019, 3000m)], ledger, [new BackPayCorrection(2019, 5100m)]),
            new MonthSpan(M(2018, 12), M(2019, 1))).Value;
        statement.Months.Select(m => (m.Source, m.Owed)).ShouldBe([(BackPayDueSource.Profile, 0m), (BackPayDueSource.CorrectedBase, 61.50m)]);
    }

    [Fact]
    public void NegativeCorrectedBase_IsRefusedInChinese_NamingTheMemberAndYear()
    {
        var result = BackPayCalculator.Compute(Member([], [], [new BackPayCorrection(2019, -1m)]), new MonthSpan(M(2019, 1), M(2019, 1)));
        result.IsSuccess.ShouldBeFalse();
        result.FirstError.Message.ShouldBe("张三 2019 年更正基数：党费基数不能为负数");
    }

    [Fact]
    public void OverpaidMonth_DoesNotOffsetAnotherMonth()
    {
        var ledger = new List<BackPayLedgerRow> { new(M(2019, 1), 76.50m, 100.00m), new(M(2019, 2), 76.50m, 50.00m) };
        var statement = BackPayCalculator.Compute(Member([Profile(2019, 5100m)], ledger), new MonthSpan(M(2019, 1), M(2019, 2))).Value;
        statement.Total.ShouldBe(26.50m);
        statement.Months[0].Owed.ShouldBe(0m);
    }

    [Fact]
    public void MonthsBeforeAdmission_OweNothing()
    {
        // 预备党员 owe from the month of the 支部大会 vote.
        var statement = BackPayCalculator.Compute(Member([Profile(2019, 5100m)], [], owesFrom: M(2019, 3)), new MonthSpan(M(2019, 1), M(2019, 4))).Value;
        statement.Months.Select(m => m.Source).ShouldBe([BackPayDueSource.NotYetMember, BackPayDueSource.NotYetMember, BackPayDueSource.Profile, BackPayDueSource.Profile]);
        statement.Total.ShouldBe(2 * 76.50m);
    }

    [Fact]
    public void ApprovedReduction_CapsTheMonthsItCovers()
    {
        var statement = BackPayCalculator.Compute(Member([Profile(2019, 5100m)], [], reductions: [new BackPayReduction(M(2019, 2), M(2019, 2), 0m)]),
            new MonthSpan(M(2019, 1), M(2019, 3))).Value;
        statement.Months[1].Source.ShouldBe(BackPayDueSource.Reduction);
        statement.Total.ShouldBe(2 * 76.50m);
    }

    [Fact]
    public void YearWithoutProfile_UsesTheLedgerLine_OrWarnsWhenThereIsNone()
    {
        var ledger = new List<BackPayLedgerRow> { new(M(2017, 12), 30.00m, 10.00m) };
        var statement = BackPayCalculator.Compute(Member([], ledger), new MonthSpan(M(2017, 11), M(2017, 12))).Value;
        statement.Months.Select(m => (m.Source, m.Owed)).ShouldBe([(BackPayDueSource.NoBase, 0m), (BackPayDueSource.Ledger, 20.00m)]);
        statement.Warnings.Single().ShouldContain("2017 年没有党费基数");
    }

    [Theory]
    [InlineData(2018, 4, 2018, 9, 6, false)]
    [InlineData(2018, 4, 2018, 10, 7, true)]
    [InlineData(2018, 10, 2019, 3, 6, false)] // across the year boundary
    [InlineData(2018, 10, 2019, 4, 7, true)]
    [InlineData(2019, 5, 2019, 5, 1, false)]
    public void UsualPeriod_SixMonthsIsFine_SevenWarns(int fromYear, int fromMonth, int toYear, int toMonth, int count, bool warns)
    {
        var span = new MonthSpan(M(fromYear, fromMonth), M(toYear, toMonth));
        span.Count.ShouldBe(count);
        BackPayRules.ExceedsUsualPeriod(span).ShouldBe(warns);
        (BackPayRules.PeriodWarning(span) is not null).ShouldBe(warns);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public void Statement_WarnsOnlyWhenTheMonthsOwedSpanMoreThanSix(int monthsOwed, bool warns)
    {
        // Months before and after the owed stretch are paid: the warning is about the months the back-payment covers.
        var ledger = Paid(M(2019, 1), 1, 76.50m, 76.50m).Concat(Paid(M(2019, 2), monthsOwed, 76.50m, 0m)).Concat(Paid(M(2019, 2 + monthsOwed), 1, 76.50m, 76.50m)).ToList();
        var statement = BackPayCalculator.Compute(Member([Profile(2019, 5100m)], ledger), new MonthSpan(M(2019, 1), M(2019, 2 + monthsOwed))).Value;
        statement.Covered!.Value.Count.ShouldBe(monthsOwed);
        statement.Total.ShouldBe(monthsOwed * 76.50m);
        (statement.Warnings.Count == 1).ShouldBe(warns);
    }

    [Theory]
    [InlineData("2018-04", 2018, 4)]
    [InlineData("2018-04-17", 2018, 4)]
    [InlineData(" 2019-12 ", 2019, 12)]
    public void ParseMonth_AcceptsAMonthOrAnyDayOfIt(string text, int year, int month) => MonthSpan.ParseMonth(text).ShouldBe(M(year, month));

    [Theory]
    [InlineData("2018-13")]
    [InlineData("四月")]
    [InlineData("")]
    public void ParseMonth_RefusesAnythingElse(string text) => MonthSpan.ParseMonth(text).ShouldBeNull();
}
