using Dangjian.Core.Data;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Meetings;

/// <summary>
/// 会议活动记录: the meetings, 党课, 双重组织生活 and 组织生活规则 figures read "no data" for a subtree that has never recorded a meeting.
/// </summary>
public sealed class MeetingsSource : MetricSource
{
    public static readonly MeetingsSource Instance = new();

    private MeetingsSource()
    {
    }

    public override string Key => "meetings";

    public override string Label => "会议活动记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<Meeting>().Where(m => m.HeldOn <= asOf && ids.Contains(m.OrganizationId)).Select(m => m.OrganizationId);
    }
}

/// <summary>The meetings of a metric scope: held in the subtree, with <see cref="Meeting.HeldOn"/> inside the period (both ends count).</summary>
internal static class MeetingMetricQueries
{
    public static readonly MetricDimension KindDimension = new("kind", "会议类型");

    public static IQueryable<Meeting> Meetings(MetricScope scope)
    {
        var ids = scope.Db.Organizations.InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<Meeting>().AsNoTracking().Where(m => m.HeldOn >= from && m.HeldOn <= to && ids.Contains(m.OrganizationId));
    }

    /// <summary>The meetings that carry the kind with this code.</summary>
    public static IQueryable<Meeting> OfKind(DangjianDbContext db, IQueryable<Meeting> meetings, string code)
    {
        var kindIds = db.Set<MeetingKind>().Where(k => k.Code == code).Select(k => k.Id);
        return meetings.Where(m => db.Set<MeetingKindLink>().Any(l => l.MeetingId == m.Id && kindIds.Contains(l.MeetingKindId)));
    }

    /// <summary>(meeting, kind code) pairs: a meeting that carries two kinds is one row for each.</summary>
    public static IQueryable<MeetingWithKind> WithKinds(DangjianDbContext db, IQueryable<Meeting> meetings) =>
        from m in meetings
        join l in db.Set<MeetingKindLink>() on m.Id equals l.MeetingId
        join k in db.Set<MeetingKind>() on l.MeetingKindId equals k.Id
        select new MeetingWithKind { MeetingId = m.Id, OrganizationId = m.OrganizationId, Code = k.Code };

    /// <summary>Facts per (organization, kind) of records that belong to a meeting; a meeting carrying two kinds counts for each.</summary>
    public static Task<IReadOnlyList<MetricFact>> CountByKindAsync(DangjianDbContext db, IQueryable<Meeting> meetings, IQueryable<long> meetingIdPerRecord, CancellationToken ct)
    {
        var rows = from id in meetingIdPerRecord
                   join k in WithKinds(db, meetings) on id equals k.MeetingId
                   select new MetricKey<string> { OrganizationId = k.OrganizationId, Value = k.Code };
        return MetricFacts.CountAsync(rows, code => code, ct);
    }

    /// <summary>Every kind, in the usual order; archived kinds are retired (listed only where they have figures).</summary>
    public static async Task<IReadOnlyList<MetricDimensionValue>> KindValuesAsync(DangjianDbContext db, CancellationToken ct) =>
        (await db.Set<MeetingKind>().AsNoTracking().OrderBy(k => k.SortOrder).ThenBy(k => k.Id).ToListAsync(ct))
        .Select(k => new MetricDimensionValue(k.Code, k.Name, k.IsArchived)).ToList();

    public static Task<IReadOnlyList<MetricDimensionValue>> KindValuesAsync(MetricDefinition definition, DangjianDbContext db, string dimension, CancellationToken ct) =>
        dimension == KindDimension.Key ? KindValuesAsync(db, ct) : Task.FromException<IReadOnlyList<MetricDimensionValue>>(MetricFacts.UnknownDimension(definition, dimension));

