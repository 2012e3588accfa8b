using Dangjian.Core.Features.Summaries;

namespace Dangjian.Core.Features.Development;

/// <summary>
/// What the 党建工作总结 says about 发展党员 (docs/adr/0013), after the membership sentence. The flow and the pipeline are
/// separate sentences so a period with no admission still reports who is being trained; the plan sentence drops out when no
/// plan was set.
/// </summary>
public sealed class DevelopmentSummarySentences : ISummarySentences
{
    public IEnumerable<SummarySentence> Sentences =>
    [
        new(SummarySection.党员队伍建设和发展党员, 20,
            "按照发展党员工作程序逐步履行手续，{期间}经上级党委审批接收预备党员{development.admitted}名，{development.confirmed}名预备党员按期转为正式党员。"),
        new(SummarySection.党员队伍建设和发展党员, 21,
            "期末在培养考察中的入党申请人{development.applicants}名、入党积极分子{development.activists}名、发展对象{development.targets}名，预备党员{development.probationary}名。"),
        new(SummarySection.党员队伍建设和发展党员, 22,
            "年度发展党员计划{development.planned}名，完成率{development.planProgress}%。"),
    ];
}
