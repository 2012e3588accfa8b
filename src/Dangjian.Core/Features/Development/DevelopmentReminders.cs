using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development;

/// <summary>
/// The 工作台 reminders of the 发展党员 pipeline (issue 8, item 7): a talk is due, a review is due, a probation ends within
/// 30 days, an approval is overdue — the warnings of <see cref="DevelopmentTracker"/> for everyone still on the way.
/// </summary>
public sealed class DevelopmentReminderSource(IDbContextFactory<DangjianDbContext> dbFactory) : IReminderSource
{
    public const string Category = "发展党员";

    private static readonly HashSet<string> Shown =
    [
        DevelopmentTracker.Rules.TalkDue, DevelopmentTracker.Rules.ReviewDue, DevelopmentTracker.Rules.ProbationEnding,
        DevelopmentTracker.Rules.ApprovalDue, DevelopmentTracker.Rules.ApprovalExpired, DevelopmentTracker.Rules.ConfirmationApprovalDue,
    ];

    public async Task<IReadOnlyList<Reminder>> GetAsync(AccessScope scope, string? rootPath, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = scope.Organizations(db.Organizations.AsNoTracking());
        if (rootPath is not null) organizations = organizations.InSubtree(rootPath);
        var open = await (from c in db.Set<Candidate>().AsNoTracking().Include(c => c.Steps).AsSplitQuery()
                          join o in organizations on c.OrganizationId equals o.Id
                          where c.CancelledOn == null && c.ConfirmedOn == null
                          select c).ToListAsync(ct);
        var reminders = new List<Reminder>();
        var policies = new Dictionary<long, DevelopmentPolicy>();
        foreach (var c in open)
        {
            if (!policies.TryGetValue(c.OrganizationId, out var policy)) policies[c.OrganizationId] = policy = await CandidateAccess.PolicyAsync(db, c.OrganizationId, ct);
            foreach (var w in DevelopmentTracker.Warnings(c, policy, today).Where(w => Shown.Contains(w.Rule)))
            {
                reminders.Add(new Reminder(w.Overdue ? ReminderSeverity.Overdue : ReminderSeverity.Warning, Category, $"{c.Name}：{w.Message}",
                    $"/development/candidates/{c.Id}", c.OrganizationId, w.DueOn));
            }
        }

        return reminders;
    }
}
