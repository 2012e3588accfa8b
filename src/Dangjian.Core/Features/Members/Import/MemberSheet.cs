using System.Globalization;

namespace Dangjian.Core.Features.Members.Import;

/// <summary>
/// The member columns of the import template, the import and the export: one definition, so a file the system
/// exports re-imports as it is (architecture decision 11).
/// </summary>
public static class MemberSheet
{
    public const string SheetName = "党员名册";
    public const int MaxRows = 20_000;

    public const string Name = "姓名";
    public const string Gender = "性别";
    public const string Ethnicity = "民族";
    public const string BirthDate = "出生日期";
    public const string IdNumber = "身份证号";
    public const string NativePlace = "籍贯";
    public const string Education = "学历";
    public const string Degree = "学位";
    public const string Occupation = "职业";
    public const string EmploymentStatus = "从业状态";
    public const string Employer = "工作单位";
    public const string JobTitle = "职务";
    public const string Phone = "联系电话";
    public const string Address = "地址";
    public const string ApplicationDate = "申请入党日期";
    public const string AdmittedOn = "入党日期";
    public const string ConfirmedOn = "转正日期";
    public const string Category = "党员类别";
    public const string BranchCode = "所在党支部编码";
    public const string GroupCode = "所在党小组编码";

    public static readonly IReadOnlyList<string> Headers =
    [
        Name, Gender, Ethnicity, BirthDate, IdNumber, NativePlace, Education, Degree, Occupation, EmploymentStatus,
        Employer, JobTitle, Phone, Address, ApplicationDate, AdmittedOn, ConfirmedOn, Category, BranchCode, GroupCode,
    ];

    /// <summary>Required columns, marked in the template's header with "*" by the caller if it wishes; the import accepts both.</summary>
    public static readonly IReadOnlySet<string> Required = new HashSet<string> { Name, Gender, BirthDate, IdNumber, EmploymentStatus, AdmittedOn, Category, BranchCode };

    public static readonly IReadOnlyList<double> Widths = [10, 6, 8, 12, 22, 14, 12, 10, 30, 12, 24, 14, 16, 30, 14, 12, 12, 10, 16, 16];

    /// <summary>Which column a <see cref="MemberRules"/> error belongs to, by its field name.</summary>
    public static string ColumnOf(string? field) => field switch
    {
        "Name" => Name,
        "Gender" => Gender,
        "Ethnicity" => Ethnicity,
        "BirthDate" => BirthDate,
        "IdNumber" => IdNumber,
        "NativePlace" => NativePlace,
        "Education" => Education,
        "Degree" => Degree,
        "Occupation" => Occupation,
        "EmploymentStatus" => EmploymentStatus,
        "Employer" => Employer,
        "JobTitle" => JobTitle,
        "Phone" => Phone,
        "Address" => Address,
        "ApplicationDate" => ApplicationDate,
        "AdmittedOn" => AdmittedOn,
        "ConfirmedOn" => ConfirmedOn,
        "Category" => Category,
        "OrganizationId" => BranchCode,
        "GroupId" => GroupCode,
        _ => "",
    };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>One member as a row of the sheet, in <see cref="Headers"/> order.</summary>
    public static string?[] Cells(Member m, string branchCode, string? groupCode, string idNumber, string? phone) =>
    [
        m.Name, m.Gender.Label(), m.Ethnicity, Date(m.BirthDate), idNumber, m.NativePlace, m.Education?.Label(), m.Degree,
        m.Occupation?.Label(), m.EmploymentStatus.Label(), m.Employer, m.JobTitle, phone, m.Address, Date(m.ApplicationDate),
        Date(m.AdmittedOn), Date(m.ConfirmedOn), m.Category.Label(), branchCode, groupCode,
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
