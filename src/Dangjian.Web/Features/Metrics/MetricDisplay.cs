using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Metrics;

namespace Dangjian.Web.Features.Metrics;

/// <summary>
/// How figures read on pages and in exports (ui.md "Formats"): counts as plain integers with their unit, 元 with two
/// decimals, rates with one decimal and %. A figure without data is never written as 0 (metrics.md rule 5).
/// </summary>
public static class MetricDisplay
{
    public const string NoData = "暂无数据";

    /// <summary>The figure with its unit, as in a sentence or a card: "12 次", "1,234.50 元", "87.5%", or "暂无数据".</summary>
    public static string WithUnit(decimal? value, string unit) => value is not decimal v
        ? NoData
        : unit == "%" ? Number(v, unit) + "%" : $"{Number(v, unit)} {unit}";

    /// <summary>The bare number for a table cell whose header names the unit; null when there is no data.</summary>
    public static string? Cell(decimal? value, string unit) => value is decimal v ? Number(v, unit) + (unit == "%" ? "%" : "") : null;

    /// <summary>The number for an xlsx cell: no thousands separators, so that the file re-imports as numbers.</summary>
    public static string Export(decimal value, string unit) => unit switch
    {
        "元" or "万元" => value.ToString("0.00", CultureInfo.InvariantCulture),
        "%" => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => Plain(value),
    };

    public static string Number(decimal value, string unit) => unit switch
    {
        "元" or "万元" => value.ToString("#,##0.00", CultureInfo.InvariantCulture),
        "%" => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => Plain(value),
    };

    /// <summary>Column header with the unit in full-width brackets, as in the reference summaries: "党员人数（名）".</summary>
    public static string Header(string label, string unit) => $"{label}（{unit}）";

    private static string Plain(decimal value) => value == decimal.Truncate(value)
        ? value.ToString("#,##0", CultureInfo.InvariantCulture)
        : value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    /// <summary>The module a key belongs to (its prefix), by the name the navigation uses.</summary>
    public static string ModuleLabel(string key)
    {
        var prefix = key.Split('.')[0];
        return prefix switch
        {
            "org" => "组织",
            "members" => "党员",
            "committee" => "班子与换届",
            "meetings" => "会议活动",
            "lectures" => "党课",
            "dualLife" => "双重组织生活",
            "talks" => "谈心谈话",
            "compliance" => "组织生活规则",
            "evaluation" => "民主评议",
            "study" => "学习教育",
            "dues" => "党费",
            "development" => "发展党员",
            "volunteer" => "志愿服务",
            "community" => "社区报到",
            "pioneer" => "先锋岗",
            "donation" => "捐款",
            "commendation" => "表彰",
            "care" => "慰问",
            "assistance" => "帮扶",
            "publicity" => "宣传",
            "brand" => "党建品牌",
            "custom" => "自定义指标",
            "inspection" => "督查",
            "rectification" => "整改",
            "responsibility" => "责任落实",
            _ => prefix,
        };
    }

    /// <summary>The order modules appear in the metric picker: the navigation's order, then anything newer.</summary>
    public static int ModuleOrder(string key) => Array.IndexOf(ModulePrefixes, key.Split('.')[0]) is var i and >= 0 ? i : ModulePrefixes.Length;

    private static readonly string[] ModulePrefixes =
    [
        "org", "members", "committee", "meetings", "lectures", "dualLife", "talks", "compliance", "evaluation", "dues", "development",
        "study", "volunteer", "community", "pioneer", "donation", "commendation", "care", "assistance", "publicity", "brand", "custom",
        "inspection", "rectification", "responsibility",
    ];
}

/// <summary>A statistics period chosen on a page: a preset of a year (上半年, 下半年, 全年, 本年至今) or two dates.</summary>
public sealed record MetricPeriod(string Preset, int Year, DateOnly From, DateOnly To)
{
    public const string YearToDate = "ytd";
    public const string FirstHalf = "h1";
    public const string SecondHalf = "h2";
    public const string WholeYear = "year";
    public const string Custom = "custom";

