namespace Dangjian.Core.Features.Development;

/// <summary>The five stages of 《中国共产党发展党员工作细则》 (domain.md §6).</summary>
public enum DevelopmentStage
{
    Application = 1,
    Activist = 2,
    DevelopmentTarget = 3,
    Admission = 4,
    Probation = 5,
}

/// <summary>The people a step names (domain.md §6).</summary>
public enum CandidatePersonRole
{
    /// <summary>培养联系人: 1–2 正式党员 (《细则》第十二条).</summary>
    Mentor,

    /// <summary>入党介绍人: 2 正式党员, not under 留党察看 (《细则》第十八条).</summary>
    Sponsor,
}

/// <summary>What a step records besides its date; the completing handler refuses a step whose required fields are missing.</summary>
[Flags]
public enum StepFields
{
    None = 0,

    /// <summary>Who talked, reviewed or approved (谈话人, 审批的党委), as text.</summary>
    Person = 1,

    /// <summary>1–2 培养联系人.</summary>
    Mentors = 2,

    /// <summary>2 入党介绍人.</summary>
    Sponsors = 4,

    /// <summary>The written conclusion of the 政治审查: passed or not.</summary>
    ReviewConclusion = 8,

    /// <summary>Days or 学时 of the concentrated training.</summary>
    Training = 16,

    /// <summary>The 公示 period (first and last day).</summary>
    PublicNotice = 32,

    /// <summary>应到会, 实到会, yes/no/abstain and the written opinions of absent voters.</summary>
    Vote = 64,

    /// <summary>The date the person will leave the unit, if known (预审).</summary>
    LeavingUnit = 128,
}

/// <summary>One of the 25 steps: its stage and order, the Chinese name users read, what it records, who takes part and which documents it files.</summary>
public sealed record DevelopmentStepDefinition(
    int Number, DevelopmentStage Stage, string Name, StepFields Fields, IReadOnlyList<string> People, IReadOnlyList<string> Documents,
    bool Repeatable = false)
{
    public bool Needs(StepFields field) => (Fields & field) == field;
}

/// <summary>
/// The 25 steps of 《细则》 in five stages, as data (domain.md §6). Step numbers are stable: progress rows store them.
/// Steps are completed in order; step 6 (培养教育考察) repeats, once per 6-monthly review.
/// </summary>
public static class DevelopmentCatalogue
{
    public const int Application = 1;
    public const int ApplicationTalk = 2;
    public const int ActivistChosen = 3;
    public const int ActivistFiled = 4;
    public const int MentorsNamed = 5;
    public const int ActivistReview = 6;
    public const int TargetChosen = 7;
    public const int TargetFiled = 8;
    public const int SponsorsNamed = 9;
    public const int PoliticalReview = 10;
    public const int Training = 11;
    public const int CommitteeReview = 12;
    public const int PreReview = 13;
    public const int VolunteerForm = 14;
    public const int AdmissionVote = 15;
    public const int UpperTalk = 16;
    public const int UpperApproval = 17;
    public const int ApprovalFiled = 18;
    public const int Placed = 19;
    public const int Oath = 20;
    public const int ProbationEducation = 21;
    public const int ConfirmationApplication = 22;
    public const int ConfirmationVote = 23;
    public const int ConfirmationApproval = 24;
    public const int Archived = 25;

