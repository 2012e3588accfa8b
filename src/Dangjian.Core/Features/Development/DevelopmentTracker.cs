namespace Dangjian.Core.Features.Development;

/// <summary>A warning rule that applies to a person today; <see cref="Overdue"/> separates a missed deadline from one coming up.</summary>
public sealed record DevelopmentWarning(string Rule, string Message, DateOnly? DueOn, bool Overdue);

/// <summary>What comes next for a person: the step, the earliest day it may be done (a hard rule), and the day it is due.</summary>
public sealed record NextStep(int Step, string Name, DateOnly? EarliestOn, DateOnly? DueOn);

/// <summary>
/// The warning rules of domain.md §6 and each person's next step, computed from the progress (no stored state):
/// the 工作台 and the person's page read the same result.
/// </summary>
public static class DevelopmentTracker
{
    public static class Rules
    {
        public const string TalkDue = "talk.due";
        public const string TalkLate = "talk.late";
        public const string ActivistEarly = "activist.early";
        public const string ReviewDue = "review.due";
        public const string LeavingUnit = "unit.leaving";
        public const string ApprovalDue = "approval.due";
        public const string ApprovalExpired = "approval.expired";
        public const string ApprovalLate = "approval.late";
        public const string ProbationEnding = "probation.ending";
        public const string ConfirmationApprovalDue = "confirmation.approvalDue";
    }

    /// <summary>The lowest step not yet done (a repeatable step counts once it has one row); null when all 25 are done or the person's path ended.</summary>
    public static NextStep? Next(Candidate c, DevelopmentPolicy policy, DateOnly today)
    {
        if (c.CancelledOn is not null) return null;
        var done = c.Steps.Select(s => s.Step).ToHashSet();
        var step = Enumerable.Range(1, 25).FirstOrDefault(n => !done.Contains(n));
        if (step == 0) return null;
        var name = DevelopmentCatalogue.Step(step).Name;
        DateOnly? earliest = null, due = null;
        switch (step)
        {
            case DevelopmentCatalogue.ApplicationTalk:
                due = DevelopmentRules.TalkDueOn(c.ApplicationDate);
                break;
            case DevelopmentCatalogue.ActivistChosen:
                earliest = c.ApplicationDate.AddMonths(policy.ActivistAfterMonths);
                break;
            case DevelopmentCatalogue.ActivistReview:
                due = c.ActivistOn is DateOnly a ? DevelopmentRules.ReviewDueOn(a) : null;
                break;
            case DevelopmentCatalogue.TargetChosen:
                earliest = c.ActivistOn is DateOnly activist ? DevelopmentRules.EarliestTargetOn(activist) : null;
                break;
            case DevelopmentCatalogue.UpperApproval:
                due = c.VotedOn is DateOnly v ? DevelopmentRules.ApprovalDueOn(v) : null;
                break;
            case DevelopmentCatalogue.ConfirmationApplication:
                due = c.ProbationEndsOn;
                break;
            case DevelopmentCatalogue.ConfirmationVote:
                earliest = c.ProbationEndsOn;
                due = c.ProbationEndsOn;
                break;
            case DevelopmentCatalogue.ConfirmationApproval:
                due = Date(c, DevelopmentCatalogue.ConfirmationVote) is DateOnly cv ? DevelopmentRules.ConfirmationApprovalDueOn(cv) : null;
                break;
        }

        return new NextStep(step, name, earliest, due);
    }

