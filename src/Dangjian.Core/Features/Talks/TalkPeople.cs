using Dangjian.Core.Data;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Talks;

/// <summary>A person who can be named in an organization's 谈心谈话 or 问题清单: a roster member, a 支委 (or both).</summary>
public sealed record OrganizationPerson(long MemberId, string Name, bool IsCommitteeMember, bool IsProbationary)
{
    public string Label => IsCommitteeMember ? $"{Name}（班子成员）" : IsProbationary ? $"{Name}（预备党员）" : Name;
}

/// <summary>
/// The people of an organization on a date: its roster (a branch's members, or a 党小组's) plus the members sitting on its
/// committee that day. A 党委 has no roster of its own, so its people are its committee; a 支委 whose relationship is held
/// in another branch still talks for this one (《支部工作条例》: 谈心谈话 among 支委, between 支委 and members).
/// </summary>
public static class OrganizationPeople
{
    public static async Task<IReadOnlyList<OrganizationPerson>> OnAsync(DangjianDbContext db, Organization organization, DateOnly date, CancellationToken ct)
    {
        var roster = await MemberRoster.ForAsync(db, organization.Id, organization.Kind == OrganizationKind.Group, date, ct);
        var committee = await (
                from c in db.Set<CommitteeMember>().AsNoTracking()
                join m in db.Set<Member>().AsNoTracking() on c.MemberId equals m.Id
                where c.OrganizationId == organization.Id && c.From <= date && (c.To == null || c.To > date)
                select new { m.Id, m.Name })
            .Distinct().ToListAsync(ct);
        var seated = committee.Select(c => c.Id).ToHashSet();
        return roster.Select(r => new OrganizationPerson(r.MemberId, r.Name, seated.Contains(r.MemberId), r.IsProbationary))
            .Concat(committee.Where(c => roster.All(r => r.MemberId != c.Id)).Select(c => new OrganizationPerson(c.Id, c.Name, true, false)))
            .OrderBy(p => p.IsCommitteeMember ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.MemberId)
            .ToList();
    }
}
