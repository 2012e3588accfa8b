using System.Globalization;
using System.Text;
using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Metrics;

namespace Dangjian.Core.Features.Summaries;

public static class SummaryBlockKinds
{
    public const string Title = "title";
    public const string Heading1 = "h1";
    public const string Heading2 = "h2";
    public const string Paragraph = "p";
}

/// <summary>One editable block of a draft: <see cref="SummaryBlockKinds"/> and its text.</summary>
public sealed record SummaryBlock(string Kind, string Text);

/// <summary>A figure of the draft (the "数字核对" list). <see cref="Value"/> null: no data. <see cref="Text"/> is how the draft prints it.</summary>
public sealed record SummaryFigure(string Ref, string Key, string Label, string Unit, decimal? Value, string Text);

/// <summary>A figure a sentence needed and the records could not give.</summary>
public sealed record SummaryMissingFigure(string Ref, string Label);

/// <summary>
/// A sentence with no-data figures (待补充): <see cref="LeftOut"/> when all its figures lacked data and it was left out of the
/// body; otherwise it is in the body with 【待补充：…】 in place of the missing figures.
/// </summary>
public sealed record SummaryMissing(string Sentence, IReadOnlyList<SummaryMissingFigure> Figures, bool LeftOut);

public sealed record SummaryDraftContent(string Title, IReadOnlyList<SummaryBlock> Blocks, IReadOnlyList<SummaryFigure> Figures, IReadOnlyList<SummaryMissing> Missing);

