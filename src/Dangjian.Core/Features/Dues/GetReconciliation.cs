using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>What one collecting organization took in over the period, and the share it may keep (DuesSettings nearest on its path).</summary>
public sealed record CollectedAt(long OrganizationId, decimal Regular, decimal Large, decimal HeldSharePercent);

/// <summary>
/// One line of a reconciliation. <see cref="Regular"/> is regular dues, voluntary extras and back-payments; <see cref="Large"/> is
/// 大额党费; <see cref="Collected"/> is both. <see cref="Held"/> = collected − remitted; <see cref="Expected"/> is what should have
/// gone up; <see cref="Difference"/> = expected − remitted (positive: still to hand up; negative: handed up more).
/// </summary>
public sealed record ReconciliationFigures(
    decimal Regular, decimal Large, decimal Collected, decimal Remitted, decimal LargeRemitted, decimal Held, decimal Expected, decimal Difference)
{
    /// <summary>大额党费 collected but not yet handed up (it all goes up, 《党费规定》).</summary>
    public decimal LargeOutstanding => Large - LargeRemitted;
}

/// <summary>The arithmetic of a reconciliation, to the 分, kept pure so it is tested without a database.</summary>
public static class ReconciliationMath
{
    /// <summary>
    /// What an organization should hand up: regular dues less the share it may keep (a local rule, <see cref="DuesSettings"/>),
    /// rounded half-up to the 分, plus 大额党费 in full (《党费规定》: 一次性交纳 1000 元以上的党费全部上缴中央).
    /// </summary>
    public static decimal ExpectedRemittance(decimal regular, decimal large, decimal heldSharePercent) =>
        DuesCalculator.RoundToFen(regular * (100m - heldSharePercent) / 100m) + large;

    /// <summary>Rounded per collecting organization, then summed, so a subtree's figure is exactly the sum of its organizations'.</summary>
    public static ReconciliationFigures Figures(IEnumerable<CollectedAt> collected, decimal remitted, decimal largeRemitted)
    {
        var list = collected.ToList();
        var regular = list.Sum(c => c.Regular);
        var large = list.Sum(c => c.Large);
        var expected = list.Sum(c => ExpectedRemittance(c.Regular, c.Large, c.HeldSharePercent));
        var total = regular + large;
        return new ReconciliationFigures(regular, large, total, remitted, largeRemitted, total - remitted, expected, expected - remitted);
    }
}

/// <summary>Reconciliation of an organization's subtree over a period of months; both months default to this year so far.</summary>
public sealed record GetReconciliationQuery(long OrganizationId, DateOnly? FromMonth, DateOnly? ToMonth);

/// <param name="HeldSharePercent">The share this organization keeps (nearest DuesSettings on its path; 0 when none is set).</param>
public sealed record ReconciliationRow(long OrganizationId, string Name, OrganizationKind Kind, decimal HeldSharePercent, ReconciliationFigures Figures);

/// <summary>
/// <see cref="Total"/> is the whole subtree against the organization above it; <see cref="Children"/> are the direct sub-organizations
/// (党小组 excluded: they do not collect), each as a subtree against its parent. Remitted counts only money that leaves the row's
/// subtree, so a 总支 passing its branches' dues up is not counted twice. <see cref="HasParent"/> is false for a top organization:
/// what it hands up goes outside the system, so its own remitted figure is always 0 and its difference is not a shortfall.
/// </summary>
public sealed record Reconciliation(long OrganizationId, string Name, MonthSpan Period, bool HasParent, ReconciliationRow Total, IReadOnlyList<ReconciliationRow> Children)
{
    /// <summary>大额党费 collected but not handed up: by the whole subtree, or, for a top organization, by its children.</summary>
    public decimal LargeOutstanding => HasParent ? Total.Figures.LargeOutstanding : Children.Sum(c => c.Figures.LargeOutstanding);
}

