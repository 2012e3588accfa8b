using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// 党费收缴情况公示 (《党费规定》: 党组织应当每年至少公布一次党费收缴情况; domain.md §5): the year's statement of every member
/// of one branch. Deliberately no personal data beyond the name: it is posted for all members to read.
/// </summary>
public sealed record GetDuesPublicationQuery(long OrganizationId, int? Year);

/// <param name="Monthly">The year's profile amount; null when no profile was set for the year.</param>
/// <param name="MonthsPaid">Months with something due that are paid in full.</param>
/// <param name="Arrears">What is still owed for the year's months (a month paid in excess does not offset another).</param>
public sealed record DuesPublicationRow(
    int Number, long MemberId, string Name, decimal? Monthly, int MonthsDue, int MonthsPaid, decimal TotalDue, decimal TotalPaid, decimal Arrears);

public sealed record DuesPublication(
    long OrganizationId, string OrganizationName, int Year, IReadOnlyList<DuesPublicationRow> Rows, int MonthsDue, int MonthsPaid, decimal TotalDue,
    decimal TotalPaid, decimal Arrears)
{
    public int MembersInArrears => Rows.Count(r => r.Arrears > 0);
}

public sealed class GetDuesPublicationHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<DuesPublication>> HandleAsync(GetDuesPublicationQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await DuesOrganizationAccess.LoadAsync(db, query.OrganizationId, scope, Permission.Read, ct);
        if (!access.IsSuccess) return access.FirstError;
        var organization = access.Value;
        var today = clock.Today();
        var year = query.Year ?? today.Year;
        if (year < 1990 || year > today.Year) return RemittanceErrors.YearOutOfRange;

        var (from, to, orgId) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 1), organization.Id);
        var lines = db.Set<DuesLedgerLine>().AsNoTracking().Where(l => l.OrganizationId == orgId && l.Month >= from && l.Month <= to);
        var sums = await lines
            .GroupBy(l => l.MemberId)
            .Select(g => new
            {
                MemberId = g.Key,
                MonthsDue = g.Count(l => l.Due > 0),
                MonthsPaid = g.Count(l => l.Due > 0 && l.Paid >= l.Due),
                Due = g.Sum(l => l.Due),
                Paid = g.Sum(l => l.Paid),
                Arrears = g.Sum(l => l.Due > l.Paid ? l.Due - l.Paid : 0m),
            })
            .ToListAsync(ct);
        var profiles = await db.Set<DuesProfile>().AsNoTracking()
            .Where(p => p.Year == year && (p.OrganizationId == orgId || lines.Any(l => l.MemberId == p.MemberId)))
            .Select(p => new { p.MemberId, p.ComputedMonthly, p.OverrideMonthly })
            .ToDictionaryAsync(p => p.MemberId, p => p.OverrideMonthly ?? p.ComputedMonthly, ct);
        var memberIds = sums.Select(s => s.MemberId).Union(profiles.Keys).ToList();
        var names = await db.Set<Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, ct);

        var sumsByMember = sums.ToDictionary(s => s.MemberId);
        var rows = memberIds
            .Select(id => (Id: id, Name: names[id], Sum: sumsByMember.GetValueOrDefault(id)))
            .OrderBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Id)
            .Select((x, i) => new DuesPublicationRow(i + 1, x.Id, x.Name, profiles.TryGetValue(x.Id, out var monthly) ? monthly : null,
                x.Sum?.MonthsDue ?? 0, x.Sum?.MonthsPaid ?? 0, x.Sum?.Due ?? 0m, x.Sum?.Paid ?? 0m, x.Sum?.Arrears ?? 0m))
            .ToList();
        return new DuesPublication(organization.Id, organization.Name, year, rows, rows.Sum(r => r.MonthsDue), rows.Sum(r => r.MonthsPaid),
            rows.Sum(r => r.TotalDue), rows.Sum(r => r.TotalPaid), rows.Sum(r => r.Arrears));
    }
}
