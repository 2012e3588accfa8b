using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Committees;

/// <summary>
/// The organization thresholds of 《支部工作条例》 (第六条、第七条: 党员 3 人以上成立党支部, 一般不超过 50 人; 正式党员 7 人以上设支部委员会,
/// 委员一般 3 至 5 人、最多不超过 7 人) and the term deadlines of 《任期意见》, as warnings — never refusals (domain.md §2).
/// Counting is set-based: one GROUP BY per figure over the whole subtree. Branches without any member on record are left out
/// of the member-count warnings: an empty, newly built tree is not yet a finding.
/// </summary>
public sealed class CommitteeReminderSource(IDbContextFactory<DangjianDbContext> dbFactory) : IReminderSource
{
    public const string Category = "班子与换届";
    public const int MinimumFullMembers = 3;
    public const int CommitteeThreshold = 7;
    public const int MaximumBranchMembers = 50;
    public const int MinimumCommittee = 3;
    public const int MaximumCommittee = 7;

    public async Task<IReadOnlyList<Reminder>> GetAsync(AccessScope scope, string? rootPath, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = scope.Organizations(db.Organizations.AsNoTracking()).Where(o => o.DissolvedOn == null);
        if (rootPath is not null) organizations = organizations.InSubtree(rootPath);
        var branches = organizations.Where(o => o.Kind == OrganizationKind.Branch || o.Kind == OrganizationKind.JointBranch || o.Kind == OrganizationKind.TemporaryBranch);

        var memberCounts = await (
                from m in db.Set<Member>().AsNoTracking()
                join o in branches on m.OrganizationId equals o.Id
                where m.Status != MembershipStatus.Left
                group m by new { o.Id, o.Name } into g
                select new { g.Key.Id, g.Key.Name, Total = g.Count(), Full = g.Sum(m => m.Category == MemberCategory.Full ? 1 : 0) })
            .ToListAsync(ct);
        var seatCounts = await (
                from c in db.Set<CommitteeMember>().AsNoTracking()
                join o in branches on c.OrganizationId equals o.Id
                where c.From <= today && (c.To == null || c.To > today)
                group c by c.OrganizationId into g
                select new { Id = g.Key, Seats = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Seats, ct);
        var horizon = today.AddDays(CommitteeRules.ExpiryWarningDays);
        var dueTerms = await (
                from t in db.Set<Term>().AsNoTracking()
                join o in organizations on t.OrganizationId equals o.Id
                where t.EndedOn == null && t.PlannedEndOn <= horizon
                select new { o.Id, o.Name, t.Number, t.PlannedEndOn })
            .ToListAsync(ct);

        var reminders = new List<Reminder>();
        foreach (var branch in memberCounts)
        {
            var link = $"/organizations/{branch.Id}/committee";
            var seats = seatCounts.GetValueOrDefault(branch.Id);
            if (branch.Full >= CommitteeThreshold && seats == 0)
            {
                reminders.Add(new Reminder(ReminderSeverity.Warning, Category,
                    $"{branch.Name}有正式党员 {branch.Full} 名，应设立支部委员会（正式党员 7 人以上），尚未登记支委会成员", link, branch.Id));
            }
            else if ((branch.Full >= CommitteeThreshold && seats < MinimumCommittee) || seats > MaximumCommittee)
            {
                reminders.Add(new Reminder(ReminderSeverity.Warning, Category,
                    $"{branch.Name}支部委员会现有 {seats} 人，委员一般为 3 至 5 人，最多不超过 7 人", link, branch.Id));
            }

            if (branch.Full < MinimumFullMembers)
            {
                reminders.Add(new Reminder(ReminderSeverity.Warning, Category,
                    $"{branch.Name}只有正式党员 {branch.Full} 名，不足 3 名，应与邻近单位成立联合党支部", $"/organizations/{branch.Id}", branch.Id));
            }

            if (branch.Total > MaximumBranchMembers)
            {
                reminders.Add(new Reminder(ReminderSeverity.Info, Category,
                    $"{branch.Name}有党员 {branch.Total} 名，超过 50 名，可考虑分设党支部或成立党总支", $"/organizations/{branch.Id}", branch.Id));
            }
        }

        foreach (var term in dueTerms)
        {
            var link = $"/organizations/{term.Id}/committee";
            reminders.Add(term.PlannedEndOn < today
                ? new Reminder(ReminderSeverity.Overdue, Category,
                    $"{term.Name}第{term.Number}届已于 {term.PlannedEndOn:yyyy-MM-dd} 届满，逾期 {today.DayNumber - term.PlannedEndOn.DayNumber} 天未换届", link, term.Id, term.PlannedEndOn)
                : new Reminder(ReminderSeverity.Warning, Category,
                    $"{term.Name}第{term.Number}届将于 {term.PlannedEndOn:yyyy-MM-dd} 届满，请提前向上级党组织书面请示换届", link, term.Id, term.PlannedEndOn));
        }

        return reminders;
    }
}
