using Dangjian.Core.Features.Summaries;

namespace Dangjian.Core.Features.Dues;

/// <summary>What the 党建工作总结 says about 党费 (docs/adr/0013).</summary>
public sealed class DuesSummarySentences : ISummarySentences
{
    public IEnumerable<SummarySentence> Sentences =>
    [
        new(SummarySection.党费收缴和管理, 10,
            "严格按照标准收缴党费，{期间}应交党费{dues.due}元、实交{dues.paid}元，收缴率{dues.collectionRate}%。"),
        new(SummarySection.党费收缴和管理, 20,
            "按规定向上级党组织上缴党费{dues.remitted}元，收缴情况定期在支部内公示。"),
    ];
}

/// <summary>Problems and plans from arrears: members who have not paid in full at the period end.</summary>
public sealed class DuesSummaryFacts : ISummaryFacts
{
    private const string Arrears = "dues.arrearsMembers";

    public IReadOnlyList<string> Refs => [Arrears];

    public Task<IReadOnlyList<SummaryFact>> FactsAsync(SummaryFactContext context, CancellationToken ct)
    {
        var facts = new List<SummaryFact>();
        if (context.Value(Arrears) is { } n && n > 0)
        {
            var count = SummaryDrafter.Format(n, "人");
            facts.Add(new SummaryFact(SummaryFactKind.Problem, 30,
                $"党费收缴还不够及时，截至{context.To.Year}年{context.To.Month}月{context.To.Day}日仍有{count}名党员未按月足额交纳党费。"));
            facts.Add(new SummaryFact(SummaryFactKind.Plan, 30,
                $"逐一提醒{count}名欠交党费的党员及时补交，按月核对台账，确保党费应收尽收。"));
        }

        return Task.FromResult<IReadOnlyList<SummaryFact>>(facts);
    }
}
