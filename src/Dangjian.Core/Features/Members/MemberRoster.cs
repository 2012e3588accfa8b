using System.Linq.Expressions;
using Dangjian.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>One member on an organization's roster on a given date, with the standing that decides votes.</summary>
public sealed record RosterEntry(long MemberId, string Name, long OrganizationId, long? GroupId, bool IsVoter, bool IsProbationary);

/// <summary>
/// Who belonged to a branch or 党小组 on a date, from the placement history (issue 3): the 应到 of a meeting, the
/// participants of a 民主评议, the denominator of a rate. A member who joined mid-quarter counts only from that date.
/// </summary>
public static class MemberRoster
{
    /// <summary>Placements in force on <paramref name="date"/> (From inclusive, To exclusive), for members already admitted.</summary>
    public static IQueryable<PlacementOnDate> On(DangjianDbContext db, DateOnly date) => On(db, date, _ => true);

    /// <summary>
    /// The same, narrowed to some placements. The filter goes in before the projection: EF cannot translate a filter on the
    /// members of a record built by its constructor, so narrowing the result of <see cref="On(DangjianDbContext, DateOnly)"/> fails.
    /// </summary>
    public static IQueryable<PlacementOnDate> On(DangjianDbContext db, DateOnly date, Expression<Func<MemberPlacement, bool>> placements) =>
        from p in db.Set<MemberPlacement>().AsNoTracking().Where(placements)
        join m in db.Set<Member>().AsNoTracking() on p.MemberId equals m.Id
        where p.From <= date && (p.To == null || p.To > date) && m.AdmittedOn <= date
        select new PlacementOnDate
        {
            MemberId = m.Id,
            Name = m.Name,
            OrganizationId = p.OrganizationId,
            GroupId = p.GroupId,
            IsFullOnDate = m.Category == MemberCategory.Full && (m.ConfirmedOn == null || m.ConfirmedOn <= date),
            Status = m.Status,
            StatusSince = m.StatusSince,
        };

    /// <summary>
    /// The roster of one organization on a date. For a 党小组 (<paramref name="isGroup"/>) it is the members placed in that group.
    /// Ordered by name so forms list people the same way every time.
    /// </summary>
    public static async Task<IReadOnlyList<RosterEntry>> ForAsync(DangjianDbContext db, long organizationId, bool isGroup, DateOnly date, CancellationToken ct)
    {
        var rows = isGroup ? On(db, date, p => p.GroupId == organizationId) : On(db, date, p => p.OrganizationId == organizationId);
        var list = await rows.ToListAsync(ct);
        return list
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.MemberId)
            .Select(r => new RosterEntry(r.MemberId, r.Name, r.OrganizationId, r.GroupId, IsVoterOn(r, date), !r.IsFullOnDate))
            .ToList();
    }

    /// <summary>
    /// 《党章》第七条: only 正式党员 vote; 停止党籍 and 留党察看 members do not (domain.md §2). The status counts from the
    /// date it took effect; there is no earlier status history, so before that date the member is taken as in good standing.
    /// </summary>
    public static bool IsVoterOn(PlacementOnDate row, DateOnly date)
    {
        if (!row.IsFullOnDate) return false;
        var statusApplies = row.StatusSince is null || row.StatusSince <= date;
        return !(statusApplies && row.Status is MembershipStatus.Suspended or MembershipStatus.OnProbationPunishment or MembershipStatus.Left);
    }
}

/// <summary>
/// A placement in force on a date, with the member's standing. Built with an object initializer, not a constructor, so that
/// callers can keep filtering the query (<c>On(db, date).Where(r =&gt; r.OrganizationId == id)</c>): EF Core translates
/// member access on an initializer, not on a constructed record.
/// </summary>
public sealed record PlacementOnDate
{
    public long MemberId { get; init; }
    public string Name { get; init; } = "";
    public long OrganizationId { get; init; }
    public long? GroupId { get; init; }
    public bool IsFullOnDate { get; init; }
    public MembershipStatus Status { get; init; }
    public DateOnly? StatusSince { get; init; }
}
