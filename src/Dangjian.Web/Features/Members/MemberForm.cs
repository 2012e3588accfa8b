using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Members;

namespace Dangjian.Web.Features.Members;

/// <summary>The member form as posted: every field is text, so a bad date or choice becomes a Chinese message under its field.</summary>
public sealed class MemberForm
{
    public string? Name { get; set; }
    public string? Gender { get; set; }
    public string? Ethnicity { get; set; }
    public string? BirthDate { get; set; }
    public string? IdNumber { get; set; }
    public string? NativePlace { get; set; }
    public string? Education { get; set; }
    public string? Degree { get; set; }
    public string? Occupation { get; set; }
    public string? EmploymentStatus { get; set; }
    public string? Employer { get; set; }
    public string? JobTitle { get; set; }
    public bool IsLeadingCadre { get; set; }
    public string? CadreLevel { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? ApplicationDate { get; set; }
    public string? AdmittedOn { get; set; }
    public string? ConfirmedOn { get; set; }
    public string? Category { get; set; }
    public bool IsMobile { get; set; }
    public string? MobileWhere { get; set; }
    public string? MobileSince { get; set; }
    public bool IsLostContact { get; set; }
    public string? LostContactSince { get; set; }

    public static MemberForm From(MemberDetails d) => new()
    {
        Name = d.Name, Gender = d.Gender.ToString(), Ethnicity = d.Ethnicity, BirthDate = Fmt(d.BirthDate), IdNumber = d.IdNumber,
        NativePlace = d.NativePlace, Education = d.Education?.ToString(), Degree = d.Degree, Occupation = d.Occupation?.ToString(),
        EmploymentStatus = d.EmploymentStatus.ToString(), Employer = d.Employer, JobTitle = d.JobTitle, IsLeadingCadre = d.IsLeadingCadre,
        CadreLevel = d.CadreLevel, Phone = d.Phone, Address = d.Address, ApplicationDate = Fmt(d.ApplicationDate), AdmittedOn = Fmt(d.AdmittedOn),
        ConfirmedOn = Fmt(d.ConfirmedOn), Category = d.Category.ToString(), IsMobile = d.IsMobile, MobileWhere = d.MobileWhere,
        MobileSince = Fmt(d.MobileSince), IsLostContact = d.IsLostContact, LostContactSince = Fmt(d.LostContactSince),
    };

    public Result<MemberInput> ToInput()
    {
        var errors = new List<Error>();
        var input = new MemberInput
        {
            Name = Name, Ethnicity = Ethnicity, IdNumber = IdNumber, NativePlace = NativePlace, Degree = Degree, Employer = Employer, JobTitle = JobTitle,
            IsLeadingCadre = IsLeadingCadre, CadreLevel = CadreLevel, Phone = Phone, Address = Address, IsMobile = IsMobile, MobileWhere = MobileWhere,
            IsLostContact = IsLostContact,
            Gender = Choice<Gender>(Gender, "Gender", "性别", errors),
            Education = Choice<Education>(Education, "Education", "学历", errors),
            Occupation = Choice<Occupation>(Occupation, "Occupation", "职业", errors),
            EmploymentStatus = Choice<EmploymentStatus>(EmploymentStatus, "EmploymentStatus", "从业状态", errors),
            Category = Choice<MemberCategory>(Category, "Category", "党员类别", errors),
            BirthDate = Date(BirthDate, "BirthDate", "出生日期", errors),
            ApplicationDate = Date(ApplicationDate, "ApplicationDate", "申请入党日期", errors),
            AdmittedOn = Date(AdmittedOn, "AdmittedOn", "入党日期", errors),
            ConfirmedOn = Date(ConfirmedOn, "ConfirmedOn", "转正日期", errors),
            MobileSince = Date(MobileSince, "MobileSince", "外出日期", errors),
            LostContactSince = Date(LostContactSince, "LostContactSince", "失联日期", errors),
        };
        return errors.Count > 0 ? Result<MemberInput>.Failure(errors) : input;
    }


    private static string Fmt(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    internal static DateOnly? Date(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(Error.Validation("form.date", $"{label}格式应为 yyyy-MM-dd", field));
        return null;
    }

    internal static T? Choice<T>(string? text, string field, string label, List<Error> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<T>(text.Trim(), out var value) && Enum.IsDefined(value)) return value;
        errors.Add(Error.Validation("form.choice", $"{label}选项无效", field));
        return null;
    }
}

public sealed class MemberRecordForm
{
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Detail { get; set; }
    public string? FromDate { get; set; }
    public string? ToDate { get; set; }
    public string? Level { get; set; }
    public string? Type { get; set; }
    public string? Relation { get; set; }

    public Result<MemberRecordInput> ToInput()
    {
        var errors = new List<Error>();
        var input = new MemberRecordInput
        {
            Kind = MemberForm.Choice<MemberRecordKind>(Kind, "Kind", "记录类别", errors), Title = Title, Detail = Detail, Level = Level, Type = Type, Relation = Relation,
            FromDate = MemberForm.Date(FromDate, "FromDate", "开始日期", errors), ToDate = MemberForm.Date(ToDate, "ToDate", "结束日期", errors),
        };
        return errors.Count > 0 ? Result<MemberRecordInput>.Failure(errors) : input;
    }
}
