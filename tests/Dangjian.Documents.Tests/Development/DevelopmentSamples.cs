using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Development.Documents;
using Dangjian.Core.Features.Members;

namespace Dangjian.Documents.Tests.Development;

/// <summary>The documents' sample data (docs/samples/development-*.png are these, rendered).</summary>
internal static class DevelopmentSamples
{
    public const string Branch = "中共某某区教育局机关第一支部委员会";
    public const string Committee = "中共某某区教育局机关委员会";

    /// <summary>国庆 2026 (holidays.md): 10月1日–7日 off, 9月20日 and 10月10日 (Sundays/Saturdays) worked; 中秋 9月25日–27日 off.</summary>
    public static WorkingDayCalendar Calendar2026 { get; } = new(
        Enumerable.Range(0, 3).Select(i => (new DateOnly(2026, 9, 25).AddDays(i), false))
            .Concat(Enumerable.Range(0, 7).Select(i => (new DateOnly(2026, 10, 1).AddDays(i), false)))
            .Append((new DateOnly(2026, 9, 20), true))
            .Append((new DateOnly(2026, 10, 10), true)));

    public static TargetNotice TargetNotice(NoticePeriod? period = null) => new(
        Branch,
        [
            new(11, "王晓明", Gender.Male, new DateOnly(1996, 5, 12), Education.Undergraduate, "区第一中学", "第一支部", new DateOnly(2024, 9, 2), new DateOnly(2025, 3, 10)),
            new(12, "李芳", Gender.Female, new DateOnly(1999, 11, 3), Education.Postgraduate, "区教育局办公室", "第一支部", new DateOnly(2024, 10, 15), new DateOnly(2025, 4, 21)),
            new(13, "赵宇航", Gender.Male, new DateOnly(2001, 1, 28), Education.JuniorCollege, "区实验小学", "第一支部", new DateOnly(2024, 11, 6), new DateOnly(2025, 5, 19)),
        ],
        period ?? NoticePeriod.Of(new DateOnly(2026, 9, 28), 5, Calendar2026),
        "陈老师",
        "010-6543 2100");

    /// <summary>发展对象 proposed for admission, over 国庆 2026 by default: 9-30 (1), 10-8, 10-9, 调休 Saturday 10-10, 10-12 (5).</summary>
    public static TargetNotice AdmissionNotice(NoticePeriod? period = null) => new(
        Branch,
        [
            new(41, "王晓明", Gender.Male, new DateOnly(1996, 5, 12), Education.Undergraduate, "区第一中学", "第一支部", new DateOnly(2024, 9, 2), new DateOnly(2025, 3, 10),
                new DateOnly(2026, 3, 16), ["张建国", "王红"]),
            new(42, "李芳", Gender.Female, new DateOnly(1999, 11, 3), Education.Postgraduate, "区教育局办公室", "第一支部", new DateOnly(2024, 10, 15), new DateOnly(2025, 4, 21),
                new DateOnly(2026, 4, 27), ["刘卫东", "陈丽华"]),
        ],
        period ?? NoticePeriod.Of(new DateOnly(2026, 9, 30), 5, Calendar2026),
        "陈老师",
        "010-6543 2100",
        TargetNoticePurpose.ProposeForAdmission);

    public static ConfirmationNotice ConfirmationNotice() => new(
        Branch,
        [
            new(21, "周敏", Gender.Female, new DateOnly(1995, 7, 9), Education.Undergraduate, "某某区第二中学", "第一支部", new DateOnly(2025, 12, 18), new DateOnly(2026, 12, 18), null),
            new(22, "孙浩然", Gender.Male, new DateOnly(1993, 2, 17), Education.Postgraduate, "某某区教研室", "第二支部", new DateOnly(2025, 6, 20), new DateOnly(2026, 12, 20), 6),
        ],
        NoticePeriod.Of(new DateOnly(2026, 12, 3), 5, WorkingDayCalendar.WeekOnly),
        "陈老师",
        "010-6543 2100");

    public static FilingReport FilingReport(FilingKind kind = FilingKind.Activists) => new(
        kind,
        Branch,
        Committee,
        new DateOnly(2026, 7, 1),
        new DateOnly(2026, 11, 30),
        [
            new(31, "刘洋", Gender.Male, new DateOnly(1998, 3, 22), Education.Undergraduate, "某某区第一中学", "第一支部", new DateOnly(2026, 1, 8), new DateOnly(2026, 7, 15), ["张建国", "王红"]),
            new(32, "陈静怡", Gender.Female, new DateOnly(2000, 8, 30), Education.JuniorCollege, "某某区教育局财务科", "第一支部", new DateOnly(2026, 2, 26), new DateOnly(2026, 9, 1), ["张建国"]),
            new(33, "黄志强", Gender.Male, new DateOnly(1994, 12, 5), Education.Postgraduate, "某某区教师发展中心", "第二支部", new DateOnly(2026, 3, 3), new DateOnly(2026, 10, 12), []),
        ],
        new DateOnly(2026, 12, 3));
}
