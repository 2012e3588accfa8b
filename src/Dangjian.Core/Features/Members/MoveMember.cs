using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>
/// Moves a member to another branch or 党小组 inside the system, for a caller who may write on both sides. The current
/// placement closes on <see cref="On"/> and a new one opens, so 应到 at any past date still finds the old branch.
/// </summary>
public sealed record MoveMemberCommand(long MemberId, long ToOrganizationId, long? ToGroupId, DateOnly? On);

public sealed class MoveMemberHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(MoveMemberCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, command.MemberId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var member = loaded.Value.Member;
        if (member.HasLeft || member.TransferredOutOn is not null) return MemberErrors.NotActive;
        var target = await MemberPlacementRules.CheckAsync(db, command.ToOrganizationId, command.ToGroupId, scope, Permission.Write, ct);
        if (!target.IsSuccess) return target.FirstError;
        if (member.OrganizationId == command.ToOrganizationId && member.GroupId == command.ToGroupId) return MemberErrors.MoveToSamePlace;

        var today = clock.Today();
        var on = command.On ?? today;
        if (on > today) return MemberErrors.MoveInFuture;
        var moved = await MemberPlacements.MoveAsync(db, member, command.ToOrganizationId, command.ToGroupId, on, ct);
        if (!moved.IsSuccess) return moved.FirstError;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>The placement history: the one place where a member's branch changes.</summary>
public static class MemberPlacements
{
    /// <summary>Closes the open placement on <paramref name="on"/> and opens the next one from that day. Does not save.</summary>
    public static async Task<Result<Done>> MoveAsync(DangjianDbContext db, Member member, long organizationId, long? groupId, DateOnly on, CancellationToken ct)
    {
        var open = await db.Set<MemberPlacement>().Where(p => p.MemberId == member.Id && p.To == null).ToListAsync(ct);
        foreach (var placement in open)
        {
            if (on < placement.From) return MemberErrors.MoveBeforePlacement(placement.From);
        }

        foreach (var placement in open) placement.Close(on);
        db.Add(MemberPlacement.Open(member.Id, organizationId, groupId, on));
        member.PlaceIn(organizationId, groupId);
        return Done.Value;
    }

    /// <summary>Closes the open placement: the member no longer counts anywhere in the system from <paramref name="on"/>.</summary>
    public static async Task<Result<Done>> CloseAsync(DangjianDbContext db, long memberId, DateOnly on, CancellationToken ct)
    {
        var open = await db.Set<MemberPlacement>().Where(p => p.MemberId == memberId && p.To == null).ToListAsync(ct);
        foreach (var placement in open)
        {
            if (on < placement.From) return MemberErrors.MoveBeforePlacement(placement.From);
        }

        foreach (var placement in open) placement.Close(on);
        return Done.Value;
    }

    /// <summary>Ids of the members whose relationship a branch held on <paramref name="date"/> (From ≤ date &lt; To).</summary>
    public static IQueryable<long> MembersOn(DangjianDbContext db, long organizationId, DateOnly date) =>
        db.Set<MemberPlacement>().Where(p => p.OrganizationId == organizationId && p.From <= date && (p.To == null || p.To > date)).Select(p => p.MemberId);
}