    /// <summary>The meetings narrowed to one dimension value of the kind dimension, or as they are.</summary>
    public static IQueryable<Meeting> Narrow(MetricDefinition definition, DangjianDbContext db, IQueryable<Meeting> meetings, string? dimension, string? dimensionValue) =>
        (dimension, dimensionValue) switch
        {
            (_, null) => meetings,
            ("kind", { } code) => OfKind(db, meetings, code),
            _ => throw MetricFacts.UnknownDimension(definition, dimension),
        };

    public static IQueryable<MetricRecord> AsRecords(IQueryable<Meeting> meetings) =>
        meetings.Select(m => new MetricRecord
        {
            RecordType = MetricRecordTypes.Meeting, RecordId = m.Id, OrganizationId = m.OrganizationId, Date = m.HeldOn, Title = m.Topic,
        });

    internal sealed class MeetingWithKind
    {
        public long MeetingId { get; init; }
        public long OrganizationId { get; init; }
        public string Code { get; init; } = "";
    }
}

/// <summary><c>meetings.count{kind}</c>: meetings and activities held in the period; a record carrying two kinds counts for each kind, once in the total.</summary>
public sealed class MeetingsCountMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("meetings.count", "会议活动次数", "次", MetricKind.Flow, [MeetingMetricQueries.KindDimension],
        "期间内本组织及下级组织召开的会议和开展的活动；同时具有多种类型的会议在每种类型下各计一次，合计中计一次");

    public MetricSource Source => MeetingsSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var meetings = MeetingMetricQueries.Meetings(scope);
        return dimension switch
        {
            null => MetricFacts.CountAsync(meetings.Select(m => m.OrganizationId), ct),
            "kind" => MeetingMetricQueries.CountByKindAsync(scope.Db, meetings, meetings.Select(m => m.Id), ct),
            _ => throw MetricFacts.UnknownDimension(Definition, dimension),
        };
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MeetingMetricQueries.KindValuesAsync(Definition, db, dimension, ct);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        MeetingMetricQueries.AsRecords(MeetingMetricQueries.Narrow(Definition, scope.Db, MeetingMetricQueries.Meetings(scope), dimension, dimensionValue));
}

/// <summary><c>meetings.agendaItems{kind, topic}</c>: 议题 with a recorded decision.</summary>
public sealed class MeetingAgendaItemsMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("meetings.agendaItems", "研究议题数", "项", MetricKind.Flow,
        [MeetingMetricQueries.KindDimension, new MetricDimension("topic", "议题类别")],
        "期间内会议研究并作出决定的议题（含“三重一大”事项），按会议类型或议题类别统计");

    public MetricSource Source => MeetingsSource.Instance;

    private static IQueryable<AgendaItem> Decided(MetricScope scope, IQueryable<Meeting> meetings)
    {
        var ids = meetings.Select(m => m.Id);
        return scope.Db.Set<AgendaItem>().AsNoTracking().Where(a => a.Decision != null && ids.Contains(a.MeetingId));
    }

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var meetings = MeetingMetricQueries.Meetings(scope);
        var decided = Decided(scope, meetings);
        switch (dimension)
        {
            case null:
                return MetricFacts.CountAsync(decided.Join(meetings, a => a.MeetingId, m => m.Id, (a, m) => m.OrganizationId), ct);
            case "topic":
                var byTopic = decided.Join(meetings, a => a.MeetingId, m => m.Id, (a, m) => new MetricKey<AgendaTopic> { OrganizationId = m.OrganizationId, Value = a.Topic });
                return MetricFacts.CountAsync(byTopic, topic => topic.ToString(), ct);
            case "kind":
                return MeetingMetricQueries.CountByKindAsync(scope.Db, meetings, decided.Select(a => a.MeetingId), ct);
            default:
                throw MetricFacts.UnknownDimension(Definition, dimension);
        }
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        dimension == "topic"
            ? Task.FromResult(MetricFacts.EnumValues<AgendaTopic>(t => t.Label()))
            : MeetingMetricQueries.KindValuesAsync(Definition, db, dimension, ct);

    /// <summary>One record per 议题, shown as its meeting.</summary>
    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        var meetings = MeetingMetricQueries.Meetings(scope);
        var decided = Decided(scope, meetings);
        if (dimension == "topic" && dimensionValue is not null)
        {
            var topic = MetricFacts.ParseEnum<AgendaTopic>(Definition, dimension, dimensionValue);
            decided = decided.Where(a => a.Topic == topic);
        }
        else
        {
            meetings = MeetingMetricQueries.Narrow(Definition, scope.Db, meetings, dimension, dimensionValue);
        }

        return decided.Join(meetings, a => a.MeetingId, m => m.Id, (a, m) => new MetricRecord
        {
            RecordType = MetricRecordTypes.Meeting, RecordId = m.Id, OrganizationId = m.OrganizationId, Date = m.HeldOn, Title = a.Title, Detail = a.Decision,
        });
    }
}

