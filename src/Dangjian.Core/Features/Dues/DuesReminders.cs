using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// 党费 reminders on the 工作台 (domain.md §5; 党章第九条): a warning when a member has gone
/// <see cref="DuesArrears.ReminderMonths"/> consecutive months without paying (the branch warns and educates), an overdue item
/// at <see cref="DuesArrears.ReviewCaseMonths"/> until the review case is opened, and every open 自行脱党 review case until
/// someone records a decision. One grouped query for the arrears of the whole subtree.
/// </summary>
public sealed class DuesReminderSource(IDbContextFactory<DangjianDbContext> dbFactory) : IReminderSource
{
    public const string Category = "党费";

    public async Task<IReadOnlyList<Reminder>> GetAsync(AccessScope scope, string? rootPath, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = scope.Organizations(db.Organizations.AsNoTracking());
        if (rootPath is not null) organizations = organizations.InSubtree(rootPath);
        var last = DuesArrears.LastCompletedMonth(today);
        var members = DuesArrears.CurrentMembers(db, organizations.Select(o => o.Id));
        var openCases = db.Set<DuesReviewCase>().AsNoTracking().Where(c => c.Status == DuesCaseStatus.Open);

        var owing = await (from a in DuesArrears.Of(db, members.Select(m => m.Id), last)
                           join m in db.Set<Members.Member>() on a.MemberId equals m.Id
                           join o in db.Organizations on m.OrganizationId equals o.Id
                           where a.ConsecutiveMonths >= DuesArrears.ReminderMonths && !openCases.Any(c => c.MemberId == a.MemberId)
                           select new
                           {
                               a.MemberId, m.Name, OrganizationId = o.Id, OrganizationName = o.Name, a.ConsecutiveMonths, a.RunFrom,
                               Decided = db.Set<DuesReviewCase>().Any(c => c.MemberId == a.MemberId && c.FirstUnpaidMonth == a.RunFrom),
                           })
            .ToListAsync(ct);
        var cases = await (from c in openCases
                           join o in organizations on c.OrganizationId equals o.Id
                           join m in db.Set<Members.Member>() on c.MemberId equals m.Id
                           select new { c.Id, m.Name, OrganizationId = o.Id, OrganizationName = o.Name, c.FirstUnpaidMonth, c.ConsecutiveMonths, c.OpenedOn })
            .ToListAsync(ct);

        var reminders = new List<Reminder>();
        foreach (var row in owing)
        {
            var from = DuesMonth.Label(row.RunFrom!.Value);
            // After a decision on this run's case (e.g. 不作脱党处理) the member still owes: keep reminding, without asking for a case again.
            reminders.Add(row.ConsecutiveMonths >= DuesArrears.ReviewCaseMonths && !row.Decided
                ? new Reminder(ReminderSeverity.Overdue, Category,
                    $"{row.OrganizationName} {row.Name} 自{from}起连续 {row.ConsecutiveMonths} 个月未交纳党费且无正当理由，应启动自行脱党审查",
                    $"/dues/members/{row.MemberId}", row.OrganizationId, row.RunFrom)
                : new Reminder(ReminderSeverity.Warning, Category,
                    $"{row.OrganizationName} {row.Name} 自{from}起连续 {row.ConsecutiveMonths} 个月未交纳党费，请提醒教育",
                    $"/dues/members/{row.MemberId}", row.OrganizationId, row.RunFrom));
        }

        foreach (var c in cases)
        {
            reminders.Add(new Reminder(ReminderSeverity.Overdue, Category,
                $"自行脱党审查待处理：{c.OrganizationName} {c.Name} 自{DuesMonth.Label(c.FirstUnpaidMonth)}起连续 {c.ConsecutiveMonths} 个月未交纳党费（{c.OpenedOn:yyyy-MM-dd} 立案）",
                $"/dues/cases?org={c.OrganizationId}", c.OrganizationId, c.OpenedOn));
        }

        return reminders;
    }
}