    public static IReadOnlyList<DevelopmentWarning> Warnings(Candidate c, DevelopmentPolicy policy, DateOnly today)
    {
        var list = new List<DevelopmentWarning>();
        if (c.CancelledOn is not null) return list;

        var talk = Date(c, DevelopmentCatalogue.ApplicationTalk);
        var talkDue = DevelopmentRules.TalkDueOn(c.ApplicationDate);
        if (talk is null)
        {
            list.Add(new(Rules.TalkDue, today > talkDue ? $"入党申请人谈话已超期（应在 {talkDue:yyyy-MM-dd} 前完成）" : $"应在 {talkDue:yyyy-MM-dd} 前与入党申请人谈话", talkDue, today > talkDue));
        }
        else if (DevelopmentRules.TalkLate(c.ApplicationDate, talk.Value))
        {
            list.Add(new(Rules.TalkLate, $"谈话（{talk:yyyy-MM-dd}）晚于收到申请后一个月（{talkDue:yyyy-MM-dd}）", talkDue, true));
        }

        if (c.ActivistOn is DateOnly activist)
        {
            if (DevelopmentRules.ActivistTooEarly(c.ApplicationDate, activist, policy.ActivistAfterMonths))
            {
                list.Add(new(Rules.ActivistEarly, $"递交申请不满 {policy.ActivistAfterMonths} 个月即确定为入党积极分子", null, false));
            }

            if (c.VotedOn is null)
            {
                var last = c.Steps.Where(s => s.Step == DevelopmentCatalogue.ActivistReview).Select(s => (DateOnly?)s.CompletedOn).Max() ?? activist;
                var reviewDue = DevelopmentRules.ReviewDueOn(last);
                if (today >= reviewDue.AddDays(-DevelopmentRules.ReminderDays))
                {
                    list.Add(new(Rules.ReviewDue, today > reviewDue ? $"半年考察已超期（应在 {reviewDue:yyyy-MM-dd} 前完成）" : $"应在 {reviewDue:yyyy-MM-dd} 前完成半年考察", reviewDue, today > reviewDue));
                }
            }
        }

        var preReview = c.Steps.FirstOrDefault(s => s.Step == DevelopmentCatalogue.PreReview);
        if (preReview is not null && c.AdmittedOn is null && DevelopmentRules.LeavesUnitSoon(preReview.CompletedOn, preReview.LeavesUnitOn))
        {
            list.Add(new(Rules.LeavingUnit, $"预审后三个月内（{preReview.LeavesUnitOn:yyyy-MM-dd}）将离开工作、学习单位，一般不办理接收手续", preReview.LeavesUnitOn, false));
        }

        if (c.VotedOn is DateOnly vote)
        {
            var approvalDue = DevelopmentRules.ApprovalDueOn(vote);
            var lastDay = DevelopmentRules.ApprovalLastDay(vote);
            if (c.AdmittedOn is null)
            {
                if (today > lastDay) list.Add(new(Rules.ApprovalExpired, $"支部大会决议后已超过六个月未审批（{lastDay:yyyy-MM-dd} 到期），须重新履行接收手续", lastDay, true));
                else if (today > approvalDue) list.Add(new(Rules.ApprovalDue, $"上级党委审批已超过三个月（应在 {approvalDue:yyyy-MM-dd} 前），最迟 {lastDay:yyyy-MM-dd}", approvalDue, true));
                else if (today >= approvalDue.AddDays(-DevelopmentRules.ReminderDays)) list.Add(new(Rules.ApprovalDue, $"上级党委应在 {approvalDue:yyyy-MM-dd} 前审批", approvalDue, false));
            }
            else if (c.AdmittedOn > approvalDue)
            {
                list.Add(new(Rules.ApprovalLate, $"上级党委审批（{c.AdmittedOn:yyyy-MM-dd}）超过支部大会决议后三个月", approvalDue, true));
            }
        }

        if (c.AdmittedOn is not null && c.ConfirmedOn is null && c.ProbationEndsOn is DateOnly end && Date(c, DevelopmentCatalogue.ConfirmationVote) is null
            && today >= end.AddDays(-DevelopmentRules.ReminderDays))
        {
            list.Add(new(Rules.ProbationEnding, today > end ? $"预备期已于 {end:yyyy-MM-dd} 期满，应及时讨论转正" : $"预备期将于 {end:yyyy-MM-dd} 期满", end, today > end));
        }

        if (Date(c, DevelopmentCatalogue.ConfirmationVote) is DateOnly confirmationVote && c.ConfirmedOn is null)
        {
            var due = DevelopmentRules.ConfirmationApprovalDueOn(confirmationVote);
            if (today >= due.AddDays(-DevelopmentRules.ReminderDays))
            {
                list.Add(new(Rules.ConfirmationApprovalDue, today > due ? $"转正审批已超过三个月（应在 {due:yyyy-MM-dd} 前）" : $"上级党委应在 {due:yyyy-MM-dd} 前审批转正", due, today > due));
            }
        }

        return list;
    }

    internal static DateOnly? Date(Candidate c, int step) =>
        c.Steps.Where(s => s.Step == step).Select(s => (DateOnly?)s.CompletedOn).Min();
}
