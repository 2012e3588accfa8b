using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// Members of a subtree who owe dues at the end of the last completed month, longest run first
/// (<see cref="DuesArrears"/> defines the counting). <paramref name="MinConsecutive"/> keeps those with at least that many
/// consecutive unpaid months (3: the reminder list, 6: the 自行脱党 list).
/// </summary>
public sealed record ListDuesArrearsQuery(long? UnderId, int? MinConsecutive = null, string? Search = null, int? Page = null, int? PageSize = null);

public sealed record DuesArrearsItem(
    long MemberId, string Name, long OrganizationId, string OrganizationName, int ConsecutiveMonths, DateOnly? RunFrom, int MonthsOwed,
    decimal Outstanding, bool HasOpenCase);

public sealed record DuesArrearsList(DateOnly LastCompletedMonth, Page<DuesArrearsItem> Items, decimal TotalOutstanding);

public sealed class ListDuesArrearsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<DuesArrearsList>> HandleAsync(ListDuesArrearsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subtree = await DuesLedgerAccess.SubtreeAsync(db, scope, query.UnderId, ct);
        if (!subtree.IsSuccess) return subtree.FirstError;
        var organizations = subtree.Value;
        var last = DuesArrears.LastCompletedMonth(clock.Today());
        var members = DuesArrears.CurrentMembers(db, organizations.Select(o => o.Id));
        var search = query.Search?.Trim();
        if (!string.IsNullOrEmpty(search)) members = members.Where(m => m.Name.Contains(search));
        var arrears = DuesArrears.Of(db, members.Select(m => m.Id), last);
        var min = Math.Max(query.MinConsecutive ?? 0, 0);
        if (min > 0) arrears = arrears.Where(a => a.ConsecutiveMonths >= min);

        var rows = from a in arrears
                   join m in db.Set<Members.Member>() on a.MemberId equals m.Id
                   join o in db.Organizations on m.OrganizationId equals o.Id
                   select new { a.MemberId, m.Name, OrganizationId = o.Id, OrganizationName = o.Name, o.Path, a.ConsecutiveMonths, a.RunFrom, a.MonthsOwed, a.DueOwed, a.PaidOwed };
        var total = await rows.CountAsync(ct);
        var dueSum = await rows.SumAsync(r => r.DueOwed, ct);
        var paidSum = await rows.SumAsync(r => r.PaidOwed, ct);
        var size = Page<DuesArrearsItem>.NormalizeSize(query.PageSize);
        var number = Page<DuesArrearsItem>.NormalizeNumber(query.Page);
        var page = await rows.OrderByDescending(r => r.ConsecutiveMonths).ThenByDescending(r => r.MonthsOwed).ThenBy(r => r.Path).ThenBy(r => r.Name).ThenBy(r => r.MemberId)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var ids = page.Select(r => r.MemberId).ToList();
        var open = await db.Set<DuesReviewCase>().Where(c => ids.Contains(c.MemberId) && c.Status == DuesCaseStatus.Open).Select(c => c.MemberId).ToListAsync(ct);
        var items = page.Select(r => new DuesArrearsItem(r.MemberId, r.Name, r.OrganizationId, r.OrganizationName, r.ConsecutiveMonths, r.RunFrom, r.MonthsOwed,
            DuesMoney.Fen(r.DueOwed - r.PaidOwed), open.Contains(r.MemberId))).ToList();
        return new DuesArrearsList(last, new Page<DuesArrearsItem>(items, total, number, size), DuesMoney.Fen(dueSum - paidSum));
    }
}
