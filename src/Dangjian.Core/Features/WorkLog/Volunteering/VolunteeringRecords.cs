using Dangjian.Core.Common;

namespace Dangjian.Core.Features.WorkLog.Volunteering;

/// <summary>
/// 志愿服务活动: one activity of an organization on a date. Party members take part by name (each with the hours they served);
/// public volunteers (群众志愿者) are a head count. The activity's total hours are derived: the sum of its participants' hours.
/// </summary>
public sealed class VolunteerActivity : IOrganizationOwned
{
    public const int TitleMaxLength = 200;
    public const int ProjectMaxLength = 100;
    public const int NoteMaxLength = 1000;

    private readonly List<VolunteerParticipant> _participants = [];

    private VolunteerActivity()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The service project the activity belongs to (e.g. 社区环境整治), if any.</summary>
    public string? ServiceProject { get; private set; }

    /// <summary>Whether the project was 认领 (claimed from a community's list of service projects).</summary>
    public bool ProjectClaimed { get; private set; }

    public int PublicVolunteers { get; private set; }
    public string? Note { get; private set; }

    public IReadOnlyList<VolunteerParticipant> Participants => _participants;

    public decimal TotalHours => _participants.Sum(p => p.Hours);

    public static VolunteerActivity Create(long organizationId, ValidVolunteerActivity v)
    {
        var activity = new VolunteerActivity { OrganizationId = organizationId };
        activity.Update(v);
        return activity;
    }

    public void Update(ValidVolunteerActivity v)
    {
        HeldOn = v.HeldOn;
        Title = v.Title;
        ServiceProject = v.ServiceProject;
        ProjectClaimed = v.ServiceProject is not null && v.ProjectClaimed;
        PublicVolunteers = v.PublicVolunteers;
        Note = v.Note;
        SetParticipants(v.Participants);
    }

    public void SetParticipants(IReadOnlyList<ParticipantHours> participants)
    {
        // Keep the rows of members still taking part (the audit log then shows changed hours, not a delete and an insert).
        _participants.RemoveAll(p => participants.All(n => n.MemberId != p.MemberId));
        foreach (var n in participants)
        {
            var existing = _participants.FirstOrDefault(p => p.MemberId == n.MemberId);
            if (existing is null) _participants.Add(new VolunteerParticipant(n.MemberId, n.Hours));
            else existing.Hours = n.Hours;
        }
    }
}

/// <summary>A party member who took part in a 志愿服务活动, with the hours served that day.</summary>
public sealed class VolunteerParticipant
{
    private VolunteerParticipant()
    {
    }

    internal VolunteerParticipant(long memberId, decimal hours)
    {
        MemberId = memberId;
        Hours = hours;
    }

    public long Id { get; private set; }
    public long ActivityId { get; private set; }
    public long MemberId { get; private set; }
    public decimal Hours { get; internal set; }
}

public sealed record ParticipantHours(long MemberId, decimal Hours);

public sealed record ValidVolunteerActivity(
    DateOnly HeldOn, string Title, string? ServiceProject, bool ProjectClaimed, int PublicVolunteers, string? Note, IReadOnlyList<ParticipantHours> Participants);

/// <summary>在职党员到社区报到: a member (working in the organization) reports to the community where they live.</summary>
public sealed class CommunityReport : IOrganizationOwned
{
    public const int CommunityMaxLength = 100;
    public const int NoteMaxLength = 500;

    private CommunityReport()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public long MemberId { get; private set; }
    public string Community { get; private set; } = "";
    public DateOnly ReportedOn { get; private set; }
    public string? Note { get; private set; }

    public static CommunityReport Create(long organizationId, long memberId, string community, DateOnly reportedOn, string? note) =>
        new() { OrganizationId = organizationId, MemberId = memberId, Community = community, ReportedOn = reportedOn, Note = note };

    public void Update(long memberId, string community, DateOnly reportedOn, string? note)
    {
        MemberId = memberId;
        Community = community;
        ReportedOn = reportedOn;
        Note = note;
    }
}

/// <summary>The three kinds of 党员先锋岗 the summaries count.</summary>
public enum PioneerPostKind
{
    /// <summary>党员先锋岗.</summary>
    Pioneer,

    /// <summary>党员示范岗.</summary>
    Model,

    /// <summary>党员责任区.</summary>
    ResponsibilityArea,
}

public static class PioneerPostKinds
{
    public static string Label(PioneerPostKind kind) => kind switch
    {
        PioneerPostKind.Pioneer => "党员先锋岗",
        PioneerPostKind.Model => "党员示范岗",
        PioneerPostKind.ResponsibilityArea => "党员责任区",
        _ => kind.ToString(),
    };
}

/// <summary>党员先锋岗 / 示范岗 / 责任区: a named post of an organization, held by some members, from a date until (optionally) a date.</summary>
public sealed class PioneerPost : IOrganizationOwned
{
    public const int NameMaxLength = 100;
    public const int NoteMaxLength = 500;

    private readonly List<PioneerPostMember> _members = [];

    private PioneerPost()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public PioneerPostKind Kind { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public string? Note { get; private set; }

    public IReadOnlyList<PioneerPostMember> Members => _members;

    public static PioneerPost Create(long organizationId, ValidPioneerPost v)
    {
        var post = new PioneerPost { OrganizationId = organizationId };
        post.Update(v);
        return post;
    }

    public void Update(ValidPioneerPost v)
    {
        Name = v.Name;
        Kind = v.Kind;
        From = v.From;
        To = v.To;
        Note = v.Note;
        _members.RemoveAll(m => !v.MemberIds.Contains(m.MemberId));
        foreach (var id in v.MemberIds.Where(id => _members.All(m => m.MemberId != id))) _members.Add(new PioneerPostMember(id));
    }
}

public sealed class PioneerPostMember
{
    private PioneerPostMember()
    {
    }

    internal PioneerPostMember(long memberId) => MemberId = memberId;

    public long Id { get; private set; }
    public long PostId { get; private set; }
    public long MemberId { get; private set; }
}

public sealed record ValidPioneerPost(string Name, PioneerPostKind Kind, DateOnly From, DateOnly? To, string? Note, IReadOnlyList<long> MemberIds);
