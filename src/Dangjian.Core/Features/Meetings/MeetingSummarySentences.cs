using Dangjian.Core.Features.Summaries;

namespace Dangjian.Core.Features.Meetings;

/// <summary>What the 党建工作总结 says about meetings, lectures and attendance (docs/adr/0013), in our own words.</summary>
public sealed class MeetingSummarySentences : ISummarySentences
{
    public IEnumerable<SummarySentence> Sentences =>
    [
        new(SummarySection.思想建设和学习教育, 10,
            "坚持把理论学习摆在首位，{期间}组织集中学习{meetings.count|kind=集中学习}次、专题研讨{meetings.count|kind=专题研讨}次。"),
        new(SummarySection.思想建设和学习教育, 20,
            "书记带头讲党课{lectures.count|lecturerRole=书记}次，把学习成果转化为推动工作的思路举措。"),
        new(SummarySection.组织建设和三会一课, 10,
            "{期间}，共召开支部党员大会{meetings.count|kind=支部党员大会}次、支委会{meetings.count|kind=支委会}次、党小组会{meetings.count|kind=党小组会}次，讲授党课{lectures.count}次。"),
        new(SummarySection.组织建设和三会一课, 20,
            "以主题党日为载体开展活动{meetings.count|kind=主题党日}次。各类会议活动的党员参会率为{meetings.attendanceRate}%。"),
        new(SummarySection.作风建设和党风廉政, 10,
            "召开组织生活会{meetings.count|kind=组织生活会}次，党员逐一开展批评和自我批评，对查摆出的问题列出清单、明确整改时限。"),
        new(SummarySection.作风建设和党风廉政, 20,
            "开展警示教育{meetings.count|kind=警示教育}次，召开党风廉政专题会{meetings.count|kind=党风廉政专题会}次，筑牢拒腐防变的思想防线。"),
    ];
}
