using Dangjian.Core.Data;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Metrics;

/// <summary>
/// Batch evaluation through <see cref="MetricEvaluator"/>: R (党委) holds branches A, B and C. A holds 党课 and 支部党员大会,
/// B only 主题党日, C nothing at all. Period: the third quarter of 2026.
/// </summary>
public sealed class MetricEvaluatorTests : IAsyncLifetime
{
    private static readonly DateOnly Q3Start = new(2026, 7, 1);
    private static readonly DateOnly Q3End = new(2026, 9, 30);
    private static readonly long BranchGeneralMeeting = KindId(MeetingKindCodes.BranchGeneralMeeting);
    private static readonly long PartyLecture = KindId(MeetingKindCodes.PartyLecture);
    private static readonly long ThemeDay = KindId(MeetingKindCodes.ThemeDay);

    private CoreDatabase _db = null!;
    private long _r;
    private long _a;
    private long _b;
    private long _c;
    private readonly Dictionary<long, string> _paths = [];
    private readonly List<long> _aGeneralMeetings = [];

    private static long KindId(string code) => MeetingKindCodes.BuiltIn.Single(k => k.Code == code).Id;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _r = await _db.CreateAsync("R", Committee);
        _a = await _db.CreateAsync("A", Branch, _r);
        _b = await _db.CreateAsync("B", Branch, _r);
        _c = await _db.CreateAsync("C", Branch, _r);
        foreach (var id in new[] { _r, _a, _b, _c }) _paths[id] = (await _db.FindAsync(id)).Path;

        // A: 2 党课 (one also a 支部党员大会), 1 more 支部党员大会; attendance 1 of 4 (25%).
        await AddMeetingAsync(_a, new DateOnly(2026, 7, 5), [PartyLecture]);
        _aGeneralMeetings.Add(await AddMeetingAsync(_a, new DateOnly(2026, 8, 5), [PartyLecture, BranchGeneralMeeting],
            AttendanceStatus.Present, AttendanceStatus.Absent, AttendanceStatus.Leave, AttendanceStatus.Absent));
        _aGeneralMeetings.Add(await AddMeetingAsync(_a, new DateOnly(2026, 9, 5), [BranchGeneralMeeting]));
        await AddMeetingAsync(_a, new DateOnly(2026, 10, 5), [BranchGeneralMeeting]); // after the quarter
        // B: 2 主题党日, no 党课; attendance 3 of 3 (100%).
        await AddMeetingAsync(_b, new DateOnly(2026, 7, 10), [ThemeDay], AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Present);
        await AddMeetingAsync(_b, new DateOnly(2026, 8, 10), [ThemeDay]);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<long> AddMeetingAsync(long organizationId, DateOnly heldOn, long[] kindIds, params AttendanceStatus[] attendance)
    {
        await using var db = await _db.OpenAsync();
        var meeting = Meeting.Create(organizationId, new MeetingDetails(heldOn, null, null, "会议" + heldOn.ToString("MMdd"), null, null, null, null, null, null, null, null), DateTime.UtcNow);
        meeting.Kinds.AddRange(kindIds.Select(MeetingKindLink.For));
        meeting.Attendees.AddRange(attendance.Select((s, i) => MeetingAttendee.Create(null, "党员" + i, AttendeeRole.Member, s, null, true, false, false, null)));
        db.Add(meeting);
        await db.SaveChangesAsync(Ct);
        return meeting.Id;
    }

    private MetricTarget Target(long id, bool includeSubtree = true) => new(id, _paths[id], includeSubtree);

    private static MetricRef Ref(string text) => MetricRef.Parse(text).Value;

