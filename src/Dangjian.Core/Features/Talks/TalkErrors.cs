using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Talks;

/// <summary>Every rule a 谈心谈话 record can break, with the sentence the user sees.</summary>
public static class TalkErrors
{
    public static Error OrganizationNotFound(long id) => Error.NotFound("talk.organization_not_found", $"组织（编号 {id}）不存在或不在您的管理范围内");
    public static Error NotFound(long id) => Error.NotFound("talk.not_found", $"谈心谈话记录（编号 {id}）不存在或不在您的管理范围内");
    public static Error OrganizationDissolved(string name) => Error.Conflict("talk.organization_dissolved", $"组织“{name}”已撤销，不能再登记谈心谈话");
    public static Error HeldOnRequired => Error.Validation("talk.held_on_required", "请填写谈话日期", "HeldOn");
    public static Error HeldOnInFuture => Error.Validation("talk.held_on_future", "谈话日期不能晚于今天", "HeldOn");
    public static Error InitiatorRequired => Error.Validation("talk.initiator_required", "请选择谈话人", "InitiatorMemberId");
    public static Error PartnerRequired => Error.Validation("talk.partner_required", "请选择谈话对象", "PartnerMemberId");
    public static Error SamePerson => Error.Validation("talk.same_person", "谈话人和谈话对象不能是同一人", "PartnerMemberId");
    public static Error TopicRequired => Error.Validation("talk.topic_required", $"请填写谈话主题（不超过 {HeartToHeartTalk.TopicMaxLength} 个字）", "Topic");
    public static Error NoteTooLong => Error.Validation("talk.note_too_long", $"谈话情况不能超过 {HeartToHeartTalk.NoteMaxLength} 个字", "Note");

    public static Error NotInOrganization(string field, long memberId, DateOnly on) => Error.Validation("talk.not_in_organization",
        $"党员（编号 {memberId}）在 {on:yyyy-MM-dd} 既不在本组织名册中，也不是本组织班子成员", field);
}
