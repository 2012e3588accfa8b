using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>Sets an organization's own dues rules for its subtree; the percentage as text (a JSON number or string, or a form field).</summary>
public sealed record ChangeDuesSettingsCommand(long OrganizationId, string? HeldSharePercent, bool AllowsQuarterly);

/// <summary>
/// Local rules (domain.md §5: the share held back is a configurable local rule; quarterly payment needs the branch's
/// consent). They govern the organization and everything below it unless a lower one sets its own. Administrators only;
/// the change is audited like every save.
/// </summary>
public sealed class ChangeDuesSettingsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<EffectiveDuesSettings>> HandleAsync(ChangeDuesSettingsCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == command.OrganizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return DuesProfileErrors.OrganizationNotFound(command.OrganizationId);
        var allowed = scope.Check(organization.Path, Permission.Administer);
        if (!allowed.IsSuccess) return allowed.FirstError;

        var parsed = DuesCalculator.ParseAmount(command.HeldSharePercent, "HeldSharePercent", "留存比例");
        if (!parsed.IsSuccess) return Result<EffectiveDuesSettings>.Failure(parsed.Errors);
        if (parsed.Value > 100m) return DuesProfileErrors.HeldShareRange;

        var settings = await db.Set<DuesSettings>().SingleOrDefaultAsync(s => s.OrganizationId == organization.Id, ct);
        if (settings is null) db.Add(DuesSettings.Create(organization.Id, parsed.Value, command.AllowsQuarterly));
        else settings.Change(parsed.Value, command.AllowsQuarterly);
        await db.SaveChangesAsync(ct);
        return await DuesSettingsLookup.EffectiveAsync(db, organization.Id, organization.Path, ct);
    }
}

public sealed record ResetDuesSettingsCommand(long OrganizationId);

/// <summary>Removes an organization's own rules so it follows its nearest ancestor (or the defaults) again.</summary>
public sealed class ResetDuesSettingsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<EffectiveDuesSettings>> HandleAsync(ResetDuesSettingsCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == command.OrganizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return DuesProfileErrors.OrganizationNotFound(command.OrganizationId);
        var allowed = scope.Check(organization.Path, Permission.Administer);
        if (!allowed.IsSuccess) return allowed.FirstError;

        var settings = await db.Set<DuesSettings>().SingleOrDefaultAsync(s => s.OrganizationId == organization.Id, ct);
        if (settings is not null)
        {
            db.Remove(settings);
            await db.SaveChangesAsync(ct);
        }

        return await DuesSettingsLookup.EffectiveAsync(db, organization.Id, organization.Path, ct);
    }
}
