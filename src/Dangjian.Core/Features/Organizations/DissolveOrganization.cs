using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

/// <summary>
/// Dissolves (撤销) an organization. It leaves the live tree but keeps its records, so statistics for periods
/// before <see cref="DissolvedOn"/> still count it.
/// </summary>
public sealed record DissolveOrganizationCommand(long Id, DateOnly? DissolvedOn, string? Reason);

public sealed class DissolveOrganizationHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(DissolveOrganizationCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await db.LoadForAdministrationAsync(command.Id, scope, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var organization = loaded.Value;
        if (organization.IsDissolved) return OrganizationErrors.Dissolved(organization.Name);

        var errors = new List<Error>();
        var reason = command.Reason?.Trim() ?? "";
        var on = command.DissolvedOn ?? clock.Today();
        if (reason.Length == 0) errors.Add(OrganizationErrors.DissolutionReasonRequired);
        else if (reason.Length > 500) errors.Add(OrganizationErrors.DissolutionReasonTooLong);
        if (on > clock.Today()) errors.Add(OrganizationErrors.DissolvedInFuture);
        if (organization.FoundedOn is DateOnly founded && on < founded) errors.Add(OrganizationErrors.DissolvedBeforeFounded);
        if (errors.Count > 0) return Result<Done>.Failure(errors);

        var liveChildren = await db.Organizations.CountAsync(o => o.ParentId == organization.Id && o.DissolvedOn == null, ct);
        if (liveChildren > 0) return OrganizationErrors.HasLiveChildren(organization.Name, liveChildren);

        organization.Dissolve(on, reason);
        db.AuditReason = reason;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
