using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Findings;

/// <summary>Every rule a finding (问题清单) can break, with the sentence the user sees.</summary>
public static class FindingErrors
{
    public static Error NotFound(long id) => Error.NotFound("finding.not_found", $"问题（编号 {id}）不存在或不在您的管理范围内");
    public static Error MeetingNotFound(long id) => Error.NotFound("finding.meeting_not_found", $"会议（编号 {id}）不存在或不在您的管理范围内");

    public static Error NotALifeMeeting(string topic) => Error.Conflict("finding.not_life_meeting",
        $"会议“{topic}”不是组织生活会或民主生活会，问题清单只登记组织生活会、民主生活会查摆的问题", "MeetingId");

    public static Error DescriptionRequired => Error.Validation("finding.description_required", $"请填写问题描述（不超过 {Finding.DescriptionMaxLength} 个字）", "Description");
    public static Error OwnerRequired => Error.Validation("finding.owner_required", $"请选择整改责任人或填写责任人/责任部门（不超过 {Finding.NameMaxLength} 个字）", "OwnerName");
    public static Error OwnerNotInOrganization(long id) => Error.Validation("finding.owner_not_in_organization", $"党员（编号 {id}）不是该会议所属组织的党员或班子成员", "OwnerMemberId");
    public static Error DeadlineRequired => Error.Validation("finding.deadline_required", "请填写整改时限", "Deadline");
    public static Error DeadlineBeforeMeeting(DateOnly heldOn) => Error.Validation("finding.deadline_before_meeting", $"整改时限不能早于会议日期（{heldOn:yyyy-MM-dd}）", "Deadline");
    public static Error ResolvedOnRequired => Error.Validation("finding.resolved_on_required", "状态为已整改时，请填写整改完成日期", "ResolvedOn");
    public static Error ResolvedOnInFuture => Error.Validation("finding.resolved_on_future", "整改完成日期不能晚于今天", "ResolvedOn");
    public static Error ResolvedBeforeMeeting(DateOnly heldOn) => Error.Validation("finding.resolved_before_meeting", $"整改完成日期不能早于会议日期（{heldOn:yyyy-MM-dd}）", "ResolvedOn");
    public static Error NoteTooLong => Error.Validation("finding.note_too_long", $"整改情况不能超过 {Finding.NoteMaxLength} 个字", "Note");
}
