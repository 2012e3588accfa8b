using Dangjian.Core.Features.Summaries;

namespace Dangjian.Core.Features.Talks;

/// <summary>What the 党建工作总结 says about 谈心谈话 (docs/adr/0013).</summary>
public sealed class TalkSummarySentences : ISummarySentences
{
    public IEnumerable<SummarySentence> Sentences =>
    [
        new(SummarySection.作风建设和党风廉政, 30,
            "班子成员与党员开展谈心谈话{talks.count}次，及时掌握党员思想动态，帮助解决实际困难。"),
    ];
}
