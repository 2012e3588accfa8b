using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.WorkLog.Brand;
using Dangjian.Web.Components.Shared;
using Dangjian.Web.Features.Committees;

namespace Dangjian.Web.Features.WorkLog.Brand;

/// <summary>The posted 党建品牌活动 form.</summary>
public sealed class BrandForm
{
    public string? OrganizationId { get; set; }
    public string? Brand { get; set; }
    public string? Title { get; set; }
    public string? HeldOn { get; set; }
    public string? Note { get; set; }

    public Result<BrandActivityInput> ToInput()
    {
        var errors = new List<Error>();
        var on = FormParse.Date(HeldOn, "HeldOn", "活动日期", errors);
        if (errors.Count > 0) return Result<BrandActivityInput>.Failure(errors);
        return new BrandActivityInput { OrganizationId = FormParse.Long(OrganizationId), Brand = Brand, Title = Title, HeldOn = on, Note = Note };
    }

    public static BrandForm From(BrandActivityListItem item) => new()
    {
        OrganizationId = item.OrganizationId.ToString(CultureInfo.InvariantCulture), Brand = item.Brand, Title = item.Title, HeldOn = Fmt.Date(item.HeldOn), Note = item.Note,
    };
}
