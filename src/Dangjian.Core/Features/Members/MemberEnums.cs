namespace Dangjian.Core.Features.Members;

public enum Gender
{
    Male,
    Female,
}

/// <summary>学历, the six levels of the 党内统计 (domain.md §8).</summary>
public enum Education
{
    Postgraduate,
    Undergraduate,
    JuniorCollege,
    SecondaryVocational,
    HighSchool,
    JuniorHighOrBelow,
}

/// <summary>职业 categories of the 党内统计 (domain.md §8).</summary>
public enum Occupation
{
    Worker,
    FarmerHerderFisher,
    ProfessionalTechnical,
    Manager,
    PartyGovernmentStaff,
    Student,
    Other,
    Retired,
}

/// <summary>Employment status; it decides, among other things, which 党费 table applies.</summary>
public enum EmploymentStatus
{
    Employed,
    Retired,
    Student,
    Farmer,
    NoFixedJob,
    Other,
}

/// <summary>正式党员 / 预备党员.</summary>
public enum MemberCategory
{
    Full,
    Probationary,
}

/// <summary>党籍状态.</summary>
public enum MembershipStatus
{
    Normal,
    Suspended,
    OnProbationPunishment,
    Left,
}

/// <summary>How a member left the Party (出党).</summary>
public enum ExitType
{
    Removed,
    Persuaded,
    Expelled,
    SelfLapsed,
    Withdrew,
    Deceased,

    /// <summary>取消预备党员资格 (《细则》第三十五条): a 预备党员 who is not confirmed; recorded by the 发展党员 pipeline.</summary>
    Disqualified,
}

public static class MemberLabels
{
    public static string Label(this Gender value) => value == Gender.Male ? "男" : "女";

    public static string Label(this Education value) => value switch
    {
        Education.Postgraduate => "研究生",
        Education.Undergraduate => "大学本科",
        Education.JuniorCollege => "大学专科",
        Education.SecondaryVocational => "中专",
        Education.HighSchool => "高中",
        _ => "初中及以下",
    };

    public static string Label(this Occupation value) => value switch
    {
        Occupation.Worker => "工人（工勤技能人员）",
        Occupation.FarmerHerderFisher => "农牧渔民",
        Occupation.ProfessionalTechnical => "企事业单位、社会组织专业技术人员",
        Occupation.Manager => "企事业单位、社会组织管理人员",
        Occupation.PartyGovernmentStaff => "党政机关工作人员",
        Occupation.Student => "学生",
        Occupation.Other => "其他职业人员",
        _ => "离退休人员",
    };

    public static string Label(this EmploymentStatus value) => value switch
    {
        EmploymentStatus.Employed => "在职",
        EmploymentStatus.Retired => "离退休",
        EmploymentStatus.Student => "学生",
        EmploymentStatus.Farmer => "农民",
        EmploymentStatus.NoFixedJob => "无固定职业",
        _ => "其他",
    };

    public static string Label(this MemberCategory value) => value == MemberCategory.Full ? "正式党员" : "预备党员";

    public static string Label(this MembershipStatus value) => value switch
    {
        MembershipStatus.Normal => "正常",
        MembershipStatus.Suspended => "停止党籍",
        MembershipStatus.OnProbationPunishment => "留党察看",
        _ => "出党",
    };

    public static string Label(this ExitType value) => value switch
    {
        ExitType.Removed => "除名",
        ExitType.Persuaded => "劝退",
        ExitType.Expelled => "开除",
        ExitType.SelfLapsed => "自行脱党",
        ExitType.Withdrew => "退党",
        ExitType.Disqualified => "取消预备党员资格",
        _ => "死亡",
    };

    /// <summary>Parses an enum from its code name or its Chinese label, as typed in a form or an imported sheet.</summary>
    public static bool TryParseLabel<T>(string? text, Func<T, string> label, out T value)
        where T : struct, Enum
    {
        var trimmed = text?.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(trimmed, candidate.ToString(), StringComparison.OrdinalIgnoreCase) || trimmed == label(candidate))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
