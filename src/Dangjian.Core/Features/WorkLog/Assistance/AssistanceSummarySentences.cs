using Dangjian.Core.Features.Summaries;

namespace Dangjian.Core.Features.WorkLog.Assistance;

/// <summary>What the 党建工作总结 says about 帮扶, 宣传 and 党建品牌 (our own wording, figures from the catalogue).</summary>
public sealed class AssistanceSummarySentences : ISummarySentences
{
    public IEnumerable<SummarySentence> Sentences =>
    [
        new(SummarySection.服务群众和志愿服务, 60,
            "深入挂包帮扶户开展走访{assistance.visits}户次，梳理群众急难愁盼问题{assistance.issuesCollected}件，已办结{assistance.issuesResolved}件，正在推进{assistance.issuesInProgress}件。"),
        new(SummarySection.思想建设和学习教育, 60,
            "多渠道开展宣传，制作悬挂横幅{publicity.items|kind=横幅}条、设置展板{publicity.items|kind=展板}个，发布公众号信息{publicity.items|kind=公众号信息}条。"),
        new(SummarySection.其他工作, 60,
            "围绕党建品牌和“一支部一特色”创建，开展特色活动{brand.activities}次。"),
    ];
}
