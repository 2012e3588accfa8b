namespace Dangjian.Core.Features.Meetings;

/// <summary>
/// A kind of meeting or activity. The built-in kinds are seeded by the migration with fixed ids and codes, so rules
/// (obligations, quorum) can name them; administrators add their own, which count in meetings.count{kind} like any other.
/// </summary>
public sealed class MeetingKind
{
    public const int NameMaxLength = 30;
    public const int CodeMaxLength = 40;

    private MeetingKind()
    {
    }

    public long Id { get; private set; }

    /// <summary>Stable identifier: an English code for built-in kinds, "custom-…" for added ones.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";
    public bool IsBuiltIn { get; private set; }
    public int SortOrder { get; private set; }

    /// <summary>An archived kind keeps its meetings and figures but is no longer offered for new records.</summary>
    public bool IsArchived { get; private set; }

    public static MeetingKind Custom(string code, string name, int sortOrder) => new() { Code = code, Name = name, SortOrder = sortOrder };

    public void Rename(string name) => Name = name;

    public void Reorder(int sortOrder) => SortOrder = sortOrder;

    public void Archive(bool archived) => IsArchived = archived;
}

/// <summary>The codes of the built-in kinds (domain.md §1 identifiers), with their seeded ids.</summary>
public static class MeetingKindCodes
{
    public const string BranchGeneralMeeting = "BranchGeneralMeeting";
    public const string CommitteeMeeting = "CommitteeMeeting";
    public const string GroupMeeting = "GroupMeeting";
    public const string PartyLecture = "PartyLecture";
    public const string ThemeDay = "ThemeDay";
    public const string OrganizationalLifeMeeting = "OrganizationalLifeMeeting";
    public const string LeadershipLifeMeeting = "LeadershipLifeMeeting";
    public const string PartyCommitteeMeeting = "PartyCommitteeMeeting";
    public const string CentralGroupStudy = "CentralGroupStudy";
    public const string CollectiveStudy = "CollectiveStudy";
    public const string SpecialSeminar = "SpecialSeminar";
    public const string Preaching = "Preaching";
    public const string Symposium = "Symposium";
    public const string ExperienceExchange = "ExperienceExchange";
    public const string WarningEducation = "WarningEducation";
    public const string IntegrityMeeting = "IntegrityMeeting";
    public const string IdeologyMeeting = "IdeologyMeeting";
    public const string DeploymentMeeting = "DeploymentMeeting";

    /// <summary>Id, code, name in seeding order. Ids 1–18 are reserved for these; added kinds get ids from 101.</summary>
    public static readonly IReadOnlyList<(long Id, string Code, string Name)> BuiltIn =
    [
        (1, BranchGeneralMeeting, "支部党员大会"),
        (2, CommitteeMeeting, "支委会"),
        (3, GroupMeeting, "党小组会"),
        (4, PartyLecture, "党课"),
        (5, ThemeDay, "主题党日"),
        (6, OrganizationalLifeMeeting, "组织生活会"),
        (7, LeadershipLifeMeeting, "民主生活会"),
        (8, PartyCommitteeMeeting, "党组（党委）会议"),
        (9, CentralGroupStudy, "理论学习中心组学习"),
        (10, CollectiveStudy, "集中学习"),
        (11, SpecialSeminar, "专题研讨"),
        (12, Preaching, "宣讲"),
        (13, Symposium, "座谈会"),
        (14, ExperienceExchange, "经验交流会"),
        (15, WarningEducation, "警示教育"),
        (16, IntegrityMeeting, "党风廉政专题会"),
        (17, IdeologyMeeting, "意识形态专题会"),
        (18, DeploymentMeeting, "专题部署会"),
    ];
}
