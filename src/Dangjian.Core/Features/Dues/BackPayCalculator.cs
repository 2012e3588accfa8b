using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Dues;

/// <summary>A closed range of dues months [From, To]; both are first days of months.</summary>
public readonly record struct MonthSpan(DateOnly From, DateOnly To)
{
    public static MonthSpan Of(DateOnly from, DateOnly to) => new(DuesMonth.Of(from), DuesMonth.Of(to));

    /// <summary>How many months the span covers, both ends included (April–September is 6).</summary>
    public int Count => (To.Year - From.Year) * 12 + To.Month - From.Month + 1;

    /// <summary>The last calendar day of the span, for filtering dates (payments, remittances) that fall inside it.</summary>
    public DateOnly LastDay => To.AddMonths(1).AddDays(-1);

    public IEnumerable<DateOnly> Months()
    {
        for (var m = From; m <= To; m = m.AddMonths(1)) yield return m;
    }

    public string Label => From == To ? DuesMonth.Label(From) : $"{DuesMonth.Label(From)}至{DuesMonth.Label(To)}";

    /// <summary>Parses "yyyy-MM" (a month input) or "yyyy-MM-dd" (any day of the month).</summary>
    public static DateOnly? ParseMonth(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        var formats = new[] { "yyyy-MM", "yyyy-MM-dd" };
        return DateOnly.TryParseExact(t, formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? DuesMonth.Of(d)
            : null;
    }
}

/// <summary>The rules about how far back a back-payment (补缴) reaches.</summary>
public static class BackPayRules
{
    /// <summary>《关于中国共产党党费收缴、使用和管理的规定》: 补交党费的时间一般不超过 6 个月 — beyond it we warn, we do not refuse.</summary>
    public const int UsualMaximumMonths = 6;

    public static bool ExceedsUsualPeriod(MonthSpan span) => span.Count > UsualMaximumMonths;

    public static string? PeriodWarning(MonthSpan span) => ExceedsUsualPeriod(span)
        ? $"补缴期间{span.Label}共 {span.Count} 个月，超过《党费规定》“补交一般不超过 6 个月”，请确认确有依据（如组织专项自查）"
        : null;
}

/// <summary>The profile of one year as the calculator needs it: the amount the branch set for each month of that year.</summary>
public sealed record BackPayProfile(int Year, DuesMemberType MemberType, decimal Monthly);

/// <summary>
/// A base found to be wrong in a self-check (e.g. the member declared too little): the dues of that year are recomputed from it
/// with <see cref="DuesCalculator"/>. The member type defaults to the year's profile, or 在职 when there is none.
/// </summary>
public sealed record BackPayCorrection(int Year, decimal? Base, DuesMemberType? MemberType = null, decimal? FixedAmount = null);

public sealed record BackPayLedgerRow(DateOnly Month, decimal Due, decimal Paid);

public sealed record BackPayReduction(DateOnly FromMonth, DateOnly ToMonth, decimal ReducedMonthly);

/// <summary>Everything known about one member for a back-payment; every list is already limited to the period.</summary>
public sealed record BackPayMemberInput(
    long MemberId,
    string Name,
    DateOnly? OwesFromMonth,
    IReadOnlyList<BackPayProfile> Profiles,
    IReadOnlyList<BackPayLedgerRow> Ledger,
    IReadOnlyList<BackPayReduction> Reductions,
    IReadOnlyList<BackPayCorrection> Corrections);

/// <summary>Where a month's amount due came from.</summary>
public enum BackPayDueSource
{
    /// <summary>The year's dues profile.</summary>
    Profile,

    /// <summary>A base corrected in the self-check, recomputed with the calculator.</summary>
    CorrectedBase,

    /// <summary>No profile for the year; the ledger line's amount is all there is.</summary>
    Ledger,

    /// <summary>An approved reduction or exemption caps the month.</summary>
    Reduction,

    /// <summary>Before the member owed dues (预备党员 owe from the month of the 支部大会 vote).</summary>
    NotYetMember,

    /// <summary>Nothing to compute from: no profile, no ledger line, no corrected base.</summary>
    NoBase,
}

public static class BackPayDueSourceLabels
{
    public static string Label(this BackPayDueSource source) => source switch
    {
        BackPayDueSource.Profile => "当年核定基数",
        BackPayDueSource.CorrectedBase => "自查更正基数",
        BackPayDueSource.Ledger => "台账应交额",
        BackPayDueSource.Reduction => "经批准减免",
        BackPayDueSource.NotYetMember => "尚未入党",
        _ => "缺少基数",
    };
}

/// <param name="Owed">What is still missing for the month: due − paid, never below 0.</param>
public sealed record BackPayMonth(DateOnly Month, decimal Due, decimal Paid, decimal Owed, BackPayDueSource Source, bool HasLedgerLine);

/// <summary>
/// One member's back-payment over a period: month by month what was due and what was paid, the total owed, and the
/// months it actually covers (first to last month with something owed).
/// </summary>
public sealed record BackPayStatement(
    long MemberId,
    string Name,
    IReadOnlyList<BackPayMonth> Months,
    decimal TotalDue,
    decimal TotalPaid,
    decimal Total,
    MonthSpan? Covered,
    IReadOnlyList<string> Warnings)
{
    public IEnumerable<BackPayMonth> OwedMonths() => Months.Where(m => m.Owed > 0);
}

/// <summary>
/// The back-payment (补缴) computation as a pure function (issue 5 item 5): for every month of the period, what was due under
/// that year's base — 《党费通知》: the base is set once a year, so a base change takes effect in January and each month uses its
/// own year — minus what was paid for that month. A month paid in excess does not offset another month: an overpayment is
/// 自愿多交 (《党费规定》), not credit.
/// </summary>
public static class BackPayCalculator
{
    public static Result<BackPayStatement> Compute(BackPayMemberInput member, MonthSpan period)
    {
        var profiles = member.Profiles.ToDictionary(p => p.Year);
        var ledger = member.Ledger.ToDictionary(l => l.Month);
        var corrected = new Dictionary<int, decimal>();
        foreach (var correction in member.Corrections)
        {
            var type = correction.MemberType ?? profiles.GetValueOrDefault(correction.Year)?.MemberType ?? DuesMemberType.Salaried;
            var amount = DuesCalculator.Monthly(type, correction.Base, correction.FixedAmount);
            if (!amount.IsSuccess)
            {
                var e = amount.FirstError;
                return e with { Message = $"{member.Name} {correction.Year} 年更正基数：{e.Message}", Field = "Corrections" };
            }

            corrected[correction.Year] = amount.Value.Monthly;
        }

        var months = new List<BackPayMonth>(period.Count);
        var missingYears = new SortedSet<int>();
        foreach (var month in period.Months())
        {
            var line = ledger.GetValueOrDefault(month);
            var paid = line?.Paid ?? 0m;
            if (member.OwesFromMonth is { } start && month < start)
            {
                months.Add(new BackPayMonth(month, 0m, paid, 0m, BackPayDueSource.NotYetMember, line is not null));
                continue;
            }

            decimal due;
            BackPayDueSource source;
            if (corrected.TryGetValue(month.Year, out var fromCorrection)) (due, source) = (fromCorrection, BackPayDueSource.CorrectedBase);
            else if (profiles.TryGetValue(month.Year, out var profile)) (due, source) = (profile.Monthly, BackPayDueSource.Profile);
            else if (line is not null) (due, source) = (line.Due, BackPayDueSource.Ledger);
            else
            {
                missingYears.Add(month.Year);
                months.Add(new BackPayMonth(month, 0m, paid, 0m, BackPayDueSource.NoBase, false));
                continue;
            }

            // 《党费规定》: an approved reduction or exemption is what the member owes for the months it covers.
            var reduction = member.Reductions.Where(r => r.FromMonth <= month && month <= r.ToMonth).Select(r => (decimal?)r.ReducedMonthly).Min();
            if (reduction is { } reduced && reduced < due) (due, source) = (reduced, BackPayDueSource.Reduction);

            months.Add(new BackPayMonth(month, due, paid, Math.Max(0m, due - paid), source, line is not null));
        }

        var owed = months.Where(m => m.Owed > 0).ToList();
        MonthSpan? covered = owed.Count == 0 ? null : new MonthSpan(owed[0].Month, owed[^1].Month);
        var warnings = new List<string>();
        if (missingYears.Count > 0)
            warnings.Add($"{member.Name}：{string.Join("、", missingYears)} 年没有党费基数，相应月份未计算，请填写更正基数");
        if (covered is { } span && BackPayRules.PeriodWarning(span) is { } periodWarning) warnings.Add($"{member.Name}：{periodWarning}");

        return new BackPayStatement(
            member.MemberId, member.Name, months,
            months.Sum(m => m.Due), months.Sum(m => m.Paid), owed.Sum(m => m.Owed), covered, warnings);
    }
}
