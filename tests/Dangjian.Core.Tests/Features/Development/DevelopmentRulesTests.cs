using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;

namespace Dangjian.Core.Tests.Features.Development;

/// <summary>Each named rule of domain.md §6 at its boundary (the periods are read as in docs/adr/0015).</summary>
public sealed class DevelopmentRulesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static PersonStanding Full(long id, string name = "党员") => new(id, name + id, MemberCategory.Full, MembershipStatus.Normal, true);

    // Catalogue

    [Fact]
    public void Catalogue_Has25StepsIn5StagesInOrder()
    {
        DevelopmentCatalogue.Steps.Count.ShouldBe(25);
        DevelopmentCatalogue.Steps.Select(s => s.Number).ShouldBe(Enumerable.Range(1, 25));
        DevelopmentCatalogue.Steps.Select(s => s.Stage).Distinct().Count().ShouldBe(5);
        DevelopmentCatalogue.Steps.Select(s => (int)s.Stage).ShouldBeInOrder();
        DevelopmentCatalogue.Steps.Count(s => s.Stage == DevelopmentStage.Application).ShouldBe(2);
        DevelopmentCatalogue.Step(5).Needs(StepFields.Mentors).ShouldBeTrue();
        DevelopmentCatalogue.Step(9).Needs(StepFields.Sponsors).ShouldBeTrue();
        DevelopmentCatalogue.Step(15).Needs(StepFields.Vote).ShouldBeTrue();
        DevelopmentCatalogue.Step(25).Documents.ShouldBe(["入党志愿书", "入党申请书", "政审材料", "转正申请书", "培养教育考察材料"]);
        DevelopmentCatalogue.Steps.ShouldAllBe(s => s.Name.Length > 0 && s.People.Count > 0);
    }

    // 发展对象 after at least one year as an activist

    [Fact]
    public void CheckTargetDate_ExactlyOneYear_Allowed() =>
        DevelopmentRules.CheckTargetDate(D(2023, 5, 10), D(2024, 5, 10)).ShouldBeNull();

    [Fact]
    public void CheckTargetDate_OneDayLess_Refused()
    {
        var error = DevelopmentRules.CheckTargetDate(D(2023, 5, 10), D(2024, 5, 9));
        error.ShouldNotBeNull();
        error.Code.ShouldBe("development.target_too_early");
        error.Message.ShouldContain("2024-05-10");
    }

    [Fact]
    public void CheckTargetDate_ActivistSince29February_AllowedOn28FebruaryNotBefore()
    {
        DevelopmentRules.EarliestTargetOn(D(2020, 2, 29)).ShouldBe(D(2021, 2, 28));
        DevelopmentRules.CheckTargetDate(D(2020, 2, 29), D(2021, 2, 28)).ShouldBeNull();
        DevelopmentRules.CheckTargetDate(D(2020, 2, 29), D(2021, 3, 1)).ShouldBeNull();
        DevelopmentRules.CheckTargetDate(D(2020, 2, 29), D(2021, 2, 27)).ShouldNotBeNull();
        // Into a leap year the corresponding day exists.
        DevelopmentRules.EarliestTargetOn(D(2023, 2, 28)).ShouldBe(D(2024, 2, 28));
    }

    // Talk within a month, activist after 6 months, reviews every 6 months

    [Fact]
    public void TalkLate_OnTheLastDayOfTheMonth_NotLate_DayAfter_Late()
    {
        DevelopmentRules.TalkDueOn(D(2024, 1, 31)).ShouldBe(D(2024, 2, 29));
        DevelopmentRules.TalkLate(D(2024, 1, 31), D(2024, 2, 29)).ShouldBeFalse();
        DevelopmentRules.TalkLate(D(2024, 1, 31), D(2024, 3, 1)).ShouldBeTrue();
        DevelopmentRules.TalkLate(D(2024, 3, 10), D(2024, 4, 10)).ShouldBeFalse();
        DevelopmentRules.TalkLate(D(2024, 3, 10), D(2024, 4, 11)).ShouldBeTrue();
    }

    [Fact]
    public void ActivistTooEarly_SixMonthsToTheDay_NoWarning_DayBefore_Warning()
    {
        DevelopmentRules.ActivistTooEarly(D(2024, 1, 15), D(2024, 7, 15), 6).ShouldBeFalse();
        DevelopmentRules.ActivistTooEarly(D(2024, 1, 15), D(2024, 7, 14), 6).ShouldBeTrue();
        DevelopmentRules.ActivistTooEarly(D(2024, 1, 15), D(2024, 4, 15), 3).ShouldBeFalse();
    }

    [Fact]
    public void ReviewDueOn_SixMonthsAfterTheLast() =>
        DevelopmentRules.ReviewDueOn(D(2024, 8, 31)).ShouldBe(D(2025, 2, 28));

    // People

    [Fact]
    public void CheckMentors_OneOrTwoFullMembers_Allowed_OtherwiseRefused()
    {
        DevelopmentRules.CheckMentors([Full(1)]).ShouldBeNull();
        DevelopmentRules.CheckMentors([Full(1), Full(2)]).ShouldBeNull();
        DevelopmentRules.CheckMentors([]).ShouldNotBeNull().Code.ShouldBe("development.mentor_count");
        DevelopmentRules.CheckMentors([Full(1), Full(2), Full(3)]).ShouldNotBeNull().Code.ShouldBe("development.mentor_count");
        DevelopmentRules.CheckMentors([Full(1), Full(1)]).ShouldNotBeNull().Code.ShouldBe("development.mentor_count");
        DevelopmentRules.CheckMentors([Full(1) with { Category = MemberCategory.Probationary }]).ShouldNotBeNull().Code.ShouldBe("development.not_full_member");
    }

    [Fact]
    public void CheckSponsors_TwoFullMembersNotUnderProbationPunishment_Allowed_OtherwiseRefused()
    {
        DevelopmentRules.CheckSponsors([Full(1), Full(2)]).ShouldBeNull();
        DevelopmentRules.CheckSponsors([Full(1)]).ShouldNotBeNull().Code.ShouldBe("development.sponsor_count");
        DevelopmentRules.CheckSponsors([Full(1), Full(2), Full(3)]).ShouldNotBeNull().Code.ShouldBe("development.sponsor_count");
        DevelopmentRules.CheckSponsors([Full(1), Full(1)]).ShouldNotBeNull().Code.ShouldBe("development.sponsor_count");
        var punished = DevelopmentRules.CheckSponsors([Full(1), Full(2) with { Status = MembershipStatus.OnProbationPunishment }]);
        punished.ShouldNotBeNull().Code.ShouldBe("development.sponsor_punished");
        punished.Message.ShouldContain("留党察看");
        DevelopmentRules.CheckSponsors([Full(1), Full(2) with { Category = MemberCategory.Probationary }]).ShouldNotBeNull().Code.ShouldBe("development.not_full_member");
        DevelopmentRules.CheckSponsors([Full(1), Full(2) with { Status = MembershipStatus.Suspended }]).ShouldNotBeNull().Code.ShouldBe("development.not_full_member");
        DevelopmentRules.CheckSponsors([Full(1), Full(2) with { IsActive = false }]).ShouldNotBeNull().Code.ShouldBe("development.not_full_member");
    }

    // 政审 and training

    [Fact]
    public void CheckPoliticalReview_OnlyPassedAllowed()
    {
        DevelopmentRules.CheckPoliticalReview(true).ShouldBeNull();
        DevelopmentRules.CheckPoliticalReview(false).ShouldNotBeNull().Message.ShouldContain("政治审查");
        DevelopmentRules.CheckPoliticalReview(null).ShouldNotBeNull();
    }

    [Fact]
    public void CheckTraining_ThreeDaysOr24Hours_Allowed_LessRefused()
    {
        DevelopmentRules.CheckTraining(3, null).ShouldBeNull();
        DevelopmentRules.CheckTraining(null, 24).ShouldBeNull();
        DevelopmentRules.CheckTraining(2, 24).ShouldBeNull();
        DevelopmentRules.CheckTraining(2, 23).ShouldNotBeNull().Code.ShouldBe("development.training_short");
        DevelopmentRules.CheckTraining(null, null).ShouldNotBeNull();
    }

    [Fact]
    public void LeavesUnitSoon_WithinThreeMonthsInclusive()
    {
        DevelopmentRules.LeavesUnitSoon(D(2024, 5, 31), D(2024, 8, 31)).ShouldBeTrue();
        DevelopmentRules.LeavesUnitSoon(D(2024, 5, 31), D(2024, 9, 1)).ShouldBeFalse();
        DevelopmentRules.LeavesUnitSoon(D(2024, 5, 31), null).ShouldBeFalse();
    }

    // 公示 on the holiday calendar (the seeded calendar itself is tested against the database)

    [Fact]
    public void CheckPublicNotice_FiveWorkingDaysAcrossNationalDay2024()
    {
        // 2024 国庆: 10-01..10-07 off, Sunday 09-29 and Saturday 10-12 are 调休上班.
        var calendar = new WorkingDayCalendar(Enumerable.Range(1, 7).Select(d => (D(2024, 10, d), false)).Append((D(2024, 9, 29), true)).Append((D(2024, 10, 12), true)));
        calendar.WorkingDaysBetween(D(2024, 9, 27), D(2024, 10, 8)).ShouldBe(4); // 09-27, 09-29, 09-30, 10-08
        calendar.EndOfWorkingDays(D(2024, 9, 27), 5).ShouldBe(D(2024, 10, 9));
        DevelopmentRules.CheckPublicNotice(D(2024, 9, 27), D(2024, 10, 8), D(2024, 10, 10), calendar, 5).ShouldNotBeNull().Code.ShouldBe("development.notice_short");
        DevelopmentRules.CheckPublicNotice(D(2024, 9, 27), D(2024, 10, 9), D(2024, 10, 10), calendar, 5).ShouldBeNull();
        // Counted on the week alone the same days would look like 8 working days.
        WorkingDayCalendar.WeekOnly.WorkingDaysBetween(D(2024, 9, 27), D(2024, 10, 8)).ShouldBe(8);
    }

    [Fact]
    public void CheckPublicNotice_MissingReversedOrAfterTheStep_Refused()
    {
        var week = WorkingDayCalendar.WeekOnly;
        DevelopmentRules.CheckPublicNotice(null, D(2024, 3, 8), D(2024, 3, 9), week, 5).ShouldNotBeNull().Code.ShouldBe("development.notice_required");
        DevelopmentRules.CheckPublicNotice(D(2024, 3, 8), D(2024, 3, 4), D(2024, 3, 9), week, 5).ShouldNotBeNull().Code.ShouldBe("development.notice_order");
        DevelopmentRules.CheckPublicNotice(D(2024, 3, 4), D(2024, 3, 8), D(2024, 3, 7), week, 5).ShouldNotBeNull().Code.ShouldBe("development.notice_after");
        DevelopmentRules.CheckPublicNotice(D(2024, 3, 4), D(2024, 3, 8), D(2024, 3, 8), week, 5).ShouldBeNull();
    }

    // 支部大会 votes through the one majority rule

    [Fact]
    public void CheckVote_QuorumIsMoreThanHalfOfExpected()
    {
        DevelopmentRules.CheckVote(new VoteCount(10, 5, 5, 0, 0, WrittenYes: 3)).ShouldNotBeNull().Code.ShouldBe("development.no_quorum");
        DevelopmentRules.CheckVote(new VoteCount(10, 6, 6, 0, 0)).ShouldBeNull();
    }

    [Fact]
    public void CheckVote_YesMustExceedHalfOfExpected_NotOfPresent()
    {
        DevelopmentRules.CheckVote(new VoteCount(10, 8, 5, 3, 0)).ShouldNotBeNull().Code.ShouldBe("development.vote_failed");
        DevelopmentRules.CheckVote(new VoteCount(10, 8, 6, 2, 0)).ShouldBeNull();
    }

    [Fact]
    public void CheckVote_WrittenOpinionsOfAbsentVotersCount()
    {
        DevelopmentRules.CheckVote(new VoteCount(10, 6, 4, 2, 0, WrittenYes: 2)).ShouldBeNull();
        DevelopmentRules.CheckVote(new VoteCount(10, 6, 4, 2, 0, WrittenYes: 1, WrittenNo: 3)).ShouldNotBeNull().Code.ShouldBe("development.vote_failed");
        DevelopmentRules.CheckVote(new VoteCount(10, 6, 4, 2, 0, WrittenYes: 5)).ShouldNotBeNull().Code.ShouldBe("development.vote_impossible");
        DevelopmentRules.CheckVote(new VoteCount(10, 6, 5, 2, 0)).ShouldNotBeNull().Code.ShouldBe("development.vote_impossible");
        DevelopmentRules.CheckVote(null).ShouldNotBeNull().Code.ShouldBe("development.vote_required");
    }

    // Upper approval

    [Fact]
    public void CheckApproval_OnTheLastDayOfSixMonths_Allowed_DayAfter_MustBeRedone()
    {
        DevelopmentRules.ApprovalDueOn(D(2024, 8, 31)).ShouldBe(D(2024, 11, 30));
        DevelopmentRules.ApprovalLastDay(D(2024, 8, 31)).ShouldBe(D(2025, 2, 28));
        DevelopmentRules.CheckApproval(D(2024, 8, 31), D(2025, 2, 28)).ShouldBeNull();
        var error = DevelopmentRules.CheckApproval(D(2024, 8, 31), D(2025, 3, 1));
        error.ShouldNotBeNull().Code.ShouldBe("development.approval_redo");
        error.Message.ShouldContain("重新履行");
    }

    // Probation, 转正, extension

    [Fact]
    public void ProbationEndsOn_ExactlyOneYearAfterTheVote()
    {
        DevelopmentRules.ProbationEndsOn(D(2024, 3, 15)).ShouldBe(D(2025, 3, 15));
        DevelopmentRules.ProbationEndsOn(D(2020, 2, 29)).ShouldBe(D(2021, 2, 28));
        DevelopmentRules.ProbationEndsOn(D(2024, 3, 15), 6).ShouldBe(D(2025, 9, 15));
        DevelopmentRules.ProbationEndsOn(D(2024, 3, 31), 6).ShouldBe(D(2025, 9, 30));
    }

    [Fact]
    public void CheckConfirmationVote_OnTheEndDay_Allowed_OneDayEarly_Refused()
    {
        var end = DevelopmentRules.ProbationEndsOn(D(2024, 3, 15));
        DevelopmentRules.CheckConfirmationVote(end, D(2025, 3, 15)).ShouldBeNull();
        var error = DevelopmentRules.CheckConfirmationVote(end, D(2025, 3, 14));
        error.ShouldNotBeNull().Code.ShouldBe("development.confirm_too_early");
        error.Message.ShouldContain("2025-03-15");
    }

    [Fact]
    public void CheckExtension_OnceBySixToTwelveMonths()
    {
        DevelopmentRules.CheckExtension(false, 6).ShouldBeNull();
        DevelopmentRules.CheckExtension(false, 12).ShouldBeNull();
        DevelopmentRules.CheckExtension(false, 5).ShouldNotBeNull().Code.ShouldBe("development.extension_months");
        DevelopmentRules.CheckExtension(false, 13).ShouldNotBeNull().Code.ShouldBe("development.extension_months");
        DevelopmentRules.CheckExtension(true, 6).ShouldNotBeNull().Code.ShouldBe("development.extended_once");
    }
}
