using Dangjian.Core.Features.Summaries;

namespace Dangjian.Core.Features.WorkLog.Volunteering;

/// <summary>
/// What the 党建工作总结 says about 志愿服务, 在职党员到社区报到 and 党员先锋岗 (our own wording; docs/adr/0013). Claimed projects
/// have a sentence of their own, so a period with activities but no 认领 project never prints "认领0项".
/// </summary>
public sealed class VolunteeringSummarySentences : ISummarySentences
{
    public IEnumerable<SummarySentence> Sentences =>
    [
        new(SummarySection.服务群众和志愿服务, 10,
            "{期间}共组织党员志愿者{volunteer.partyVolunteers}人、群众志愿者{volunteer.publicVolunteers}人参加志愿服务，累计服务{volunteer.personTimes}人次、{volunteer.hours}小时。"),
        new(SummarySection.服务群众和志愿服务, 12,
            "对接群众需求认领志愿服务项目{volunteer.projectsClaimed}项。"),
        new(SummarySection.服务群众和志愿服务, 20,
            "在职党员{community.reportedMembers}人到居住地社区报到，亮明身份、就近参与社区服务。"),
        new(SummarySection.党员队伍建设和发展党员, 50,
            "设立党员先锋岗、示范岗和责任区共{pioneer.posts}个，引导党员在本职岗位上当先锋、作表率。"),
    ];
}
