using Dangjian.Core.Common;
using Dangjian.Core.Features.Members;

namespace Dangjian.Core.Features.Development;

/// <summary>Where a candidate stands on a date, from the milestone dates of their progress.</summary>
public enum CandidateStage
{
    Applicant,
    Activist,
    DevelopmentTarget,
    Probationary,
    Confirmed,
    Cancelled,
}

/// <summary>
/// A person in the 发展党员 pipeline who is not yet a member (domain.md §6). The identity fields and their rules are the
/// members' (<see cref="MemberRules.ValidateIdentity"/>). The milestone dates (<see cref="ActivistOn"/> …) copy the dates of the
/// steps that set them, so the point-in-time metrics are plain column ranges; only the step handlers write them.
/// </summary>
public sealed class Candidate : IOrganizationOwned
{
    private Candidate()
    {
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public Gender Gender { get; private set; }
    public string Ethnicity { get; private set; } = "汉族";
    public DateOnly BirthDate { get; private set; }
    public string IdNumber { get; private set; } = "";
    public string? NativePlace { get; private set; }
    public Education? Education { get; private set; }
    public Occupation? Occupation { get; private set; }
    public EmploymentStatus EmploymentStatus { get; private set; }

    /// <summary>工作单位.</summary>
    public string? Employer { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>共青团员.</summary>
    public bool IsLeagueMember { get; private set; }

    /// <summary>推优: recommended by the 团组织.</summary>
    public bool RecommendedByLeague { get; private set; }

    /// <summary>The branch that develops the person.</summary>
    public long OrganizationId { get; private set; }

    /// <summary>Step 1: the day the 入党申请书 was handed in.</summary>
    public DateOnly ApplicationDate { get; private set; }

    /// <summary>Step 3: 确定为入党积极分子.</summary>
    public DateOnly? ActivistOn { get; private set; }

    /// <summary>Step 7: 确定为发展对象.</summary>
    public DateOnly? TargetOn { get; private set; }

    /// <summary>Step 15: the 支部大会 vote; 入党日期.</summary>
    public DateOnly? VotedOn { get; private set; }

    /// <summary>Step 17: the upper committee's approval; from here the person is a 预备党员 (and counted as 发展党员).</summary>
    public DateOnly? AdmittedOn { get; private set; }

    /// <summary>The 预备党员 record created at admission.</summary>
    public long? MemberId { get; private set; }

    /// <summary>Months the probation was extended by (once, 6–12), and when that was decided.</summary>
    public int? ExtensionMonths { get; private set; }

    public DateOnly? ExtendedOn { get; private set; }

    /// <summary>Step 24: the upper committee approved the 转正.</summary>
    public DateOnly? ConfirmedOn { get; private set; }

    /// <summary>取消预备党员资格.</summary>
    public DateOnly? CancelledOn { get; private set; }

    public string? CancellationReason { get; private set; }

    public List<CandidateStep> Steps { get; } = [];

    public List<CandidatePerson> People { get; } = [];

    /// <summary>预备期满之日: 1 year after the vote, plus any extension (domain.md §6); null before the vote.</summary>
    public DateOnly? ProbationEndsOn => VotedOn is DateOnly vote ? DevelopmentRules.ProbationEndsOn(vote, ExtensionMonths) : null;

    public CandidateStage StageOn(DateOnly date) =>
        CancelledOn <= date ? CandidateStage.Cancelled
        : ConfirmedOn <= date ? CandidateStage.Confirmed
        : AdmittedOn <= date ? CandidateStage.Probationary
        : TargetOn <= date ? CandidateStage.DevelopmentTarget
        : ActivistOn <= date ? CandidateStage.Activist
        : CandidateStage.Applicant;

    internal static Candidate Create(CandidateFields fields, long organizationId)
    {
        var candidate = new Candidate { OrganizationId = organizationId };
        candidate.Apply(fields);
        return candidate;
    }

    internal void Apply(CandidateFields f)
    {
        Name = f.Name;
        Gender = f.Gender;
        Ethnicity = f.Ethnicity;
        BirthDate = f.BirthDate;
        IdNumber = f.IdNumber;
        NativePlace = f.NativePlace;
        Education = f.Education;
        Occupation = f.Occupation;
        EmploymentStatus = f.EmploymentStatus;
        Employer = f.Employer;
        Phone = f.Phone;
        IsLeagueMember = f.IsLeagueMember;
        RecommendedByLeague = f.RecommendedByLeague;
        ApplicationDate = f.ApplicationDate;
    }

    internal void MoveTo(long organizationId) => OrganizationId = organizationId;

    /// <summary>Copies the date of a milestone step into its column (and back to null when the step is gone).</summary>
    internal void SetMilestone(int step, DateOnly? on)
    {
        switch (step)
        {
            case DevelopmentCatalogue.Application: ApplicationDate = on ?? ApplicationDate; break;
            case DevelopmentCatalogue.ActivistChosen: ActivistOn = on; break;
            case DevelopmentCatalogue.TargetChosen: TargetOn = on; break;
            case DevelopmentCatalogue.AdmissionVote: VotedOn = on; break;
            case DevelopmentCatalogue.UpperApproval: AdmittedOn = on; break;
            case DevelopmentCatalogue.ConfirmationApproval: ConfirmedOn = on; break;
        }
    }

    internal void LinkMember(long memberId) => MemberId = memberId;

    internal void Extend(int months, DateOnly on)
    {
        ExtensionMonths = months;
        ExtendedOn = on;
    }

    internal void Cancel(DateOnly on, string reason)
    {
        CancelledOn = on;
        CancellationReason = reason;
    }
}

/// <summary>One completed step with its date and what it recorded. Repeatable steps (6, 21) have one row per occurrence.</summary>
public sealed class CandidateStep : IOrganizationOwned
{
    private CandidateStep()
    {
    }

    public long Id { get; private set; }
    public long CandidateId { get; private set; }

    /// <summary>The candidate's branch, so the audit files the row there.</summary>
    public long OrganizationId { get; private set; }

    /// <summary>1–25, <see cref="DevelopmentCatalogue"/>.</summary>
    public int Step { get; private set; }

    public DateOnly CompletedOn { get; private set; }

    /// <summary>谈话人, 审批的党委, 政审人员 …</summary>
    public string? Person { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The step's documents are filed (归档) on paper; uploads are attachments.</summary>
    public bool DocumentsFiled { get; private set; }

    public bool? ReviewPassed { get; private set; }
    public int? TrainingDays { get; private set; }
    public int? TrainingHours { get; private set; }
    public DateOnly? NoticeFrom { get; private set; }
    public DateOnly? NoticeTo { get; private set; }
    public DateOnly? LeavesUnitOn { get; private set; }

    /// <summary>应到会 (voting members), 实到会, and the votes; written opinions of absent voters counted separately.</summary>
    public int? ExpectedVoters { get; private set; }

    public int? PresentVoters { get; private set; }
    public int? YesVotes { get; private set; }
    public int? NoVotes { get; private set; }
    public int? Abstentions { get; private set; }
    public int? WrittenYes { get; private set; }
    public int? WrittenNo { get; private set; }

    internal static CandidateStep Record(long candidateId, long organizationId, int step, DateOnly on, StepDetails details) => new()
    {
        CandidateId = candidateId, OrganizationId = organizationId, Step = step, CompletedOn = on, Person = details.Person, Note = details.Note,
        DocumentsFiled = details.DocumentsFiled, ReviewPassed = details.ReviewPassed, TrainingDays = details.TrainingDays, TrainingHours = details.TrainingHours,
        NoticeFrom = details.NoticeFrom, NoticeTo = details.NoticeTo, LeavesUnitOn = details.LeavesUnitOn,
        ExpectedVoters = details.Vote?.ExpectedVoters, PresentVoters = details.Vote?.PresentVoters, YesVotes = details.Vote?.Yes, NoVotes = details.Vote?.No,
        Abstentions = details.Vote?.Abstain, WrittenYes = details.Vote?.WrittenYes, WrittenNo = details.Vote?.WrittenNo,
    };

    internal void CorrectDate(DateOnly on) => CompletedOn = on;

    internal void MarkFiled(bool filed) => DocumentsFiled = filed;

    public VoteCount? Vote => ExpectedVoters is int expected
        ? new VoteCount(expected, PresentVoters ?? 0, YesVotes ?? 0, NoVotes ?? 0, Abstentions ?? 0, WrittenYes ?? 0, WrittenNo ?? 0)
        : null;
}

/// <summary>A 培养联系人 or 入党介绍人 named for a candidate: always a member of the system.</summary>
public sealed class CandidatePerson : IOrganizationOwned
{
    private CandidatePerson()
    {
    }

    public long Id { get; private set; }
    public long CandidateId { get; private set; }
    public long OrganizationId { get; private set; }
    public CandidatePersonRole Role { get; private set; }
    public long MemberId { get; private set; }
    public DateOnly NamedOn { get; private set; }

    internal static CandidatePerson Name(long candidateId, long organizationId, CandidatePersonRole role, long memberId, DateOnly on) =>
        new() { CandidateId = candidateId, OrganizationId = organizationId, Role = role, MemberId = memberId, NamedOn = on };
}

/// <summary>The validated identity and application fields of a candidate.</summary>
public sealed record CandidateFields(
    string Name, Gender Gender, string Ethnicity, DateOnly BirthDate, string IdNumber, string? NativePlace, Education? Education, Occupation? Occupation,
    EmploymentStatus EmploymentStatus, string? Employer, string? Phone, bool IsLeagueMember, bool RecommendedByLeague, DateOnly ApplicationDate);

/// <summary>A 支部大会 vote on one candidate (《细则》第二十四条): each candidate is voted on separately, so each vote is one step row.</summary>
public sealed record VoteCount(int ExpectedVoters, int PresentVoters, int Yes, int No, int Abstain, int WrittenYes = 0, int WrittenNo = 0);

/// <summary>What a step records besides its date.</summary>
public sealed record StepDetails
{
    public string? Person { get; init; }
    public string? Note { get; init; }
    public bool DocumentsFiled { get; init; }
    public IReadOnlyList<long> MemberIds { get; init; } = [];
    public bool? ReviewPassed { get; init; }
    public int? TrainingDays { get; init; }
    public int? TrainingHours { get; init; }
    public DateOnly? NoticeFrom { get; init; }
    public DateOnly? NoticeTo { get; init; }
    public DateOnly? LeavesUnitOn { get; init; }
    public VoteCount? Vote { get; init; }
}