/// <summary>
/// <c>meetings.attendance{kind}</c> and <c>meetings.attendanceRate{kind}</c>: members of the organization (应到 rows) present, and
/// present ÷ 应到 (approved exclusions left out). 列席 and guests are not counted: they are not the organization's attendance.
/// </summary>
internal static class AttendanceFigures
{
    /// <summary>The 应到 rows of the scope's meetings.</summary>
    private static IQueryable<MeetingAttendee> Expected(MetricScope scope, IQueryable<Meeting> meetings)
    {
        var ids = meetings.Select(m => m.Id);
        return ExpectedRows(scope).Where(a => ids.Contains(a.MeetingId));
    }

    /// <summary>All 应到 rows; the facts reads join them to the scope's meetings, which already restricts them.</summary>
    private static IQueryable<MeetingAttendee> ExpectedRows(MetricScope scope) =>
        scope.Db.Set<MeetingAttendee>().AsNoTracking().Where(a => a.Role == AttendeeRole.Member && !a.ExcludedFromExpected);

    /// <summary>Facts with Value = present and Base = 应到, per organization (and kind); read once per batch for the count and the rate.</summary>
    public static Task<IReadOnlyList<MetricFact>> FactsAsync(MetricDefinition definition, MetricScope scope, string? dimension, CancellationToken ct) =>
        scope.SharedAsync("meetings.attendance:" + dimension, () => ReadAsync(definition, scope, dimension, ct));

    private static async Task<IReadOnlyList<MetricFact>> ReadAsync(MetricDefinition definition, MetricScope scope, string? dimension, CancellationToken ct)
    {
        var meetings = MeetingMetricQueries.Meetings(scope);
        var expected = ExpectedRows(scope);
        switch (dimension)
        {
            case null:
                var rows = await expected.Join(meetings, a => a.MeetingId, m => m.Id, (a, m) => new { m.OrganizationId, a.Status })
                    .GroupBy(r => r.OrganizationId)
                    .Select(g => new { g.Key, Expected = g.Count(), Present = g.Count(r => r.Status == AttendanceStatus.Present) })
                    .ToListAsync(ct);
                return rows.Select(r => new MetricFact(r.Key, null, r.Present, r.Expected)).ToList();
            case "kind":
                var byKind = await (from a in expected
                                    join k in MeetingMetricQueries.WithKinds(scope.Db, meetings) on a.MeetingId equals k.MeetingId
                                    group a by new { k.OrganizationId, k.Code } into g
                                    select new { g.Key.OrganizationId, g.Key.Code, Expected = g.Count(), Present = g.Count(a => a.Status == AttendanceStatus.Present) })
                    .ToListAsync(ct);
                return byKind.Select(r => new MetricFact(r.OrganizationId, r.Code, r.Present, r.Expected)).ToList();
            default:
                throw MetricFacts.UnknownDimension(definition, dimension);
        }
    }

