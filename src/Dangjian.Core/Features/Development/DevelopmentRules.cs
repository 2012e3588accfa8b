using Dangjian.Core.Common;
using Dangjian.Core.Features.Members;

namespace Dangjian.Core.Features.Development;

/// <summary>A member named as 培养联系人 or 入党介绍人, as the rules need to see them on the day.</summary>
public sealed record PersonStanding(long MemberId, string Name, MemberCategory Category, MembershipStatus Status, bool IsActive);

/// <summary>
/// The named rules of 《中国共产党发展党员工作细则》 (domain.md §6), each separately testable. Hard rules return an
/// <see cref="Error"/> (null when kept); warning rules return a bool or a due date that <see cref="DevelopmentTracker"/> turns
/// into warnings.
/// <para>
/// Periods in years and months end on the corresponding day of the last month, or the month's last day when there is none
/// (《民法典》第二百零二条; docs/adr/0015-development-anniversaries.md): a year from 2020-02-29 is complete on 2021-02-28.
/// That is exactly <see cref="DateOnly.AddYears"/> and <see cref="DateOnly.AddMonths"/>.
/// </para>
/// </summary>
public static class DevelopmentRules
{
    /// <summary>《细则》第九条: 党组织应当在一个月内派人同入党申请人谈话. Warning when missed.</summary>
    public static DateOnly TalkDueOn(DateOnly applicationDate) => applicationDate.AddMonths(1);

    public static bool TalkLate(DateOnly applicationDate, DateOnly talkedOn) => talkedOn > TalkDueOn(applicationDate);

    /// <summary>[default] An activist is usually chosen no earlier than 6 months after the application; earlier is a warning.</summary>
    public static bool ActivistTooEarly(DateOnly applicationDate, DateOnly activistOn, int months) => activistOn < applicationDate.AddMonths(months);

    /// <summary>《细则》第十四条: 党支部每半年对入党积极分子进行一次考察. The next review is due 6 months after the last (or after being chosen).</summary>
    public static DateOnly ReviewDueOn(DateOnly lastReviewOrChosen) => lastReviewOrChosen.AddMonths(6);

    /// <summary>How many days before a due date a reminder shows.</summary>
    public const int ReminderDays = 30;

    /// <summary>《细则》第十五条: 经过一年以上培养教育和考察. Exactly one year is enough (the anniversary itself is allowed).</summary>
    public static DateOnly EarliestTargetOn(DateOnly activistOn) => activistOn.AddYears(1);

    public static Error? CheckTargetDate(DateOnly activistOn, DateOnly targetOn) =>
        targetOn < EarliestTargetOn(activistOn) ? DevelopmentErrors.TargetTooEarly(activistOn, EarliestTargetOn(activistOn)) : null;

    /// <summary>《细则》第十二条: 1–2 正式党员 as 培养联系人.</summary>
    public static Error? CheckMentors(IReadOnlyList<PersonStanding> mentors)
    {
        if (mentors.Count is < 1 or > 2 || mentors.Select(m => m.MemberId).Distinct().Count() != mentors.Count) return DevelopmentErrors.MentorCount;
        foreach (var m in mentors)
        {
            if (!IsFullMember(m)) return DevelopmentErrors.PersonNotFullMember(m.Name, CandidatePersonRole.Mentor.Label());
        }

        return null;
    }

    /// <summary>《细则》第十八条: 2 正式党员 as 入党介绍人; 受留党察看处分、尚未恢复党员权利的党员，不能作入党介绍人.</summary>
    public static Error? CheckSponsors(IReadOnlyList<PersonStanding> sponsors)
    {
        if (sponsors.Count != 2 || sponsors[0].MemberId == sponsors[1].MemberId) return DevelopmentErrors.SponsorCount;
        foreach (var s in sponsors)
        {
            if (s.IsActive && s.Status == MembershipStatus.OnProbationPunishment) return DevelopmentErrors.SponsorOnProbationPunishment(s.Name);
            if (!IsFullMember(s)) return DevelopmentErrors.PersonNotFullMember(s.Name, CandidatePersonRole.Sponsor.Label());
        }

        return null;
    }

    private static bool IsFullMember(PersonStanding p) => p.IsActive && p.Category == MemberCategory.Full && p.Status == MembershipStatus.Normal;

    /// <summary>《细则》第十九条: 政治审查未通过的不能发展入党.</summary>
    public static Error? CheckPoliticalReview(bool? passed) => passed == true ? null : DevelopmentErrors.PoliticalReviewNotPassed;

    public const int MinimumTrainingDays = 3;
    public const int MinimumTrainingHours = 24;

    /// <summary>《细则》第二十一条: 集中培训时间一般不少于三天（或不少于 24 个学时）. "不少于" includes the number.</summary>
    public static Error? CheckTraining(int? days, int? hours) =>
        days >= MinimumTrainingDays || hours >= MinimumTrainingHours ? null : DevelopmentErrors.TrainingTooShort;

