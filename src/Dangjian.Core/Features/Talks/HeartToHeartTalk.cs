using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Talks;

/// <summary>谈心谈话: who talked with whom, when, about what (domain.md §3).</summary>
public sealed class HeartToHeartTalk : IOrganizationOwned
{
    public const int TopicMaxLength = 200;
    public const int NoteMaxLength = 1000;

    private HeartToHeartTalk()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public long InitiatorMemberId { get; private set; }
    public long PartnerMemberId { get; private set; }
    public string Topic { get; private set; } = "";
    public string? Note { get; private set; }

    public static HeartToHeartTalk Create(long organizationId, DateOnly heldOn, long initiatorMemberId, long partnerMemberId, string topic, string? note) =>
        new() { OrganizationId = organizationId, HeldOn = heldOn, InitiatorMemberId = initiatorMemberId, PartnerMemberId = partnerMemberId, Topic = topic, Note = note };

    public void Update(DateOnly heldOn, long initiatorMemberId, long partnerMemberId, string topic, string? note)
    {
        HeldOn = heldOn;
        InitiatorMemberId = initiatorMemberId;
        PartnerMemberId = partnerMemberId;
        Topic = topic;
        Note = note;
    }
}
