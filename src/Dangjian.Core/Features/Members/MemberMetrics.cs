using System.Linq.Expressions;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>党员信息: member figures read "no data" for a subtree where no member has ever been placed.</summary>
public sealed class MembersSource : MetricSource
{
    public static readonly MembersSource Instance = new();

    private MembersSource()
    {
    }

    public override string Key => "members";

    public override string Label => "党员信息";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<MemberPlacement>().Where(p => p.From <= asOf && ids.Contains(p.OrganizationId)).Select(p => p.OrganizationId);
    }
}

/// <summary>
/// <c>members.count</c>: the 党内统计 breakdowns (domain.md §8), for any subtree on any date D (the period end). A member counts on D
/// when a placement holding their relationship on D (From ≤ D &lt; To) lies in the subtree, they were admitted on or before D and had
/// not left by D (ExitedOn &gt; D or never); they count for the organization of that placement. Category is as of D (正式 once
/// confirmed on or before D); status is the current 党籍状态, whose history is not kept. Each breakdown is one GROUP BY over the
/// subtree, by (organization, bucket), where a bucket is the index of the dimension's value (−1: not filled in).
/// </summary>
public sealed class MembersCountMetric : IMetric
{
    public const string Key = "members.count";

    /// <summary>入党时间 eras of the 党内统计 (domain.md §8): 新中国成立 1949-10-01; to 1978-12 (十一届三中全会); to 2012-10; 十八大 (2012-11) onwards.</summary>
    public static readonly DateOnly FoundingOfPrc = new(1949, 10, 1);

    public static readonly DateOnly ThirdPlenumEraEnds = new(1979, 1, 1);
    public static readonly DateOnly EighteenthCongressEra = new(2012, 11, 1);

    public static readonly IReadOnlyList<string> EraLabels = ["新中国成立前", "新中国成立后至党的十一届三中全会前", "党的十一届三中全会后至党的十八大前", "党的十八大以来"];

    private static readonly IReadOnlyList<string> EraCodes = ["beforePrc", "toThirdPlenum", "toEighteenthCongress", "sinceEighteenthCongress"];

    public MetricDefinition Definition { get; } = new(Key, "党员人数", "名", MetricKind.PointInTime,
    [
        new("category", "党员类别"), new("status", "党籍状态"), new("employment", "就业状况"), new("gender", "性别"), new("ageBand", "年龄"),
        new("education", "学历"), new("occupation", "职业"), new("ethnicGroup", "民族"), new("joinedEra", "入党时间"),
    ],
        "统计日当天组织关系在本组织及下级组织的党员（按组织关系历史计算），已入党且未出党；按党内统计口径分类。");

    /// <summary>A dimension: its values in order, and the bucket (index into them, −1 when not filled in) of a member on D.</summary>
    private sealed record Dimension(IReadOnlyList<MetricDimensionValue> Values, Func<DateOnly, Expression<Func<Member, int>>> Bucket);

    private static readonly Expression<Func<Member, int>> JoinedEra = m =>
        m.AdmittedOn < FoundingOfPrc ? 0 : m.AdmittedOn < ThirdPlenumEraEnds ? 1 : m.AdmittedOn < EighteenthCongressEra ? 2 : 3;

    private static readonly Dictionary<string, Dimension> Dimensions = new()
    {
        ["category"] = new(MetricFacts.EnumValues<MemberCategory>(c => c.Label()), d =>
            m => (m.ConfirmedOn != null && m.ConfirmedOn <= d) || (m.ConfirmedOn == null && m.Category == MemberCategory.Full) ? 0 : 1),
        ["status"] = ByEnum<MembershipStatus>(m => m.Status, s => s.Label()),
        ["employment"] = ByEnum<EmploymentStatus>(m => m.EmploymentStatus, s => s.Label()),
        ["gender"] = ByEnum<Gender>(m => m.Gender, g => g.Label()),
        ["education"] = ByEnum<Education>(m => m.Education, e => e.Label()),
        ["occupation"] = ByEnum<Occupation>(m => m.Occupation, o => o.Label()),
        ["ethnicGroup"] = new([new("han", "汉族"), new("minority", "少数民族")], _ => m => m.Ethnicity == "汉族" ? 0 : 1),
        ["ageBand"] = new(MetricFacts.EnumValues<AgeBand>(b => b.Label()), AgeBandOn),
        ["joinedEra"] = new(EraCodes.Select((code, i) => new MetricDimensionValue(code, EraLabels[i])).ToList(), _ => JoinedEra),
    };

    private static Expression<Func<Member, int>> AgeBandOn(DateOnly d)
    {
        // Age on D is ≤ n exactly when born after D − (n + 1) years.
        var b30 = d.AddYears(-31); var b35 = d.AddYears(-36); var b40 = d.AddYears(-41); var b45 = d.AddYears(-46);
        var b50 = d.AddYears(-51); var b55 = d.AddYears(-56); var b60 = d.AddYears(-61);
        return m => m.BirthDate > b30 ? 0 : m.BirthDate > b35 ? 1 : m.BirthDate > b40 ? 2 : m.BirthDate > b45 ? 3
            : m.BirthDate > b50 ? 4 : m.BirthDate > b55 ? 5 : m.BirthDate > b60 ? 6 : 7;
    }

