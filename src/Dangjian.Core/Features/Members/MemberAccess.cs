using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>
/// Loads a member the caller may act on with <paramref name="permission"/>, with its organization's path: not found when
/// outside the caller's scope, forbidden when visible but not permitted. Tracked by default, for handlers that change it.
/// </summary>
public static class MemberAccess
{
    public static async Task<Result<(Member Member, string Path)>> LoadAsync(
        DangjianDbContext db, long memberId, AccessScope scope, Permission permission, CancellationToken ct, bool tracking = true)
    {
        // AsNoTracking applies to the whole query, so the tracking variant must not use it anywhere.
        var members = tracking ? db.Set<Member>() : db.Set<Member>().AsNoTracking();
        var row = await (from m in members
                         join o in db.Organizations on m.OrganizationId equals o.Id
                         where m.Id == memberId
                         select new { Member = m, o.Path }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return MemberErrors.NotFound(memberId);
        var allowed = scope.Check(row.Path, permission);
        if (!allowed.IsSuccess) return allowed.FirstError;
        return (row.Member, row.Path);
    }
}
