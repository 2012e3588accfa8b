using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Members;

/// <summary>
/// A Party member (党员). <see cref="OrganizationId"/> is the branch that holds the 正式组织关系 today; where the member
/// was on any past date is in <see cref="MemberPlacement"/>, so past figures stay right after transfers.
/// </summary>
public sealed class Member : IOrganizationOwned
{
    public const int NameMaxLength = 50;
    public const int TextMaxLength = 100;
    public const int AddressMaxLength = 200;

    private Member()
    {
    }

    public long Id { get; private set; }

    // Personal data
    public string Name { get; private set; } = "";
    public Gender Gender { get; private set; }
    public string Ethnicity { get; private set; } = "汉族";
    public DateOnly BirthDate { get; private set; }
    public string IdNumber { get; private set; } = "";
    public string? NativePlace { get; private set; }
    public Education? Education { get; private set; }
    public string? Degree { get; private set; }
    public Occupation? Occupation { get; private set; }
    public EmploymentStatus EmploymentStatus { get; private set; }
    public string? Employer { get; private set; }
    public string? JobTitle { get; private set; }
    public bool IsLeadingCadre { get; private set; }
    public string? CadreLevel { get; private set; }
    public string? Phone { get; private set; }
    public string? Address { get; private set; }

    // Party data
    public DateOnly? ApplicationDate { get; private set; }

    /// <summary>入党日期: the date of the 支部大会 vote (domain.md §6).</summary>
    public DateOnly AdmittedOn { get; private set; }

    /// <summary>转正日期; 党龄 counts from here.</summary>
    public DateOnly? ConfirmedOn { get; private set; }

    public MemberCategory Category { get; private set; }
    public MembershipStatus Status { get; private set; }
    public DateOnly? StatusSince { get; private set; }
    public DateOnly? ProbationPunishmentEndsOn { get; private set; }
    public ExitType? ExitType { get; private set; }
    public DateOnly? ExitedOn { get; private set; }
    public string? ExitReason { get; private set; }

    public bool IsMobile { get; private set; }
    public string? MobileWhere { get; private set; }
    public DateOnly? MobileSince { get; private set; }
    public bool IsLostContact { get; private set; }
    public DateOnly? LostContactSince { get; private set; }

    /// <summary>The branch holding the 正式组织关系.</summary>
    public long OrganizationId { get; private set; }

    /// <summary>The 党小组 inside that branch, if any.</summary>
    public long? GroupId { get; private set; }

    // 集中排查: the four materials a member file must hold (domain.md §6, step 25).
    public bool HasApplicationLetter { get; private set; }
    public bool HasVolunteerForm { get; private set; }
    public bool HasPoliticalReview { get; private set; }
    public bool HasConfirmationApplication { get; private set; }
    public DateOnly? FilesCompletedOn { get; private set; }

    /// <summary>The member's own log-in, for self-service pages; null until an administrator opens one.</summary>
    public string? UserId { get; private set; }

    public bool HasLeft => Status == MembershipStatus.Left;

    /// <summary>
    /// Set when the relationship moved out of the system (转出系统外) on that date. The member keeps
    /// <see cref="Status"/> Normal (they are still a Party member elsewhere) and <see cref="OrganizationId"/> names the
    /// last branch that held them, so the sender can follow the 回执; the roster and every count from that date on
    /// leave them out, and their placement is closed on that date.
    /// </summary>
    public DateOnly? TransferredOutOn { get; private set; }

    internal void MarkTransferredOut(DateOnly on) => TransferredOutOn = on;

    internal void LinkUser(string? userId) => UserId = userId;

    internal static Member Create(MemberFields fields, long organizationId, long? groupId)
    {
        var member = new Member { OrganizationId = organizationId, GroupId = groupId, Status = MembershipStatus.Normal };
        member.Apply(fields);
        return member;
    }

