using Dangjian.Core.Common;

namespace Dangjian.Core.Features.WorkLog.CustomIndicators;

/// <summary>Every rule a custom indicator or one of its values can break, with the sentence the user sees.</summary>
public static class CustomIndicatorErrors
{
    public static Error NotFound(long id) => Error.NotFound("customIndicator.not_found", $"自定义指标（编号 {id}）不存在或不在您的管理范围内");
    public static Error ValueNotFound(long id) => Error.NotFound("customIndicator.value_not_found", $"指标数值记录（编号 {id}）不存在或不在您的管理范围内");

    public static Error KeySyntax => Error.Validation("customIndicator.key_syntax",
        $"指标代码须以英文字母开头，只能包含英文字母、数字和下划线，不超过 {CustomIndicator.KeyMaxLength} 个字符（例如 drafts_written）", "Key");

    public static Error KeyTaken(string key) => Error.Conflict("customIndicator.key_taken", $"指标代码“{key}”已被其他自定义指标使用（不区分大小写），请换一个", "Key");
    public static Error KeyUnchangeable => Error.Validation("customIndicator.key_unchangeable", "指标代码是统计和总结模板引用的依据，定义后不能修改；可修改指标名称", "Key");
    public static Error AggregationRequired => Error.Validation("customIndicator.aggregation", "请选择汇总方式（合计、计数或最大值）", "Aggregation");
    public static Error DecimalsRange => Error.Validation("customIndicator.decimals", $"小数位数应为 0 到 {CustomIndicator.MaxDecimals} 之间的整数", "Decimals");

    public static Error AggregationLocked(int count) => Error.Conflict("customIndicator.aggregation_locked",
        $"该指标已有 {count} 条数值记录，不能再修改汇总方式（否则历史统计口径会改变）；如需新口径，请另行定义指标", "Aggregation");

    public static Error DecimalsLocked(int needed) => Error.Conflict("customIndicator.decimals_locked",
        $"已登记的数值中有 {needed} 位小数的记录，小数位数不能少于 {needed}", "Decimals");

    public static Error DeleteWithValues(string name, int count) => Error.Conflict("customIndicator.has_values",
        $"指标“{name}”已有 {count} 条数值记录，不能删除；如不再使用，请将其归档（归档后历史数值和引用它的统计、总结仍然可用）");

    public static Error Archived(string name) => Error.Conflict("customIndicator.archived",
        $"指标“{name}”已归档，不能再登记或修改数值；如需继续使用，请先由管理员恢复该指标", "IndicatorId");

    public static Error IndicatorRequired => Error.Validation("customIndicator.indicator_required", "请选择指标", "IndicatorId");
    public static Error OrganizationRequired => Error.Validation("customIndicator.organization_required", "请选择组织", "OrganizationId");
    public static Error DateRequired => Error.Validation("customIndicator.date_required", "请填写日期", "RecordedOn");
    public static Error ValueRequired => Error.Validation("customIndicator.value_required", "请填写数值", "Value");

    public static Error OutsideSubtree(string indicator, string root) => Error.Validation("customIndicator.outside_subtree",
        $"指标“{indicator}”只适用于“{root}”及其下级组织，所选组织不在其中", "OrganizationId");

    public static Error OrganizationDissolved(string name) => Error.Conflict("customIndicator.organization_dissolved", $"组织“{name}”已撤销，不能再登记指标数值", "OrganizationId");

    public static Error AdministerOnly(string organization) => Error.Forbidden($"只有“{organization}”的管理员可以定义或修改适用于该组织的自定义指标");
}
