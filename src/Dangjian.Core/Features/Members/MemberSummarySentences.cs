using Dangjian.Core.Features.Summaries;

namespace Dangjian.Core.Features.Members;

/// <summary>What the 党建工作总结 says about the membership (docs/adr/0013).</summary>
public sealed class MemberSummarySentences : ISummarySentences
{
    public IEnumerable<SummarySentence> Sentences =>
    [
        new(SummarySection.党员队伍建设和发展党员, 10,
            "{组织}现有党员{members.count}名，其中预备党员{members.count|category=预备党员}名，党员名册和档案按规定动态更新。"),
    ];
}
