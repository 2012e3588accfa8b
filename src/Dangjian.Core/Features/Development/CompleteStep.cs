using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development;

/// <summary>
/// Records that a step was done on a date. The one way into a person's progress: it checks the step order and every hard
/// rule of domain.md §6, and at the two turning points it changes the member record — at the upper approval (step 17) a
/// 预备党员 is created in the branch with 入党日期 = the vote date (dues start from that month), at the 转正 approval
/// (step 24) the member becomes 正式 with 转正日期 = the end of the probation (党龄 starts there).
/// </summary>
public sealed record CompleteStepCommand(long CandidateId, int Step, DateOnly CompletedOn, StepDetails Details);

public sealed class CompleteStepHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CompleteStepCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CandidateAccess.LoadAsync(db, command.CandidateId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var candidate = loaded.Value;
        if (!DevelopmentCatalogue.Exists(command.Step)) return DevelopmentErrors.UnknownStep(command.Step);
        var definition = DevelopmentCatalogue.Step(command.Step);
        var on = command.CompletedOn;
        var details = command.Details;

        var order = StepOrder.CheckNew(candidate, command.Step, on, clock.Today());
        if (order is not null) return order;
        var fields = StepOrder.CheckFields(definition, details);
        if (fields is not null) return fields;

        var rule = await HardRuleAsync(db, candidate, command.Step, on, details, scope, ct);
        if (rule is not null) return rule;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = CandidateStep.Record(candidate.Id, candidate.OrganizationId, command.Step, on, details);
        candidate.Steps.Add(row);
        var role = command.Step switch
        {
            DevelopmentCatalogue.MentorsNamed => CandidatePersonRole.Mentor,
            DevelopmentCatalogue.SponsorsNamed => (CandidatePersonRole?)CandidatePersonRole.Sponsor,
            _ => null,
        };
        if (role is CandidatePersonRole r)
        {
            foreach (var memberId in details.MemberIds) candidate.People.Add(CandidatePerson.Name(candidate.Id, candidate.OrganizationId, r, memberId, on));
        }

        candidate.SetMilestone(command.Step, on);
        if (command.Step == DevelopmentCatalogue.UpperApproval)
        {
            var admitted = await AdmitAsync(db, candidate, ct);
            if (!admitted.IsSuccess) return admitted.FirstError;
        }
        else if (command.Step == DevelopmentCatalogue.ConfirmationApproval && candidate.MemberId is long memberId)
        {
            var member = await db.Set<Member>().SingleAsync(m => m.Id == memberId, ct);
            member.Confirm(candidate.ProbationEndsOn!.Value);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return row.Id;
    }

    /// <summary>The hard rules of the step (domain.md §6), in the order a secretary meets them; null when all are kept.</summary>
    private static async Task<Error?> HardRuleAsync(DangjianDbContext db, Candidate c, int step, DateOnly on, StepDetails d, AccessScope scope, CancellationToken ct)
    {
        switch (step)
        {
            case DevelopmentCatalogue.MentorsNamed:
            case DevelopmentCatalogue.SponsorsNamed:
                var people = await StandingsAsync(db, d.MemberIds, scope, ct);
                if (!people.IsSuccess) return people.FirstError;
                return step == DevelopmentCatalogue.MentorsNamed ? DevelopmentRules.CheckMentors(people.Value) : DevelopmentRules.CheckSponsors(people.Value);
            case DevelopmentCatalogue.TargetChosen:
                return DevelopmentRules.CheckTargetDate(c.ActivistOn!.Value, on);
            case DevelopmentCatalogue.PoliticalReview:
                return DevelopmentRules.CheckPoliticalReview(d.ReviewPassed);
            case DevelopmentCatalogue.Training:
                return DevelopmentRules.CheckTraining(d.TrainingDays, d.TrainingHours);
            case DevelopmentCatalogue.CommitteeReview:
                return await NoticeAsync(db, c, on, d, ct);
            case DevelopmentCatalogue.AdmissionVote:
                return DevelopmentRules.CheckVote(d.Vote);
            case DevelopmentCatalogue.UpperApproval:
                return DevelopmentRules.CheckApproval(c.VotedOn!.Value, on);
            case DevelopmentCatalogue.ConfirmationVote:
                return DevelopmentRules.CheckConfirmationVote(c.ProbationEndsOn!.Value, on) ?? await NoticeAsync(db, c, on, d, ct) ?? DevelopmentRules.CheckVote(d.Vote);
            default:
                return null;
        }
    }

    private static async Task<Error?> NoticeAsync(DangjianDbContext db, Candidate c, DateOnly on, StepDetails d, CancellationToken ct)
    {
        var policy = await CandidateAccess.PolicyAsync(db, c.OrganizationId, ct);
        if (d.NoticeFrom is not DateOnly from || d.NoticeTo is not DateOnly to || to < from) return DevelopmentRules.CheckPublicNotice(d.NoticeFrom, d.NoticeTo, on, WorkingDayCalendar.WeekOnly, policy.NoticeWorkingDays);
        var calendar = await CandidateAccess.CalendarAsync(db, from, to, ct);
        return DevelopmentRules.CheckPublicNotice(from, to, on, calendar, policy.NoticeWorkingDays);
    }

    /// <summary>The named members as the rules see them; a member outside the caller's scope is reported as unknown.</summary>
    internal static async Task<Result<IReadOnlyList<PersonStanding>>> StandingsAsync(DangjianDbContext db, IReadOnlyList<long> ids, AccessScope scope, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var rows = await (from m in db.Set<Member>().AsNoTracking()
                          join o in db.Organizations on m.OrganizationId equals o.Id
                          where distinct.Contains(m.Id)
                          select new { m.Id, m.Name, m.Category, m.Status, m.TransferredOutOn, o.Path }).ToListAsync(ct);
        var list = new List<PersonStanding>();
        foreach (var id in ids)
        {
            var row = rows.FirstOrDefault(r => r.Id == id);
            if (row is null || !scope.Allows(row.Path, Permission.Read)) return DevelopmentErrors.PersonNotMember(id);
            list.Add(new PersonStanding(row.Id, row.Name, row.Category, row.Status, row.Status != MembershipStatus.Left && row.TransferredOutOn is null));
        }

        return list;
    }

    /// <summary>At the upper approval: a 预备党员 in the branch, 入党日期 = the 支部大会 vote, validated by the members' own rules.</summary>
    private async Task<Result<Done>> AdmitAsync(DangjianDbContext db, Candidate c, CancellationToken ct)
    {
        var input = new MemberInput
        {
            Name = c.Name, Gender = c.Gender, Ethnicity = c.Ethnicity, BirthDate = c.BirthDate, IdNumber = c.IdNumber, NativePlace = c.NativePlace,
            Education = c.Education, Occupation = c.Occupation, EmploymentStatus = c.EmploymentStatus, Employer = c.Employer, Phone = c.Phone,
            ApplicationDate = c.ApplicationDate, AdmittedOn = c.VotedOn, Category = MemberCategory.Probationary,
        };
        var validated = MemberRules.Validate(input, clock.Today());
        if (!validated.IsSuccess) return Result<Done>.Failure(validated.Errors);
        if (await db.Set<Member>().AnyAsync(m => m.IdNumber == c.IdNumber, ct)) return DevelopmentErrors.IdTakenByMember;
        var member = Member.Create(validated.Value, c.OrganizationId, null);
        db.Add(member);
        await db.SaveChangesAsync(ct);
        db.Add(MemberPlacement.Open(member.Id, c.OrganizationId, null, c.VotedOn!.Value));
        c.LinkMember(member.Id);
        return Done.Value;
    }
}