    /// <summary>The meetings whose attendance counts: those with at least one 应到 row.</summary>
    public static IQueryable<MetricRecord> Records(MetricDefinition definition, MetricScope scope, string? dimension, string? dimensionValue)
    {
        var meetings = MeetingMetricQueries.Narrow(definition, scope.Db, MeetingMetricQueries.Meetings(scope), dimension, dimensionValue);
        var counted = Expected(scope, meetings).Select(a => a.MeetingId);
        return MeetingMetricQueries.AsRecords(meetings.Where(m => counted.Contains(m.Id)));
    }
}

public sealed class MeetingAttendanceMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("meetings.attendance", "参会人次", "人次", MetricKind.Flow, [MeetingMetricQueries.KindDimension],
        "期间内会议应到人员中实际出席的人次（不含列席和嘉宾）");

    public MetricSource Source => MeetingsSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        (await AttendanceFigures.FactsAsync(Definition, scope, dimension, ct)).Select(f => f with { Base = 0 }).ToList();

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MeetingMetricQueries.KindValuesAsync(Definition, db, dimension, ct);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        AttendanceFigures.Records(Definition, scope, dimension, dimensionValue);
}

public sealed class MeetingAttendanceRateMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("meetings.attendanceRate", "参会率", "%", MetricKind.Flow, [MeetingMetricQueries.KindDimension],
        "出席人次 ÷ 应到人次 × 100，保留一位小数；经批准不计入应到会的人员不计入分母", MetricAggregation.Percent);

    public MetricSource Source => MeetingsSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        AttendanceFigures.FactsAsync(Definition, scope, dimension, ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MeetingMetricQueries.KindValuesAsync(Definition, db, dimension, ct);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        AttendanceFigures.Records(Definition, scope, dimension, dimensionValue);
}

/// <summary><c>meetings.keySpeakers</c>: 重点发言 人次.</summary>
public sealed class MeetingKeySpeakersMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("meetings.keySpeakers", "重点发言人次", "人次", MetricKind.Flow, [],
        "期间内会议记录的重点发言人次");

    public MetricSource Source => MeetingsSource.Instance;

    private static IQueryable<SpokenAt> Speakers(MetricScope scope) =>
        scope.Db.Set<KeySpeaker>().AsNoTracking().Join(MeetingMetricQueries.Meetings(scope), s => s.MeetingId, m => m.Id, (s, m) => new SpokenAt { Meeting = m, Name = s.Name });

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        MetricFacts.CountAsync(Speakers(scope).Select(s => s.Meeting.OrganizationId), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    /// <summary>One record per 重点发言, shown as its meeting.</summary>
    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        Speakers(scope).Select(s => new MetricRecord
        {
            RecordType = MetricRecordTypes.Meeting, RecordId = s.Meeting.Id, OrganizationId = s.Meeting.OrganizationId, Date = s.Meeting.HeldOn,
            Title = s.Meeting.Topic, Detail = s.Name,
        });

    private sealed class SpokenAt
    {
        public Meeting Meeting { get; init; } = null!;
        public string Name { get; init; } = "";
    }
}

