using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.WorkLog.CustomIndicators;
using Dangjian.Web.Features.Committees;

namespace Dangjian.Web.Features.WorkLog.CustomIndicators;

/// <summary>The posted indicator form (definition and renaming).</summary>
public sealed class IndicatorForm
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? Description { get; set; }
    public string? Aggregation { get; set; }
    public string? Decimals { get; set; }
    public string? OrganizationId { get; set; }

    public static IndicatorForm From(CustomIndicatorItem i) => new()
    {
        Key = i.Key, Name = i.Name, Unit = i.Unit, Description = i.Description, Aggregation = i.Aggregation.ToString(),
        Decimals = i.Decimals.ToString(CultureInfo.InvariantCulture), OrganizationId = i.OrganizationId.ToString(CultureInfo.InvariantCulture),
    };

    public Result<CustomIndicatorInput> ToInput()
    {
        var errors = new List<Error>();
        var decimals = FormParse.Int(Decimals, "Decimals", "小数位数", errors);
        if (errors.Count > 0) return Result<CustomIndicatorInput>.Failure(errors);
        return new CustomIndicatorInput
        {
            Key = Key, Name = Name, Unit = Unit, Description = Description, Decimals = decimals ?? 0, OrganizationId = FormParse.Long(OrganizationId),
            Aggregation = Enum.TryParse<CustomAggregation>(Aggregation, out var a) && Enum.IsDefined(a) ? a : null,
        };
    }
}

/// <summary>The posted value form.</summary>
public sealed class ValueForm
{
    public string? OrganizationId { get; set; }
    public string? RecordedOn { get; set; }
    public string? Value { get; set; }
    public string? Note { get; set; }

    public Result<CustomValueInput> ToInput(long indicatorId)
    {
        var errors = new List<Error>();
        var recordedOn = FormParse.Date(RecordedOn, "RecordedOn", "日期", errors);
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(Value))
        {
            if (decimal.TryParse(Value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)) value = parsed;
            else errors.Add(Error.Validation("form.decimal", "数值应为数字，例如 12 或 3.5", "Value"));
        }

        if (errors.Count > 0) return Result<CustomValueInput>.Failure(errors);
        return new CustomValueInput { IndicatorId = indicatorId, OrganizationId = FormParse.Long(OrganizationId), RecordedOn = recordedOn, Value = value, Note = Note };
    }
}
