using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Reminders;

/// <summary>All reminders for a subtree (or the caller's whole scope), most urgent first.</summary>
public sealed record GetRemindersQuery(long? RootId);

public sealed class GetRemindersHandler(IDbContextFactory<DangjianDbContext> dbFactory, IEnumerable<IReminderSource> sources, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<Reminder>>> HandleAsync(GetRemindersQuery query, AccessScope scope, CancellationToken ct)
    {
        string? rootPath = null;
        if (query.RootId is long rootId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            rootPath = await scope.Organizations(db.Organizations.AsNoTracking()).Where(o => o.Id == rootId).Select(o => o.Path).SingleOrDefaultAsync(ct);
            if (rootPath is null) return OrganizationErrors.NotFound(rootId);
        }

        var today = clock.Today();
        var all = new List<Reminder>();
        foreach (var source in sources)
        {
            all.AddRange(await source.GetAsync(scope, rootPath, today, ct));
        }

        return all.OrderByDescending(r => r.Severity).ThenBy(r => r.DueOn ?? DateOnly.MaxValue).ThenBy(r => r.Message, StringComparer.Ordinal).ToList();
    }
}
