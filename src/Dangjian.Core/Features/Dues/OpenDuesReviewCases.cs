using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// Opens a 自行脱党 review case (党章第九条) for every member of the subtree (or of the caller's whole scope) with
/// <see cref="DuesArrears.ReviewCaseMonths"/> or more consecutive unpaid months without a recorded reason. Idempotent: a member
/// has at most one open case (a unique index holds it even against a concurrent run), and a run that already had a case — open
/// or decided — does not get another, so a recorded decision is not undone by the next check. The host runs this daily
/// (months complete with the calendar, not with a save); the cases page runs it on demand.
/// </summary>
public sealed record OpenDuesReviewCasesCommand(long? UnderId);

public sealed class OpenDuesReviewCasesHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<int>> HandleAsync(OpenDuesReviewCasesCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subtree = await DuesLedgerAccess.SubtreeAsync(db, scope, command.UnderId, ct);
        if (!subtree.IsSuccess) return subtree.FirstError;
        var today = clock.Today();
        var members = DuesArrears.CurrentMembers(db, scope.Organizations(subtree.Value, Permission.Write).Select(o => o.Id));
        var cases = db.Set<DuesReviewCase>().AsNoTracking();
        var due = await (from a in DuesArrears.Of(db, members.Select(m => m.Id), DuesArrears.LastCompletedMonth(today))
                         join m in db.Set<Members.Member>() on a.MemberId equals m.Id
                         where a.ConsecutiveMonths >= DuesArrears.ReviewCaseMonths
                               && !cases.Any(c => c.MemberId == a.MemberId && (c.Status == DuesCaseStatus.Open || c.FirstUnpaidMonth == a.RunFrom))
                         select new { a.MemberId, m.OrganizationId, a.RunFrom, a.ConsecutiveMonths })
            .ToListAsync(ct);
        if (due.Count == 0) return 0;

        foreach (var row in due)
        {
            db.Add(DuesReviewCase.Open(row.MemberId, row.OrganizationId, today, row.RunFrom!.Value, row.ConsecutiveMonths));
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return due.Count;
        }
        catch (DbUpdateException)
        {
            // Another check opened some of these cases in the meantime (the one-open-case index refused ours): the cases
            // exist, which is what was asked; the next check opens any that are still missing.
            return 0;
        }
    }
}
