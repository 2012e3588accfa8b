using Dangjian.Core.Features.Access;

namespace Dangjian.Core.Features.Reminders;

public enum ReminderSeverity
{
    Info,
    Warning,
    Overdue,
}

/// <summary>
/// Something a secretary should act on: a broken threshold, a deadline coming up, a case to review.
/// <see cref="Link"/> opens the record behind it.
/// </summary>
public sealed record Reminder(ReminderSeverity Severity, string Category, string Message, string Link, long? OrganizationId, DateOnly? DueOn = null);

/// <summary>
/// A module's reminders for a subtree. Every implementation in Core is registered by <see cref="CoreServices"/>; the
/// 工作台 and the organization page list them all, so a new module adds a source and touches no page.
/// </summary>
public interface IReminderSource
{
    /// <param name="rootPath">The subtree to look at (already inside the caller's scope), or null for the whole scope.</param>
    Task<IReadOnlyList<Reminder>> GetAsync(AccessScope scope, string? rootPath, DateOnly today, CancellationToken ct);
}