    /// <summary>An enum-valued field (stored as text): CASE field WHEN value₀ THEN 0 … ELSE −1, so null reads as not filled in.</summary>
    private static Dimension ByEnum<T>(Expression<Func<Member, T>> field, Func<T, string> label)
        where T : struct, Enum => ByEnumField<T>(field, label);

    private static Dimension ByEnum<T>(Expression<Func<Member, T?>> field, Func<T, string> label)
        where T : struct, Enum => ByEnumField<T>(field, label);

    private static Dimension ByEnumField<T>(LambdaExpression field, Func<T, string> label)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        Expression body = Expression.Constant(-1);
        for (var i = values.Length - 1; i >= 0; i--)
        {
            var equals = Expression.Equal(field.Body, Expression.Constant(values[i], field.Body.Type));
            body = Expression.Condition(equals, Expression.Constant(i), body);
        }

        var bucket = Expression.Lambda<Func<Member, int>>(body, field.Parameters);
        return new Dimension(MetricFacts.EnumValues(label), _ => bucket);
    }

    public MetricSource Source => MembersSource.Instance;

    /// <summary>Members counted on D, each with the organization of the placement that holds them.</summary>
    private static IQueryable<Placed> Members(MetricScope scope)
    {
        var db = scope.Db;
        var d = scope.To;
        var organizationIds = db.Organizations.InSubtree(scope.RootPath).Select(o => o.Id);
        return from p in db.Set<MemberPlacement>().AsNoTracking()
               join m in db.Set<Member>().AsNoTracking() on p.MemberId equals m.Id
               where organizationIds.Contains(p.OrganizationId) && p.From <= d && (p.To == null || p.To > d)
                     && m.AdmittedOn <= d && (m.ExitedOn == null || m.ExitedOn > d)
               select new Placed { OrganizationId = p.OrganizationId, Member = m };
    }

    private Dimension Find(string? dimension) =>
        dimension is not null && Dimensions.TryGetValue(dimension, out var found) ? found : throw MetricFacts.UnknownDimension(Definition, dimension);

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var members = Members(scope);
        if (dimension is null) return await MetricFacts.CountAsync(members.Select(x => x.OrganizationId), ct);
        var found = Find(dimension);
        var rows = members.Select(Bucketed(found.Bucket(scope.To)));
        return await MetricFacts.CountAsync(rows, bucket => bucket >= 0 && bucket < found.Values.Count ? found.Values[bucket].Code : null, ct);
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        Task.FromResult(Find(dimension).Values);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        var members = Members(scope);
        if (dimensionValue is not null)
        {
            var found = Find(dimension);
            var index = found.Values.Select(v => v.Code).ToList().IndexOf(dimensionValue);
            if (index < 0) throw new ArgumentException($"指标“{Key}”的维度“{dimension}”没有取值“{dimensionValue}”", nameof(dimensionValue));
            members = members.Where(InBucket(found.Bucket(scope.To), index));
        }

        return members.Select(x => new MetricRecord
        {
            RecordType = MetricRecordTypes.Member, RecordId = x.Member.Id, OrganizationId = x.OrganizationId, Date = x.Member.AdmittedOn, Title = x.Member.Name,
        });
    }

    /// <summary>x ⇒ new MetricKey { OrganizationId = x.OrganizationId, Value = bucket(x.Member) }.</summary>
    private static Expression<Func<Placed, MetricKey<int>>> Bucketed(Expression<Func<Member, int>> bucket)
    {
        var x = Expression.Parameter(typeof(Placed), "x");
        var body = Expression.MemberInit(
            Expression.New(typeof(MetricKey<int>)),
            Expression.Bind(typeof(MetricKey<int>).GetProperty(nameof(MetricKey<int>.OrganizationId))!, Expression.Property(x, nameof(Placed.OrganizationId))),
            Expression.Bind(typeof(MetricKey<int>).GetProperty(nameof(MetricKey<int>.Value))!, OfMember(bucket, x)));
        return Expression.Lambda<Func<Placed, MetricKey<int>>>(body, x);
    }

    /// <summary>x ⇒ bucket(x.Member) == index.</summary>
    private static Expression<Func<Placed, bool>> InBucket(Expression<Func<Member, int>> bucket, int index)
    {
        var x = Expression.Parameter(typeof(Placed), "x");
        return Expression.Lambda<Func<Placed, bool>>(Expression.Equal(OfMember(bucket, x), Expression.Constant(index)), x);
    }

    private static Expression OfMember(Expression<Func<Member, int>> bucket, ParameterExpression placed) =>
        new Substitute(bucket.Parameters[0], Expression.Property(placed, nameof(Placed.Member))).Visit(bucket.Body);

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }

    private sealed class Placed
    {
        public long OrganizationId { get; init; }
        public Member Member { get; init; } = null!;
    }
}
