using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Committees;

/// <summary>
/// Opens a new term (届) for an organization; the current one ends on the new start date and its committee members leave office.
/// Number defaults to the previous term's number + 1.
/// </summary>
public sealed record StartTermCommand(long OrganizationId, int? Number, DateOnly? StartedOn, string? ApprovalNote);

public sealed class StartTermHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Days either side of the planned end within which a 换届 counts as on time and needs no approval note.</summary>
    public const int OnTimeToleranceDays = 30;

    public async Task<Result<long>> HandleAsync(StartTermCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CommitteeAccess.LoadAsync(db, command.OrganizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var organization = loaded.Value;
        if (organization.IsDissolved) return CommitteeErrors.OrganizationDissolved(organization.Name);
        if (CommitteeRules.TermYears(organization.Kind, organization.HostUnitCategory) is not int years) return CommitteeErrors.NoTermsForGroup;

        var errors = new List<Error>();
        var note = string.IsNullOrWhiteSpace(command.ApprovalNote) ? null : command.ApprovalNote.Trim();
        if (command.StartedOn is null) errors.Add(CommitteeErrors.StartRequired);
        else if (command.StartedOn > clock.Today()) errors.Add(CommitteeErrors.StartInFuture);
        if (command.Number is int n && (n < 1 || n > 999)) errors.Add(CommitteeErrors.NumberOutOfRange);
        if (note?.Length > Term.NoteMaxLength) errors.Add(CommitteeErrors.NoteTooLong);
        if (errors.Count > 0) return Result<long>.Failure(errors);

        var startedOn = command.StartedOn!.Value;
        var previous = await db.Set<Term>().Where(t => t.OrganizationId == organization.Id).OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct);
        var number = command.Number ?? (previous?.Number ?? 0) + 1;
        if (await db.Set<Term>().AnyAsync(t => t.OrganizationId == organization.Id && t.Number == number, ct)) return CommitteeErrors.NumberTaken(number);
        if (previous is not null && startedOn < previous.StartedOn) return CommitteeErrors.StartBeforePrevious(previous.StartedOn);

        // 《任期意见》: 换届 on the planned end; moving it earlier or later needs the higher organization's approval.
        if (previous is { EndedOn: null } && Math.Abs(startedOn.DayNumber - previous.PlannedEndOn.DayNumber) > OnTimeToleranceDays && note is null)
        {
            return CommitteeErrors.ApprovalRequired(previous.PlannedEndOn);
        }

        if (previous is { EndedOn: null })
        {
            previous.End(startedOn, null);
            var sitting = await db.Set<CommitteeMember>().Where(c => c.OrganizationId == organization.Id && c.To == null).ToListAsync(ct);
            foreach (var seat in sitting) seat.End(startedOn);
        }

        var term = Term.Start(organization.Id, number, startedOn, CommitteeRules.PlannedEnd(startedOn, years), note);
        db.Add(term);
        await db.SaveChangesAsync(ct);
        return term.Id;
    }
}

/// <summary>Sets which reading of the election quorum rule applies to an organization (a [default] setting; the audit log keeps who changed it).</summary>
public sealed record ChangeElectionSettingsCommand(long OrganizationId, bool StrictQuorum);

public sealed class ChangeElectionSettingsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(ChangeElectionSettingsCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CommitteeAccess.LoadAsync(db, command.OrganizationId, scope, Permission.Administer, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var settings = await db.Set<ElectionSettings>().SingleOrDefaultAsync(s => s.OrganizationId == command.OrganizationId, ct);
        if (settings is null) db.Add(ElectionSettings.For(command.OrganizationId, command.StrictQuorum));
        else settings.Change(command.StrictQuorum);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
