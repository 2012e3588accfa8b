using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Obligations;

/// <summary>
/// Reminders of organizational life (issue 4): for each obligation, the running occurrence when it is due soon
/// ("本月主题党日尚未开展") and the one just ended when it was missed ("2026年第三季度支部党员大会未召开").
/// Older gaps stay in the compliance matrix; the 工作台 list stays short — when more than
/// <see cref="NamedOrganizations"/> organizations share a reminder, one line counts them ("12 个党支部：本月主题党日尚未开展") and links to the matrix.
/// </summary>
public sealed class ObligationReminderSource(IDbContextFactory<DangjianDbContext> dbFactory) : IReminderSource
{
    public const string Category = "组织生活";
    public const int NamedOrganizations = 3;

    /// <summary>A missed occurrence is reminded for about a quarter after it ended.</summary>
    public const int LookBackDays = 92;

    public async Task<IReadOnlyList<Reminder>> GetAsync(AccessScope scope, string? rootPath, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = scope.Organizations(db.Organizations.AsNoTracking()).Where(o => o.DissolvedOn == null);
        if (rootPath is not null) organizations = organizations.InSubtree(rootPath);
        var result = await ComplianceEvaluator.EvaluateAsync(db, organizations, today.AddDays(-LookBackDays), today, today, ct);

        var found = new List<(Obligation Obligation, OccurrenceResult Occurrence, ComplianceOrganization Organization)>();
        foreach (var row in result.Rows)
        {
            for (var i = 0; i < result.Obligations.Count; i++)
            {
                var occurrences = row.Cells[i].Occurrences;
                var current = occurrences.FirstOrDefault(o => o.Start <= today && today <= o.End);
                if (current is null) continue;
                if (current.Status == ComplianceStatus.DueSoon) found.Add((result.Obligations[i], current, row.Organization));
                var previous = occurrences.FirstOrDefault(o => o.End == current.Start.AddDays(-1));
                if (previous is { Status: ComplianceStatus.Overdue } && previous.End >= today.AddDays(-LookBackDays))
                {
                    found.Add((result.Obligations[i], previous, row.Organization));
                }
            }
        }

        var rootId = rootPath is null ? (long?)null : OrgPath.Ids(rootPath)[^1];
        var reminders = new List<Reminder>();
        foreach (var group in found.GroupBy(f => (f.Obligation.Id, f.Occurrence.Start, f.Occurrence.End, f.Occurrence.Status)))
        {
            var (obligation, occurrence, _) = group.First();
            var overdue = occurrence.Status == ComplianceStatus.Overdue;
            var severity = overdue ? ReminderSeverity.Overdue : ReminderSeverity.Warning;
            var message = Message(obligation, occurrence, overdue);
            var list = group.ToList();
            if (list.Count <= NamedOrganizations)
            {
                reminders.AddRange(list.Select(f => new Reminder(severity, Category, $"{f.Organization.Name}：{message}", Link(obligation, occurrence, f.Organization.Id, overdue, today), f.Organization.Id, occurrence.End)));
            }
            else
            {
                var link = $"/compliance?{(rootId is long r ? $"org={r}&" : "")}from={Date(occurrence.Start)}&to={Date(occurrence.End < today ? occurrence.End : today)}&problems=true";
                reminders.Add(new Reminder(severity, Category, $"{list.Count} 个{obligation.Target.Label()}：{message}", link, rootId, occurrence.End));
            }
        }

        return reminders;
    }

    /// <summary>"本月主题党日尚未开展" while due soon; "2026年10月主题党日未开展" once missed.</summary>
    public static string Message(Obligation obligation, OccurrenceResult occurrence, bool overdue)
    {
        if (obligation.Code == ObligationDefaults.SecretaryLecture)
        {
            return overdue ? $"{occurrence.Label}书记党课未讲授" : "书记年度党课尚未讲授";
        }

        var verb = obligation.Code switch
        {
            ObligationDefaults.ThemeDay or ObligationDefaults.BranchLecture or ObligationDefaults.Evaluation => "开展",
            ObligationDefaults.Talks => "完成",
            _ when obligation.Evidence == ObligationEvidence.Meetings => "召开",
            _ => "完成",
        };
        return overdue ? $"{occurrence.Label}{obligation.Name}未{verb}" : $"{occurrence.Occurrence.CurrentLabel}{obligation.Name}尚未{verb}";
    }

    /// <summary>Due soon with a meeting to hold: the form to record it; otherwise the organization's row of the matrix.</summary>
    private static string Link(Obligation obligation, OccurrenceResult occurrence, long organizationId, bool overdue, DateOnly today) =>
        !overdue && obligation.Evidence == ObligationEvidence.Meetings && obligation.KindCodes.Count > 0
            ? $"/meetings/new?org={organizationId}&kind={Uri.EscapeDataString(obligation.KindCodes[0])}&date={Date(today)}"
            : $"/compliance?org={organizationId}&from={Date(occurrence.Start)}&to={Date(occurrence.End < today ? occurrence.End : today)}";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
