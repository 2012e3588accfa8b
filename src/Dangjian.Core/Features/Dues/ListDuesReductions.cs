using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>Reductions under an organization (the caller's whole scope when none is given), optionally of one year or member.</summary>
public sealed record ListDuesReductionsQuery(long? UnderId, int? Year, long? MemberId, int? Page, int? PageSize);

public sealed record DuesReductionItem(
    long Id, long MemberId, string MemberName, long OrganizationId, string OrganizationName, DateOnly FromMonth, DateOnly ToMonth, decimal ReducedMonthly,
    string Reason, DateOnly BranchDecisionOn, string? BranchDecisionNote, DateOnly? HigherApprovalOn, string? HigherApprovalNote)
{
    public bool IsExemption => ReducedMonthly == 0;
    public int Months => (ToMonth.Year - FromMonth.Year) * 12 + ToMonth.Month - FromMonth.Month + 1;
}

public sealed class ListDuesReductionsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<DuesReductionItem>>> HandleAsync(ListDuesReductionsQuery query, AccessScope scope, CancellationToken ct)
    {
        if (query.Year is int y && !DuesBranch.IsValidYear(y)) return DuesProfileErrors.YearOutOfRange;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = scope.Organizations(db.Organizations.AsNoTracking());
        if (query.UnderId is long underId)
        {
            var under = await organizations.Where(o => o.Id == underId).Select(o => o.Path).SingleOrDefaultAsync(ct);
            if (under is null) return DuesProfileErrors.OrganizationNotFound(underId);
            organizations = organizations.Where(OrgPath.WithinAny<Organizations.Organization>(o => o.Path, [under]));
        }

        var rows = from r in db.Set<DuesReduction>().AsNoTracking()
                   join o in organizations on r.OrganizationId equals o.Id
                   join m in db.Set<Member>().AsNoTracking() on r.MemberId equals m.Id
                   select new { r, o.Name, MemberName = m.Name };
        if (query.Year is int year)
        {
            var start = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 1);
            rows = rows.Where(x => x.r.FromMonth <= end && x.r.ToMonth >= start);
        }

        if (query.MemberId is long memberId) rows = rows.Where(x => x.r.MemberId == memberId);

        var size = Page<DuesReductionItem>.NormalizeSize(query.PageSize);
        var number = Page<DuesReductionItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var items = await rows
            .OrderByDescending(x => x.r.FromMonth).ThenBy(x => x.MemberName).ThenBy(x => x.r.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(x => new DuesReductionItem(
                x.r.Id, x.r.MemberId, x.MemberName, x.r.OrganizationId, x.Name, x.r.FromMonth, x.r.ToMonth, x.r.ReducedMonthly, x.r.Reason,
                x.r.BranchDecisionOn, x.r.BranchDecisionNote, x.r.HigherApprovalOn, x.r.HigherApprovalNote))
            .ToListAsync(ct);
        return new Page<DuesReductionItem>(items, total, number, size);
    }
}
