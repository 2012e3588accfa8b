using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Obligations;

/// <summary>How often an obligation recurs; each occurrence is a calendar month, quarter or year.</summary>
public enum ObligationFrequency
{
    Monthly,
    Quarterly,
    Yearly,
}

/// <summary>Which organizations an obligation applies to.</summary>
public enum ObligationTarget
{
    /// <summary>党支部, 联合党支部, 临时党支部.</summary>
    Branches,

    /// <summary>Branches that have a 支部委员会 (3 or more current 支委).</summary>
    BranchesWithCommittee,

    /// <summary>党小组.</summary>
    Groups,

    /// <summary>党委, 党组, 党工委.</summary>
    Committees,
}

/// <summary>What record satisfies an obligation.</summary>
public enum ObligationEvidence
{
    /// <summary>Meetings of the organization carrying one of <see cref="Obligation.MeetingKindCodes"/>.</summary>
    Meetings,

    /// <summary>A 党课 in the organization's subtree whose lecturer is the organization's 书记 on that date.</summary>
    SecretaryLecture,

    /// <summary>A 民主评议 session of the organization.</summary>
    Evaluation,

    /// <summary>谈心谈话 covering every 支委 pair and every member (see ADR 0009).</summary>
    Talks,
}

public enum ComplianceStatus
{
    NotApplicable,
    Met,

    /// <summary>The occurrence is running and more than the warning window remains.</summary>
    Pending,

    /// <summary>Not met, and the occurrence ends within <see cref="ObligationCalendar.DueSoonDays"/> days.</summary>
    DueSoon,

    Overdue,
}

public static class ObligationLabels
{
    public static string Label(this ObligationFrequency frequency) => frequency switch
    {
        ObligationFrequency.Monthly => "每月",
        ObligationFrequency.Quarterly => "每季度",
        _ => "每年",
    };

    public static string Label(this ObligationTarget target) => target switch
    {
        ObligationTarget.Branches => "党支部",
        ObligationTarget.BranchesWithCommittee => "设支委会的党支部",
        ObligationTarget.Groups => "党小组",
        _ => "党委（党组）",
    };

    public static string Label(this ComplianceStatus status) => status switch
    {
        ComplianceStatus.NotApplicable => "不适用",
        ComplianceStatus.Met => "已完成",
        ComplianceStatus.Pending => "进行中",
        ComplianceStatus.DueSoon => "即将到期",
        _ => "逾期未完成",
    };
}

/// <summary>
/// One obligation of organizational life as data (domain.md §3): what must happen, how often, for whom, and which
/// records satisfy it. The defaults are seeded by the migration; <see cref="ObligationOverride"/> changes them for a subtree.
/// </summary>
public sealed class Obligation
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 50;
    public const int SourceMaxLength = 100;

    private Obligation()
    {
    }

    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public ObligationFrequency Frequency { get; private set; }

    /// <summary>Occurrences of the evidence needed in each period (不少于: the boundary counts).</summary>
    public int MinCount { get; private set; }

    public ObligationTarget Target { get; private set; }
    public ObligationEvidence Evidence { get; private set; }

    /// <summary>Comma-separated <see cref="Meetings.MeetingKind.Code"/>s; any one of them satisfies the obligation.</summary>
    public string MeetingKindCodes { get; private set; } = "";

    /// <summary>The regulation it comes from, shown to the user.</summary>
    public string Source { get; private set; } = "";

    public int SortOrder { get; private set; }

    public IReadOnlyList<string> KindCodes => MeetingKindCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// An administrator's change to an obligation for one organization's subtree. The nearest override on the path wins;
/// every change is audited under that organization.
/// </summary>
public sealed class ObligationOverride : IOrganizationOwned
{
    public const int ReasonMaxLength = 500;

    private ObligationOverride()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public long ObligationId { get; private set; }

    /// <summary>False switches the obligation off in the subtree (status 不适用).</summary>
    public bool Enabled { get; private set; }

    public ObligationFrequency? Frequency { get; private set; }
    public int? MinCount { get; private set; }
    public string? Reason { get; private set; }

    public static ObligationOverride Create(long organizationId, long obligationId, bool enabled, ObligationFrequency? frequency, int? minCount, string? reason) =>
        new() { OrganizationId = organizationId, ObligationId = obligationId, Enabled = enabled, Frequency = frequency, MinCount = minCount, Reason = reason };

    public void Change(bool enabled, ObligationFrequency? frequency, int? minCount, string? reason)
    {
        Enabled = enabled;
        Frequency = frequency;
        MinCount = minCount;
        Reason = reason;
    }
}

/// <summary>The seeded default obligations (domain.md §3), with fixed ids.</summary>
public static class ObligationDefaults
{
    public const string BranchGeneralMeeting = "branch-general-meeting";
    public const string CommitteeMeeting = "committee-meeting";
    public const string GroupMeeting = "group-meeting";
    public const string BranchLecture = "branch-lecture";
    public const string SecretaryLecture = "secretary-lecture";
    public const string ThemeDay = "theme-day";
    public const string LifeMeeting = "life-meeting";
    public const string Evaluation = "evaluation";
    public const string Talks = "talks";

    public sealed record Seed(long Id, string Code, string Name, ObligationFrequency Frequency, int MinCount, ObligationTarget Target, ObligationEvidence Evidence, string KindCodes, string Source);

    public static readonly IReadOnlyList<Seed> All =
    [
        new(1, BranchGeneralMeeting, "支部党员大会", ObligationFrequency.Quarterly, 1, ObligationTarget.Branches, ObligationEvidence.Meetings, Meetings.MeetingKindCodes.BranchGeneralMeeting, "《支部工作条例》第十五条"),
        new(2, CommitteeMeeting, "支委会", ObligationFrequency.Monthly, 1, ObligationTarget.BranchesWithCommittee, ObligationEvidence.Meetings, Meetings.MeetingKindCodes.CommitteeMeeting, "《支部工作条例》第十五条"),
        new(3, GroupMeeting, "党小组会", ObligationFrequency.Monthly, 1, ObligationTarget.Groups, ObligationEvidence.Meetings, Meetings.MeetingKindCodes.GroupMeeting, "《支部工作条例》第十五条"),
        new(4, BranchLecture, "党课", ObligationFrequency.Quarterly, 1, ObligationTarget.Branches, ObligationEvidence.Meetings, Meetings.MeetingKindCodes.PartyLecture, "《支部工作条例》第十五条（默认每季度）"),
        new(5, SecretaryLecture, "书记讲党课", ObligationFrequency.Yearly, 1, ObligationTarget.Committees, ObligationEvidence.SecretaryLecture, Meetings.MeetingKindCodes.PartyLecture, "《党员教育管理工作条例》"),
        new(6, ThemeDay, "主题党日", ObligationFrequency.Monthly, 1, ObligationTarget.Branches, ObligationEvidence.Meetings, Meetings.MeetingKindCodes.ThemeDay, "《支部工作条例》第十六条"),
        new(7, LifeMeeting, "组织生活会", ObligationFrequency.Yearly, 1, ObligationTarget.Branches, ObligationEvidence.Meetings, Meetings.MeetingKindCodes.OrganizationalLifeMeeting, "《支部工作条例》第十七条"),
        new(8, Evaluation, "民主评议党员", ObligationFrequency.Yearly, 1, ObligationTarget.Branches, ObligationEvidence.Evaluation, "", "《支部工作条例》第十七条"),
        new(9, Talks, "谈心谈话", ObligationFrequency.Yearly, 1, ObligationTarget.Branches, ObligationEvidence.Talks, "", "《支部工作条例》第十八条"),
    ];
}