/// <summary>
/// Writes a draft from a template (docs/adr/0013). Every figure of the template and of the facts sources is read in one
/// <see cref="MetricEvaluator"/> batch. A sentence whose figures all lack data is left out and listed as 待补充; a sentence
/// with some is kept, with 【待补充：名称】 in place of each missing figure.
/// </summary>
public static class SummaryDrafter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string NoProblems = "对照本期的组织生活、党费收缴和问题整改记录，未发现需要单独列出的突出问题。请结合自查情况和党员群众的意见，补充本期工作中的不足。";
    public const string NoPlans = "下一步，将继续落实“三会一课”等组织生活制度，抓好党员教育管理和党费收缴，推动党建工作与中心工作同部署、同落实。";

    public static async Task<Result<SummaryDraftContent>> DraftAsync(
        DangjianDbContext db, SummaryRegistry registry, MetricCatalogue catalogue, string templateText, SummaryKind kind,
        MetricTarget target, string organizationName, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var parsed = SummaryMarkup.Parse(ShippedTemplates.Expand(templateText, kind, registry));
        if (!parsed.IsSuccess) return Result<SummaryDraftContent>.Failure(parsed.Errors.Select(e => e with { Message = "模板有误：" + e.Message }).ToList());

        // Every reference of the template and of the facts sources, in order of first use, for one batch.
        var wanted = new List<MetricRef>();
        foreach (var block in parsed.Value.Where(b => b.Kind is not (SummaryMarkupKind.Problems or SummaryMarkupKind.Plans)))
            foreach (var segment in SummaryMarkup.Segments(block.Text, block.Line).Value)
                if (segment.Placeholder?.Ref is { } r) wanted.Add(r);
        foreach (var source in registry.Facts)
            foreach (var text in source.Refs)
                if (MetricRef.Parse(text) is { IsSuccess: true } r) wanted.Add(r.Value);
        var distinct = wanted.DistinctBy(r => r.ToString()).ToList();

        var resolved = await MetricEvaluator.ResolveAsync(db, catalogue, distinct, ct);
        IReadOnlyList<ResolvedMetricRef> known;
        if (resolved.IsSuccess) known = resolved.Value;
        else
        {
            // A key or kind removed since the template was saved: that figure reads as "no data", the rest still draft.
            var list = new List<ResolvedMetricRef>();
            foreach (var r in distinct)
                if (await MetricEvaluator.ResolveAsync(db, catalogue, [r], ct) is { IsSuccess: true } one) list.AddRange(one.Value);
            known = list;
        }

        var readings = (await MetricEvaluator.EvaluateAsync(db, known, [target], from, to, ct)).All.ToDictionary(r => r.Ref.ToString());
        var variables = new Dictionary<string, string>
        {
            [SummaryMarkup.Organization] = organizationName,
            [SummaryMarkup.Year] = from.Year.ToString(CultureInfo.InvariantCulture),
            [SummaryMarkup.Period] = PeriodWord(from, to),
        };

        var context = new SummaryFactContext(db, target, from, to, today, kind, readings);
        var facts = new List<SummaryFact>();
        foreach (var source in registry.Facts) facts.AddRange(await source.FactsAsync(context, ct));

        var blocks = new List<SummaryBlock>();
        var missing = new List<SummaryMissing>();
        var title = "";
        foreach (var block in parsed.Value)
        {
            switch (block.Kind)
            {
                case SummaryMarkupKind.Title:
                    title = Render(block, readings, variables, null);
                    blocks.Add(new SummaryBlock(SummaryBlockKinds.Title, title));
                    break;
                case SummaryMarkupKind.Heading1:
                    blocks.Add(new SummaryBlock(SummaryBlockKinds.Heading1, Render(block, readings, variables, null)));
                    break;
                case SummaryMarkupKind.Heading2:
                    blocks.Add(new SummaryBlock(SummaryBlockKinds.Heading2, Render(block, readings, variables, null)));
                    break;
                case SummaryMarkupKind.Paragraph:
                    var text = Paragraph(block, readings, variables, missing);
                    if (text.Length > 0) blocks.Add(new SummaryBlock(SummaryBlockKinds.Paragraph, text));
                    break;
                case SummaryMarkupKind.Problems:
                case SummaryMarkupKind.Plans:
                    var factKind = block.Kind == SummaryMarkupKind.Problems ? SummaryFactKind.Problem : SummaryFactKind.Plan;
                    var chosen = facts.Where(f => f.Kind == factKind).OrderBy(f => f.Order).Select(f => f.Text).ToList();
                    if (chosen.Count == 0) chosen.Add(factKind == SummaryFactKind.Problem ? NoProblems : NoPlans);
                    else if (chosen.Count > 1) chosen = chosen.Select((t, i) => Ordinal(i + 1) + "是" + t).ToList();
                    blocks.AddRange(chosen.Select(t => new SummaryBlock(SummaryBlockKinds.Paragraph, t)));
                    break;
            }
        }

        var figures = distinct.Where(r => !r.IsBreakdown && readings.ContainsKey(r.ToString()))
            .Select(r => readings[r.ToString()])
            .Select(r => new SummaryFigure(r.Ref.ToString(), r.Definition.Key, r.Label, r.Definition.Unit, r.Value, r.Value is { } v ? Format(v, r.Definition.Unit) : "暂无数据"))
            .ToList();
        return new SummaryDraftContent(title, Number(DropEmptyParts(blocks)), figures, missing);
    }

    /// <summary>Numbers as summaries print them (ui.md): 元 with thousands separators and two decimals, % with one decimal, counts as integers.</summary>
    public static string Format(decimal value, string unit) => unit switch
    {
        "元" or "万元" => value.ToString("#,##0.00", CultureInfo.InvariantCulture),
        "%" => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value == decimal.Truncate(value) ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("#,##0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>The words for the period in a sentence: 上半年, 下半年, 全年, else the dates.</summary>
    public static string PeriodWord(DateOnly from, DateOnly to)
    {
        if (from.Year == to.Year && from is { Month: 1, Day: 1 })
        {
            if (to is { Month: 6, Day: 30 }) return "上半年";
            if (to is { Month: 12, Day: 31 }) return "全年";
        }

        if (from.Year == to.Year && from is { Month: 7, Day: 1 } && to is { Month: 12, Day: 31 }) return "下半年";
        return from.Year == to.Year ? $"{from.Month}月{from.Day}日至{to.Month}月{to.Day}日" : $"{from.Year}年{from.Month}月{from.Day}日至{to.Year}年{to.Month}月{to.Day}日";
    }

    public static string Ordinal(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        if (n < 10) return digits[n];
        if (n < 20) return "十" + (n % 10 == 0 ? "" : digits[n % 10]);
        return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]);
    }

    private static string Paragraph(SummaryMarkupBlock block, IReadOnlyDictionary<string, MetricReading> readings, Dictionary<string, string> variables, List<SummaryMissing> missing)
    {
        var text = new StringBuilder();
        foreach (var sentence in SummaryMarkup.Sentences(block.Text))
        {
            var segments = SummaryMarkup.Segments(sentence, block.Line).Value;
            var refs = segments.Where(s => s.Placeholder?.Ref is not null).Select(s => s.Placeholder!.Ref!).ToList();
            var lacking = refs.Where(r => readings.GetValueOrDefault(r.ToString())?.Value is null).DistinctBy(r => r.ToString())
                .Select(r => new SummaryMissingFigure(r.ToString(), LabelOf(r, readings))).ToList();
            var leftOut = refs.Count > 0 && lacking.Count == refs.DistinctBy(r => r.ToString()).Count();
            // Every figure recorded and all zero: nothing happened to report, and "开展活动0次" reads as a fault. Not 待补充 either.
            if (refs.Count > 0 && lacking.Count == 0 && refs.All(r => readings[r.ToString()].Value == 0)) continue;
            var rendered = Render(segments, readings, variables);
            if (lacking.Count > 0) missing.Add(new SummaryMissing(rendered.Trim(), lacking, leftOut));
            if (!leftOut) text.Append(rendered.Trim());
        }

        return text.ToString();
    }

    private static string Render(SummaryMarkupBlock block, IReadOnlyDictionary<string, MetricReading> readings, Dictionary<string, string> variables, object? _) =>
        Render(SummaryMarkup.Segments(block.Text, block.Line).Value, readings, variables);

    private static string Render(IReadOnlyList<SummarySegment> segments, IReadOnlyDictionary<string, MetricReading> readings, Dictionary<string, string> variables)
    {
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Placeholder is null) text.Append(segment.Text);
            else if (segment.Placeholder.Variable is { } variable) text.Append(variables[variable]);
            else
            {
                var r = segment.Placeholder.Ref!;
                var reading = readings.GetValueOrDefault(r.ToString());
                text.Append(reading?.Value is { } value ? Format(value, reading.Definition.Unit) : $"【待补充：{LabelOf(r, readings)}】");
            }
        }

        return text.ToString();
    }

    private static string LabelOf(MetricRef r, IReadOnlyDictionary<string, MetricReading> readings) =>
        readings.GetValueOrDefault(r.ToString())?.Label ?? $"{r}（指标未登记）";

    /// <summary>A level-2 heading with nothing under it (every sentence lacked data, or no module registered any) is dropped.</summary>
    private static List<SummaryBlock> DropEmptyParts(List<SummaryBlock> blocks)
    {
        var result = new List<SummaryBlock>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Kind == SummaryBlockKinds.Heading2 && (i + 1 >= blocks.Count || blocks[i + 1].Kind != SummaryBlockKinds.Paragraph)) continue;
            result.Add(blocks[i]);
        }

        return result;
    }

    /// <summary>Headings are numbered here (一、 / （一）), replacing any number the template's author typed.</summary>
    private static List<SummaryBlock> Number(List<SummaryBlock> blocks)
    {
        var (h1, h2) = (0, 0);
        var result = new List<SummaryBlock>();
        foreach (var block in blocks)
        {
            if (block.Kind == SummaryBlockKinds.Heading1)
            {
                h1++;
                h2 = 0;
                result.Add(block with { Text = $"{Ordinal(h1)}、{StripNumber(block.Text)}" });
            }
            else if (block.Kind == SummaryBlockKinds.Heading2)
            {
                h2++;
                result.Add(block with { Text = $"（{Ordinal(h2)}）{StripNumber(block.Text)}" });
            }
            else result.Add(block);
        }

        return result;
    }

    private static string StripNumber(string text)
    {
        var t = text.Trim();
        var match = System.Text.RegularExpressions.Regex.Match(t, @"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[\.、])\s*");
        return match.Success ? t[match.Length..] : t;
    }
}