    public static readonly IReadOnlyList<(string Code, string Label)> Presets =
        [(YearToDate, "本年至今"), (FirstHalf, "上半年"), (SecondHalf, "下半年"), (WholeYear, "全年"), (Custom, "自定义")];

    /// <summary>As ui.md writes periods: "2020年上半年", "2020年", or the two dates.</summary>
    public string Label => Preset switch
    {
        FirstHalf => $"{Year}年上半年",
        SecondHalf => $"{Year}年下半年",
        WholeYear => $"{Year}年",
        _ => $"{MetricLinks.Date(From)} 至 {MetricLinks.Date(To)}",
    };

    /// <summary>
    /// Reads the period fields of a GET form. Blank fields fall back to this year to date; explicit dates without a preset
    /// mean a custom period, so a shared link with only from/to keeps its dates.
    /// </summary>
    public static Result<MetricPeriod> Parse(string? preset, string? year, string? from, string? to, DateOnly today)
    {
        var errors = new List<Error>();
        var fromDate = MetricInput.Date(from, "from", "开始日期", errors);
        var toDate = MetricInput.Date(to, "to", "结束日期", errors);
        var y = today.Year;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1921 and <= 9998) y = parsed;
            else errors.Add(Error.Validation("metric.year", $"年度“{year}”不是有效的年份", "year"));
        }

        var code = string.IsNullOrWhiteSpace(preset) ? (fromDate is not null || toDate is not null ? Custom : YearToDate) : preset.Trim();
        if (Presets.All(p => p.Code != code)) errors.Add(Error.Validation("metric.preset", $"统计期“{preset}”无效，应为本年至今、上半年、下半年、全年或自定义", "period"));
        if (errors.Count > 0) return Result<MetricPeriod>.Failure(errors);

        var start = new DateOnly(y, 1, 1);
        var end = new DateOnly(y, 12, 31);
        var period = code switch
        {
            FirstHalf => new MetricPeriod(code, y, start, new DateOnly(y, 6, 30)),
            SecondHalf => new MetricPeriod(code, y, new DateOnly(y, 7, 1), end),
            WholeYear => new MetricPeriod(code, y, start, end),
            // A past year "to date" is the whole year; a future year has not begun, and reads as no records.
            YearToDate => new MetricPeriod(code, y, start, today < end && today >= start ? today : end),
            _ => new MetricPeriod(code, (fromDate ?? toDate ?? today).Year, fromDate ?? new DateOnly((toDate ?? today).Year, 1, 1), toDate ?? today),
        };
        return period.From > period.To ? MetricErrors.Period(period.From, period.To) : period;
    }

    /// <summary>The months the period touches, each clipped to the period: the x axis of a monthly chart.</summary>
    public IReadOnlyList<(string Label, DateOnly From, DateOnly To)> Months()
    {
        var months = new List<(string, DateOnly, DateOnly)>();
        var start = new DateOnly(From.Year, From.Month, 1);
        // A period of several years would draw an unreadable chart; the chart stops at 24 months.
        for (var m = start; m <= To && months.Count < 24; m = m.AddMonths(1))
        {
            var label = From.Year == To.Year ? $"{m.Month}月" : $"{m.Year}年{m.Month}月";
            months.Add((label, m < From ? From : m, m.AddMonths(1).AddDays(-1) > To ? To : m.AddMonths(1).AddDays(-1)));
        }

        return months;
    }
}

/// <summary>Query-string values as pages and the API read them; each unreadable value is a Chinese error naming the field.</summary>
public static class MetricInput
{
    public static DateOnly? Date(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        errors.Add(Error.Validation("metric.date", $"{label}“{text}”无效，格式应为 yyyy-MM-dd", field));
        return null;
    }

