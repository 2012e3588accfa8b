using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>
/// Status reviews (domain.md §7, 《党员教育管理工作条例》 Art. 36): a member out of contact for 6 months or more is
/// reviewed for 停止党籍; a member whose 党籍 has been stopped for 2 years or more is reviewed for 除名.
/// Both thresholds include the boundary day ("以上").
/// </summary>
public static class MemberStatusReviewRules
{
    public const int LostContactMonths = 6;
    public const int SuspendedYears = 2;

    public static DateOnly LostContactCutoff(DateOnly today) => today.AddMonths(-LostContactMonths);

    public static DateOnly SuspendedCutoff(DateOnly today) => today.AddYears(-SuspendedYears);

    public static bool DueForSuspensionReview(DateOnly lostSince, DateOnly today) => lostSince <= LostContactCutoff(today);

    public static bool DueForRemovalReview(DateOnly suspendedSince, DateOnly today) => suspendedSince <= SuspendedCutoff(today);
}

public sealed class MemberStatusReminders(IDbContextFactory<DangjianDbContext> dbFactory) : IReminderSource
{
    public async Task<IReadOnlyList<Reminder>> GetAsync(AccessScope scope, string? rootPath, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = scope.Organizations(db.Organizations.AsNoTracking());
        if (rootPath is not null) organizations = organizations.InSubtree(rootPath);
        var lostCutoff = MemberStatusReviewRules.LostContactCutoff(today);
        var suspendedCutoff = MemberStatusReviewRules.SuspendedCutoff(today);
        var rows = await (
            from m in db.Set<Member>().AsNoTracking()
            join o in organizations on m.OrganizationId equals o.Id
            where m.TransferredOutOn == null
                  && ((m.Status == MembershipStatus.Normal && m.IsLostContact && m.LostContactSince != null && m.LostContactSince <= lostCutoff)
                      || (m.Status == MembershipStatus.Suspended && m.StatusSince != null && m.StatusSince <= suspendedCutoff))
            orderby m.Id
            select new { m.Id, m.Name, m.Status, m.LostContactSince, m.StatusSince, m.OrganizationId, OrganizationName = o.Name })
            .Take(200).ToListAsync(ct);
        return rows.Select(r => r.Status == MembershipStatus.Suspended
            ? new Reminder(ReminderSeverity.Overdue, "党籍状态",
                $"{r.OrganizationName}：{r.Name} 自 {r.StatusSince:yyyy-MM-dd} 停止党籍已满两年，请研究是否予以除名",
                $"/members/{r.Id}/status", r.OrganizationId, r.StatusSince!.Value.AddYears(MemberStatusReviewRules.SuspendedYears))
            : new Reminder(ReminderSeverity.Warning, "党籍状态",
                $"{r.OrganizationName}：{r.Name} 自 {r.LostContactSince:yyyy-MM-dd} 失去联系已满六个月，请研究是否停止党籍",
                $"/members/{r.Id}/status", r.OrganizationId, r.LostContactSince!.Value.AddMonths(MemberStatusReviewRules.LostContactMonths))).ToList();
    }
}
