using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// Collection for a month, per branch of a subtree (or of the caller's whole scope): members on the ledger, due, paid,
/// outstanding, collection rate. One GROUP BY over the month's lines; the subtree totals are summed by the database over the
/// same lines, so they equal the sum of the branch rows and of the member lines to the 分.
/// </summary>
public sealed record GetDuesOverviewQuery(long? UnderId, DateOnly Month, int? Page = null, int? PageSize = null);

/// <param name="Generated">Whether the branch has any line for the month.</param>
public sealed record DuesOverviewRow(long OrganizationId, string Name, string Path, int Members, decimal Due, decimal Paid, decimal Outstanding, decimal? Rate, bool Generated);

public sealed record DuesOverview(DateOnly Month, int Members, decimal Due, decimal Paid, decimal Outstanding, decimal? Rate, Page<DuesOverviewRow> Branches);

public sealed class GetDuesOverviewHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<DuesOverview>> HandleAsync(GetDuesOverviewQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subtree = await DuesLedgerAccess.SubtreeAsync(db, scope, query.UnderId, ct);
        if (!subtree.IsSuccess) return subtree.FirstError;
        var organizations = subtree.Value;
        var month = DuesMonth.Of(query.Month);

        var lines = from l in db.Set<DuesLedgerLine>().AsNoTracking()
                    join o in organizations on l.OrganizationId equals o.Id
                    where l.Month == month
                    select l;
        var members = await lines.CountAsync(ct);
        var due = await lines.SumAsync(l => l.Due, ct);
        var paid = await lines.SumAsync(l => l.Paid, ct);

        var branches = organizations.Where(o => o.DissolvedOn == null && (o.Kind == OrganizationKind.Branch || o.Kind == OrganizationKind.JointBranch || o.Kind == OrganizationKind.TemporaryBranch));
        var total = await branches.CountAsync(ct);
        var size = Page<DuesOverviewRow>.NormalizeSize(query.PageSize);
        var number = Page<DuesOverviewRow>.NormalizeNumber(query.Page);
        var shown = await branches.OrderBy(o => o.Path).Skip((number - 1) * size).Take(size).Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(ct);
        var ids = shown.Select(b => b.Id).ToList();
        var sums = await (from l in db.Set<DuesLedgerLine>().AsNoTracking()
                          where l.Month == month && ids.Contains(l.OrganizationId)
                          group l by l.OrganizationId into g
                          select new { OrganizationId = g.Key, Members = g.Count(), Due = g.Sum(l => l.Due), Paid = g.Sum(l => l.Paid) })
            .ToDictionaryAsync(s => s.OrganizationId, ct);
        var rows = shown.Select(b =>
        {
            var s = sums.GetValueOrDefault(b.Id);
            var rowDue = s?.Due ?? 0m;
            var rowPaid = s?.Paid ?? 0m;
            return new DuesOverviewRow(b.Id, b.Name, b.Path, s?.Members ?? 0, DuesMoney.Fen(rowDue), DuesMoney.Fen(rowPaid), DuesMoney.Fen(rowDue - rowPaid),
                DuesMoney.Rate(rowPaid, rowDue), s is not null);
        }).ToList();
        return new DuesOverview(month, members, DuesMoney.Fen(due), DuesMoney.Fen(paid), DuesMoney.Fen(due - paid), DuesMoney.Rate(paid, due),
            new Page<DuesOverviewRow>(rows, total, number, size));
    }
}
