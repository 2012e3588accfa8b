using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.WorkLog.Publicity;
using Dangjian.Web.Components.Shared;
using Dangjian.Web.Features.Committees;

namespace Dangjian.Web.Features.WorkLog.Publicity;

/// <summary>The posted 宣传 form.</summary>
public sealed class PublicityForm
{
    public string? OrganizationId { get; set; }
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Count { get; set; }
    public string? PublishedOn { get; set; }
    public string? Note { get; set; }

    public Result<PublicityInput> ToInput()
    {
        var errors = new List<Error>();
        var on = FormParse.Date(PublishedOn, "PublishedOn", "日期", errors);
        int? count = null;
        if (!string.IsNullOrWhiteSpace(Count))
        {
            // A sign is accepted here so that the rule's own message ("数量不能为负数") is what the user reads.
            if (int.TryParse(Count.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) count = n;
            else errors.Add(Error.Validation("form.integer", "数量应为整数", "Count"));
        }

        if (errors.Count > 0) return Result<PublicityInput>.Failure(errors);
        return new PublicityInput
        {
            OrganizationId = FormParse.Long(OrganizationId), Kind = PublicityLabels.Parse(Kind), Title = Title, Count = count, PublishedOn = on, Note = Note,
        };
    }

    public static PublicityForm From(PublicityListItem item) => new()
    {
        OrganizationId = item.OrganizationId.ToString(CultureInfo.InvariantCulture), Kind = item.Kind.ToString(), Title = item.Title,
        Count = item.Count.ToString(CultureInfo.InvariantCulture), PublishedOn = Fmt.Date(item.PublishedOn), Note = item.Note,
    };
}