    public static MetricTargetMode? Mode(string? text, List<Error> errors)
    {
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "" or "subtree": return MetricTargetMode.Subtree;
            case "self": return MetricTargetMode.Self;
            case "children": return MetricTargetMode.Children;
            default:
                errors.Add(Error.Validation("metric.mode", $"统计方式“{text}”无效，应为 subtree（含下级合计）、self（仅本级）或 children（按下级组织分列）", "mode"));
                return null;
        }
    }

    public static string ModeCode(MetricTargetMode mode) => mode switch
    {
        MetricTargetMode.Self => "self",
        MetricTargetMode.Children => "children",
        _ => "subtree",
    };

    /// <summary>Metric references from repeated and/or comma-separated values, in the order given, without repeats.</summary>
    public static IReadOnlyList<string> Refs(IEnumerable<string?>? values) =>
        (values ?? [])
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public static bool? Bool(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "" => null,
        "true" or "1" or "on" or "yes" => true,
        "false" or "0" or "off" or "no" => false,
        _ => null,
    };
}

/// <summary>
/// Where a figure's evidence is listed (metrics.md rule 4): the records page of one reading, and each record's own page.
/// </summary>
public static class MetricLinks
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The records page behind one figure; <paramref name="metricRef"/> is a total or one dimension value.</summary>
    public static string Records(long organizationId, bool includeSubtree, DateOnly from, DateOnly to, string metricRef) =>
        $"/metrics/records?org={organizationId}&subtree={(includeSubtree ? "true" : "false")}&from={Date(from)}&to={Date(to)}&key={Uri.EscapeDataString(metricRef)}";

    public static string Records(MetricReading reading, DateOnly from, DateOnly to) =>
        Records(reading.Target.OrganizationId, reading.Target.IncludeSubtree, from, to, reading.Ref.ToString());

    /// <summary>
    /// The page that shows a record, by <see cref="MetricRecordTypes"/>; null when no page shows that kind of record. Kinds without
    /// a detail page open the list that holds them, filtered to the record's organization and date.
    /// </summary>
    public static string? Record(MetricRecord record)
    {
        var (id, org) = (record.RecordId, record.OrganizationId);
        var day = record.Date is DateOnly d ? Date(d) : null;
        return record.RecordType switch
        {
            MetricRecordTypes.Meeting => $"/meetings/{id}",
            // A member file's record is the member.
            MetricRecordTypes.Member or MetricRecordTypes.MemberFile => $"/members/{id}",
            MetricRecordTypes.Organization => $"/organizations/{id}",
            MetricRecordTypes.Evaluation => $"/evaluations/{id}",
            MetricRecordTypes.CommitteeTerm => $"/organizations/{org}/committee",
            MetricRecordTypes.Talk => day is null ? $"/talks?org={org}" : $"/talks?org={org}&from={day}&to={day}",
            MetricRecordTypes.Transfer => "/transfers",
            // Ledger lines and payments are shown in the month's ledger of their branch.
            MetricRecordTypes.DuesLine or MetricRecordTypes.DuesPayment when record.Date is DateOnly month =>
                $"/dues/ledger?org={org}&month={month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}",
            MetricRecordTypes.DuesRemittance => day is null ? $"/dues/remittances?org={org}" : $"/dues/remittances?org={org}&from={day}&to={day}",
            MetricRecordTypes.CustomValue => $"/worklog/indicator-values/{id}/edit",
            MetricRecordTypes.Candidate => $"/development/candidates/{id}",
            MetricRecordTypes.DevelopmentPlan => $"/development/plans?org={org}",
            MetricRecordTypes.VolunteerActivity => $"/worklog/volunteering/{id}/edit",
            MetricRecordTypes.CommunityReport => $"/worklog/community-reports/{id}/edit",
            MetricRecordTypes.PioneerPost => $"/worklog/pioneer-posts/{id}/edit",
            MetricRecordTypes.DonationDrive => $"/worklog/donations/{id}",
            MetricRecordTypes.Commendation => $"/worklog/commendations/{id}/edit",
            MetricRecordTypes.CareVisit => $"/worklog/care/{id}/edit",
            MetricRecordTypes.AssistanceHousehold => $"/worklog/assistance/{id}",
            MetricRecordTypes.PublicityItem => $"/worklog/publicity/{id}/edit",
            MetricRecordTypes.BrandActivity => $"/worklog/brand/{id}/edit",
            _ => null,
        };
    }
}
