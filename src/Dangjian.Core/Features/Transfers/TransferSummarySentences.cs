using Dangjian.Core.Features.Summaries;

namespace Dangjian.Core.Features.Transfers;

/// <summary>What the 党建工作总结 says about organizational-relationship transfers (docs/adr/0013).</summary>
public sealed class TransferSummarySentences : ISummarySentences
{
    public IEnumerable<SummarySentence> Sentences =>
    [
        new(SummarySection.党员队伍建设和发展党员, 30,
            "按程序办理党员组织关系转接，转入党员{members.transferredIn}名、转出党员{members.transferredOut}名。"),
    ];
}
