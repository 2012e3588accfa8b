using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// 上缴: an organization hands dues up to the organization directly above it, for one month or one quarter
/// (issue 5 item 6). <see cref="LargeVoluntaryAmount"/> is the part that is 大额党费, which goes up in full.
/// </summary>
public sealed record RecordRemittanceCommand(
    long OrganizationId, DateOnly? PeriodFrom, DateOnly? PeriodTo, decimal? Amount, decimal? LargeVoluntaryAmount, DateOnly? RemittedOn, string? Note);

public sealed record RecordedRemittance(long Id, long ToOrganizationId, MonthSpan Period);

public static class RemittanceRules
{
    /// <summary>One month, or one calendar quarter (January–March, April–June, July–September, October–December).</summary>
    public static bool IsMonthOrQuarter(MonthSpan span) => span.Count == 1 || (span.Count == 3 && (span.From.Month - 1) % 3 == 0);
}

public sealed class RecordRemittanceHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<RecordedRemittance>> HandleAsync(RecordRemittanceCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await DuesOrganizationAccess.LoadAsync(db, command.OrganizationId, scope, Permission.Write, ct);
        if (!access.IsSuccess) return access.FirstError;
        var organization = access.Value;

        var today = clock.Today();
        var errors = new List<Error>();
        MonthSpan? period = null;
        if (command.PeriodFrom is null) errors.Add(RemittanceErrors.PeriodRequired);
        else
        {
            var span = MonthSpan.Of(command.PeriodFrom.Value, command.PeriodTo ?? command.PeriodFrom.Value);
            if (span.To < span.From) errors.Add(RemittanceErrors.PeriodToBeforeFrom);
            else if (!RemittanceRules.IsMonthOrQuarter(span)) errors.Add(RemittanceErrors.PeriodNotMonthOrQuarter);
            else if (span.To > DuesMonth.Of(today)) errors.Add(RemittanceErrors.PeriodInFuture(DuesMonth.Of(today)));
            else period = span;
        }

        if (command.Amount is not { } amount || amount <= 0) errors.Add(RemittanceErrors.AmountRequired);
        else if (DuesCalculator.RoundToFen(amount) != amount) errors.Add(RemittanceErrors.AmountPrecision("Amount", "上缴金额"));
        var large = command.LargeVoluntaryAmount ?? 0m;
        if (large < 0) errors.Add(RemittanceErrors.LargeNegative);
        else if (DuesCalculator.RoundToFen(large) != large) errors.Add(RemittanceErrors.AmountPrecision("LargeVoluntaryAmount", "其中大额党费"));
        else if (command.Amount is { } total && large > total) errors.Add(RemittanceErrors.LargeOverAmount);
        if (command.RemittedOn is not { } remittedOn) errors.Add(RemittanceErrors.RemittedOnRequired);
        else if (remittedOn > today) errors.Add(RemittanceErrors.RemittedOnInFuture);
        else if (period is { } p && remittedOn < p.From) errors.Add(RemittanceErrors.RemittedBeforePeriod);
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (note?.Length > DuesRemittance.NoteMaxLength) errors.Add(RemittanceErrors.NoteTooLong);
        if (errors.Count > 0) return Result<RecordedRemittance>.Failure(errors);

        if (organization.Kind == OrganizationKind.Group) return RemittanceErrors.GroupDoesNotRemit;
        if (organization.IsDissolved) return RemittanceErrors.Dissolved(organization.Name);
        if (organization.ParentId is not { } parentId) return RemittanceErrors.NoParent(organization.Name);

        var remittance = DuesRemittance.Create(organization.Id, parentId, period!.Value.From, period.Value.To, command.Amount!.Value, large, command.RemittedOn!.Value, note);
        db.Add(remittance);
        await db.SaveChangesAsync(ct);
        return new RecordedRemittance(remittance.Id, parentId, period.Value);
    }
}
