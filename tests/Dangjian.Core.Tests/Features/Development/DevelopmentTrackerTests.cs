using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;

namespace Dangjian.Core.Tests.Features.Development;

/// <summary>Warnings and the next step, computed from progress rows built in memory.</summary>
public sealed class DevelopmentTrackerTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static Candidate Candidate(DateOnly applied, params (int Step, DateOnly On)[] steps)
    {
        var fields = new CandidateFields("李发展", Gender.Male, "汉族", D(2000, 1, 1), "X", null, null, null, EmploymentStatus.Employed, null, null, false, false, applied);
        var c = Dangjian.Core.Features.Development.Candidate.Create(fields, 1);
        c.Steps.Add(CandidateStep.Record(0, 1, 1, applied, new StepDetails()));
        foreach (var (step, on) in steps)
        {
            c.Steps.Add(CandidateStep.Record(0, 1, step, on, new StepDetails()));
            c.SetMilestone(step, on);
        }

        return c;
    }

    private static IReadOnlyList<DevelopmentWarning> Warnings(Candidate c, DateOnly today) => DevelopmentTracker.Warnings(c, DevelopmentPolicy.Default, today);

    [Fact]
    public void Talk_DueWithinAMonth_OverdueTheDayAfter()
    {
        var c = Candidate(D(2026, 3, 10));
        Warnings(c, D(2026, 4, 10)).Single(w => w.Rule == DevelopmentTracker.Rules.TalkDue).Overdue.ShouldBeFalse();
        var overdue = Warnings(c, D(2026, 4, 11)).Single(w => w.Rule == DevelopmentTracker.Rules.TalkDue);
        overdue.Overdue.ShouldBeTrue();
        overdue.DueOn.ShouldBe(D(2026, 4, 10));
        var next = DevelopmentTracker.Next(c, DevelopmentPolicy.Default, D(2026, 4, 1)).ShouldNotBeNull();
        next.Step.ShouldBe(2);
        next.DueOn.ShouldBe(D(2026, 4, 10));
    }

    [Fact]
    public void Activist_ChosenEarly_Warns_AndReviewComesDueEverySixMonths()
    {
        var c = Candidate(D(2025, 1, 10), (2, D(2025, 1, 20)), (3, D(2025, 5, 10)), (4, D(2025, 5, 20)), (5, D(2025, 5, 20)));
        Warnings(c, D(2025, 6, 1)).ShouldContain(w => w.Rule == DevelopmentTracker.Rules.ActivistEarly);
        Warnings(c, D(2025, 10, 10)).ShouldNotContain(w => w.Rule == DevelopmentTracker.Rules.ReviewDue);
        Warnings(c, D(2025, 10, 11)).Single(w => w.Rule == DevelopmentTracker.Rules.ReviewDue).Overdue.ShouldBeFalse();
        Warnings(c, D(2025, 11, 11)).Single(w => w.Rule == DevelopmentTracker.Rules.ReviewDue).Overdue.ShouldBeTrue();

        c.Steps.Add(CandidateStep.Record(0, 1, 6, D(2025, 11, 1), new StepDetails()));
        Warnings(c, D(2025, 11, 11)).ShouldNotContain(w => w.Rule == DevelopmentTracker.Rules.ReviewDue);
        var next = DevelopmentTracker.Next(c, DevelopmentPolicy.Default, D(2025, 11, 11)).ShouldNotBeNull();
        next.Step.ShouldBe(7);
        next.EarliestOn.ShouldBe(D(2026, 5, 10));
    }

    [Fact]
    public void Approval_OverdueAfterThreeMonths_RedoAfterSix()
    {
        var steps = Enumerable.Range(2, 14).Select(n => (n, D(2025, 1, 1).AddDays(n))).ToArray();
        var c = Candidate(D(2023, 1, 1), steps);
        var vote = c.VotedOn!.Value;
        Warnings(c, DevelopmentRules.ApprovalDueOn(vote)).Single(w => w.Rule == DevelopmentTracker.Rules.ApprovalDue).Overdue.ShouldBeFalse();
        Warnings(c, DevelopmentRules.ApprovalDueOn(vote).AddDays(1)).Single(w => w.Rule == DevelopmentTracker.Rules.ApprovalDue).Overdue.ShouldBeTrue();
        Warnings(c, DevelopmentRules.ApprovalLastDay(vote).AddDays(1)).ShouldContain(w => w.Rule == DevelopmentTracker.Rules.ApprovalExpired);
    }

    [Fact]
    public void Probation_EndingWithin30Days_Reminds()
    {
        var steps = Enumerable.Range(2, 16).Select(n => (n, D(2025, 1, 1).AddDays(n))).ToArray();
        var c = Candidate(D(2023, 1, 1), steps);
        var end = c.ProbationEndsOn!.Value;
        end.ShouldBe(c.VotedOn!.Value.AddYears(1));
        Warnings(c, end.AddDays(-31)).ShouldNotContain(w => w.Rule == DevelopmentTracker.Rules.ProbationEnding);
        Warnings(c, end.AddDays(-30)).Single(w => w.Rule == DevelopmentTracker.Rules.ProbationEnding).Overdue.ShouldBeFalse();
        Warnings(c, end.AddDays(1)).Single(w => w.Rule == DevelopmentTracker.Rules.ProbationEnding).Overdue.ShouldBeTrue();
        c.StageOn(end).ShouldBe(CandidateStage.Probationary);
    }
}
