using Dangjian.Core.Common;
using Dangjian.Core.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>
/// <c>members.count</c>: the 党内统计 breakdowns (domain.md §8), for any subtree on any date D (the period end). A member counts on D
/// when a placement holding their relationship on D (From ≤ D &lt; To) lies in the subtree, they were admitted on or before D and had
/// not left by D (ExitedOn &gt; D or never). Category is as of D (正式 once confirmed on or before D); status is the current 党籍状态,
/// whose history is not kept. Each breakdown is one GROUP BY over the subtree.
/// </summary>
public sealed class MembersCountMetric : IMetric
{
    public const string Key = "members.count";

    /// <summary>入党时间 eras of the 党内统计 (domain.md §8): 新中国成立 1949-10-01; to 1978-12 (十一届三中全会); to 2012-10; 十八大 (2012-11) onwards.</summary>
    public static readonly DateOnly FoundingOfPrc = new(1949, 10, 1);

    public static readonly DateOnly ThirdPlenumEraEnds = new(1979, 1, 1);
    public static readonly DateOnly EighteenthCongressEra = new(2012, 11, 1);

    public static readonly IReadOnlyList<string> EraLabels = ["新中国成立前", "新中国成立后至党的十一届三中全会前", "党的十一届三中全会后至党的十八大前", "党的十八大以来"];

    public MetricDefinition Definition { get; } = new(Key, "党员人数", "名", MetricKind.PointInTime,
    [
        new("category", "党员类别"), new("status", "党籍状态"), new("employment", "就业状况"), new("gender", "性别"), new("ageBand", "年龄"),
        new("education", "学历"), new("occupation", "职业"), new("ethnicGroup", "民族"), new("joinedEra", "入党时间"),
    ],
        "统计日当天组织关系在本组织及下级组织的党员（按组织关系历史计算），已入党且未出党；按党内统计口径分类。");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var db = scope.Db;
        var d = scope.To;
        var end = OrgPath.RangeEnd(scope.RootPath);
        var root = scope.RootPath;
        var organizationIds = db.Organizations.Where(o => string.Compare(o.Path, root) >= 0 && string.Compare(o.Path, end) < 0).Select(o => o.Id);
        var members =
            from p in db.Set<MemberPlacement>().AsNoTracking()
            join m in db.Set<Member>().AsNoTracking() on p.MemberId equals m.Id
            where organizationIds.Contains(p.OrganizationId) && p.From <= d && (p.To == null || p.To > d)
                  && m.AdmittedOn <= d && (m.ExitedOn == null || m.ExitedOn > d)
            select m;

        switch (dimension)
        {
            case null or "":
                return [new MetricValue(null, "合计", await members.CountAsync(ct))];
            case "category":
            {
                var rows = await members
                    .GroupBy(m => (m.ConfirmedOn != null && m.ConfirmedOn <= d) || (m.ConfirmedOn == null && m.Category == MemberCategory.Full) ? 0 : 1)
                    .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                return Ordered(rows.Select(r => (r.Key, r.Count)), [MemberCategory.Full, MemberCategory.Probationary], c => c.ToString(), c => c.Label());
            }
            case "status":
            {
                var rows = await members.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                return ByEnum(rows.Select(r => (r.Key, r.Count)), s => s.Label());
            }
            case "employment":
            {
                var rows = await members.GroupBy(m => m.EmploymentStatus).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                return ByEnum(rows.Select(r => (r.Key, r.Count)), s => s.Label());
            }
            case "gender":
            {
                var rows = await members.GroupBy(m => m.Gender).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                return ByEnum(rows.Select(r => (r.Key, r.Count)), s => s.Label());
            }
            case "education":
            {
                var rows = await members.GroupBy(m => m.Education).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                return ByNullableEnum(rows.Select(r => (r.Key, r.Count)), s => s.Label());
            }
            case "occupation":
            {
                var rows = await members.GroupBy(m => m.Occupation).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                return ByNullableEnum(rows.Select(r => (r.Key, r.Count)), s => s.Label());
            }
            case "ethnicGroup":
            {
                var rows = await members.GroupBy(m => m.Ethnicity == "汉族" ? 0 : 1).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                return
                [
                    new MetricValue("han", "汉族", rows.Where(r => r.Key == 0).Sum(r => r.Count)),
                    new MetricValue("minority", "少数民族", rows.Where(r => r.Key == 1).Sum(r => r.Count)),
                ];
            }
            case "ageBand":
            {
                // Age on D is ≤ n exactly when born after D − (n + 1) years.
                var b30 = d.AddYears(-31); var b35 = d.AddYears(-36); var b40 = d.AddYears(-41); var b45 = d.AddYears(-46);
                var b50 = d.AddYears(-51); var b55 = d.AddYears(-56); var b60 = d.AddYears(-61);
                var rows = await members
                    .GroupBy(m => m.BirthDate > b30 ? 0 : m.BirthDate > b35 ? 1 : m.BirthDate > b40 ? 2 : m.BirthDate > b45 ? 3
                        : m.BirthDate > b50 ? 4 : m.BirthDate > b55 ? 5 : m.BirthDate > b60 ? 6 : 7)
                    .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                return Ordered(rows.Select(r => (r.Key, r.Count)), Enum.GetValues<AgeBand>(), b => b.ToString(), b => b.Label());
            }
            case "joinedEra":
            {
                var prc = FoundingOfPrc; var plenum = ThirdPlenumEraEnds; var congress = EighteenthCongressEra;
                var rows = await members
                    .GroupBy(m => m.AdmittedOn < prc ? 0 : m.AdmittedOn < plenum ? 1 : m.AdmittedOn < congress ? 2 : 3)
                    .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                return Enumerable.Range(0, 4).Select(i => new MetricValue(
                    ((string[])["beforePrc", "toThirdPlenum", "toEighteenthCongress", "sinceEighteenthCongress"])[i], EraLabels[i],
                    rows.Where(r => r.Key == i).Sum(r => r.Count))).ToList();
            }
            default:
                throw new ArgumentException($"指标 {Key} 没有维度“{dimension}”", nameof(dimension));
        }
    }

    private static List<MetricValue> Ordered<T>(IEnumerable<(int Key, int Count)> rows, IReadOnlyList<T> values, Func<T, string> key, Func<T, string> label)
    {
        var counts = rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        return values.Select((v, i) => new MetricValue(key(v), label(v), counts.GetValueOrDefault(i))).ToList();
    }

    private static List<MetricValue> ByEnum<T>(IEnumerable<(T Key, int Count)> rows, Func<T, string> label)
        where T : struct, Enum
    {
        var counts = rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        return Enum.GetValues<T>().Select(v => new MetricValue(v.ToString(), label(v), counts.GetValueOrDefault(v))).ToList();
    }

    private static List<MetricValue> ByNullableEnum<T>(IEnumerable<(T? Key, int Count)> rows, Func<T, string> label)
        where T : struct, Enum
    {
        var list = rows.ToList();
        var values = ByEnum(list.Where(r => r.Key is not null).Select(r => (r.Key!.Value, r.Count)), label);
        var unknown = list.Where(r => r.Key is null).Sum(r => r.Count);
        if (unknown > 0) values.Add(new MetricValue(null, "未填写", unknown));
        return values;
    }
}
