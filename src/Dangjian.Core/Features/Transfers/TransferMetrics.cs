using Dangjian.Core.Data;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Transfers;

/// <summary>
/// The single computation of <c>members.transferredIn</c> and <c>members.transferredOut</c> (metrics.md, flows) for a
/// subtree and a period [periodStart, periodEnd]. A transfer counts on the day the relationship actually moved: an
/// internal one when accepted, one out of the system on the letter's issue date, one from outside on arrival.
/// Internal transfers with both ends inside the subtree are moves within it and count for neither.
/// </summary>
public static class TransferMetrics
{
    public static Task<int> TransferredInCountAsync(DangjianDbContext db, string subtreePath, DateOnly periodStart, DateOnly periodEnd, CancellationToken ct)
    {
        var inside = db.Organizations.AsNoTracking().InSubtree(subtreePath).Select(o => o.Id);
        return db.Set<Transfer>().AsNoTracking()
            .Where(t => t.ToOrganizationId != null && inside.Contains(t.ToOrganizationId.Value)
                        && ((t.Kind == TransferKind.Internal && t.Status == TransferStatus.Accepted && !(t.FromOrganizationId != null && inside.Contains(t.FromOrganizationId.Value)))
                            || (t.Kind == TransferKind.InFromOutside && t.Status == TransferStatus.Completed))
                        && t.DecidedOn >= periodStart && t.DecidedOn <= periodEnd)
            .CountAsync(ct);
    }

    public static Task<int> TransferredOutCountAsync(DangjianDbContext db, string subtreePath, DateOnly periodStart, DateOnly periodEnd, CancellationToken ct)
    {
        var inside = db.Organizations.AsNoTracking().InSubtree(subtreePath).Select(o => o.Id);
        return db.Set<Transfer>().AsNoTracking()
            .Where(t => t.FromOrganizationId != null && inside.Contains(t.FromOrganizationId.Value)
                        && ((t.Kind == TransferKind.Internal && t.Status == TransferStatus.Accepted && !(t.ToOrganizationId != null && inside.Contains(t.ToOrganizationId.Value))
                             && t.DecidedOn >= periodStart && t.DecidedOn <= periodEnd)
                            || (t.Kind == TransferKind.OutOfSystem && t.Status != TransferStatus.Cancelled && t.IssuedOn >= periodStart && t.IssuedOn <= periodEnd)))
            .CountAsync(ct);
    }
}