    public static IReadOnlyList<DevelopmentStepDefinition> Steps { get; } =
    [
        new(1, DevelopmentStage.Application, "递交入党申请书", StepFields.None, ["入党申请人"], ["入党申请书"]),
        new(2, DevelopmentStage.Application, "党组织派人谈话", StepFields.Person, ["谈话人"], ["谈话记录"]),
        new(3, DevelopmentStage.Activist, "推荐和确定入党积极分子", StepFields.None, ["支部委员会", "党员或团组织（推优）"], ["支委会会议记录", "推荐材料"]),
        new(4, DevelopmentStage.Activist, "上级党委备案", StepFields.Person, ["上级党委"], ["入党积极分子备案表"]),
        new(5, DevelopmentStage.Activist, "指定培养联系人", StepFields.Mentors, ["培养联系人（1至2名正式党员）"], ["培养联系人名单"]),
        new(6, DevelopmentStage.Activist, "培养教育考察", StepFields.Person, ["培养联系人", "党支部"], ["考察登记表", "思想汇报"], Repeatable: true),
        new(7, DevelopmentStage.DevelopmentTarget, "确定发展对象", StepFields.None, ["支部委员会"], ["支委会会议记录", "听取意见记录"]),
        new(8, DevelopmentStage.DevelopmentTarget, "报上级党委备案", StepFields.Person, ["上级党委"], ["发展对象备案表"]),
        new(9, DevelopmentStage.DevelopmentTarget, "确定入党介绍人", StepFields.Sponsors, ["入党介绍人（2名正式党员）"], ["入党介绍人名单"]),
        new(10, DevelopmentStage.DevelopmentTarget, "进行政治审查", StepFields.ReviewConclusion | StepFields.Person, ["党支部", "政审人员"], ["政治审查综合材料"]),
        new(11, DevelopmentStage.DevelopmentTarget, "开展集中培训", StepFields.Training, ["培训单位"], ["培训结业证明"]),
        new(12, DevelopmentStage.Admission, "支部委员会审查", StepFields.PublicNotice, ["支部委员会"], ["支委会会议记录", "公示材料"]),
        new(13, DevelopmentStage.Admission, "上级党委预审", StepFields.Person | StepFields.LeavingUnit, ["上级党委"], ["预审意见"]),
        new(14, DevelopmentStage.Admission, "填写入党志愿书", StepFields.None, ["发展对象", "入党介绍人"], ["入党志愿书"]),
        new(15, DevelopmentStage.Admission, "支部大会讨论", StepFields.Vote, ["支部党员大会"], ["支部大会会议记录", "支部大会决议"]),
        new(16, DevelopmentStage.Admission, "上级党委派人谈话", StepFields.Person, ["上级党委委员或组织员"], ["谈话记录"]),
        new(17, DevelopmentStage.Admission, "上级党委审批", StepFields.Person, ["上级党委（集体讨论、逐个审批）"], ["审批意见"]),
        new(18, DevelopmentStage.Admission, "再上一级党委组织部门备案", StepFields.Person, ["再上一级党委组织部门"], ["备案报告"]),
        new(19, DevelopmentStage.Probation, "编入党支部和党小组", StepFields.None, ["党支部"], []),
        new(20, DevelopmentStage.Probation, "入党宣誓", StepFields.None, ["基层党委或党支部"], ["宣誓记录"]),
        new(21, DevelopmentStage.Probation, "继续教育考察", StepFields.Person, ["党支部", "入党介绍人"], ["考察材料"], Repeatable: true),
        new(22, DevelopmentStage.Probation, "提出转正申请", StepFields.None, ["预备党员"], ["转正申请书"]),
        new(23, DevelopmentStage.Probation, "支部大会讨论转正", StepFields.Vote | StepFields.PublicNotice, ["支部党员大会"], ["支部大会会议记录", "公示材料"]),
        new(24, DevelopmentStage.Probation, "上级党委审批转正", StepFields.Person, ["上级党委"], ["审批意见"]),
        new(25, DevelopmentStage.Probation, "材料归档", StepFields.None, ["党支部", "上级党委组织部门"],
            ["入党志愿书", "入党申请书", "政审材料", "转正申请书", "培养教育考察材料"]),
    ];

    public static DevelopmentStepDefinition Step(int number) =>
        number is >= 1 and <= 25 ? Steps[number - 1] : throw new ArgumentOutOfRangeException(nameof(number), number, "步骤编号应为 1 至 25");

    public static bool Exists(int number) => number is >= 1 and <= 25;

    public static string Label(this DevelopmentStage stage) => stage switch
    {
        DevelopmentStage.Application => "申请入党",
        DevelopmentStage.Activist => "入党积极分子的确定和培养教育",
        DevelopmentStage.DevelopmentTarget => "发展对象的确定和考察",
        DevelopmentStage.Admission => "预备党员的接收",
        _ => "预备党员的教育考察和转正",
    };

    public static string Label(this CandidatePersonRole role) => role == CandidatePersonRole.Mentor ? "培养联系人" : "入党介绍人";
}
