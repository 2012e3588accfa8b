using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Evaluations;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Talks;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Obligations;

/// <summary>An organization as the compliance matrix shows it; <see cref="Depth"/> is relative to the top of the evaluated set.</summary>
public sealed record ComplianceOrganization(
    long Id, long? ParentId, string Path, string Code, string Name, OrganizationKind Kind, DateOnly? FoundedOn, DateOnly? DissolvedOn, int SortOrder, int Depth);

/// <summary>One occurrence of an obligation for one organization: how much evidence it has and what that means today.</summary>
public sealed record OccurrenceResult(Occurrence Occurrence, int Count, int MinCount, ComplianceStatus Status, string? Note)
{
    public DateOnly Start => Occurrence.Start;
    public DateOnly End => Occurrence.End;
    public string Label => Occurrence.Label;
}

/// <summary>
/// One organization × one obligation over the period. <see cref="Met"/>/<see cref="Applicable"/> count occurrences
/// ("2/3"); <see cref="Status"/> is the worst of them (<see cref="ObligationCalendar.Aggregate"/>).
/// </summary>
public sealed record ComplianceCell(
    long ObligationId, ComplianceStatus Status, int Met, int Applicable, EffectiveObligation Rule, IReadOnlyList<OccurrenceResult> Occurrences, string? Note)
{
    /// <summary>The days the counted evidence was taken from: the occurrences' full span, which may reach outside the period.</summary>
    public DateOnly? EvidenceFrom => Occurrences.Count == 0 ? null : Occurrences[0].Start;

    public DateOnly? EvidenceTo => Occurrences.Count == 0 ? null : Occurrences[^1].End;
}

public sealed record ComplianceRow(ComplianceOrganization Organization, IReadOnlyList<ComplianceCell> Cells)
{
    public bool HasProblem => Cells.Any(c => c.Status.IsProblem());
}

/// <summary>The whole evaluation: every organization of the set, in tree order, with one cell per obligation.</summary>
public sealed record ComplianceResult(DateOnly From, DateOnly To, DateOnly Today, IReadOnlyList<Obligation> Obligations, IReadOnlyList<ComplianceRow> Rows);

/// <summary>
/// Evaluates every obligation for a set of organizations over a period (issue 4 item 5; docs/adr/0009).
/// Set-based: a fixed number of queries whatever the number of organizations — the organizations, the obligations and
/// their overrides, one GROUP BY (organization, kind, year, month) over meetings, one each for 支委 seats, 书记党课,
/// 民主评议 and 谈心谈话 counts, and two per 谈心谈话 occurrence for its coverage — never one query per organization.
/// Evidence is counted per calendar month, which is enough for every occurrence: months, quarters and years are all
/// made of whole months.
/// </summary>
public static class ComplianceEvaluator
{
    public static async Task<ComplianceResult> EvaluateAsync(
        DangjianDbContext db, IQueryable<Organization> organizations, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        // Organizations that existed at some point of the period; the others would only show 不适用.
        var set = organizations.Where(o => (o.DissolvedOn == null || o.DissolvedOn > from) && (o.FoundedOn == null || o.FoundedOn <= to));
        var ids = set.Select(o => o.Id);
        var rows = await set
            .Select(o => new { o.Id, o.ParentId, o.Path, o.Code, o.Name, o.Kind, o.FoundedOn, o.DissolvedOn, o.SortOrder })
            .ToListAsync(ct);
        var obligations = await db.Set<Obligation>().AsNoTracking().OrderBy(o => o.SortOrder).ThenBy(o => o.Id).ToListAsync(ct);
        if (rows.Count == 0) return new ComplianceResult(from, to, today, obligations, []);

        var inSet = rows.Select(r => r.Id).ToHashSet();
        var ancestorIds = rows.Where(r => r.ParentId is not long p || !inSet.Contains(p)).SelectMany(r => OrgPath.Ids(r.Path)).Distinct().ToList();
        var overrides = await db.Set<ObligationOverride>().AsNoTracking()
            .Where(o => ancestorIds.Contains(o.OrganizationId) || ids.Contains(o.OrganizationId))
            .ToListAsync(ct);
        var resolver = new ObligationResolver(obligations, overrides);

        var window = new MonthWindow(new DateOnly(from.Year, 1, 1), new DateOnly(to.Year, 12, 31));
        var evidence = await LoadEvidenceAsync(db, set, ids, obligations, window, ct);

        var organizationsById = rows.ToDictionary(
            r => r.Id,
            r => new ComplianceOrganization(r.Id, r.ParentId, r.Path, r.Code, r.Name, r.Kind, r.FoundedOn, r.DissolvedOn, r.SortOrder, 0));
        var ordered = TreeOrder(organizationsById);

        // 谈心谈话 coverage depends on who was there at each occurrence, so it is loaded per occurrence (not per organization).
        var talkCoverage = await LoadTalkCoverageAsync(db, set, obligations, resolver, ordered, from, to, today, evidence, ct);

        var result = new List<ComplianceRow>(ordered.Count);
        foreach (var organization in ordered)
        {
            var cells = new List<ComplianceCell>(obligations.Count);
            foreach (var obligation in obligations)
            {
                cells.Add(Evaluate(organization, resolver.Resolve(obligation, organization.Path), from, to, today, evidence, talkCoverage));
            }

            result.Add(new ComplianceRow(organization, cells));
        }

        return new ComplianceResult(from, to, today, obligations, result);
    }