    private async Task<MetricReadings> EvaluateAsync(IEnumerable<string> refs, params MetricTarget[] targets)
    {
        await using var db = await _db.OpenAsync();
        var result = await MetricEvaluator.EvaluateAsync(db, MetricCatalogue.Default, refs.Select(Ref).ToList(), targets, Q3Start, Q3End, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : string.Join("；", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    [Fact]
    public async Task Batch_ChildrenAddUpToTheirParent()
    {
        string[] keys = ["meetings.count", "meetings.count|kind=ThemeDay", "lectures.count", "meetings.attendance"];
        var readings = await EvaluateAsync(keys, Target(_r), Target(_a), Target(_b));

        foreach (var key in keys)
        {
            var (r, a, b) = (readings.Get(Ref(key), _r).Value, readings.Get(Ref(key), _a).Value, readings.Get(Ref(key), _b).Value);
            (a + b).ShouldBe(r, key);
        }

        readings.Get(Ref("meetings.count"), _r).Value.ShouldBe(5);
        readings.Get(Ref("meetings.count"), _a).Value.ShouldBe(3);
        readings.Get(Ref("meetings.count|kind=ThemeDay"), _b).Value.ShouldBe(2);
        readings.Get(Ref("meetings.attendance"), _r).Value.ShouldBe(4);
    }

    [Fact]
    public async Task NoMeetingRecords_IsNoData_ButMeetingsWithoutALecture_AreZeroLectures()
    {
        var readings = await EvaluateAsync(["lectures.count", "meetings.count{kind}"], Target(_a), Target(_b), Target(_c));

        readings.Get(Ref("lectures.count"), _a).Value.ShouldBe(2);
        readings.Get(Ref("lectures.count"), _b).Value.ShouldBe(0);
        readings.Get(Ref("lectures.count"), _b).HasData.ShouldBeTrue();
        var c = readings.Get(Ref("lectures.count"), _c);
        c.Value.ShouldBeNull();
        c.HasData.ShouldBeFalse();
        c.Source.Label.ShouldBe("会议活动记录");
        readings.Get(Ref("meetings.count{kind}"), _c).Breakdown.ShouldBeNull();
        readings.Get(Ref("meetings.count{kind}"), _b).Breakdown!.Single(v => v.Key == MeetingKindCodes.ThemeDay).Value.ShouldBe(2);
    }

    [Fact]
    public async Task DimensionValue_ByLabelOrByCode_GivesTheSameFigure()
    {
        var readings = await EvaluateAsync(["meetings.count|kind=支部党员大会", "meetings.count|kind=BranchGeneralMeeting"], Target(_r));

        readings.Get(Ref("meetings.count|kind=支部党员大会"), _r).Value.ShouldBe(2);
        readings.Get(Ref("meetings.count|kind=BranchGeneralMeeting"), _r).Value.ShouldBe(2);
        readings.Get(Ref("meetings.count|kind=支部党员大会"), _r).Label.ShouldBe("会议活动次数（支部党员大会）");
    }

    [Theory]
    [InlineData("meetings.nothing", "指标“meetings.nothing”未登记")]
    [InlineData("meetings.count|colour=红", "指标“meetings.count”（会议活动次数）没有维度“colour”，可用：kind（会议类型）")]
    [InlineData("meetings.keySpeakers{kind}", "指标“meetings.keySpeakers”（重点发言人次）没有分类维度，不能写“kind”")]
    [InlineData("meetings.count|kind=茶话会", "指标“meetings.count”的维度“kind”没有取值“茶话会”，可用：支部党员大会、支委会")]
    public async Task UnknownKeyDimensionOrValue_IsAChineseError(string text, string message)
    {
        await using var db = await _db.OpenAsync();
        var result = await MetricEvaluator.EvaluateAsync(db, MetricCatalogue.Default, [Ref(text)], [Target(_r)], Q3Start, Q3End, Ct);

        result.IsSuccess.ShouldBeFalse();
        result.Errors.Single().Message.ShouldStartWith(message);
    }

    [Fact]
    public async Task Records_OfAKind_AreExactlyTheMeetingsCounted()
    {
        await using var db = await _db.OpenAsync();
        var metric = MetricCatalogue.Default.Get("meetings.count");
        var scope = new MetricScope(db, _paths[_r], Q3Start, Q3End);

        var records = await MetricEvaluator.Records(metric, scope, Target(_r), "kind", MeetingKindCodes.BranchGeneralMeeting).ToListAsync(Ct);

        records.Select(r => r.RecordId).ShouldBe(_aGeneralMeetings, ignoreOrder: true);
        records.ShouldAllBe(r => r.RecordType == MetricRecordTypes.Meeting && r.OrganizationId == _a);
        (await MetricEvaluator.Records(metric, scope, Target(_b), "kind", MeetingKindCodes.BranchGeneralMeeting).CountAsync(Ct)).ShouldBe(0);
        (await MetricEvaluator.Records(metric, scope, Target(_r), null, null).CountAsync(Ct)).ShouldBe(5);
    }

    [Fact]
    public async Task WithoutItsSubtree_AnOrganizationCountsOnlyItsOwnRecords()
    {
        await AddMeetingAsync(_r, new DateOnly(2026, 7, 20), [KindId(MeetingKindCodes.PartyCommitteeMeeting)]);

        var readings = await EvaluateAsync(["meetings.count"], Target(_r), Target(_r, includeSubtree: false), Target(_c, includeSubtree: false));

        readings.All.Single(r => r.Target == Target(_r)).Value.ShouldBe(6);
        readings.All.Single(r => r.Target == Target(_r, includeSubtree: false)).Value.ShouldBe(1);
        readings.All.Single(r => r.Target == Target(_c, includeSubtree: false)).Value.ShouldBeNull();
        await using var db = await _db.OpenAsync();
        var records = await MetricEvaluator.Records(MetricCatalogue.Default.Get("meetings.count"), new MetricScope(db, _paths[_r], Q3Start, Q3End), Target(_r, includeSubtree: false), null, null)
            .ToListAsync(Ct);
        records.Single().OrganizationId.ShouldBe(_r);
    }

    [Fact]
    public async Task PercentRollsUp_AsTheSumsOfItsParts_NotTheMeanOfTheRates()
    {
        var readings = await EvaluateAsync(["meetings.attendanceRate"], Target(_r), Target(_a), Target(_b));

        readings.Get(Ref("meetings.attendanceRate"), _a).Value.ShouldBe(25.0m);
        readings.Get(Ref("meetings.attendanceRate"), _b).Value.ShouldBe(100.0m);
        // (1 + 3) ÷ (4 + 3) = 57.14…%, not (25 + 100) ÷ 2 = 62.5%.
        readings.Get(Ref("meetings.attendanceRate"), _r).Value.ShouldBe(57.1m);
        MetricCatalogue.Default.Get("meetings.attendanceRate").Definition.Aggregation.ShouldBe(MetricAggregation.Percent);
    }

    [Theory]
    [InlineData("meetings.count", "meetings.count", null, null)]
    [InlineData(" meetings.count|kind=支部党员大会 ", "meetings.count", "kind", "支部党员大会")]
    [InlineData("members.count{gender}", "members.count", "gender", null)]
    [InlineData("custom.my_indicator-1", "custom.my_indicator-1", null, null)]
    public void Parse_AcceptsTheThreeShapes(string text, string key, string? dimension, string? value)
    {
        var parsed = MetricRef.Parse(text);

        parsed.IsSuccess.ShouldBeTrue();
        parsed.Value.ShouldBe(new MetricRef(key, dimension, value));
        MetricRef.Parse(parsed.Value.ToString()).Value.ShouldBe(parsed.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("count")]
    [InlineData(".count")]
    [InlineData("meetings.")]
    [InlineData("会议.次数")]
    [InlineData("meetings.count|kind")]
    [InlineData("meetings.count|=党课")]
    [InlineData("meetings.count|kind=")]
    [InlineData("meetings.count{kind")]
    [InlineData("meetings.count{}")]
    [InlineData("meetings count")]
    public void Parse_RejectsGarbage_WithAChineseMessage(string? text)
    {
        var parsed = MetricRef.Parse(text);

        parsed.IsSuccess.ShouldBeFalse();
        parsed.Errors.Single().Message.ShouldContain("不是有效的指标写法");
    }

    /// <summary>
    /// Flows and distinct counts (transfers, remittances, members in arrears) rely on corrections at a common ancestor;
    /// checked here on a made-up metric so every kind of target is covered.
    /// </summary>
    [Fact]
    public async Task TreeCorrections_CountAMoveWithinASubtreeForNeitherEnd_AndAPersonOnceWherever()
    {
        await using var db = await _db.OpenAsync();
        var tree = await MetricTree.LoadAsync(new MetricScope(db, _paths[_r], Q3Start, Q3End), Ct);
        // A → B (inside R), B → R (to the parent), C → outside.
        var flows = tree.Flows([(_a, _b, 10m), (_b, _r, 5m), (_c, 999_999, 1m)]);
        // Member 1 in A and B, member 2 in B only, member 3 in A and C.
        var distinct = tree.Distinct([(1, _a), (1, _b), (2, _b), (3, _a), (3, _c)]);

        var targets = new[] { Target(_r), Target(_a), Target(_b), Target(_c), Target(_r, false), Target(_b, false) };
        var readings = await MetricEvaluator.EvaluateAsync(db,
            [new ResolvedMetricRef(new MetricRef("test.flows"), new FixedMetric("test.flows", flows), null),
             new ResolvedMetricRef(new MetricRef("test.distinct"), new FixedMetric("test.distinct", distinct), null)],
            targets, Q3Start, Q3End, Ct);
        decimal? Value(string key, MetricTarget target) => readings.All.Single(r => r.Ref.Key == key && r.Target == target).Value;

        // Flows: R only sends out C's 1; A sends 10; B sends 5; C sends 1; R alone sends nothing; B alone sends 5.
        targets.Select(t => Value("test.flows", t)).ShouldBe([1m, 10m, 5m, 1m, 0m, 5m]);
        // Distinct: R holds 3 members; A holds 1 and 3; B holds 1 and 2; C holds 3; R alone none; B alone 2.
        targets.Select(t => Value("test.distinct", t)).ShouldBe([3m, 2m, 2m, 1m, 0m, 2m]);
    }

    private sealed class FixedMetric(string key, IReadOnlyList<MetricFact> facts) : IMetric
    {
        public MetricDefinition Definition { get; } = new(key, key, "个", MetricKind.Flow, [], "测试");

        public MetricSource Source => Everywhere.Instance;

        public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) => Task.FromResult(facts);

        public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
            MetricFacts.NoDimensions(Definition, dimension);

        public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) => throw new NotSupportedException();
    }

    private sealed class Everywhere : MetricSource
    {
        public static readonly Everywhere Instance = new();

        public override string Key => "test";

        public override string Label => "测试";

        public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf) => db.Organizations.Select(o => o.Id);
    }
}
