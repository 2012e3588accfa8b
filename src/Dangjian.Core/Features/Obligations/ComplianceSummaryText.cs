using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Summaries;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Obligations;

/// <summary>What the 党建工作总结 says about meeting the 组织生活 rules (docs/adr/0013).</summary>
public sealed class ComplianceSummarySentences : ISummarySentences
{
    public IEnumerable<SummarySentence> Sentences =>
    [
        new(SummarySection.组织建设和三会一课, 50,
            "对照组织生活规则逐项检查，{期间}各项规定的总体完成率为{compliance.rate}%。"),
    ];
}

/// <summary>
/// Problems from rules missed in the period (compliance.overdue by obligation), and plans from the yearly rules still to
/// be met in the next period (组织生活会, 民主评议党员, 书记讲党课…), from the same evaluation the compliance matrix uses.
/// </summary>
public sealed class ComplianceSummaryFacts : ISummaryFacts
{
    private const string Overdue = "compliance.overdue{obligation}";

    public IReadOnlyList<string> Refs => [Overdue];

    public async Task<IReadOnlyList<SummaryFact>> FactsAsync(SummaryFactContext context, CancellationToken ct)
    {
        var facts = new List<SummaryFact>();
        var missed = (context.Reading(Overdue)?.Breakdown ?? []).Where(v => v.Value > 0).ToList();
        if (missed.Count > 0)
        {
            var parts = missed.Select(v => $"{SummaryDrafter.Format(v.Value, "个")}个组织未按规定完成“{v.Label}”");
            facts.Add(new SummaryFact(SummaryFactKind.Problem, 10, $"组织生活制度落实还不够严格，统计期内有{string.Join("，", parts)}。"));
            facts.Add(new SummaryFact(SummaryFactKind.Plan, 10,
                $"对统计期内未按规定完成的{string.Join("、", missed.Select(v => $"“{v.Label}”"))}逐个组织督促落实，把组织生活规则执行情况纳入日常检查。"));
        }

        var (nextFrom, nextTo) = context.NextPeriod;
        var organizations = context.Db.Organizations.AsNoTracking().InSubtree(context.Target.Path);
        var next = await ComplianceEvaluator.EvaluateAsync(context.Db, organizations, nextFrom, nextTo, context.Today, ct);
        var due = new List<string>();
        for (var i = 0; i < next.Obligations.Count; i++)
        {
            var pending = next.Rows.Count(row => row.Cells[i].Occurrences.Any(o =>
                o.Occurrence.Frequency == ObligationFrequency.Yearly && o.End >= nextFrom && o.End <= nextTo && o.Status != ComplianceStatus.Met && o.Status != ComplianceStatus.NotApplicable));
            if (pending > 0) due.Add($"{next.Obligations[i].Name}（{pending}个组织）");
        }

        if (due.Count > 0)
        {
            facts.Add(new SummaryFact(SummaryFactKind.Plan, 15,
                $"按照年度组织生活安排，{nextTo.Year}年{nextTo.Month}月{nextTo.Day}日前还需完成{string.Join("、", due)}，要提前谋划、按期召开，确保质量。"));
        }

        return facts;
    }
}
