using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>Registers a member in a branch (and optionally one of its 党小组), opening their placement history.</summary>
public sealed record CreateMemberCommand(long OrganizationId, long? GroupId, MemberInput Input, DateOnly? PlacedFrom = null);

public sealed class CreateMemberHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateMemberCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var placement = await MemberPlacementRules.CheckAsync(db, command.OrganizationId, command.GroupId, scope, Permission.Write, ct);
        if (!placement.IsSuccess) return placement.FirstError;

        var validated = MemberRules.Validate(command.Input, clock.Today());
        if (!validated.IsSuccess) return Result<long>.Failure(validated.Errors);
        var fields = validated.Value;
        if (await db.Set<Member>().AnyAsync(m => m.IdNumber == fields.IdNumber, ct)) return MemberErrors.IdTaken;

        var member = Member.Create(fields, command.OrganizationId, command.GroupId);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(member);
        await db.SaveChangesAsync(ct);
        db.Add(MemberPlacement.Open(member.Id, command.OrganizationId, command.GroupId, command.PlacedFrom ?? fields.AdmittedOn));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return member.Id;
    }
}

/// <summary>Where a member's relationship may be held: a live branch in the caller's scope, and a 党小组 of that branch.</summary>
public static class MemberPlacementRules
{
    public static async Task<Result<Organization>> CheckAsync(
        DangjianDbContext db, long organizationId, long? groupId, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var branch = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (branch is null || !scope.Allows(branch.Path, Permission.Read)) return MemberErrors.OrganizationNotFound(organizationId);
        var allowed = scope.Check(branch.Path, permission);
        if (!allowed.IsSuccess) return allowed.FirstError;
        if (!branch.Kind.IsBranch()) return MemberErrors.NotABranch(branch.Name);
        if (branch.IsDissolved) return MemberErrors.OrganizationDissolved(branch.Name);
        if (groupId is long gid && !await db.Organizations.AnyAsync(o => o.Id == gid && o.ParentId == branch.Id && o.Kind == OrganizationKind.Group && o.DissolvedOn == null, ct))
        {
            return MemberErrors.GroupNotInBranch;
        }

        return branch;
    }
}
