using Dangjian.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

internal static class OrganizationSaves
{
    /// <summary>
    /// Saves, turning the unique-index violation of a concurrent request that took the same code first into a
    /// "code taken" answer; the check before the save covers the ordinary case.
    /// </summary>
    public static async Task<bool> TrySaveAsync(DangjianDbContext db, string code, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Organizations.AnyAsync(o => o.Code == code, ct)) return false;
            throw;
        }
    }
}
