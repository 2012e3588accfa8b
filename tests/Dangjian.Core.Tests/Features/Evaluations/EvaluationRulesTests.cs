using Dangjian.Core.Features.Evaluations;

namespace Dangjian.Core.Tests.Features.Evaluations;

public sealed class EvaluationRulesTests
{
    [Theory]
    [InlineData(3, 9, false)] // exactly one third: "超过" is strict
    [InlineData(4, 9, true)]
    [InlineData(1, 3, false)]
    [InlineData(2, 5, true)] // 40%
    [InlineData(2, 6, false)]
    [InlineData(0, 0, false)]
    [InlineData(1, 1, true)]
    public void ExcellentShareExceeded_StrictlyMoreThanOneThird(int excellent, int graded, bool exceeded) =>
        EvaluationRules.ExcellentShareExceeded(excellent, graded).ShouldBe(exceeded);

    [Fact]
    public void Deadline_DefaultSixMonths_AtMostOneYear_AndAfterOpening()
    {
        var opened = new DateOnly(2026, 1, 15);
        EvaluationRules.DefaultDeadline(opened).ShouldBe(new DateOnly(2026, 7, 15));
        EvaluationRules.DeadlineAllowed(opened, new DateOnly(2027, 1, 15)).ShouldBeTrue();
        EvaluationRules.DeadlineAllowed(opened, new DateOnly(2027, 1, 16)).ShouldBeFalse();
        EvaluationRules.DeadlineAllowed(opened, opened).ShouldBeFalse();
        EvaluationRules.DeadlineAllowed(opened, opened.AddDays(1)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(2025, 2025, 12, 30, true)]
    [InlineData(2025, 2026, 1, 20, true)]
    [InlineData(2025, 2024, 12, 31, false)]
    [InlineData(2025, 2027, 1, 1, false)]
    public void HeldInReviewWindow_TheYearOrTheNext(int year, int y, int m, int d, bool allowed) =>
        EvaluationRules.HeldInReviewWindow(year, new DateOnly(y, m, d)).ShouldBe(allowed);
}
