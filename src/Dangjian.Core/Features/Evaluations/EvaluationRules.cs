namespace Dangjian.Core.Features.Evaluations;

/// <summary>
/// The rules of 民主评议党员 (domain.md §4, 《党员教育管理工作条例》 第二十九条 and the 民主评议党员 practice it refers to).
/// </summary>
public static class EvaluationRules
{
    /// <summary>限期改正 runs 6 months by default ([default]).</summary>
    public const int DefaultCorrectionMonths = 6;

    /// <summary>限期改正 lasts at most 1 year ([fixed]).</summary>
    public const int MaximumCorrectionYears = 1;

    /// <summary>
    /// 优秀 is normally at most one third of those graded ([fixed], warn only). "超过" is strict: exactly one third is fine.
    /// Compared in integers (3 × 优秀 &gt; graded) so no rounding can move the boundary.
    /// </summary>
    public static bool ExcellentShareExceeded(int excellent, int graded) => graded > 0 && excellent * 3 > graded;

    public static string ExcellentShareWarning(int excellent, int graded) =>
        $"评为优秀的 {excellent} 名，超过评定等次人数（{graded} 名）的三分之一；优秀比例一般不超过三分之一，请核实";

    public static DateOnly DefaultDeadline(DateOnly openedOn) => openedOn.AddMonths(DefaultCorrectionMonths);

    public static DateOnly LatestDeadline(DateOnly openedOn) => openedOn.AddYears(MaximumCorrectionYears);

    /// <summary>A 限期改正 deadline lies after the day the case opened and no later than one year from it (the anniversary itself is allowed).</summary>
    public static bool DeadlineAllowed(DateOnly openedOn, DateOnly deadline) => deadline > openedOn && deadline <= LatestDeadline(openedOn);

    /// <summary>The 民主评议 for a year is held in that year or early in the next (reviewing a whole year often happens in January).</summary>
    public static bool HeldInReviewWindow(int year, DateOnly heldOn) => heldOn.Year == year || heldOn.Year == year + 1;
}
