using Dangjian.Core.Common;

namespace Dangjian.Core.Features.WorkLog.Assistance;

/// <summary>Where a problem collected from a 帮扶户 stands on a given day.</summary>
public enum AssistanceProblemStatus
{
    /// <summary>待解决: collected, no work started yet.</summary>
    Pending,

    /// <summary>解决中: work started, not resolved yet.</summary>
    InProgress,

    /// <summary>已解决.</summary>
    Resolved,
}

public static class AssistanceLabels
{
    public static string Label(this AssistanceProblemStatus status) => status switch
    {
        AssistanceProblemStatus.Pending => "待解决",
        AssistanceProblemStatus.InProgress => "解决中",
        _ => "已解决",
    };
}

/// <summary>帮扶户: a household an organization assists (挂包户), with its visits and the problems collected from it.</summary>
public sealed class AssistanceHousehold : IOrganizationOwned
{
    public const int NameMaxLength = 50;
    public const int AddressMaxLength = 200;
    public const int NoteMaxLength = 500;

    private AssistanceHousehold()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Address { get; private set; }
    public string? Note { get; private set; }

    public static AssistanceHousehold Create(long organizationId, string name, string? address, string? note) =>
        new() { OrganizationId = organizationId, Name = name, Address = address, Note = note };

    public void Update(string name, string? address, string? note)
    {
        Name = name;
        Address = address;
        Note = note;
    }
}

/// <summary>一次走访: one visit to one household is one 户次. Carries the household's organization for scope, audit and metrics.</summary>
public sealed class AssistanceVisit : IOrganizationOwned
{
    public const int VisitorsMaxLength = 100;
    public const int NoteMaxLength = 500;

    private AssistanceVisit()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public long HouseholdId { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    public string? Visitors { get; private set; }
    public string? Note { get; private set; }

    public static AssistanceVisit Create(long organizationId, long householdId, DateOnly visitedOn, string? visitors, string? note) =>
        new() { OrganizationId = organizationId, HouseholdId = householdId, VisitedOn = visitedOn, Visitors = visitors, Note = note };
}

/// <summary>
/// A problem collected from a household. Its status is never stored: it follows from the dates (collected on, started on,
/// resolved on), so the status at any period end can be told afterwards.
/// </summary>
public sealed class AssistanceProblem : IOrganizationOwned
{
    public const int DescriptionMaxLength = 200;
    public const int NoteMaxLength = 500;

    private AssistanceProblem()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public long HouseholdId { get; private set; }
    public string Description { get; private set; } = "";
    public DateOnly CollectedOn { get; private set; }
    public DateOnly? StartedOn { get; private set; }
    public DateOnly? ResolvedOn { get; private set; }
    public string? Note { get; private set; }

    public static AssistanceProblem Create(long organizationId, long householdId, string description, DateOnly collectedOn, DateOnly? startedOn, DateOnly? resolvedOn, string? note) =>
        new()
        {
            OrganizationId = organizationId, HouseholdId = householdId, Description = description, CollectedOn = collectedOn, StartedOn = startedOn,
            ResolvedOn = resolvedOn, Note = note,
        };

    public void Update(string description, DateOnly collectedOn, DateOnly? startedOn, DateOnly? resolvedOn, string? note)
    {
        Description = description;
        CollectedOn = collectedOn;
        StartedOn = startedOn;
        ResolvedOn = resolvedOn;
        Note = note;
    }

    /// <summary>The status at the end of <paramref name="day"/>: resolved on that day counts as resolved; resolved the day after does not.</summary>
    public AssistanceProblemStatus StatusOn(DateOnly day) => StatusOn(StartedOn, ResolvedOn, day);

    public static AssistanceProblemStatus StatusOn(DateOnly? startedOn, DateOnly? resolvedOn, DateOnly day) =>
        resolvedOn <= day ? AssistanceProblemStatus.Resolved
        : startedOn <= day ? AssistanceProblemStatus.InProgress
        : AssistanceProblemStatus.Pending;
}
