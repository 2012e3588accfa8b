using Dangjian.Core.Features.Summaries;

namespace Dangjian.Core.Features.Evaluations;

/// <summary>What the 党建工作总结 says about 民主评议党员 (docs/adr/0013).</summary>
public sealed class EvaluationSummarySentences : ISummarySentences
{
    public IEnumerable<SummarySentence> Sentences =>
    [
        new(SummarySection.党员队伍建设和发展党员, 20,
            "组织民主评议党员{evaluation.sessions}次，{evaluation.participants}名党员参加评议，评议结果记入党员档案。"),
    ];
}
