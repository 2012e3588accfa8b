using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

/// <summary>Renames an organization or corrects its other fields; its place in the tree changes only by a move.</summary>
public sealed record UpdateOrganizationCommand(long Id, OrganizationInput Input);

public sealed class UpdateOrganizationHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateOrganizationCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await db.LoadForAdministrationAsync(command.Id, scope, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var organization = loaded.Value;

        var validated = OrganizationRules.Validate(command.Input, clock.Today());
        if (!validated.IsSuccess) return Result<Done>.Failure(validated.Errors);
        var fields = validated.Value;
        if (organization.IsDissolved) return OrganizationErrors.Dissolved(organization.Name);

        if (fields.Code != organization.Code && await db.Organizations.AnyAsync(o => o.Code == fields.Code, ct))
        {
            return OrganizationErrors.CodeTaken(fields.Code);
        }

        if (fields.Kind != organization.Kind)
        {
            var parentKind = await db.Organizations.Where(o => o.Id == organization.ParentId).Select(o => (OrganizationKind?)o.Kind).SingleOrDefaultAsync(ct);
            if (parentKind is OrganizationKind pk && !pk.CanContain(fields.Kind)) return OrganizationErrors.KindNotAllowedUnder(pk, fields.Kind);
            var childKinds = await db.Organizations.Where(o => o.ParentId == organization.Id && o.DissolvedOn == null).Select(o => o.Kind).Distinct().ToListAsync(ct);
            foreach (var childKind in childKinds)
            {
                if (!fields.Kind.CanContain(childKind)) return OrganizationErrors.KindNotAllowedUnder(fields.Kind, childKind);
            }
        }

        organization.Update(fields);
        if (!await OrganizationSaves.TrySaveAsync(db, fields.Code, ct)) return OrganizationErrors.CodeTaken(fields.Code);
        return Done.Value;
    }
}
