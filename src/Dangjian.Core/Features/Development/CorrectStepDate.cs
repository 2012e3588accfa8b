using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development;

/// <summary>
/// Corrects the date of a completed step. The law cares about these dates, so a correction needs a reason, which the audit
/// log records with the before and after values (architecture decision 7). The new date must keep the step order and the
/// date rules that depend on it (one year as an activist, approval within six months, 转正 not before the probation ends).
/// </summary>
public sealed record CorrectStepDateCommand(long CandidateId, long StepId, DateOnly CompletedOn, string? Reason);

public sealed class CorrectStepDateHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(CorrectStepDateCommand command, AccessScope scope, CancellationToken ct)
    {
        var reason = CandidateRules.Blank(command.Reason);
        if (reason is null) return DevelopmentErrors.CorrectionReasonRequired;
        if (reason.Length > 500) return DevelopmentErrors.TextTooLong("原因", 500);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CandidateAccess.LoadAsync(db, command.CandidateId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var c = loaded.Value;
        var row = c.Steps.SingleOrDefault(s => s.Id == command.StepId);
        if (row is null) return DevelopmentErrors.StepNotFound;
        var on = command.CompletedOn;
        if (on > clock.Today()) return DevelopmentErrors.StepInFuture;

        var definition = DevelopmentCatalogue.Step(row.Step);
        if (row.Step > 1 && DevelopmentTracker.Date(c, row.Step - 1) is DateOnly previousOn && on < previousOn)
        {
            return DevelopmentErrors.StepBeforePrevious(definition.Name, DevelopmentCatalogue.Step(row.Step - 1).Name, previousOn);
        }

        if (row.Step < 25 && DevelopmentTracker.Date(c, row.Step + 1) is DateOnly nextOn && on > nextOn)
        {
            return DevelopmentErrors.StepAfterNext(definition.Name, DevelopmentCatalogue.Step(row.Step + 1).Name, nextOn);
        }

        var original = row.CompletedOn;
        row.CorrectDate(on);
        var first = DevelopmentTracker.Date(c, row.Step);
        var error = Recheck(c, row.Step, first);
        if (error is not null)
        {
            row.CorrectDate(original);
            return error;
        }

        c.SetMilestone(row.Step, first);
        if (row.Step == DevelopmentCatalogue.AdmissionVote && c.MemberId is long memberId)
        {
            var member = await db.Set<Member>().SingleAsync(m => m.Id == memberId, ct);
            member.CorrectAdmission(on);
            // The placement opened at admission starts on the vote; a later move keeps its own dates.
            var opened = await db.Set<MemberPlacement>().Where(p => p.MemberId == memberId).OrderBy(p => p.From).FirstOrDefaultAsync(ct);
            if (opened is not null && opened.From == original && (opened.To is null || opened.To > on)) opened.CorrectStart(on);
            if (c.ConfirmedOn is not null) member.Confirm(c.ProbationEndsOn!.Value);
        }

        db.AuditReason = reason;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }

    /// <summary>The date rules that read the corrected step's date, checked against the dates as they would be.</summary>
    private static Error? Recheck(Candidate c, int step, DateOnly? newDate)
    {
        var errors = new List<Error>();
        if (step == DevelopmentCatalogue.Application)
        {
            MemberRules.ValidateApplicationAge(c.BirthDate, newDate, errors);
            if (errors.Count > 0) return errors[0];
        }

        var activist = step == DevelopmentCatalogue.ActivistChosen ? newDate : c.ActivistOn;
        var target = step == DevelopmentCatalogue.TargetChosen ? newDate : c.TargetOn;
        if (activist is DateOnly a && target is DateOnly t && DevelopmentRules.CheckTargetDate(a, t) is { } targetError) return targetError;

        var vote = step == DevelopmentCatalogue.AdmissionVote ? newDate : c.VotedOn;
        var approval = step == DevelopmentCatalogue.UpperApproval ? newDate : c.AdmittedOn;
        if (vote is DateOnly v && approval is DateOnly ap && DevelopmentRules.CheckApproval(v, ap) is { } approvalError) return approvalError;

        var confirmationVote = DevelopmentTracker.Date(c, DevelopmentCatalogue.ConfirmationVote);
        if (vote is DateOnly v2 && confirmationVote is DateOnly cv
            && DevelopmentRules.CheckConfirmationVote(DevelopmentRules.ProbationEndsOn(v2, c.ExtensionMonths), cv) is { } confirmError)
        {
            return confirmError;
        }

        return null;
    }
}

/// <summary>Marks a step's paper documents as filed (归档), or not; uploads are attachments of the step.</summary>
public sealed record MarkStepFiledCommand(long CandidateId, long StepId, bool Filed);

public sealed class MarkStepFiledHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(MarkStepFiledCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CandidateAccess.LoadAsync(db, command.CandidateId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var row = loaded.Value.Steps.SingleOrDefault(s => s.Id == command.StepId);
        if (row is null) return DevelopmentErrors.StepNotFound;
        row.MarkFiled(command.Filed);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
