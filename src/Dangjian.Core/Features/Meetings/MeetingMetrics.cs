using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Meetings;

/// <summary>The meetings of a metric scope: held in the subtree, with <see cref="Meeting.HeldOn"/> inside the period (both ends count).</summary>
internal static class MeetingMetricQueries
{
    public static IQueryable<Meeting> Meetings(MetricScope scope)
    {
        var ids = scope.Db.Organizations.InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<Meeting>().AsNoTracking().Where(m => m.HeldOn >= from && m.HeldOn <= to && ids.Contains(m.OrganizationId));
    }

    /// <summary>(meeting, kind) pairs: a meeting that carries two kinds counts once for each.</summary>
    public static IQueryable<MeetingKindLink> Links(MetricScope scope)
    {
        var meetings = Meetings(scope).Select(m => m.Id);
        return scope.Db.Set<MeetingKindLink>().AsNoTracking().Where(l => meetings.Contains(l.MeetingId));
    }

    /// <summary>One value per kind: every kind still offered, in the usual order, plus archived kinds that have figures.</summary>
    public static async Task<IReadOnlyList<MetricValue>> PerKindAsync(MetricScope scope, IReadOnlyDictionary<long, decimal> byKind, CancellationToken ct)
    {
        var kinds = await scope.Db.Set<MeetingKind>().AsNoTracking().OrderBy(k => k.SortOrder).ThenBy(k => k.Id).ToListAsync(ct);
        return kinds
            .Where(k => !k.IsArchived || byKind.ContainsKey(k.Id))
            .Select(k => new MetricValue(k.Code, k.Name, byKind.GetValueOrDefault(k.Id)))
            .ToList();
    }

    public static readonly MetricDimension KindDimension = new("kind", "会议类型");

    public static decimal Rate(int part, int whole) => whole == 0 ? 0m : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary><c>meetings.count{kind}</c>: meetings and activities held in the period; a record carrying two kinds counts for each kind, once in the total.</summary>
public sealed class MeetingsCountMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("meetings.count", "会议活动次数", "次", MetricKind.Flow, [MeetingMetricQueries.KindDimension],
        "期间内本组织及下级组织召开的会议和开展的活动；同时具有多种类型的会议在每种类型下各计一次，合计中计一次");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        if (dimension is null) return [new MetricValue(null, "合计", await MeetingMetricQueries.Meetings(scope).CountAsync(ct))];
        var counts = await MeetingMetricQueries.Links(scope).GroupBy(l => l.MeetingKindId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return await MeetingMetricQueries.PerKindAsync(scope, counts.ToDictionary(c => c.Key, c => (decimal)c.Count), ct);
    }
}

/// <summary><c>meetings.agendaItems{kind, topic}</c>: 议题 with a recorded decision.</summary>
public sealed class MeetingAgendaItemsMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("meetings.agendaItems", "研究议题数", "项", MetricKind.Flow,
        [MeetingMetricQueries.KindDimension, new MetricDimension("topic", "议题类别")],
        "期间内会议研究并作出决定的议题（含“三重一大”事项），按会议类型或议题类别统计");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var meetings = MeetingMetricQueries.Meetings(scope).Select(m => m.Id);
        var decided = scope.Db.Set<AgendaItem>().AsNoTracking().Where(a => a.Decision != null && meetings.Contains(a.MeetingId));
        switch (dimension)
        {
            case "topic":
                var byTopic = await decided.GroupBy(a => a.Topic).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                return Enum.GetValues<AgendaTopic>().Select(t => new MetricValue(t.ToString(), t.Label(), byTopic.Where(r => r.Key == t).Sum(r => r.Count))).ToList();
            case "kind":
                var byKind = await (from a in decided
                                    join l in scope.Db.Set<MeetingKindLink>() on a.MeetingId equals l.MeetingId
                                    group a by l.MeetingKindId into g
                                    select new { g.Key, Count = g.Count() }).ToListAsync(ct);
                return await MeetingMetricQueries.PerKindAsync(scope, byKind.ToDictionary(c => c.Key, c => (decimal)c.Count), ct);
            default:
                return [new MetricValue(null, "合计", await decided.CountAsync(ct))];
        }
    }
}

/// <summary>
/// <c>meetings.attendance{kind}</c> and <c>meetings.attendanceRate{kind}</c>: members of the organization (应到 rows) present, and
/// present ÷ 应到 (approved exclusions left out). 列席 and guests are not counted: they are not the organization's attendance.
/// </summary>
internal static class AttendanceFigures
{
    public sealed record Row(long? KindId, int Expected, int Present);

    public static async Task<IReadOnlyList<Row>> LoadAsync(MetricScope scope, bool byKind, CancellationToken ct)
    {
        var meetings = MeetingMetricQueries.Meetings(scope).Select(m => m.Id);
        var attendees = scope.Db.Set<MeetingAttendee>().AsNoTracking()
            .Where(a => a.Role == AttendeeRole.Member && !a.ExcludedFromExpected && meetings.Contains(a.MeetingId));
        if (!byKind)
        {
            var total = await attendees.GroupBy(a => 1)
                .Select(g => new { Expected = g.Count(), Present = g.Count(a => a.Status == AttendanceStatus.Present) })
                .SingleOrDefaultAsync(ct);
            return [new Row(null, total?.Expected ?? 0, total?.Present ?? 0)];
        }

        var rows = await (from a in attendees
                          join l in scope.Db.Set<MeetingKindLink>() on a.MeetingId equals l.MeetingId
                          group a by l.MeetingKindId into g
                          select new { g.Key, Expected = g.Count(), Present = g.Count(a => a.Status == AttendanceStatus.Present) }).ToListAsync(ct);
        return rows.Select(r => new Row(r.Key, r.Expected, r.Present)).ToList();
    }
}