    private static ComplianceCell Evaluate(
        ComplianceOrganization organization, EffectiveObligation rule, DateOnly from, DateOnly to, DateOnly today, Evidence evidence, TalkCoverage talkCoverage)
    {
        if (!ObligationCalendar.KindMatches(rule.Target, organization.Kind))
        {
            return new ComplianceCell(rule.ObligationId, ComplianceStatus.NotApplicable, 0, 0, rule, [], $"不适用于{organization.Kind.Label()}");
        }

        if (!rule.Enabled)
        {
            return new ComplianceCell(rule.ObligationId, ComplianceStatus.NotApplicable, 0, 0, rule, [], "本规则已停用");
        }

        var counts = evidence.For(rule);
        var occurrences = evidence.Occurrences(rule.Frequency, from, to);
        var results = new List<OccurrenceResult>(occurrences.Count);
        foreach (var occurrence in occurrences)
        {
            var count = counts.Sum(organization.Id, occurrence.Start, occurrence.End);
            var met = count >= rule.MinCount;
            string? note = null;
            var applicable = true;
            if (rule.Target == ObligationTarget.BranchesWithCommittee)
            {
                var seats = evidence.SeatsOn(organization.Id, ObligationCalendar.ReferenceDate(occurrence, today));
                if (seats < ObligationCalendar.CommitteeMinimumSeats)
                {
                    results.Add(new OccurrenceResult(occurrence, count, rule.MinCount, ComplianceStatus.NotApplicable,
                        $"支委 {seats} 人，未设支部委员会"));
                    continue;
                }
            }

            if (rule.Evidence == ObligationEvidence.Talks && met)
            {
                var (members, pairs) = talkCoverage.Missing(occurrence, organization.Id);
                met = members == 0 && pairs == 0;
                if (!met) note = TalkNote(members, pairs);
            }

            if (!ObligationCalendar.ExistedThroughout(occurrence, organization.FoundedOn, organization.DissolvedOn))
            {
                // A partial occurrence is credited when met and otherwise not held against the organization.
                applicable = met;
                note ??= met ? null : "组织未存续整个周期";
            }

            var status = applicable ? ObligationCalendar.StatusOf(occurrence, met, today) : ComplianceStatus.NotApplicable;
            results.Add(new OccurrenceResult(occurrence, count, rule.MinCount, status, note));
        }

        var statuses = results.Select(r => r.Status).ToList();
        return new ComplianceCell(
            rule.ObligationId,
            ObligationCalendar.Aggregate(statuses),
            statuses.Count(s => s == ComplianceStatus.Met),
            statuses.Count(s => s != ComplianceStatus.NotApplicable),
            rule,
            results,
            results.Select(r => r.Note).FirstOrDefault(n => n is not null));
    }

    public static string TalkNote(int members, int pairs) => (members, pairs) switch
    {
        (> 0, > 0) => $"{members} 名党员未参加谈心谈话，{pairs} 对支委之间未谈",
        (> 0, _) => $"{members} 名党员未参加谈心谈话",
        _ => $"{pairs} 对支委之间未谈",
    };

