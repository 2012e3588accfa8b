using Dangjian.Core.Features.Dues;

namespace Dangjian.Core.Tests.Features.Dues;

public sealed class DuesCalculatorTests
{
    private static decimal Monthly(DuesMemberType type, decimal? b, decimal? fixedAmount = null) => DuesCalculator.Monthly(type, b, fixedAmount).Value.Monthly;

    [Theory]
    [InlineData("5100", "76.50")] // official example
    [InlineData("4900", "49.00")] // official example
    [InlineData("3000", "15.00")]
    [InlineData("3000.01", "30.00")]
    [InlineData("5000", "50.00")]
    [InlineData("5000.01", "75.00")]
    [InlineData("10000", "150.00")]
    [InlineData("10000.01", "200.00")]
    [InlineData("0", "0.00")]
    [InlineData("1234.57", "6.17")] // 6.17285 → 6.17
    [InlineData("3333.50", "33.34")] // 33.335 → half-up 33.34
    public void Salaried_RateAppliesToTheWholeBase_WithACliffAtEachTier(string @base, string expected) =>
        Monthly(DuesMemberType.Salaried, decimal.Parse(@base)).ShouldBe(decimal.Parse(expected));

    [Theory]
    [InlineData("5000", "25.00")]
    [InlineData("5000.01", "50.00")]
    [InlineData("3000", "15.00")]
    public void Retired_HalfPercentUpTo5000_OnePercentAbove(string pension, string expected) =>
        Monthly(DuesMemberType.Retired, decimal.Parse(pension)).ShouldBe(decimal.Parse(expected));

    [Theory]
    [InlineData(DuesMemberType.Student)]
    [InlineData(DuesMemberType.Unemployed)]
    [InlineData(DuesMemberType.Relief)]
    public void MinimalTypes_PayTwentyFen_WhateverTheBase(DuesMemberType type)
    {
        Monthly(type, null).ShouldBe(0.20m);
        Monthly(type, 8000m).ShouldBe(0.20m);
    }

    [Theory]
    [InlineData("0.2", true)]
    [InlineData("1.0", true)]
    [InlineData("0.5", true)]
    [InlineData("0.19", false)]
    [InlineData("1.01", false)]
    [InlineData("0.555", false)]
    public void Farmers_ChooseBetweenTwentyFenAndOneYuan(string amount, bool accepted)
    {
        var result = DuesCalculator.Monthly(DuesMemberType.Farmer, null, decimal.Parse(amount));
        result.IsSuccess.ShouldBe(accepted);
        if (accepted) result.Value.Monthly.ShouldBe(decimal.Parse(amount));
        else result.FirstError.Message.ShouldContain("0.2 元至 1 元");
    }

    [Fact]
    public void Farmer_WithoutAChosenAmount_IsRefused() =>
        DuesCalculator.Monthly(DuesMemberType.Farmer, null).FirstError.Code.ShouldBe("dues.farmer_amount_required");

    [Theory]
    [InlineData("50000", null)] // 1000.00: not above 1000
    [InlineData("50000.50", "超过一般上限 1000 元")] // 1000.01
    public void AboveOneThousandAMonth_Warns_ButIsNotRefused(string @base, string? warning)
    {
        var amount = DuesCalculator.Monthly(DuesMemberType.Salaried, decimal.Parse(@base)).Value;
        if (warning is null) amount.Warning.ShouldBeNull();
        else amount.Warning!.ShouldContain(warning);
    }

    [Theory]
    [InlineData("-1", "不能为负数")]
    [InlineData("abc", "不是有效的金额")]
    [InlineData("12.345", "最多两位小数")]
    [InlineData("", "请填写")]
    [InlineData("1e3", "不是有效的金额")]
    public void BadBases_AreRefusedInChinese(string text, string message) =>
        DuesCalculator.ParseAmount(text).FirstError.Message.ShouldContain(message);

    [Theory]
    [InlineData("5,100.00", "5100")]
    [InlineData(" 4900 ", "4900")]
    public void Bases_AcceptThousandsSeparators(string text, string expected) =>
        DuesCalculator.ParseAmount(text).Value.ShouldBe(decimal.Parse(expected));

    [Fact]
    public void NegativeBase_IsRefused_ByTheCalculatorToo() =>
        DuesCalculator.Monthly(DuesMemberType.Salaried, -0.01m).FirstError.Code.ShouldBe("dues.base_negative");

    [Fact]
    public void Base_IsGrossLessTaxInsuranceBothPartsAnnuityAndAllowances()
    {
        var parts = new DuesBaseParts(9000m, 210.50m, 1100m, 1500m, 400m, 689.50m);
        DuesCalculator.Base(parts).Value.ShouldBe(5100m);
        DuesCalculator.Monthly(DuesMemberType.Salaried, DuesCalculator.Base(parts).Value).Value.Monthly.ShouldBe(76.50m);
    }

    [Fact]
    public void Base_WithDeductionsAbovePay_IsRefused() =>
        DuesCalculator.Base(new DuesBaseParts(1000m, 0, 600m, 600m, 0, 0)).FirstError.Code.ShouldBe("dues.deductions_exceed_pay");

    [Theory]
    [InlineData("999.99", false)]
    [InlineData("1000", true)]
    public void LargeVoluntaryPayment_StartsAtOneThousandInclusive(string amount, bool large) =>
        DuesCalculator.IsLargeVoluntary(decimal.Parse(amount)).ShouldBe(large);
}
