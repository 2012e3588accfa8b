using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// The ledger of a branch (or a subtree) for a month: each member's line, the totals (summed by the database over the same
/// lines, so they equal the sum of the lines to the 分), and who still has no line — members the generation would add, and
/// members without a profile for the year (未核定基数).
/// </summary>
public sealed record GetDuesLedgerQuery(long OrganizationId, DateOnly Month, string? Search = null, bool OwingOnly = false, int? Page = null, int? PageSize = null);

public sealed record DuesLedgerItem(
    long LineId, long MemberId, string Name, long OrganizationId, string OrganizationName, decimal Due, decimal Paid, decimal Outstanding,
    DuesLineStatus Status, string? ExcusedReason);

/// <param name="NotGenerated">Members who owe this month and have a profile, but no line yet (生成本月台账 adds them).</param>
public sealed record DuesLedgerView(
    long OrganizationId, string OrganizationName, bool IsBranch, DateOnly Month, bool CanWrite, bool AllowsQuarterly, int Members, decimal Due, decimal Paid,
    decimal Outstanding, decimal? Rate, int NotGenerated, int UnassessedCount, IReadOnlyList<UnassessedMember> Unassessed, Page<DuesLedgerItem> Lines);

public sealed class GetDuesLedgerHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<DuesLedgerView>> HandleAsync(GetDuesLedgerQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await DuesLedgerAccess.LoadOrganizationAsync(db, query.OrganizationId, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var organization = loaded.Value;
        var month = DuesMonth.Of(query.Month);
        var branches = db.Organizations.AsNoTracking().InSubtree(organization.Path);

        var lines = from l in db.Set<DuesLedgerLine>().AsNoTracking()
                    join o in branches on l.OrganizationId equals o.Id
                    join m in db.Set<Members.Member>() on l.MemberId equals m.Id
                    where l.Month == month
                    select new { Line = l, OrganizationName = o.Name, o.Path, m.Name };
        var members = await lines.CountAsync(ct);
        var due = await lines.SumAsync(r => r.Line.Due, ct);
        var paid = await lines.SumAsync(r => r.Line.Paid, ct);

        var filtered = lines;
        var search = query.Search?.Trim();
        if (!string.IsNullOrEmpty(search)) filtered = filtered.Where(r => r.Name.Contains(search));
        if (query.OwingOnly) filtered = filtered.Where(r => r.Line.Paid < r.Line.Due);
        var total = await filtered.CountAsync(ct);
        var size = Page<DuesLedgerItem>.NormalizeSize(query.PageSize);
        var number = Page<DuesLedgerItem>.NormalizeNumber(query.Page);
        var rows = await filtered.OrderBy(r => r.Path).ThenBy(r => r.Name).ThenBy(r => r.Line.MemberId)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(r => new DuesLedgerItem(r.Line.Id, r.Line.MemberId, r.Name, r.Line.OrganizationId, r.OrganizationName, DuesMoney.Fen(r.Line.Due),
            DuesMoney.Fen(r.Line.Paid), DuesMoney.Fen(r.Line.Outstanding), DuesLineStatuses.Of(r.Line.Due, r.Line.Paid), r.Line.ExcusedReason)).ToList();

        var candidates = DuesLedgerGeneration.Candidates(db, branches, month);
        var ledger = db.Set<DuesLedgerLine>();
        var notGenerated = await candidates.CountAsync(c => c.Due != null && !ledger.Any(l => l.MemberId == c.MemberId && l.Month == month), ct);
        var unassessed = candidates.Where(c => c.Due == null);
        var unassessedCount = await unassessed.CountAsync(ct);
        var listed = unassessedCount == 0
            ? []
            : await (from c in unassessed
                     join m in db.Set<Members.Member>() on c.MemberId equals m.Id
                     join o in db.Organizations on c.OrganizationId equals o.Id
                     orderby o.Path, m.Name, m.Id
                     select new UnassessedMember(m.Id, m.Name, o.Id, o.Name))
                .Take(DuesLedgerGeneration.UnassessedListed).ToListAsync(ct);

        return new DuesLedgerView(organization.Id, organization.Name, organization.Kind.IsBranch(), month, scope.Allows(organization.Path, Permission.Write),
            await DuesLedgerAccess.AllowsQuarterlyAsync(db, organization.Path, ct), members, DuesMoney.Fen(due), DuesMoney.Fen(paid), DuesMoney.Fen(due - paid),
            DuesMoney.Rate(paid, due), notGenerated, unassessedCount, listed, new Page<DuesLedgerItem>(items, total, number, size));
    }
}
