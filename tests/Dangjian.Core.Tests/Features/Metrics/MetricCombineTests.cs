using Dangjian.Core.Features.Metrics;
using Shouldly;

namespace Dangjian.Core.Tests.Features.Metrics;

public sealed class MetricCombineTests
{
    private static MetricDefinition Definition(MetricAggregation aggregation) =>
        new("test.value", "测试", "个", MetricKind.Flow, [], "测试", aggregation);

    [Fact]
    public void Max_takes_the_largest_fact_even_when_all_are_negative()
    {
        MetricEvaluator.Combine(Definition(MetricAggregation.Max), [new MetricFact(1, null, -3), new MetricFact(2, null, -1)]).ShouldBe(-1);
        MetricEvaluator.Combine(Definition(MetricAggregation.Max), [new MetricFact(1, null, 3), new MetricFact(2, null, 7.5m)]).ShouldBe(7.5m);
        MetricEvaluator.Combine(Definition(MetricAggregation.Max), []).ShouldBe(0);
    }

    [Fact]
    public void Percent_divides_the_sums_not_the_mean_of_rates()
    {
        // 1/1 and 1/3: the mean of rates would be 66.7; the figure is 2/4.
        MetricEvaluator.Combine(Definition(MetricAggregation.Percent), [new MetricFact(1, null, 1, 1), new MetricFact(2, null, 1, 3)]).ShouldBe(50.0m);
        MetricEvaluator.Combine(Definition(MetricAggregation.Percent), [new MetricFact(1, null, 0, 0)]).ShouldBe(0m);
    }
}
