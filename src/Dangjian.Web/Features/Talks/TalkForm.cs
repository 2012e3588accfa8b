using Dangjian.Core.Common;
using Dangjian.Core.Features.Talks;
using Dangjian.Web.Features.Committees;

namespace Dangjian.Web.Features.Talks;

/// <summary>The posted 谈心谈话 form.</summary>
public sealed class TalkForm
{
    public string? HeldOn { get; set; }
    public string? InitiatorMemberId { get; set; }
    public string? PartnerMemberId { get; set; }
    public string? Topic { get; set; }
    public string? Note { get; set; }

    public Result<TalkInput> ToInput()
    {
        var errors = new List<Error>();
        var heldOn = FormParse.Date(HeldOn, "HeldOn", "谈话日期", errors);
        if (errors.Count > 0) return Result<TalkInput>.Failure(errors);
        return new TalkInput
        {
            HeldOn = heldOn, InitiatorMemberId = FormParse.Long(InitiatorMemberId), PartnerMemberId = FormParse.Long(PartnerMemberId), Topic = Topic, Note = Note,
        };
    }
}
