using Dangjian.Core.Features.Organizations;

namespace Dangjian.Core.Features.Obligations;

/// <summary>
/// One period in which an obligation must be met: a calendar month, quarter or year, both ends inclusive.
/// Periods are calendar dates in China (ChinaClock), so a meeting held on 1 November never counts for October.
/// </summary>
public readonly record struct Occurrence(ObligationFrequency Frequency, DateOnly Start, DateOnly End)
{
    private static readonly string[] QuarterNames = ["一", "二", "三", "四"];

    public bool Contains(DateOnly date) => Start <= date && date <= End;

    /// <summary>ui.md period format: 2020年10月, 2020年第三季度, 2020年.</summary>
    public string Label => Frequency switch
    {
        ObligationFrequency.Monthly => $"{Start.Year}年{Start.Month}月",
        ObligationFrequency.Quarterly => $"{Start.Year}年第{QuarterNames[(Start.Month - 1) / 3]}季度",
        _ => $"{Start.Year}年",
    };

    /// <summary>"本月" / "本季度" / "本年度": how a reminder names the running occurrence.</summary>
    public string CurrentLabel => Frequency switch
    {
        ObligationFrequency.Monthly => "本月",
        ObligationFrequency.Quarterly => "本季度",
        _ => "本年度",
    };
}

/// <summary>
/// The pure rules of the obligations calendar (domain.md §3, issue 4 item 5; docs/adr/0009): which occurrences a period
/// touches, and the status of one occurrence from its evidence count and today's date.
/// </summary>
public static class ObligationCalendar
{
    /// <summary>An unmet occurrence is "due soon" during its last 7 days, the last day included.</summary>
    public const int DueSoonDays = 7;

    /// <summary>A branch "has a committee" with at least this many 支委 in office (《支部工作条例》 第七条: 委员一般 3 至 5 人).</summary>
    public const int CommitteeMinimumSeats = 3;

    public static Occurrence Containing(ObligationFrequency frequency, DateOnly date) => frequency switch
    {
        ObligationFrequency.Monthly => new(frequency, new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month))),
        ObligationFrequency.Quarterly => Quarter(date.Year, (date.Month - 1) / 3),
        _ => new(frequency, new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31)),
    };

    private static Occurrence Quarter(int year, int index)
    {
        var start = new DateOnly(year, index * 3 + 1, 1);
        return new(ObligationFrequency.Quarterly, start, start.AddMonths(3).AddDays(-1));
    }

    /// <summary>The occurrence right after <paramref name="occurrence"/>.</summary>
    public static Occurrence Next(Occurrence occurrence) => Containing(occurrence.Frequency, occurrence.End.AddDays(1));

    /// <summary>The occurrence right before <paramref name="occurrence"/>.</summary>
    public static Occurrence Previous(Occurrence occurrence) => Containing(occurrence.Frequency, occurrence.Start.AddDays(-1));

    /// <summary>Every occurrence that shares at least one day with [<paramref name="from"/>, <paramref name="to"/>], in order.</summary>
    public static IReadOnlyList<Occurrence> Overlapping(ObligationFrequency frequency, DateOnly from, DateOnly to)
    {
        var list = new List<Occurrence>();
        if (to < from) return list;
        for (var o = Containing(frequency, from); o.Start <= to; o = Next(o))
        {
            list.Add(o);
        }

        return list;
    }

    /// <summary>Days left in the occurrence counting today: 1 on its last day, 0 or less once it has ended.</summary>
    public static int DaysLeft(Occurrence occurrence, DateOnly today) => occurrence.End.DayNumber - today.DayNumber + 1;

    /// <summary>
    /// The date on which "who is there" is judged for an occurrence (the 支委 of a branch, the roster for 谈心谈话):
    /// its last day, or today while it is still running.
    /// </summary>
    public static DateOnly ReferenceDate(Occurrence occurrence, DateOnly today) => occurrence.End < today ? occurrence.End : today;

    /// <summary>
    /// Status of an occurrence that applies to the organization. 不少于: <paramref name="count"/> equal to
    /// <paramref name="minCount"/> meets it. An unmet occurrence is overdue from the day after its last day.
    /// </summary>
    public static ComplianceStatus StatusOf(Occurrence occurrence, int count, int minCount, DateOnly today) =>
        StatusOf(occurrence, count >= minCount, today);

    /// <summary>Status of an applicable occurrence once its evidence has been judged (<paramref name="met"/>).</summary>
    public static ComplianceStatus StatusOf(Occurrence occurrence, bool met, DateOnly today)
    {
        if (met) return ComplianceStatus.Met;
        if (occurrence.End < today) return ComplianceStatus.Overdue;
        return DaysLeft(occurrence, today) <= DueSoonDays ? ComplianceStatus.DueSoon : ComplianceStatus.Pending;
    }

    /// <summary>Whether an obligation's target covers an organization of this kind (committee size aside).</summary>
    public static bool KindMatches(ObligationTarget target, OrganizationKind kind) => target switch
    {
        ObligationTarget.Branches or ObligationTarget.BranchesWithCommittee => kind.IsBranch(),
        ObligationTarget.Groups => kind == OrganizationKind.Group,
        _ => kind is OrganizationKind.Committee or OrganizationKind.LeadingGroup or OrganizationKind.WorkingCommittee,
    };

    /// <summary>
    /// Whether the organization existed for the whole occurrence: founded on or before its first day (or no date known)
    /// and not dissolved before its last day. A partial occurrence is never reported overdue (ADR 0009).
    /// </summary>
    public static bool ExistedThroughout(Occurrence occurrence, DateOnly? foundedOn, DateOnly? dissolvedOn) =>
        (foundedOn is null || foundedOn <= occurrence.Start) && (dissolvedOn is null || dissolvedOn > occurrence.End);

    /// <summary>
    /// The status of a cell (one organization, one obligation, several occurrences): the worst problem wins —
    /// overdue, then due soon; otherwise met when something was met, pending when only running occurrences remain.
    /// </summary>
    public static ComplianceStatus Aggregate(IEnumerable<ComplianceStatus> statuses)
    {
        var (dueSoon, met, pending) = (false, false, false);
        foreach (var status in statuses)
        {
            switch (status)
            {
                case ComplianceStatus.Overdue: return ComplianceStatus.Overdue;
                case ComplianceStatus.DueSoon: dueSoon = true; break;
                case ComplianceStatus.Met: met = true; break;
                case ComplianceStatus.Pending: pending = true; break;
            }
        }

        return dueSoon ? ComplianceStatus.DueSoon : met ? ComplianceStatus.Met : pending ? ComplianceStatus.Pending : ComplianceStatus.NotApplicable;
    }

    /// <summary>A problem the user should act on: overdue or due soon.</summary>
    public static bool IsProblem(this ComplianceStatus status) => status is ComplianceStatus.Overdue or ComplianceStatus.DueSoon;
}
