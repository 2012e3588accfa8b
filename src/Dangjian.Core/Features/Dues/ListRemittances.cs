using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// Remittances made by organizations in the caller's scope (under <see cref="OrganizationId"/> when given), whose period starts in
/// [<see cref="FromMonth"/>, <see cref="ToMonth"/>], newest first.
/// </summary>
public sealed record ListRemittancesQuery(long? OrganizationId, DateOnly? FromMonth, DateOnly? ToMonth, int? Page = null, int? PageSize = null);

public sealed record RemittanceItem(
    long Id, long OrganizationId, string OrganizationName, long ToOrganizationId, string ToOrganizationName, DateOnly PeriodFrom, DateOnly PeriodTo,
    decimal Amount, decimal LargeVoluntaryAmount, DateOnly RemittedOn, string? Note)
{
    public string PeriodLabel => new MonthSpan(PeriodFrom, PeriodTo).Label;
}

/// <param name="TotalAmount">The sum over every matching remittance, not only this page.</param>
public sealed record RemittanceList(Page<RemittanceItem> Page, decimal TotalAmount, decimal TotalLargeVoluntary);

public sealed class ListRemittancesHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<RemittanceList>> HandleAsync(ListRemittancesQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.OrganizationId, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var ids = organizations.Value.Select(o => o.Id);
        var remittances = db.Set<DuesRemittance>().AsNoTracking().Where(r => ids.Contains(r.OrganizationId));
        if (query.FromMonth is { } from)
        {
            var month = DuesMonth.Of(from);
            remittances = remittances.Where(r => r.PeriodFrom >= month);
        }

        if (query.ToMonth is { } to)
        {
            var month = DuesMonth.Of(to);
            remittances = remittances.Where(r => r.PeriodFrom <= month);
        }

        var totals = await remittances.GroupBy(r => 1)
            .Select(g => new { Count = g.Count(), Amount = g.Sum(r => r.Amount), Large = g.Sum(r => r.LargeVoluntaryAmount) })
            .SingleOrDefaultAsync(ct);
        var size = Page<RemittanceItem>.NormalizeSize(query.PageSize);
        var number = Page<RemittanceItem>.NormalizeNumber(query.Page);
        var items = await (from r in remittances
                           join o in db.Organizations on r.OrganizationId equals o.Id
                           join up in db.Organizations on r.ToOrganizationId equals up.Id
                           orderby r.RemittedOn descending, r.Id descending
                           select new RemittanceItem(r.Id, r.OrganizationId, o.Name, r.ToOrganizationId, up.Name, r.PeriodFrom, r.PeriodTo, r.Amount,
                               r.LargeVoluntaryAmount, r.RemittedOn, r.Note))
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new RemittanceList(new Page<RemittanceItem>(items, totals?.Count ?? 0, number, size), totals?.Amount ?? 0m, totals?.Large ?? 0m);
    }
}