    /// <summary>Parents before children; siblings by sort order, then code — the order of the organization tree.</summary>
    private static List<ComplianceOrganization> TreeOrder(Dictionary<long, ComplianceOrganization> organizations)
    {
        var children = organizations.Values
            .Where(o => o.ParentId is long p && organizations.ContainsKey(p))
            .ToLookup(o => o.ParentId!.Value);
        var roots = organizations.Values.Where(o => o.ParentId is not long p || !organizations.ContainsKey(p));
        var ordered = new List<ComplianceOrganization>(organizations.Count);
        var stack = new Stack<(ComplianceOrganization Node, int Depth)>();
        foreach (var root in Sort(roots).Reverse()) stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            ordered.Add(node with { Depth = depth });
            foreach (var child in Sort(children[node.Id]).Reverse()) stack.Push((child, depth + 1));
        }

        return ordered;

        static IEnumerable<ComplianceOrganization> Sort(IEnumerable<ComplianceOrganization> nodes) =>
            nodes.OrderBy(n => n.SortOrder).ThenBy(n => n.Code, StringComparer.Ordinal).ToList();
    }

    private static async Task<Evidence> LoadEvidenceAsync(
        DangjianDbContext db, IQueryable<Organization> set, IQueryable<long> ids, IReadOnlyList<Obligation> obligations, MonthWindow window, CancellationToken ct)
    {
        var evidence = new Evidence(window);
        var (start, end) = (window.Start, window.End);

        var codes = obligations.Where(o => o.Evidence is ObligationEvidence.Meetings or ObligationEvidence.SecretaryLecture).SelectMany(o => o.KindCodes).Distinct().ToList();
        var kindIds = codes.Count == 0
            ? new Dictionary<string, long>()
            : await db.Set<MeetingKind>().AsNoTracking().Where(k => codes.Contains(k.Code)).ToDictionaryAsync(k => k.Code, k => k.Id, ct);
        List<long> KindIdsOf(Obligation o) => o.KindCodes.Where(kindIds.ContainsKey).Select(c => kindIds[c]).Distinct().ToList();

        var meetingObligations = obligations.Where(o => o.Evidence == ObligationEvidence.Meetings).ToList();

        // One GROUP BY for every obligation satisfied by a single kind: a meeting carrying two kinds is one row per kind,
        // so it counts for both obligations.
        var singleKinds = meetingObligations.Select(KindIdsOf).Where(k => k.Count == 1).Select(k => k[0]).Distinct().ToList();
        if (singleKinds.Count > 0)
        {
            var held =
                from m in db.Set<Meeting>().AsNoTracking()
                join l in db.Set<MeetingKindLink>().AsNoTracking() on m.Id equals l.MeetingId
                where singleKinds.Contains(l.MeetingKindId) && ids.Contains(m.OrganizationId)
                select new Dated { OrganizationId = m.OrganizationId, KindId = l.MeetingKindId, HeldOn = m.HeldOn };
            await CountByMonthAsync(held, byKind: true, window, evidence.Kind, ct);
        }

        foreach (var obligation in meetingObligations)
        {
            var kinds = KindIdsOf(obligation);
            if (kinds.Count == 1)
            {
                evidence.Use(obligation.Id, evidence.Kind(kinds[0]));
                continue;
            }

            // Several kinds satisfy it: count each meeting once, however many of them it carries.
            var counts = evidence.Own(obligation.Id);
            if (kinds.Count == 0) continue;
            var held = db.Set<Meeting>().AsNoTracking()
                .Where(m => ids.Contains(m.OrganizationId) && db.Set<MeetingKindLink>().Any(l => l.MeetingId == m.Id && kinds.Contains(l.MeetingKindId)))
                .Select(m => new Dated { OrganizationId = m.OrganizationId, HeldOn = m.HeldOn });
            await CountByMonthAsync(held, byKind: false, window, _ => counts, ct);
        }

        if (obligations.Any(o => o.Target == ObligationTarget.BranchesWithCommittee))
        {
            var branchIds = Branches(set).Select(o => o.Id);
            var seats = await db.Set<CommitteeMember>().AsNoTracking()
                .Where(c => c.From <= end && (c.To == null || c.To > start) && branchIds.Contains(c.OrganizationId))
                .Select(c => new { c.OrganizationId, c.From, c.To })
                .ToListAsync(ct);
            evidence.Seats = seats.ToLookup(s => s.OrganizationId, s => (s.From, s.To));
        }

        foreach (var obligation in obligations.Where(o => o.Evidence == ObligationEvidence.SecretaryLecture))
        {
            await LoadSecretaryLecturesAsync(db, set, KindIdsOf(obligation), window, evidence.Own(obligation.Id), ct);
        }

        if (obligations.Any(o => o.Evidence == ObligationEvidence.Evaluation))
        {
            var counts = evidence.Evaluations;
            var held = db.Set<EvaluationSession>().AsNoTracking()
                .Where(e => ids.Contains(e.OrganizationId))
                .Select(e => new Dated { OrganizationId = e.OrganizationId, HeldOn = e.HeldOn });
            await CountByMonthAsync(held, byKind: false, window, _ => counts, ct);
            foreach (var obligation in obligations.Where(o => o.Evidence == ObligationEvidence.Evaluation)) evidence.Use(obligation.Id, counts);
        }

        if (obligations.Any(o => o.Evidence == ObligationEvidence.Talks))
        {
            var counts = evidence.Talks;
            var held = db.Set<HeartToHeartTalk>().AsNoTracking()
                .Where(t => ids.Contains(t.OrganizationId))
                .Select(t => new Dated { OrganizationId = t.OrganizationId, HeldOn = t.HeldOn });
            await CountByMonthAsync(held, byKind: false, window, _ => counts, ct);
            foreach (var obligation in obligations.Where(o => o.Evidence == ObligationEvidence.Talks)) evidence.Use(obligation.Id, counts);
        }

        return evidence;
    }

    /// <summary>
    /// 书记讲党课 (ADR 0009): a 党课 held anywhere in a committee's subtree whose lecturer is the member holding that committee's
    /// 书记 post on the day; or a 党课 of the committee itself recorded with lecturer role 书记 (the secretary may not be on
    /// the roster). A meeting matching both ways counts once.
    /// </summary>
    private static async Task LoadSecretaryLecturesAsync(
        DangjianDbContext db, IQueryable<Organization> set, List<long> kinds, MonthWindow window, MonthlyCounts counts, CancellationToken ct)
    {
        if (kinds.Count == 0) return;
        var (start, end) = (window.Start, window.End);
        var committees = set.Where(o => o.Kind == OrganizationKind.Committee || o.Kind == OrganizationKind.LeadingGroup || o.Kind == OrganizationKind.WorkingCommittee);
        var committeeIds = committees.Select(o => o.Id);
        var lectures = db.Set<Meeting>().AsNoTracking()
            .Where(m => m.HeldOn >= start && m.HeldOn <= end && db.Set<MeetingKindLink>().Any(l => l.MeetingId == m.Id && kinds.Contains(l.MeetingKindId)));

        var bySecretary = await (
                from m in lectures
                where m.LecturerMemberId != null
                join c in db.Set<CommitteeMember>().AsNoTracking() on m.LecturerMemberId equals c.MemberId
                where c.Post == CommitteePost.Secretary && c.From <= m.HeldOn && (c.To == null || c.To > m.HeldOn) && committeeIds.Contains(c.OrganizationId)
                join held in db.Organizations.AsNoTracking() on m.OrganizationId equals held.Id
                join committee in db.Organizations.AsNoTracking() on c.OrganizationId equals committee.Id
                select new { c.OrganizationId, MeetingId = m.Id, m.HeldOn, HeldPath = held.Path, CommitteePath = committee.Path })
            .ToListAsync(ct);
        var byRole = await lectures
            .Where(m => m.LecturerRole == LecturerRole.Secretary && committeeIds.Contains(m.OrganizationId))
            .Select(m => new { m.OrganizationId, MeetingId = m.Id, m.HeldOn })
            .ToListAsync(ct);

        var seen = new HashSet<(long, long)>();
        foreach (var l in bySecretary.Where(l => OrgPath.IsWithin(l.HeldPath, l.CommitteePath)).Select(l => (l.OrganizationId, l.MeetingId, l.HeldOn)).Concat(byRole.Select(l => (l.OrganizationId, l.MeetingId, l.HeldOn))))
        {
            if (seen.Add((l.OrganizationId, l.MeetingId))) counts.Add(l.OrganizationId, l.HeldOn.Year, l.HeldOn.Month, 1);
        }
    }

    /// <summary>
    /// 谈心谈话 coverage for every occurrence the period touches (ADR 0009): members on each branch's roster on the
    /// reference date who took part in no talk of the occurrence, and pairs of linked 支委 who never talked. Two grouped
    /// queries per occurrence, only when some talk was recorded in it (without any, no branch can have met the count).
    /// </summary>
    private static async Task<TalkCoverage> LoadTalkCoverageAsync(
        DangjianDbContext db, IQueryable<Organization> set, IReadOnlyList<Obligation> obligations, ObligationResolver resolver,
        IReadOnlyList<ComplianceOrganization> organizations, DateOnly from, DateOnly to, DateOnly today, Evidence evidence, CancellationToken ct)
    {
        var coverage = new TalkCoverage();
        var talks = obligations.Where(o => o.Evidence == ObligationEvidence.Talks).ToList();
        if (talks.Count == 0) return coverage;

        var frequencies = organizations
            .SelectMany(o => talks.Select(t => resolver.Resolve(t, o.Path)).Where(r => r.Enabled && ObligationCalendar.KindMatches(r.Target, o.Kind)))
            .Select(r => r.Frequency)
            .Distinct()
            .ToList();
        var occurrences = frequencies.SelectMany(f => ObligationCalendar.Overlapping(f, from, to)).Distinct().ToList();
        var branchIds = Branches(set).Select(o => o.Id);
        foreach (var occurrence in occurrences)
        {
            if (!evidence.Talks.AnyIn(occurrence.Start, occurrence.End)) continue;
            var (start, end) = (occurrence.Start, occurrence.End);
            var day = ObligationCalendar.ReferenceDate(occurrence, today);
            var held = db.Set<HeartToHeartTalk>().AsNoTracking().Where(t => t.HeldOn >= start && t.HeldOn <= end);

            // The roster rule of MemberRoster.On: placement in force on the date, member admitted by then. Everyone who took
            // part in a talk, as one list (NOT IN over a UNION is hashed once; an OR inside NOT EXISTS is probed per member).
            var talked = held.Select(t => t.InitiatorMemberId).Concat(held.Select(t => t.PartnerMemberId));
            var members = await (
                    from p in db.Set<MemberPlacement>().AsNoTracking()
                    join m in db.Set<Member>().AsNoTracking() on p.MemberId equals m.Id
                    where p.From <= day && (p.To == null || p.To > day) && m.AdmittedOn <= day && branchIds.Contains(p.OrganizationId)
                        && !talked.Contains(p.MemberId)
                    group p by p.OrganizationId into g
                    select new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

            var seats = db.Set<CommitteeMember>().AsNoTracking()
                .Where(c => c.MemberId != null && c.From <= day && (c.To == null || c.To > day) && branchIds.Contains(c.OrganizationId));
            var pairs = await (
                    from a in seats
                    join b in seats on a.OrganizationId equals b.OrganizationId
                    where a.MemberId < b.MemberId
                        && !held.Any(t => (t.InitiatorMemberId == a.MemberId && t.PartnerMemberId == b.MemberId) || (t.InitiatorMemberId == b.MemberId && t.PartnerMemberId == a.MemberId))
                    group a by a.OrganizationId into g
                    select new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            coverage.Add(occurrence, members, pairs);
        }

        return coverage;
    }

    /// <summary>
    /// Counts dated records per organization (and kind) and calendar month: one query per year of the window, grouped by
    /// organization (and kind) only, with the months as twelve columns. Returning one row per organization and kind rather
    /// than one per month keeps the rows read by the client down (2,000 branches × 12 months of meetings: 11,000 rows
    /// instead of 76,000) and the grouping inside the database's memory (docs/bench-compliance.md).
    /// </summary>
    private static async Task CountByMonthAsync(IQueryable<Dated> records, bool byKind, MonthWindow window, Func<long, MonthlyCounts> target, CancellationToken ct)
    {
        for (var year = window.Start.Year; year <= window.End.Year; year++)
        {
            var (first, next) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
            var inYear = records.Where(r => r.HeldOn >= first && r.HeldOn < next);
            var rows = byKind
                ? await inYear.GroupBy(r => new { r.OrganizationId, r.KindId }).ByMonth(year, k => k.OrganizationId, k => k.KindId).ToListAsync(ct)
                : await inYear.GroupBy(r => r.OrganizationId).ByMonth(year, k => k, _ => 0L).ToListAsync(ct);
            foreach (var row in rows)
            {
                var counts = target(row.KindId);
                var before = 0;
                for (var month = 1; month <= 12; month++)
                {
                    var upTo = month == 12 ? row.Total : row.Before(month + 1);
                    if (upTo > before) counts.Add(row.OrganizationId, year, month, upTo - before);
                    before = upTo;
                }
            }
        }
    }

    /// <summary>
    /// Projects each group to new MonthRow { OrganizationId = …, KindId = …, Total = g.Count(), Before2 = g.Sum(r => r.HeldOn &lt; Feb 1 ? 1 : 0), … }:
    /// each column counts the records before the first day of a month, one date comparison per record, so no date
    /// function runs per row; the month counts are the differences.
    /// </summary>
    private static IQueryable<MonthRow> ByMonth<TKey>(this IQueryable<IGrouping<TKey, Dated>> groups, int year, Expression<Func<TKey, long>> organization, Expression<Func<TKey, long>> kind)
    {
        var group = Expression.Parameter(typeof(IGrouping<TKey, Dated>), "g");
        var key = Expression.Property(group, nameof(IGrouping<TKey, Dated>.Key));
        Expression OfKey(Expression<Func<TKey, long>> f) => new Substitute(f.Parameters[0], key).Visit(f.Body);
        var record = Expression.Parameter(typeof(Dated), "r");
        var bindings = new List<MemberBinding>
        {
            Expression.Bind(typeof(MonthRow).GetProperty(nameof(MonthRow.OrganizationId))!, OfKey(organization)),
            Expression.Bind(typeof(MonthRow).GetProperty(nameof(MonthRow.KindId))!, OfKey(kind)),
            Expression.Bind(typeof(MonthRow).GetProperty(nameof(MonthRow.Total))!, Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(Dated)], group)),
        };
        for (var month = 2; month <= 12; month++)
        {
            var isBefore = Expression.Lambda<Func<Dated, int>>(
                Expression.Condition(
                    Expression.LessThan(Expression.Property(record, nameof(Dated.HeldOn)), Expression.Constant(new DateOnly(year, month, 1))),
                    Expression.Constant(1),
                    Expression.Constant(0)),
                record);
            bindings.Add(Expression.Bind(typeof(MonthRow).GetProperty(MonthRow.BeforeName(month))!, Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(Dated)], group, isBefore)));
        }

        return groups.Select(Expression.Lambda<Func<IGrouping<TKey, Dated>, MonthRow>>(Expression.MemberInit(Expression.New(typeof(MonthRow)), bindings), group));
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }

    /// <summary>A dated record of an organization (a meeting with one of its kinds, a session, a talk).</summary>
    private sealed class Dated
    {
        public long OrganizationId { get; init; }
        public long KindId { get; init; }
        public DateOnly HeldOn { get; init; }
    }

    /// <summary>Counts of one organization (and kind) in one year: <see cref="Before"/>(m) counts the records before month m.</summary>
    private sealed class MonthRow
    {
        public long OrganizationId { get; init; }
        public long KindId { get; init; }
        public int Total { get; init; }
        public int Before2 { get; init; }
        public int Before3 { get; init; }
        public int Before4 { get; init; }
        public int Before5 { get; init; }
        public int Before6 { get; init; }
        public int Before7 { get; init; }
        public int Before8 { get; init; }
        public int Before9 { get; init; }
        public int Before10 { get; init; }
        public int Before11 { get; init; }
        public int Before12 { get; init; }

        public static string BeforeName(int month) => "Before" + month.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public int Before(int month) => month switch
        {
            2 => Before2, 3 => Before3, 4 => Before4, 5 => Before5, 6 => Before6, 7 => Before7,
            8 => Before8, 9 => Before9, 10 => Before10, 11 => Before11, 12 => Before12, _ => 0,
        };
    }

    private static IQueryable<Organization> Branches(IQueryable<Organization> set) =>
        set.Where(o => o.Kind == OrganizationKind.Branch || o.Kind == OrganizationKind.JointBranch || o.Kind == OrganizationKind.TemporaryBranch);

    /// <summary>The whole years the evidence is loaded for, as month slots.</summary>
    private sealed record MonthWindow(DateOnly Start, DateOnly End)
    {
        public int Months => (End.Year - Start.Year + 1) * 12;

        public int Index(int year, int month) => (year - Start.Year) * 12 + month - 1;
    }

    /// <summary>Evidence counts per organization and calendar month.</summary>
    private sealed class MonthlyCounts(MonthWindow window)
    {
        private readonly Dictionary<long, int[]> _byOrganization = [];
        private readonly int[] _all = new int[window.Months];

        public void Add(long organizationId, int year, int month, int count)
        {
            var index = window.Index(year, month);
            if (index < 0 || index >= window.Months) return;
            if (!_byOrganization.TryGetValue(organizationId, out var months)) _byOrganization[organizationId] = months = new int[window.Months];
            months[index] += count;
            _all[index] += count;
        }

        public int Sum(long organizationId, DateOnly start, DateOnly end) =>
            _byOrganization.TryGetValue(organizationId, out var months) ? SumRange(months, start, end) : 0;

        public bool AnyIn(DateOnly start, DateOnly end) => SumRange(_all, start, end) > 0;

        private int SumRange(int[] months, DateOnly start, DateOnly end)
        {
            var total = 0;
            var last = Math.Min(window.Index(end.Year, end.Month), window.Months - 1);
            for (var i = Math.Max(window.Index(start.Year, start.Month), 0); i <= last; i++) total += months[i];
            return total;
        }
    }

    private sealed class Evidence(MonthWindow window)
    {
        private readonly Dictionary<long, MonthlyCounts> _byKind = [];
        private readonly Dictionary<long, MonthlyCounts> _byObligation = [];
        private readonly MonthlyCounts _none = new(window);

        private readonly Dictionary<ObligationFrequency, IReadOnlyList<Occurrence>> _occurrences = [];

        public MonthlyCounts Evaluations { get; } = new(window);
        public MonthlyCounts Talks { get; } = new(window);
        /// <summary>支委 seats of the branches overlapping the window; null when no obligation needs them.</summary>
        public ILookup<long, (DateOnly From, DateOnly? To)>? Seats { get; set; }

        /// <summary>The period's occurrences of a frequency, computed once per evaluation rather than once per cell.</summary>
        public IReadOnlyList<Occurrence> Occurrences(ObligationFrequency frequency, DateOnly from, DateOnly to) =>
            _occurrences.TryGetValue(frequency, out var list) ? list : _occurrences[frequency] = ObligationCalendar.Overlapping(frequency, from, to);

        public MonthlyCounts Kind(long kindId) => _byKind.TryGetValue(kindId, out var c) ? c : _byKind[kindId] = new MonthlyCounts(window);

        public MonthlyCounts Own(long obligationId) => _byObligation[obligationId] = new MonthlyCounts(window);

        public void Use(long obligationId, MonthlyCounts counts) => _byObligation[obligationId] = counts;

        public MonthlyCounts For(EffectiveObligation rule) => _byObligation.GetValueOrDefault(rule.ObligationId, _none);

        public int SeatsOn(long organizationId, DateOnly date) =>
            Seats is null ? 0 : Seats[organizationId].Count(s => s.From <= date && (s.To is null || s.To > date));
    }

    private sealed class TalkCoverage
    {
        private readonly Dictionary<Occurrence, (Dictionary<long, int> Members, Dictionary<long, int> Pairs)> _byOccurrence = [];

        public void Add(Occurrence occurrence, Dictionary<long, int> members, Dictionary<long, int> pairs) => _byOccurrence[occurrence] = (members, pairs);

        /// <summary>Not loaded means no talk at all was recorded in the occurrence: the count rule has already failed.</summary>
        public (int Members, int Pairs) Missing(Occurrence occurrence, long organizationId) =>
            _byOccurrence.TryGetValue(occurrence, out var found)
                ? (found.Members.GetValueOrDefault(organizationId), found.Pairs.GetValueOrDefault(organizationId))
                : (0, 0);
    }
}