/// <summary>Step order and required fields, shared by completion and correction.</summary>
public static class StepOrder
{
    /// <summary>
    /// A new step row: not in the future; the path not ended; a step not already done (repeatable ones while their stage lasts);
    /// the step before it done, and on or before this date.
    /// </summary>
    public static Error? CheckNew(Candidate c, int step, DateOnly on, DateOnly today)
    {
        var definition = DevelopmentCatalogue.Step(step);
        if (c.CancelledOn is not null || (c.ConfirmedOn is not null && step != DevelopmentCatalogue.Archived)) return DevelopmentErrors.Closed;
        if (on > today) return DevelopmentErrors.StepInFuture;
        var done = c.Steps.Any(s => s.Step == step);
        if (done && !definition.Repeatable) return DevelopmentErrors.StepDone(definition.Name);
        if (done && ((step == DevelopmentCatalogue.ActivistReview && c.VotedOn is not null) || (step == DevelopmentCatalogue.ProbationEducation && c.ConfirmedOn is not null)))
        {
            return DevelopmentErrors.StepNotRepeatableHere(definition.Name);
        }

        if (step == DevelopmentCatalogue.Application) return DevelopmentErrors.StepDone(definition.Name);
        var previous = DevelopmentCatalogue.Step(step - 1);
        var previousOn = DevelopmentTracker.Date(c, step - 1);
        if (previousOn is null) return DevelopmentErrors.StepOutOfOrder(definition.Name, previous.Name);
        if (on < previousOn) return DevelopmentErrors.StepBeforePrevious(definition.Name, previous.Name, previousOn.Value);
        return null;
    }

    public static Error? CheckFields(DevelopmentStepDefinition definition, StepDetails details)
    {
        if (definition.Needs(StepFields.Person) && CandidateRules.Blank(details.Person) is null && !definition.Needs(StepFields.ReviewConclusion))
        {
            return DevelopmentErrors.PersonRequired(definition.Name);
        }

        if (details.Person?.Trim().Length > 100) return DevelopmentErrors.TextTooLong("经办人", 100);
        if (details.Note?.Trim().Length > 500) return DevelopmentErrors.TextTooLong("备注", 500);
        return null;
    }
}