public sealed class GetReconciliationHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Reconciliation>> HandleAsync(GetReconciliationQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await DuesOrganizationAccess.LoadAsync(db, query.OrganizationId, scope, Permission.Read, ct);
        if (!access.IsSuccess) return access.FirstError;
        var root = access.Value;

        var currentMonth = DuesMonth.Of(clock.Today());
        var period = MonthSpan.Of(query.FromMonth ?? new DateOnly(currentMonth.Year, 1, 1), query.ToMonth ?? currentMonth);
        if (period.To < period.From) return RemittanceErrors.PeriodToBeforeFrom;
        var (from, to, lastDay) = (period.From, period.To, period.LastDay);

        var subtree = db.Organizations.AsNoTracking().InSubtree(root.Path);
        var organizations = await subtree.Select(o => new { o.Id, o.ParentId, o.Path, o.Name, o.Kind, o.SortOrder, o.DissolvedOn }).ToListAsync(ct);
        var ids = subtree.Select(o => o.Id);
        var payments = await db.Set<DuesPayment>().AsNoTracking()
            .Where(p => ids.Contains(p.OrganizationId) && p.PaidOn >= from && p.PaidOn <= lastDay)
            .GroupBy(p => new { p.OrganizationId, Large = p.Kind == DuesPaymentKind.LargeVoluntary })
            .Select(g => new { g.Key.OrganizationId, g.Key.Large, Amount = g.Sum(p => p.Amount) })
            .ToListAsync(ct);
        var remittances = await db.Set<DuesRemittance>().AsNoTracking()
            .Where(r => ids.Contains(r.OrganizationId) && r.PeriodFrom >= from && r.PeriodFrom <= to)
            .GroupBy(r => new { r.OrganizationId, r.ToOrganizationId })
            .Select(g => new { g.Key.OrganizationId, g.Key.ToOrganizationId, Amount = g.Sum(r => r.Amount), Large = g.Sum(r => r.LargeVoluntaryAmount) })
            .ToListAsync(ct);
        var ancestors = OrgPath.Ids(root.Path);
        var settings = await db.Set<DuesSettings>().AsNoTracking()
            .Where(s => ids.Contains(s.OrganizationId) || ancestors.Contains(s.OrganizationId))
            .ToDictionaryAsync(s => s.OrganizationId, s => s.HeldSharePercent, ct);

        var paths = organizations.ToDictionary(o => o.Id, o => o.Path);
        decimal HeldShare(string path)
        {
            foreach (var id in OrgPath.Ids(path).Reverse())
            {
                if (settings.TryGetValue(id, out var percent)) return percent;
            }

            return 0m;
        }

        var collected = payments
            .GroupBy(p => p.OrganizationId)
            .Select(g => new CollectedAt(
                g.Key, g.Where(p => !p.Large).Sum(p => p.Amount), g.Where(p => p.Large).Sum(p => p.Amount), HeldShare(paths[g.Key])))
            .ToList();

        ReconciliationRow Row(long id, string name, OrganizationKind kind, string path)
        {
            bool Inside(long organizationId) => paths.TryGetValue(organizationId, out var p) && OrgPath.IsWithin(p, path);
            var leaving = remittances.Where(r => Inside(r.OrganizationId) && !Inside(r.ToOrganizationId)).ToList();
            var figures = ReconciliationMath.Figures(collected.Where(c => Inside(c.OrganizationId)), leaving.Sum(r => r.Amount), leaving.Sum(r => r.Large));
            return new ReconciliationRow(id, name, kind, HeldShare(path), figures);
        }

        var children = organizations
            .Where(o => o.ParentId == root.Id && o.Kind != OrganizationKind.Group)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Path, StringComparer.Ordinal)
            .Select(o => (o.DissolvedOn, Row: Row(o.Id, o.Name, o.Kind, o.Path)))
            .Where(x => x.DissolvedOn is null || x.Row.Figures.Collected != 0 || x.Row.Figures.Remitted != 0)
            .Select(x => x.Row)
            .ToList();
        return new Reconciliation(root.Id, root.Name, period, root.ParentId is not null, Row(root.Id, root.Name, root.Kind, root.Path), children);
    }
}
