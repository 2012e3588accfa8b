using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Meetings;

/// <summary>Who gave a 党课 (metrics.md lectures.count{lecturerRole}).</summary>
public enum LecturerRole
{
    /// <summary>书记 of the organization holding the lecture (or of a committee above it).</summary>
    Secretary,

    /// <summary>领导干部.</summary>
    LeadingCadre,

    /// <summary>普通党员: a 微党课.</summary>
    OrdinaryMember,

    /// <summary>特邀: an invited lecturer from outside.</summary>
    Invited,
}

/// <summary>How a person took part in a meeting.</summary>
public enum AttendeeRole
{
    /// <summary>A member of the organization on the meeting date: counts in 应到.</summary>
    Member,

    /// <summary>列席: attends without counting in 应到 or voting.</summary>
    NonVoting,

    /// <summary>A guest (e.g. from the higher organization or outside).</summary>
    Guest,
}

public enum AttendanceStatus
{
    Present,
    Leave,
    Absent,
}

/// <summary>议题 topic categories; 人事任免、重点项目、重大资金 are the 三重一大 categories.</summary>
public enum AgendaTopic
{
    PartyBuilding,
    Personnel,
    MajorProject,
    MajorFunds,
    Ideology,
    Other,
}

public static class MeetingLabels
{
    public static string Label(this LecturerRole role) => role switch
    {
        LecturerRole.Secretary => "书记",
        LecturerRole.LeadingCadre => "领导干部",
        LecturerRole.OrdinaryMember => "普通党员（微党课）",
        _ => "特邀",
    };

    public static string Label(this AttendeeRole role) => role switch
    {
        AttendeeRole.Member => "应到人员",
        AttendeeRole.NonVoting => "列席",
        _ => "嘉宾",
    };

    public static string Label(this AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "出席",
        AttendanceStatus.Leave => "请假",
        _ => "缺席",
    };

    public static string Label(this AgendaTopic topic) => topic switch
    {
        AgendaTopic.PartyBuilding => "党建",
        AgendaTopic.Personnel => "人事任免",
        AgendaTopic.MajorProject => "重点项目",
        AgendaTopic.MajorFunds => "重大资金",
        AgendaTopic.Ideology => "意识形态",
        _ => "其他",
    };
}

/// <summary>
/// One meeting or activity of an organization (a branch, a group or a committee). A record may carry several kinds —
/// a 主题党日 held together with a 支部党员大会 — and then counts for each (issue 4).
/// </summary>
public sealed class Meeting : IOrganizationOwned
{
    public const int TopicMaxLength = 200;
    public const int PlaceMaxLength = 200;
    public const int NameMaxLength = 50;
    public const int MinutesMaxLength = 20000;

    private Meeting()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }

    /// <summary>The calendar date that decides which month, quarter and year the meeting counts for.</summary>
    public DateOnly HeldOn { get; private set; }

    public TimeOnly? StartTime { get; private set; }
    public string? Place { get; private set; }
    public string Topic { get; private set; } = "";

    public long? HostMemberId { get; private set; }
    public string? HostName { get; private set; }
    public long? RecorderMemberId { get; private set; }
    public string? RecorderName { get; private set; }

    /// <summary>For a 党课: the lecturer, a member (linked) or an invited person (name only).</summary>
    public long? LecturerMemberId { get; private set; }

    public string? LecturerName { get; private set; }
    public LecturerRole? LecturerRole { get; private set; }

    /// <summary>Minutes in Markdown; rendered with HTML disabled.</summary>
    public string? Minutes { get; private set; }

    /// <summary>UTC instant the record was entered.</summary>
    public DateTime RecordedAt { get; private set; }

    /// <summary>
    /// Seats of the organization's committee in office on <see cref="HeldOn"/>, kept when the record is saved: the
    /// denominator of the 支委会 quorum, so a recorded decision stays explainable after later changes to the committee.
    /// </summary>
    public int? CommitteeSize { get; private set; }

    public List<MeetingKindLink> Kinds { get; private set; } = [];
    public List<MeetingAttendee> Attendees { get; private set; } = [];
    public List<AgendaItem> AgendaItems { get; private set; } = [];
    public List<KeySpeaker> KeySpeakers { get; private set; } = [];

    public static Meeting Create(long organizationId, MeetingDetails details, DateTime recordedAt)
    {
        var meeting = new Meeting { OrganizationId = organizationId, RecordedAt = recordedAt };
        meeting.Apply(details);
        return meeting;
    }

    public void Apply(MeetingDetails details)
    {
        HeldOn = details.HeldOn;
        StartTime = details.StartTime;
        Place = details.Place;
        Topic = details.Topic;
        HostMemberId = details.HostMemberId;
        HostName = details.HostName;
        RecorderMemberId = details.RecorderMemberId;
        RecorderName = details.RecorderName;
        LecturerMemberId = details.LecturerMemberId;
        LecturerName = details.LecturerName;
        LecturerRole = details.LecturerRole;
        Minutes = details.Minutes;
    }

    public void MoveTo(long organizationId) => OrganizationId = organizationId;

    public void RecordCommitteeSize(int? seats) => CommitteeSize = seats;
}

