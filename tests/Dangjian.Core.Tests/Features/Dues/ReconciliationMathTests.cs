using Dangjian.Core.Features.Dues;

namespace Dangjian.Core.Tests.Features.Dues;

public sealed class ReconciliationMathTests
{
    [Theory]
    [InlineData("123.45", "0", "10", "111.11")] // 111.105 → half-up 111.11
    [InlineData("123.45", "1000", "10", "1111.11")] // 大额党费 goes up in full, never reduced by the held share
    [InlineData("0.05", "0", "50", "0.03")] // 0.025 → 0.03
    [InlineData("100", "0", "0", "100")] // no settings: everything goes up
    [InlineData("100", "0", "100", "0")]
    [InlineData("0", "2000", "30", "2000")]
    public void ExpectedRemittance_KeepsTheHeldShareOfRegularDuesOnly_RoundedToTheFen(string regular, string large, string percent, string expected) =>
        ReconciliationMath.ExpectedRemittance(decimal.Parse(regular), decimal.Parse(large), decimal.Parse(percent)).ShouldBe(decimal.Parse(expected));

    [Fact]
    public void Figures_TwoCollectingOrganizations_RoundEachThenSum_ToTheFen()
    {
        var figures = ReconciliationMath.Figures(
            [new CollectedAt(1, 100.01m, 1000m, 10m), new CollectedAt(2, 200.05m, 0m, 15m)], remitted: 1200.00m, largeRemitted: 1000m);

        // By hand: 100.01 × 90% = 90.009 → 90.01; 200.05 × 85% = 170.0425 → 170.04; plus 1000 大额: 1260.05 expected.
        figures.Regular.ShouldBe(300.06m);
        figures.Large.ShouldBe(1000m);
        figures.Collected.ShouldBe(1300.06m);
        figures.Expected.ShouldBe(1260.05m);
        figures.Held.ShouldBe(100.06m);
        figures.Difference.ShouldBe(60.05m);
        figures.LargeOutstanding.ShouldBe(0m);
    }

    [Fact]
    public void Figures_RemittedMoreThanExpected_DifferenceIsNegative()
    {
        var figures = ReconciliationMath.Figures([new CollectedAt(1, 50m, 0m, 0m)], remitted: 60m, largeRemitted: 0m);
        figures.Difference.ShouldBe(-10m);
        figures.Held.ShouldBe(-10m);
    }

    [Theory]
    [InlineData(1, 1, 1, 1, true)]
    [InlineData(1, 1, 1, 3, true)]
    [InlineData(4, 1, 6, 1, true)]
    [InlineData(2, 1, 4, 1, false)] // three months that are not a calendar quarter
    [InlineData(1, 1, 2, 1, false)] // two months
    [InlineData(10, 1, 12, 1, true)]
    public void RemittancePeriod_IsOneMonthOrOneCalendarQuarter(int fromMonth, int fromDay, int toMonth, int toDay, bool accepted)
    {
        var span = MonthSpan.Of(new DateOnly(2025, fromMonth, fromDay), new DateOnly(2025, toMonth, toDay));
        RemittanceRules.IsMonthOrQuarter(span).ShouldBe(accepted);
    }
}
