namespace Dangjian.Core.Features.Development;

/// <summary>
/// One calendar of the 25 steps that keeps every rule (domain.md §6), counted from the day of application: 积极分子 after six
/// months, 发展对象 a year later, the 支部大会 vote 45 days after that, approval within a month, 转正 on the day the probation
/// ends (about 2 years 9 months in all). The demo seed and the tests place people on the pipeline with it, so a change to a
/// rule that the schedule no longer keeps fails them all in one place.
/// </summary>
public static class CompliantSchedule
{
    public static DateOnly On(DateOnly applied, int step)
    {
        var activist = applied.AddMonths(6);
        var target = activist.AddYears(1);
        var vote = target.AddDays(45);
        return step switch
        {
            DevelopmentCatalogue.Application => applied,
            DevelopmentCatalogue.ApplicationTalk => applied.AddDays(10),
            DevelopmentCatalogue.ActivistChosen => activist,
            <= DevelopmentCatalogue.MentorsNamed => activist.AddDays(5),
            DevelopmentCatalogue.ActivistReview => applied.AddYears(1),
            DevelopmentCatalogue.TargetChosen => target,
            <= DevelopmentCatalogue.SponsorsNamed => target.AddDays(5),
            DevelopmentCatalogue.PoliticalReview => target.AddDays(10),
            DevelopmentCatalogue.Training => target.AddDays(15),
            DevelopmentCatalogue.CommitteeReview => target.AddDays(30),
            DevelopmentCatalogue.PreReview => target.AddDays(35),
            DevelopmentCatalogue.VolunteerForm => target.AddDays(40),
            DevelopmentCatalogue.AdmissionVote => vote,
            DevelopmentCatalogue.UpperTalk => vote.AddDays(5),
            DevelopmentCatalogue.UpperApproval => vote.AddDays(30),
            <= DevelopmentCatalogue.ProbationEducation => vote.AddDays(30 + (step - DevelopmentCatalogue.UpperApproval) * 5),
            DevelopmentCatalogue.ConfirmationApplication => vote.AddYears(1).AddDays(-10),
            DevelopmentCatalogue.ConfirmationVote => vote.AddYears(1),
            DevelopmentCatalogue.ConfirmationApproval => vote.AddYears(1).AddDays(20),
            _ => vote.AddYears(1).AddDays(30),
        };
    }

    /// <summary>The application day that puts the 支部大会 vote on <paramref name="vote"/>.</summary>
    public static DateOnly AppliedForVoteOn(DateOnly vote) => vote.AddDays(-45).AddMonths(-18);
}