    internal void Apply(MemberFields f)
    {
        Name = f.Name;
        Gender = f.Gender;
        Ethnicity = f.Ethnicity;
        BirthDate = f.BirthDate;
        IdNumber = f.IdNumber;
        NativePlace = f.NativePlace;
        Education = f.Education;
        Degree = f.Degree;
        Occupation = f.Occupation;
        EmploymentStatus = f.EmploymentStatus;
        Employer = f.Employer;
        JobTitle = f.JobTitle;
        IsLeadingCadre = f.IsLeadingCadre;
        CadreLevel = f.CadreLevel;
        Phone = f.Phone;
        Address = f.Address;
        ApplicationDate = f.ApplicationDate;
        AdmittedOn = f.AdmittedOn;
        ConfirmedOn = f.ConfirmedOn;
        Category = f.Category;
        IsMobile = f.IsMobile;
        MobileWhere = f.MobileWhere;
        MobileSince = f.MobileSince;
        IsLostContact = f.IsLostContact;
        LostContactSince = f.LostContactSince;
    }

    internal void PlaceIn(long organizationId, long? groupId)
    {
        OrganizationId = organizationId;
        GroupId = groupId;
    }

    internal void ChangeStatus(MembershipStatus status, DateOnly since, DateOnly? probationEnds, ExitType? exitType, string? reason)
    {
        Status = status;
        StatusSince = since;
        ProbationPunishmentEndsOn = status == MembershipStatus.OnProbationPunishment ? probationEnds : null;
        ExitType = status == MembershipStatus.Left ? exitType : null;
        ExitedOn = status == MembershipStatus.Left ? since : null;
        ExitReason = status == MembershipStatus.Left ? reason : null;
    }

    /// <summary>转正 (domain.md §6): the category becomes 正式; <paramref name="confirmedOn"/> is the end of the probation, where 党龄 starts.</summary>
    internal void Confirm(DateOnly confirmedOn)
    {
        Category = MemberCategory.Full;
        ConfirmedOn = confirmedOn;
    }

    /// <summary>An audited correction of the 支部大会 vote date of a member admitted through the 发展党员 pipeline.</summary>
    internal void CorrectAdmission(DateOnly admittedOn) => AdmittedOn = admittedOn;

    internal void MarkMaterials(bool application, bool volunteerForm, bool politicalReview, bool confirmationApplication, DateOnly today)
    {
        HasApplicationLetter = application;
        HasVolunteerForm = volunteerForm;
        HasPoliticalReview = politicalReview;
        HasConfirmationApplication = confirmationApplication;
        if (application && volunteerForm && politicalReview && confirmationApplication && FilesCompletedOn is null)
        {
            FilesCompletedOn = today;
        }
    }

    /// <summary>Age in whole years on <paramref name="date"/>.</summary>
    public static int AgeOn(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        if (date < birth.AddYears(age)) age--;
        return age;
    }
}

/// <summary>Which branch (and group) held a member's relationship from <see cref="From"/> until <see cref="To"/> (exclusive).</summary>
public sealed class MemberPlacement
{
    private MemberPlacement()
    {
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }
    public long OrganizationId { get; private set; }
    public long? GroupId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }

    internal static MemberPlacement Open(long memberId, long organizationId, long? groupId, DateOnly from) =>
        new() { MemberId = memberId, OrganizationId = organizationId, GroupId = groupId, From = from };

    internal void Close(DateOnly on) => To = on;

    /// <summary>An audited correction of when the placement began (the 发展党员 vote date was corrected).</summary>
    internal void CorrectStart(DateOnly from) => From = from;
}

/// <summary>The validated fields a user enters for a member.</summary>
public sealed record MemberFields(
    string Name,
    Gender Gender,
    string Ethnicity,
    DateOnly BirthDate,
    string IdNumber,
    string? NativePlace,
    Education? Education,
    string? Degree,
    Occupation? Occupation,
    EmploymentStatus EmploymentStatus,
    string? Employer,
    string? JobTitle,
    bool IsLeadingCadre,
    string? CadreLevel,
    string? Phone,
    string? Address,
    DateOnly? ApplicationDate,
    DateOnly AdmittedOn,
    DateOnly? ConfirmedOn,
    MemberCategory Category,
    bool IsMobile,
    string? MobileWhere,
    DateOnly? MobileSince,
    bool IsLostContact,
    DateOnly? LostContactSince);