/// <summary>The validated header fields of a meeting.</summary>
public sealed record MeetingDetails(
    DateOnly HeldOn,
    TimeOnly? StartTime,
    string? Place,
    string Topic,
    long? HostMemberId,
    string? HostName,
    long? RecorderMemberId,
    string? RecorderName,
    long? LecturerMemberId,
    string? LecturerName,
    LecturerRole? LecturerRole,
    string? Minutes);

/// <summary>One kind a meeting carries.</summary>
public sealed class MeetingKindLink
{
    private MeetingKindLink()
    {
    }

    public long MeetingId { get; private set; }
    public long MeetingKindId { get; private set; }

    public static MeetingKindLink For(long kindId) => new() { MeetingKindId = kindId };
}

/// <summary>
/// One person at a meeting. For <see cref="AttendeeRole.Member"/> rows the roles on the meeting date are kept
/// (<see cref="IsVoter"/>, <see cref="IsCommitteeMember"/>) so a recorded decision stays explainable after later changes.
/// </summary>
public sealed class MeetingAttendee
{
    public const int ReasonMaxLength = 200;

    private MeetingAttendee()
    {
    }

    public long Id { get; private set; }
    public long MeetingId { get; private set; }
    public long? MemberId { get; private set; }
    public string Name { get; private set; } = "";
    public AttendeeRole Role { get; private set; }
    public AttendanceStatus Status { get; private set; }

    /// <summary>请假 reason.</summary>
    public string? LeaveReason { get; private set; }

    /// <summary>正式党员 with 党籍 in order on the meeting date: has a vote (《党章》 第七条).</summary>
    public bool IsVoter { get; private set; }

    /// <summary>A 支委 of the meeting's organization on the meeting date.</summary>
    public bool IsCommitteeMember { get; private set; }

    /// <summary>Approved exclusion from 应到会 (long-term sick, abroad ≥ 6 months, …), domain.md §3.</summary>
    public bool ExcludedFromExpected { get; private set; }

    public string? ExclusionReason { get; private set; }

    public static MeetingAttendee Create(
        long? memberId, string name, AttendeeRole role, AttendanceStatus status, string? leaveReason,
        bool isVoter, bool isCommitteeMember, bool excluded, string? exclusionReason) =>
        new()
        {
            MemberId = memberId,
            Name = name,
            Role = role,
            Status = status,
            LeaveReason = status == AttendanceStatus.Leave ? leaveReason : null,
            IsVoter = role == AttendeeRole.Member && isVoter,
            IsCommitteeMember = role == AttendeeRole.Member && isCommitteeMember,
            ExcludedFromExpected = role == AttendeeRole.Member && excluded,
            ExclusionReason = role == AttendeeRole.Member && excluded ? exclusionReason : null,
        };
}

/// <summary>议题 with its decision; a resolution (表决事项) carries the vote counts.</summary>
public sealed class AgendaItem
{
    public const int TitleMaxLength = 200;
    public const int DecisionMaxLength = 1000;

    private AgendaItem()
    {
    }

    public long Id { get; private set; }
    public long MeetingId { get; private set; }
    public int Order { get; private set; }
    public string Title { get; private set; } = "";
    public AgendaTopic Topic { get; private set; }
    public string? Decision { get; private set; }

    /// <summary>Null when the item was not put to a vote.</summary>
    public int? VotesYes { get; private set; }

    public int? VotesNo { get; private set; }
    public int? VotesAbstain { get; private set; }

    /// <summary>
    /// What the record says the vote decided: 通过 (true) or 未通过 (false); null when the item was not put to a vote.
    /// Saving checks it against <see cref="MajorityRules.ResolutionPasses"/>, so a 通过 without a majority of 应到会 is refused.
    /// </summary>
    public bool? Passed { get; private set; }

    public bool IsVoted => VotesYes is not null;

    public static AgendaItem Create(int order, string title, AgendaTopic topic, string? decision, int? yes, int? no, int? abstain, bool? passed = null) =>
        new()
        {
            Order = order, Title = title, Topic = topic, Decision = decision, VotesYes = yes, VotesNo = yes is null ? null : no ?? 0,
            VotesAbstain = yes is null ? null : abstain ?? 0, Passed = yes is null ? null : passed,
        };
}

/// <summary>重点发言: a member (linked) or another person who spoke on the record.</summary>
public sealed class KeySpeaker
{
    public const int SummaryMaxLength = 500;

    private KeySpeaker()
    {
    }

    public long Id { get; private set; }
    public long MeetingId { get; private set; }
    public long? MemberId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Summary { get; private set; }

    public static KeySpeaker Create(long? memberId, string name, string? summary) => new() { MemberId = memberId, Name = name, Summary = summary };
}
