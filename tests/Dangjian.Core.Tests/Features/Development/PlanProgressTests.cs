using Dangjian.Core.Features.Development;

namespace Dangjian.Core.Tests.Features.Development;

public sealed class PlanProgressTests
{
    [Theory]
    [InlineData(null, null, 3, PlanProgress.NoPlan, "未制定计划")]
    [InlineData(3, 5, 2, PlanProgress.Behind, "未完成")]
    [InlineData(3, 5, 3, PlanProgress.Met, "已完成")]
    [InlineData(3, 5, 5, PlanProgress.Met, "已完成")]
    [InlineData(3, 5, 6, PlanProgress.Exceeded, "超出")]
    [InlineData(2, null, 2, PlanProgress.Met, "已完成")]
    [InlineData(2, 2, 3, PlanProgress.Exceeded, "超出")]
    [InlineData(0, 0, 0, PlanProgress.Met, "已完成")]
    public void Of_ARangeIsMetFromItsLowerBound_AndExceededOnlyBeyondItsUpperBound(int? minimum, int? maximum, int admitted, PlanProgress expected, string label)
    {
        var progress = PlanProgressRules.Of(minimum, maximum, admitted);
        progress.ShouldBe(expected);
        progress.Label().ShouldBe(label);
    }
}