/// <summary><c>lectures.count{lecturerRole}</c>: 党课 given, by who gave them.</summary>
public sealed class LecturesCountMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("lectures.count", "党课次数", "次", MetricKind.Flow, [new MetricDimension("lecturerRole", "授课人")],
        "期间内讲授的党课，按授课人身份统计：书记、领导干部、普通党员（微党课）、特邀");

    public MetricSource Source => MeetingsSource.Instance;

    private static IQueryable<Meeting> Lectures(MetricScope scope) =>
        MeetingMetricQueries.OfKind(scope.Db, MeetingMetricQueries.Meetings(scope), MeetingKindCodes.PartyLecture);

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) => dimension switch
    {
        null => MetricFacts.CountAsync(Lectures(scope).Select(m => m.OrganizationId), ct),
        // A lecture whose lecturer's role is not filled in is a fact without a value: "未填写" in the breakdown.
        "lecturerRole" => MetricFacts.CountAsync(
            Lectures(scope).Select(m => new MetricKey<LecturerRole?> { OrganizationId = m.OrganizationId, Value = m.LecturerRole }), role => role?.ToString(), ct),
        _ => throw MetricFacts.UnknownDimension(Definition, dimension),
    };

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        dimension == "lecturerRole"
            ? Task.FromResult(MetricFacts.EnumValues<LecturerRole>(r => r.Label()))
            : MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        var lectures = Lectures(scope);
        if (dimensionValue is not null)
        {
            if (dimension != "lecturerRole") throw MetricFacts.UnknownDimension(Definition, dimension);
            LecturerRole? role = MetricFacts.ParseEnum<LecturerRole>(Definition, dimension, dimensionValue);
            lectures = lectures.Where(m => m.LecturerRole == role);
        }

        return lectures.Select(m => new MetricRecord
        {
            RecordType = MetricRecordTypes.Meeting, RecordId = m.Id, OrganizationId = m.OrganizationId, Date = m.HeldOn, Title = m.Topic, Detail = m.LecturerName,
        });
    }
}

/// <summary>
/// <c>dualLife.count</c> (domain.md §3, 双重组织生活): a 党员领导干部 — a member flagged as 领导干部, or a 委员 of an organization
/// above the meeting's — present, as a member, at a meeting of their own branch or 党小组. Derived from attendance; no separate entry.
/// Each attendance belongs to the meeting's organization, whatever subtree is asked about, so the facts add up.
/// </summary>
public sealed class DualLifeCountMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dualLife.count", "领导干部双重组织生活", "人次", MetricKind.Flow, [],
        "期间内党员领导干部（标注为领导干部的党员，或上级党组织委员）以普通党员身份参加所在支部或党小组组织生活的人次");

    public MetricSource Source => MeetingsSource.Instance;

    private static IQueryable<Attended> Attendances(MetricScope scope)
    {
        var db = scope.Db;
        // Few members ever hold a seat: the uncorrelated IN is read once and keeps the exact seat check off most attendances.
        var seatHolders = db.Set<CommitteeMember>().Select(c => c.MemberId);
        return from m in MeetingMetricQueries.Meetings(scope)
               join o in db.Organizations on m.OrganizationId equals o.Id
               where o.Kind == OrganizationKind.Branch || o.Kind == OrganizationKind.JointBranch || o.Kind == OrganizationKind.TemporaryBranch || o.Kind == OrganizationKind.Group
               join a in db.Set<MeetingAttendee>() on m.Id equals a.MeetingId
               where a.Role == AttendeeRole.Member && a.Status == AttendanceStatus.Present
               join member in db.Set<Member>() on a.MemberId equals member.Id
               where member.IsLeadingCadre
                     || seatHolders.Contains(member.Id) && db.Set<CommitteeMember>().Any(c =>
                         c.MemberId == member.Id && c.From <= m.HeldOn && (c.To == null || c.To > m.HeldOn)
                         && db.Organizations.Any(up => up.Id == c.OrganizationId && up.Path != o.Path && o.Path.StartsWith(up.Path)))
               select new Attended { Meeting = m, Name = member.Name };
    }

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        MetricFacts.CountAsync(Attendances(scope).Select(a => a.Meeting.OrganizationId), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    /// <summary>One record per attendance, shown as the meeting with the leader's name.</summary>
    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        Attendances(scope).Select(a => new MetricRecord
        {
            RecordType = MetricRecordTypes.Meeting, RecordId = a.Meeting.Id, OrganizationId = a.Meeting.OrganizationId, Date = a.Meeting.HeldOn,
            Title = a.Meeting.Topic, Detail = a.Name,
        });

    private sealed class Attended
    {
        public Meeting Meeting { get; init; } = null!;
        public string Name { get; init; } = "";
    }
}
