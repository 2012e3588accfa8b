using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Organizations;

namespace Dangjian.Web.Features.Organizations;

/// <summary>
/// The organization form as posted: every field is text, so that a bad date or number becomes a Chinese message under
/// its field instead of a binding failure.
/// </summary>
public sealed class OrganizationForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public string? Kind { get; set; }
    public string? HostUnitName { get; set; }
    public string? HostUnitCategory { get; set; }
    public string? FoundedOn { get; set; }
    public string? SortOrder { get; set; }

    public static OrganizationForm From(OrganizationDetails d) => new()
    {
        Code = d.Code,
        Name = d.Name,
        ShortName = d.ShortName,
        Kind = d.Kind.ToString(),
        HostUnitName = d.HostUnitName,
        HostUnitCategory = d.HostUnitCategory?.ToString(),
        FoundedOn = d.FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SortOrder = d.SortOrder.ToString(CultureInfo.InvariantCulture),
    };

    public Result<OrganizationInput> ToInput()
    {
        var errors = new List<Error>();
        OrganizationKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (Enum.TryParse<OrganizationKind>(Kind, out var k) && Enum.IsDefined(k)) kind = k;
            else errors.Add(Error.Validation("form.kind", "组织类别无效", "Kind"));
        }

        UnitCategory? category = null;
        if (!string.IsNullOrWhiteSpace(HostUnitCategory))
        {
            if (Enum.TryParse<UnitCategory>(HostUnitCategory, out var c) && Enum.IsDefined(c)) category = c;
            else errors.Add(Error.Validation("form.category", "单位类别无效", "HostUnitCategory"));
        }

        DateOnly? founded = null;
        if (!string.IsNullOrWhiteSpace(FoundedOn))
        {
            if (DateOnly.TryParseExact(FoundedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) founded = d;
            else errors.Add(Error.Validation("form.founded", "成立日期格式应为 yyyy-MM-dd", "FoundedOn"));
        }

        int? sortOrder = null;
        if (!string.IsNullOrWhiteSpace(SortOrder))
        {
            if (int.TryParse(SortOrder.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)) sortOrder = s;
            else errors.Add(Error.Validation("form.sort", "排序号应为整数", "SortOrder"));
        }

        if (errors.Count > 0) return Result<OrganizationInput>.Failure(errors);
        return new OrganizationInput
        {
            Code = Code, Name = Name, ShortName = ShortName, Kind = kind, HostUnitName = HostUnitName,
            HostUnitCategory = category, FoundedOn = founded, SortOrder = sortOrder,
        };
    }
}
