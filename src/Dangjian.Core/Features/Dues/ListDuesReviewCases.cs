using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>自行脱党 review cases of a subtree, open ones first (or only one status).</summary>
public sealed record ListDuesReviewCasesQuery(long? UnderId, DuesCaseStatus? Status = null, int? Page = null, int? PageSize = null);

public sealed record DuesReviewCaseItem(
    long Id, long MemberId, string MemberName, long OrganizationId, string OrganizationName, DateOnly OpenedOn, DateOnly FirstUnpaidMonth,
    int ConsecutiveMonths, DuesCaseStatus Status, DateOnly? DecidedOn, string? Decision, bool CanWrite);

public sealed class ListDuesReviewCasesHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<DuesReviewCaseItem>>> HandleAsync(ListDuesReviewCasesQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subtree = await DuesLedgerAccess.SubtreeAsync(db, scope, query.UnderId, ct);
        if (!subtree.IsSuccess) return subtree.FirstError;
        var rows = from c in db.Set<DuesReviewCase>().AsNoTracking()
                   join o in subtree.Value on c.OrganizationId equals o.Id
                   join m in db.Set<Members.Member>() on c.MemberId equals m.Id
                   select new { Case = c, OrganizationName = o.Name, o.Path, MemberName = m.Name };
        if (query.Status is DuesCaseStatus status) rows = rows.Where(r => r.Case.Status == status);
        var total = await rows.CountAsync(ct);
        var size = Page<DuesReviewCaseItem>.NormalizeSize(query.PageSize);
        var number = Page<DuesReviewCaseItem>.NormalizeNumber(query.Page);
        var page = await rows
            .OrderBy(r => r.Case.Status == DuesCaseStatus.Open ? 0 : 1).ThenByDescending(r => r.Case.OpenedOn).ThenBy(r => r.Path).ThenBy(r => r.Case.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = page.Select(r => new DuesReviewCaseItem(r.Case.Id, r.Case.MemberId, r.MemberName, r.Case.OrganizationId, r.OrganizationName, r.Case.OpenedOn,
            r.Case.FirstUnpaidMonth, r.Case.ConsecutiveMonths, r.Case.Status, r.Case.DecidedOn, r.Case.Decision, scope.Allows(r.Path, Permission.Write))).ToList();
        return new Page<DuesReviewCaseItem>(items, total, number, size);
    }
}
