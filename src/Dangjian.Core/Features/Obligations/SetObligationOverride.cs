using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Obligations;

/// <summary>
/// Changes an obligation for an organization's subtree (domain.md §3 [default] rules): switch it off, or change how often
/// and how many times it must happen. Empty fields keep the seeded default. Needs 管理 permission on the organization;
/// the reason is written with the audit rows.
/// </summary>
public sealed record SetObligationOverrideCommand(long ObligationId, long OrganizationId, bool Enabled, ObligationFrequency? Frequency, int? MinCount, string? Reason);

public sealed class SetObligationOverrideHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<long>> HandleAsync(SetObligationOverrideCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await ObligationAccess.LoadAsync(db, command.ObligationId, command.OrganizationId, scope, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (obligation, organization) = loaded.Value;
        if (organization.IsDissolved) return ObligationErrors.OrganizationDissolved(organization.Name);

        var errors = new List<Error>();
        var reason = ObligationAccess.Reason(command.Reason, errors);
        if (command.Frequency is ObligationFrequency f && !Enum.IsDefined(f)) errors.Add(ObligationErrors.FrequencyInvalid);
        if (command.MinCount is < 1 or > ObligationErrors.MaxMinCount) errors.Add(ObligationErrors.MinCountOutOfRange);
        if (errors.Count > 0) return Result<long>.Failure(errors);

        var existing = await db.Set<ObligationOverride>().SingleOrDefaultAsync(o => o.ObligationId == obligation.Id && o.OrganizationId == organization.Id, ct);
        if (existing is null)
        {
            existing = ObligationOverride.Create(organization.Id, obligation.Id, command.Enabled, command.Frequency, command.MinCount, reason);
            db.Add(existing);
        }
        else
        {
            existing.Change(command.Enabled, command.Frequency, command.MinCount, reason);
        }

        db.AuditReason = reason;
        await db.SaveChangesAsync(ct);
        return existing.Id;
    }
}

/// <summary>Removes an organization's override: its subtree follows the next override up the path, or the default.</summary>
public sealed record ClearObligationOverrideCommand(long ObligationId, long OrganizationId, string? Reason);

public sealed class ClearObligationOverrideHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(ClearObligationOverrideCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await ObligationAccess.LoadAsync(db, command.ObligationId, command.OrganizationId, scope, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (obligation, organization) = loaded.Value;
        var existing = await db.Set<ObligationOverride>().SingleOrDefaultAsync(o => o.ObligationId == obligation.Id && o.OrganizationId == organization.Id, ct);
        if (existing is null) return ObligationErrors.OverrideNotFound(obligation.Name, organization.Name);

        var errors = new List<Error>();
        var reason = ObligationAccess.Reason(command.Reason, errors);
        if (errors.Count > 0) return Result<Done>.Failure(errors);

        db.Remove(existing);
        db.AuditReason = reason;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

internal static class ObligationAccess
{
    /// <summary>The obligation and the organization to change: not found outside the caller's scope, forbidden without 管理.</summary>
    public static async Task<Result<(Obligation Obligation, Organization Organization)>> LoadAsync(
        DangjianDbContext db, long obligationId, long organizationId, AccessScope scope, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return ObligationErrors.OrganizationNotFound(organizationId);
        var allowed = scope.Check(organization.Path, Permission.Administer);
        if (!allowed.IsSuccess) return allowed.FirstError;
        var obligation = await db.Set<Obligation>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == obligationId, ct);
        if (obligation is null) return ObligationErrors.ObligationNotFound(obligationId);
        return (obligation, organization);
    }

    public static string Reason(string? text, List<Error> errors)
    {
        var reason = text?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > ObligationOverride.ReasonMaxLength) errors.Add(ObligationErrors.ReasonRequired);
        return reason;
    }
}