public sealed class MeetingAttendanceMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("meetings.attendance", "参会人次", "人次", MetricKind.Flow, [MeetingMetricQueries.KindDimension],
        "期间内会议应到人员中实际出席的人次（不含列席和嘉宾）");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var rows = await AttendanceFigures.LoadAsync(scope, dimension == "kind", ct);
        return dimension == "kind"
            ? await MeetingMetricQueries.PerKindAsync(scope, rows.ToDictionary(r => r.KindId!.Value, r => (decimal)r.Present), ct)
            : [new MetricValue(null, "合计", rows[0].Present)];
    }
}

public sealed class MeetingAttendanceRateMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("meetings.attendanceRate", "参会率", "%", MetricKind.Flow, [MeetingMetricQueries.KindDimension],
        "出席人次 ÷ 应到人次 × 100，保留一位小数；经批准不计入应到会的人员不计入分母");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var rows = await AttendanceFigures.LoadAsync(scope, dimension == "kind", ct);
        return dimension == "kind"
            ? await MeetingMetricQueries.PerKindAsync(scope, rows.ToDictionary(r => r.KindId!.Value, r => MeetingMetricQueries.Rate(r.Present, r.Expected)), ct)
            : [new MetricValue(null, "合计", MeetingMetricQueries.Rate(rows[0].Present, rows[0].Expected))];
    }
}

/// <summary><c>meetings.keySpeakers</c>: 重点发言 人次.</summary>
public sealed class MeetingKeySpeakersMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("meetings.keySpeakers", "重点发言人次", "人次", MetricKind.Flow, [],
        "期间内会议记录的重点发言人次");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var meetings = MeetingMetricQueries.Meetings(scope).Select(m => m.Id);
        return [new MetricValue(null, "合计", await scope.Db.Set<KeySpeaker>().AsNoTracking().CountAsync(s => meetings.Contains(s.MeetingId), ct))];
    }
}

/// <summary><c>lectures.count{lecturerRole}</c>: 党课 given, by who gave them.</summary>
public sealed class LecturesCountMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("lectures.count", "党课次数", "次", MetricKind.Flow, [new MetricDimension("lecturerRole", "授课人")],
        "期间内讲授的党课，按授课人身份统计：书记、领导干部、普通党员（微党课）、特邀");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var lectureKind = scope.Db.Set<MeetingKind>().Where(k => k.Code == MeetingKindCodes.PartyLecture).Select(k => k.Id);
        var lectures = MeetingMetricQueries.Meetings(scope)
            .Where(m => scope.Db.Set<MeetingKindLink>().Any(l => l.MeetingId == m.Id && lectureKind.Contains(l.MeetingKindId)));
        if (dimension != "lecturerRole") return [new MetricValue(null, "合计", await lectures.CountAsync(ct))];
        var rows = await lectures.GroupBy(m => m.LecturerRole).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var values = Enum.GetValues<LecturerRole>()
            .Select(r => new MetricValue(r.ToString(), r.Label(), rows.Where(x => x.Key == r).Sum(x => x.Count)))
            .ToList();
        var unknown = rows.Where(x => x.Key is null).Sum(x => x.Count);
        if (unknown > 0) values.Add(new MetricValue(null, "未填写", unknown));
        return values;
    }
}

/// <summary>
/// <c>dualLife.count</c> (domain.md §3, 双重组织生活): a 党员领导干部 — a member flagged as 领导干部, or a 委员 of an organization
/// above the meeting's — present, as a member, at a meeting of their own branch or 党小组. Derived from attendance; no separate entry.
/// </summary>
public sealed class DualLifeCountMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("dualLife.count", "领导干部双重组织生活", "人次", MetricKind.Flow, [],
        "期间内党员领导干部（标注为领导干部的党员，或上级党组织委员）以普通党员身份参加所在支部或党小组组织生活的人次");

    public async Task<IReadOnlyList<MetricValue>> EvaluateAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var db = scope.Db;
        var count = await (
            from m in MeetingMetricQueries.Meetings(scope)
            join o in db.Organizations on m.OrganizationId equals o.Id
            where o.Kind == OrganizationKind.Branch || o.Kind == OrganizationKind.JointBranch || o.Kind == OrganizationKind.TemporaryBranch || o.Kind == OrganizationKind.Group
            join a in db.Set<MeetingAttendee>() on m.Id equals a.MeetingId
            where a.Role == AttendeeRole.Member && a.Status == AttendanceStatus.Present
            join member in db.Set<Member>() on a.MemberId equals member.Id
            where member.IsLeadingCadre
                  || db.Set<CommitteeMember>().Any(c =>
                      c.MemberId == member.Id && c.From <= m.HeldOn && (c.To == null || c.To > m.HeldOn)
                      && db.Organizations.Any(up => up.Id == c.OrganizationId && up.Path != o.Path && o.Path.StartsWith(up.Path)))
            select a.Id).CountAsync(ct);
        return [new MetricValue(null, "合计", count)];
    }
}
