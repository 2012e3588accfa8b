using Dangjian.Core.Features.Obligations;
using Dangjian.Core.Features.Organizations;
using static Dangjian.Core.Features.Obligations.ObligationFrequency;

namespace Dangjian.Core.Tests.Features.Obligations;

public sealed class ObligationCalendarTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Containing_October31_IsOctober_November1_IsNovember()
    {
        var october = ObligationCalendar.Containing(Monthly, D(2025, 10, 31));
        october.ShouldBe(new Occurrence(Monthly, D(2025, 10, 1), D(2025, 10, 31)));
        october.Contains(D(2025, 11, 1)).ShouldBeFalse();
        ObligationCalendar.Containing(Monthly, D(2025, 11, 1)).Start.ShouldBe(D(2025, 11, 1));
        october.Label.ShouldBe("2025年10月");
    }

    [Theory]
    [InlineData(3, 31, 1)]
    [InlineData(4, 1, 2)]
    [InlineData(9, 30, 3)]
    [InlineData(10, 1, 4)]
    [InlineData(12, 31, 4)]
    public void Quarter_LastDayBelongsToItsQuarter(int month, int day, int quarter)
    {
        var q = ObligationCalendar.Containing(Quarterly, D(2026, month, day));
        q.Start.ShouldBe(D(2026, (quarter - 1) * 3 + 1, 1));
        q.End.ShouldBe(q.Start.AddMonths(3).AddDays(-1));
        q.Contains(D(2026, month, day)).ShouldBeTrue();
    }

    [Fact]
    public void Labels_FollowUiFormats()
    {
        ObligationCalendar.Containing(Quarterly, D(2020, 8, 1)).Label.ShouldBe("2020年第三季度");
        ObligationCalendar.Containing(Yearly, D(2020, 8, 1)).Label.ShouldBe("2020年");
        ObligationCalendar.Containing(Quarterly, D(2020, 8, 1)).CurrentLabel.ShouldBe("本季度");
        ObligationCalendar.Containing(Monthly, D(2020, 2, 29)).End.ShouldBe(D(2020, 2, 29));
    }

    [Fact]
    public void Overlapping_IncludesPartlyCoveredOccurrencesAtBothEnds()
    {
        ObligationCalendar.Overlapping(Monthly, D(2026, 1, 15), D(2026, 3, 1)).Select(o => o.Start.Month).ShouldBe([1, 2, 3]);
        ObligationCalendar.Overlapping(Quarterly, D(2025, 12, 31), D(2026, 1, 1)).Select(o => o.Label).ShouldBe(["2025年第四季度", "2026年第一季度"]);
        ObligationCalendar.Overlapping(Yearly, D(2026, 1, 1), D(2026, 12, 31)).Count.ShouldBe(1);
        ObligationCalendar.Overlapping(Monthly, D(2026, 3, 1), D(2026, 2, 1)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, 1, "2026-10-15", ComplianceStatus.Met)]
    [InlineData(2, 1, "2026-11-30", ComplianceStatus.Met)]
    [InlineData(1, 2, "2026-11-01", ComplianceStatus.Overdue)]
    [InlineData(0, 1, "2026-10-31", ComplianceStatus.DueSoon)]
    [InlineData(0, 1, "2026-10-25", ComplianceStatus.DueSoon)]
    [InlineData(0, 1, "2026-10-24", ComplianceStatus.Pending)]
    [InlineData(0, 1, "2026-11-01", ComplianceStatus.Overdue)]
    [InlineData(0, 1, "2026-09-01", ComplianceStatus.Pending)]
    public void StatusOf_October_AtTheEdges(int count, int minCount, string today, ComplianceStatus expected)
    {
        var october = ObligationCalendar.Containing(Monthly, D(2026, 10, 1));
        ObligationCalendar.StatusOf(october, count, minCount, DateOnly.Parse(today)).ShouldBe(expected);
    }

    [Fact]
    public void DaysLeft_CountsToday_DueSoonIsTheLastSevenDays()
    {
        var october = ObligationCalendar.Containing(Monthly, D(2026, 10, 1));
        ObligationCalendar.DaysLeft(october, D(2026, 10, 31)).ShouldBe(1);
        ObligationCalendar.DaysLeft(october, D(2026, 10, 25)).ShouldBe(ObligationCalendar.DueSoonDays);
        ObligationCalendar.DaysLeft(october, D(2026, 11, 1)).ShouldBe(0);
    }

    [Fact]
    public void ReferenceDate_IsTheLastDay_OrTodayWhileRunning()
    {
        var q3 = ObligationCalendar.Containing(Quarterly, D(2026, 8, 1));
        ObligationCalendar.ReferenceDate(q3, D(2026, 8, 15)).ShouldBe(D(2026, 8, 15));
        ObligationCalendar.ReferenceDate(q3, D(2026, 12, 1)).ShouldBe(D(2026, 9, 30));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("2026-10-01", null, true)]
    [InlineData("2026-10-02", null, false)]
    [InlineData(null, "2026-11-01", true)]
    [InlineData(null, "2026-10-31", false)]
    public void ExistedThroughout_FoundedOnTheFirstDay_DissolvedAfterTheLast(string? founded, string? dissolved, bool expected)
    {
        var october = ObligationCalendar.Containing(Monthly, D(2026, 10, 1));
        ObligationCalendar.ExistedThroughout(october, founded is null ? null : DateOnly.Parse(founded), dissolved is null ? null : DateOnly.Parse(dissolved)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(ObligationTarget.Branches, OrganizationKind.Branch, true)]
    [InlineData(ObligationTarget.Branches, OrganizationKind.JointBranch, true)]
    [InlineData(ObligationTarget.Branches, OrganizationKind.TemporaryBranch, true)]
    [InlineData(ObligationTarget.Branches, OrganizationKind.GeneralBranch, false)]
    [InlineData(ObligationTarget.BranchesWithCommittee, OrganizationKind.Branch, true)]
    [InlineData(ObligationTarget.Groups, OrganizationKind.Group, true)]
    [InlineData(ObligationTarget.Groups, OrganizationKind.Branch, false)]
    [InlineData(ObligationTarget.Committees, OrganizationKind.Committee, true)]
    [InlineData(ObligationTarget.Committees, OrganizationKind.LeadingGroup, true)]
    [InlineData(ObligationTarget.Committees, OrganizationKind.WorkingCommittee, true)]
    [InlineData(ObligationTarget.Committees, OrganizationKind.GeneralBranch, false)]
    public void KindMatches_Targets(ObligationTarget target, OrganizationKind kind, bool expected) =>
        ObligationCalendar.KindMatches(target, kind).ShouldBe(expected);

    [Fact]
    public void Aggregate_WorstProblemWins()
    {
        ObligationCalendar.Aggregate([ComplianceStatus.Met, ComplianceStatus.Overdue, ComplianceStatus.DueSoon]).ShouldBe(ComplianceStatus.Overdue);
        ObligationCalendar.Aggregate([ComplianceStatus.Met, ComplianceStatus.DueSoon]).ShouldBe(ComplianceStatus.DueSoon);
        ObligationCalendar.Aggregate([ComplianceStatus.Met, ComplianceStatus.Pending]).ShouldBe(ComplianceStatus.Met);
        ObligationCalendar.Aggregate([ComplianceStatus.Pending, ComplianceStatus.NotApplicable]).ShouldBe(ComplianceStatus.Pending);
        ObligationCalendar.Aggregate([]).ShouldBe(ComplianceStatus.NotApplicable);
    }
}
