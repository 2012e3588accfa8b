using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>The month a member's dues are paid up to (<see cref="DuesPaidUpTo"/>), for a member in the caller's scope.</summary>
public sealed record GetDuesPaidUpToQuery(long MemberId);

public sealed class GetDuesPaidUpToHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<DateOnly?>> HandleAsync(GetDuesPaidUpToQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, query.MemberId, scope, Permission.Read, ct, tracking: false);
        if (!loaded.IsSuccess) return DuesLedgerErrors.MemberNotFound(query.MemberId);
        return await DuesPaidUpTo.ForMemberAsync(db, query.MemberId, ct);
    }
}
