using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

/// <summary>Creates an organization under <see cref="ParentId"/>, or a top-level one when it is null.</summary>
public sealed record CreateOrganizationCommand(long? ParentId, OrganizationInput Input);

public sealed class CreateOrganizationHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateOrganizationCommand command, AccessScope scope, CancellationToken ct)
    {
        var validated = OrganizationRules.Validate(command.Input, clock.Today());
        if (!validated.IsSuccess)
        {
            return Result<long>.Failure(validated.Errors);
        }

        var fields = validated.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Organization? parent = null;
        if (command.ParentId is long parentId)
        {
            parent = await db.Organizations.SingleOrDefaultAsync(o => o.Id == parentId, ct);
            if (parent is null || !scope.Allows(parent.Path, Permission.Read))
            {
                return OrganizationErrors.ParentNotFound(parentId);
            }

            var allowed = scope.Check(parent.Path, Permission.Administer);
            if (!allowed.IsSuccess) return allowed.FirstError;
            if (parent.IsDissolved) return OrganizationErrors.ParentDissolved(parent.Name);
            if (!parent.Kind.CanContain(fields.Kind)) return OrganizationErrors.KindNotAllowedUnder(parent.Kind, fields.Kind);
        }
        else if (!scope.IsSystemAdmin)
        {
            return OrganizationErrors.RootRequiresSystemAdmin;
        }

        if (await db.Organizations.AnyAsync(o => o.Code == fields.Code, ct))
        {
            return OrganizationErrors.CodeTaken(fields.Code);
        }

        var organization = Organization.Create(fields, parent);
        db.Organizations.Add(organization);
        if (!await OrganizationSaves.TrySaveAsync(db, fields.Code, ct)) return OrganizationErrors.CodeTaken(fields.Code);
        return organization.Id;
    }
}
