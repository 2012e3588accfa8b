using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Members;

/// <summary>What a form, an API call or an imported row submits for a member; every field may be missing or wrong.</summary>
public sealed record MemberInput
{
    public string? Name { get; init; }
    public Gender? Gender { get; init; }
    public string? Ethnicity { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? IdNumber { get; init; }
    public string? NativePlace { get; init; }
    public Education? Education { get; init; }
    public string? Degree { get; init; }
    public Occupation? Occupation { get; init; }
    public EmploymentStatus? EmploymentStatus { get; init; }
    public string? Employer { get; init; }
    public string? JobTitle { get; init; }
    public bool IsLeadingCadre { get; init; }
    public string? CadreLevel { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }
    public DateOnly? ApplicationDate { get; init; }
    public DateOnly? AdmittedOn { get; init; }
    public DateOnly? ConfirmedOn { get; init; }
    public MemberCategory? Category { get; init; }
    public bool IsMobile { get; init; }
    public string? MobileWhere { get; init; }
    public DateOnly? MobileSince { get; init; }
    public bool IsLostContact { get; init; }
    public DateOnly? LostContactSince { get; init; }
}

/// <summary>
/// Field rules for a member (domain.md §6, §9): the ID number's checksum, its birth date and sex against what was
/// entered, age ≥ 18 on the application day, and the order birth &lt; application &lt; 入党 &lt; 转正.
/// Every broken rule is returned at once.
/// </summary>
public static class MemberRules
{
    public const int MinimumAgeAtApplication = 18;

    public static Result<MemberFields> Validate(MemberInput input, DateOnly today)
    {
        var errors = new List<Error>();
        var (name, id) = ValidateIdentity(input.Name, input.Gender, input.BirthDate, input.IdNumber, today, errors);
        if (input.AdmittedOn is null) errors.Add(MemberErrors.AdmittedRequired);
        if (input.Category is null) errors.Add(MemberErrors.CategoryRequired);
        if (input.EmploymentStatus is null) errors.Add(MemberErrors.EmploymentRequired);

        // The chain of dates: each step strictly after the one before (《细则》).
        ValidateApplicationAge(input.BirthDate, input.ApplicationDate, errors);

        if (input.AdmittedOn is DateOnly admitted)
        {
            if (input.ApplicationDate is DateOnly a && admitted <= a) errors.Add(MemberErrors.AdmittedBeforeApplication);
            else if (input.BirthDate is DateOnly bb && admitted <= bb) errors.Add(MemberErrors.AdmittedBeforeBirth);
            if (admitted > today) errors.Add(MemberErrors.AdmittedInFuture);
        }

        if (input.ConfirmedOn is DateOnly confirmed)
        {
            if (input.AdmittedOn is DateOnly ad && confirmed <= ad) errors.Add(MemberErrors.ConfirmedBeforeAdmitted);
            if (confirmed > today) errors.Add(MemberErrors.ConfirmedInFuture);
            if (input.Category == MemberCategory.Probationary) errors.Add(MemberErrors.ProbationaryWithConfirmation);
        }

        CheckLength(input.Ethnicity, 20, "Ethnicity", "民族", errors);
        CheckLength(input.NativePlace, Member.TextMaxLength, "NativePlace", "籍贯", errors);
        CheckLength(input.Degree, 50, "Degree", "学位", errors);
        CheckLength(input.Employer, Member.TextMaxLength, "Employer", "工作单位", errors);
        CheckLength(input.JobTitle, Member.TextMaxLength, "JobTitle", "职务", errors);
        CheckLength(input.CadreLevel, 50, "CadreLevel", "干部级别", errors);
        CheckLength(input.Address, Member.AddressMaxLength, "Address", "地址", errors);
        CheckLength(input.MobileWhere, Member.TextMaxLength, "MobileWhere", "流动去向", errors);
        var phone = Blank(input.Phone);
        if (phone is not null && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
        {
            errors.Add(MemberErrors.PhoneInvalid);
        }

        if (input.IsMobile && input.MobileSince is null) errors.Add(MemberErrors.MobileSinceRequired);
        if (input.IsLostContact && input.LostContactSince is null) errors.Add(MemberErrors.LostContactSinceRequired);

        if (errors.Count > 0) return Result<MemberFields>.Failure(errors);
        return new MemberFields(
            name, input.Gender!.Value, Blank(input.Ethnicity) ?? "汉族", input.BirthDate!.Value, id, Blank(input.NativePlace), input.Education,
            Blank(input.Degree), input.Occupation, input.EmploymentStatus!.Value, Blank(input.Employer), Blank(input.JobTitle), input.IsLeadingCadre,
            Blank(input.CadreLevel), phone, Blank(input.Address), input.ApplicationDate, input.AdmittedOn!.Value, input.ConfirmedOn, input.Category!.Value,
            input.IsMobile, input.IsMobile ? Blank(input.MobileWhere) : null, input.IsMobile ? input.MobileSince : null,
            input.IsLostContact, input.IsLostContact ? input.LostContactSince : null);
    }

    /// <summary>
    /// The identity checks every person record shares — members and 发展党员 candidates alike (domain.md §9): name, the ID number's
    /// checksum, and the birth date and sex it encodes against what was entered. Returns the trimmed name and normalized ID number.
    /// </summary>
    public static (string Name, string IdNumber) ValidateIdentity(string? name, Gender? gender, DateOnly? birthDate, string? idNumber, DateOnly today, List<Error> errors)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) errors.Add(MemberErrors.NameRequired);
        else if (trimmed.Length > Member.NameMaxLength) errors.Add(MemberErrors.NameTooLong);

        var id = IdNumber.Normalize(idNumber);
        var parsed = IdNumber.Parse(id);
        if (!parsed.IsSuccess) errors.AddRange(parsed.Errors);
        if (gender is null) errors.Add(MemberErrors.GenderRequired);
        if (birthDate is null) errors.Add(MemberErrors.BirthDateRequired);
        if (parsed.IsSuccess)
        {
            if (birthDate is DateOnly birth && birth != parsed.Value.BirthDate) errors.Add(MemberErrors.BirthDateMismatch(parsed.Value.BirthDate));
            if (gender is Gender g && g != parsed.Value.Gender) errors.Add(MemberErrors.GenderMismatch(parsed.Value.Gender));
        }

        if (birthDate > today) errors.Add(MemberErrors.BirthInFuture);
        return (trimmed, id);
    }

    /// <summary>
    /// 《细则》第六条: 年满十八岁. The 18th birthday itself is allowed; a 29 February birthday turns 18 on 28 February of a common
    /// year (the month's last day, as 《民法典》第二百零二条 reads a missing corresponding day; docs/adr/0015).
    /// </summary>
    public static void ValidateApplicationAge(DateOnly? birthDate, DateOnly? applicationDate, List<Error> errors)
    {
        if (birthDate is not DateOnly b || applicationDate is not DateOnly applied) return;
        if (applied <= b) errors.Add(MemberErrors.ApplicationBeforeBirth);
        else if (Member.AgeOn(b, applied) < MinimumAgeAtApplication) errors.Add(MemberErrors.UnderageAtApplication(b.AddYears(MinimumAgeAtApplication)));
    }

    private static void CheckLength(string? value, int max, string field, string label, List<Error> errors)
    {
        if (value?.Trim().Length > max) errors.Add(Error.Validation("member.too_long", $"{label}不能超过 {max} 个字", field));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
