using Dangjian.Core.Features.Summaries;

namespace Dangjian.Core.Features.Committees;

/// <summary>What the 党建工作总结 says about 换届 (docs/adr/0013).</summary>
public sealed class CommitteeSummarySentences : ISummarySentences
{
    public IEnumerable<SummarySentence> Sentences =>
    [
        new(SummarySection.组织建设和三会一课, 40,
            "严格按照程序组织换届选举{committee.elections}次，选举产生委员{committee.electedMembers}名，班子结构进一步优化。"),
    ];
}

/// <summary>Plans from terms about to end: 换届 has to be prepared months ahead.</summary>
public sealed class CommitteeSummaryFacts : ISummaryFacts
{
    private const string Expiring = "committee.termsExpiring";

    public IReadOnlyList<string> Refs => [Expiring];

    public Task<IReadOnlyList<SummaryFact>> FactsAsync(SummaryFactContext context, CancellationToken ct)
    {
        var facts = new List<SummaryFact>();
        if (context.Value(Expiring) is { } n && n > 0)
        {
            facts.Add(new SummaryFact(SummaryFactKind.Plan, 40,
                $"有{SummaryDrafter.Format(n, "个")}个组织的委员会即将届满或已到期，要提前向上级党组织请示，按程序做好换届选举的各项准备。"));
        }

        return Task.FromResult<IReadOnlyList<SummaryFact>>(facts);
    }
}
