using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.WorkLog.CustomIndicators;

namespace Dangjian.Core.Tests.Features.WorkLog.CustomIndicators;

public sealed class CustomIndicatorRuleTests
{
    [Theory]
    [InlineData("drafts", true)]
    [InlineData("D", true)]
    [InlineData("epidemic_spending_2024", true)]
    [InlineData("a_", true)]
    [InlineData("_drafts", false)]
    [InlineData("1drafts", false)]
    [InlineData("drafts-2024", false)]
    [InlineData("drafts.written", false)]
    [InlineData("起草", false)]
    [InlineData("drafts ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Key_IsALetterThenLettersDigitsOrUnderscores(string? key, bool valid) => CustomIndicatorRules.IsValidKey(key).ShouldBe(valid);

    [Fact]
    public void Key_AtMost40Characters()
    {
        CustomIndicatorRules.IsValidKey(new string('a', 40)).ShouldBeTrue();
        CustomIndicatorRules.IsValidKey(new string('a', 41)).ShouldBeFalse();
    }

    [Fact]
    public void Key_ParsesAsAMetricReference()
    {
        MetricRef.Parse("custom.epidemic_spending_2024").IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(CustomAggregation.Sum, MetricAggregation.Sum)]
    [InlineData(CustomAggregation.Count, MetricAggregation.Sum)]
    [InlineData(CustomAggregation.Max, MetricAggregation.Max)]
    public void Definition_CarriesKeyNameUnitAndHowFactsCombine(CustomAggregation aggregation, MetricAggregation expected)
    {
        var indicator = CustomIndicator.Create("drafts", "起草文稿", "篇", "各类文稿", aggregation, 0, 1);
        var definition = CustomIndicatorMetric.Define(indicator);
        (definition.Key, definition.Label, definition.Unit, definition.Kind, definition.Aggregation).ShouldBe(("custom.drafts", "起草文稿", "篇", MetricKind.Flow, expected));
        definition.Dimensions.ShouldBeEmpty();
        definition.Description.ShouldContain("各类文稿");
    }

    [Fact]
    public void Family_IsDiscoveredByTheCatalogue_AndOwnsThePrefix()
    {
        typeof(CustomIndicatorFamily).GetConstructor(Type.EmptyTypes).ShouldNotBeNull();
        new CustomIndicatorFamily().Prefix.ShouldBe("custom.");
        MetricCatalogue.Default.Definitions.ShouldNotContain(d => d.Key.StartsWith("custom.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3, 0, "3")]
    [InlineData(1.5, 2, "1.50")]
    [InlineData(0, 1, "0.0")]
    public void Values_ShowTheIndicatorsDecimals(decimal value, int decimals, string text) => CustomValueFormat.Format(value, decimals).ShouldBe(text);
}
