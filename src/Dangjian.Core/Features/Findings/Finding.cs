using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Findings;

/// <summary>Where a finding came from. The rectification module (整改台账) adds its own sources and takes these over as they are.</summary>
public enum FindingSource
{
    /// <summary>问题清单 of a 组织生活会 (or 民主生活会); <see cref="Finding.SourceId"/> is the meeting.</summary>
    LifeMeeting,
}

public enum FindingStatus
{
    Open,
    InProgress,
    Resolved,
}

public static class FindingLabels
{
    public static string Label(this FindingStatus status) => status switch
    {
        FindingStatus.Open => "待整改",
        FindingStatus.InProgress => "整改中",
        _ => "已整改",
    };

    public static string Label(this FindingSource source) => source switch
    {
        _ => "组织生活会",
    };
}

/// <summary>One problem found (问题), with who owns its rectification and by when (domain.md glossary: Finding).</summary>
public sealed class Finding : IOrganizationOwned
{
    public const int DescriptionMaxLength = 1000;
    public const int NameMaxLength = 50;
    public const int NoteMaxLength = 1000;

    private Finding()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public FindingSource Source { get; private set; }
    public long SourceId { get; private set; }
    public string Description { get; private set; } = "";
    public long? OwnerMemberId { get; private set; }
    public string OwnerName { get; private set; } = "";
    public DateOnly Deadline { get; private set; }
    public FindingStatus Status { get; private set; }
    public DateOnly? ResolvedOn { get; private set; }
    public string? Note { get; private set; }

    public static Finding Create(long organizationId, FindingSource source, long sourceId, string description, long? ownerMemberId, string ownerName, DateOnly deadline) =>
        new() { OrganizationId = organizationId, Source = source, SourceId = sourceId, Description = description, OwnerMemberId = ownerMemberId, OwnerName = ownerName, Deadline = deadline };

    public void Update(string description, long? ownerMemberId, string ownerName, DateOnly deadline)
    {
        Description = description;
        OwnerMemberId = ownerMemberId;
        OwnerName = ownerName;
        Deadline = deadline;
    }

    public void SetStatus(FindingStatus status, DateOnly? resolvedOn, string? note)
    {
        Status = status;
        ResolvedOn = status == FindingStatus.Resolved ? resolvedOn : null;
        Note = note;
    }
}