    /// <summary>《细则》第二十二条: 对于在三个月内将离开工作、学习单位的，一般不办理接收手续. Warning.</summary>
    public static bool LeavesUnitSoon(DateOnly preReviewOn, DateOnly? leavesOn) =>
        leavesOn is DateOnly leaves && leaves >= preReviewOn && leaves <= preReviewOn.AddMonths(3);

    /// <summary>[default] 公示 of at least <paramref name="requiredWorkingDays"/> working days on the holiday calendar, ending before the step.</summary>
    public static Error? CheckPublicNotice(DateOnly? from, DateOnly? to, DateOnly stepOn, WorkingDayCalendar calendar, int requiredWorkingDays)
    {
        if (from is not DateOnly f || to is not DateOnly t) return DevelopmentErrors.NoticeRequired;
        if (t < f) return DevelopmentErrors.NoticeOrder;
        if (t > stepOn) return DevelopmentErrors.NoticeAfterStep;
        var days = calendar.WorkingDaysBetween(f, t);
        return days < requiredWorkingDays ? DevelopmentErrors.NoticeTooShort(days, requiredWorkingDays) : null;
    }

    /// <summary>
    /// 《细则》第二十四条 and 《支部工作条例》第十四条, through <see cref="MajorityRules"/> (the one place meetings use too): more than half
    /// of 应到会 voting members present; yes votes, with the written opinions of absent voters, more than half of 应到会.
    /// </summary>
    public static Error? CheckVote(VoteCount? vote)
    {
        if (vote is null || vote.ExpectedVoters <= 0) return DevelopmentErrors.VoteRequired;
        var absent = vote.ExpectedVoters - vote.PresentVoters;
        if (vote.PresentVoters < 0 || absent < 0 || !MajorityRules.VotesPossible(vote.Yes, vote.No, vote.Abstain, vote.PresentVoters)
            || vote.WrittenYes < 0 || vote.WrittenNo < 0 || vote.WrittenYes + vote.WrittenNo > absent)
        {
            return DevelopmentErrors.VoteImpossible;
        }

        if (!MajorityRules.GeneralMeetingQuorate(vote.PresentVoters, vote.ExpectedVoters)) return DevelopmentErrors.NoQuorum(vote.PresentVoters, vote.ExpectedVoters);
        var yes = vote.Yes + vote.WrittenYes;
        return MajorityRules.ResolutionPasses(yes, vote.ExpectedVoters) ? null : DevelopmentErrors.VoteFailed(yes, vote.ExpectedVoters);
    }

    /// <summary>《细则》第二十八条: 上级党委应当在三个月内审批 — warning after this day.</summary>
    public static DateOnly ApprovalDueOn(DateOnly voteOn) => voteOn.AddMonths(3);

    /// <summary>《细则》第二十八条: 审批时间最长不得超过六个月 — the last day an approval is valid.</summary>
    public static DateOnly ApprovalLastDay(DateOnly voteOn) => voteOn.AddMonths(6);

    /// <summary>Hard: an approval more than 6 months after the vote is refused; the admission must be redone.</summary>
    public static Error? CheckApproval(DateOnly voteOn, DateOnly approvedOn) =>
        approvedOn > ApprovalLastDay(voteOn) ? DevelopmentErrors.ApprovalTooLate(voteOn, ApprovalLastDay(voteOn)) : null;

    public const int MinimumExtensionMonths = 6;
    public const int MaximumExtensionMonths = 12;

    /// <summary>《细则》第三十条: 预备期为一年，从支部大会通过之日算起; an extension adds its months to the end.</summary>
    public static DateOnly ProbationEndsOn(DateOnly voteOn, int? extensionMonths = null) => voteOn.AddYears(1).AddMonths(extensionMonths ?? 0);

    /// <summary>《细则》第三十三条: 讨论转正 not before the probation ends; on the day it ends is allowed.</summary>
    public static Error? CheckConfirmationVote(DateOnly probationEndsOn, DateOnly voteOn) =>
        voteOn < probationEndsOn ? DevelopmentErrors.ConfirmationTooEarly(probationEndsOn) : null;

    /// <summary>《细则》第三十四条: 上级党委应当在三个月内审批转正 — warning after this day.</summary>
    public static DateOnly ConfirmationApprovalDueOn(DateOnly confirmationVoteOn) => confirmationVoteOn.AddMonths(3);

    /// <summary>《细则》第三十三条: 延长预备期只能一次，时间不能少于半年，最长不超过一年.</summary>
    public static Error? CheckExtension(bool alreadyExtended, int months) =>
        alreadyExtended ? DevelopmentErrors.AlreadyExtended
        : months is < MinimumExtensionMonths or > MaximumExtensionMonths ? DevelopmentErrors.ExtensionMonths
        : null;

    /// <summary>Extension and 取消预备党员资格 apply only to a 预备党员: admitted, not yet confirmed, not cancelled.</summary>
    public static Error? CheckProbationary(Candidate candidate) =>
        candidate.AdmittedOn is null || candidate.ConfirmedOn is not null || candidate.CancelledOn is not null ? DevelopmentErrors.NotProbationary : null;
}
