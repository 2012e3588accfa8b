using Dangjian.Core.Features.Summaries;

namespace Dangjian.Core.Features.WorkLog.Donations;

/// <summary>What the 党建工作总结 says about donations, commendations and care visits (our own wording; docs/adr/0013).</summary>
public sealed class DonationSummarySentences : ISummarySentences
{
    public IEnumerable<SummarySentence> Sentences =>
    [
        new(SummarySection.服务群众和志愿服务, 40,
            "{期间}组织爱心捐款，{donation.donors}人次参与，党员参与率{donation.rate}%，累计捐款{donation.amount}元，其中通过党组织捐款{donation.amount|recipient=党组织}元。"),
        new(SummarySection.服务群众和志愿服务, 50,
            "走访慰问党员{care.visited}人次，其中困难党员{care.visited|reason=困难党员}人次、离退休党员{care.visited|reason=离退休党员}人次，发放慰问金{care.amount}元。"),
        new(SummarySection.党员队伍建设和发展党员, 60,
            "注重发挥先进典型示范作用，{期间}共有{commendation.orgs}个党组织、{commendation.members}名党员受到表彰。"),
    ];
}
