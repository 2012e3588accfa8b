using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Dues;

/// <summary>Every rule a remittance (上缴), reconciliation or publication request can break, with the sentence the user sees.</summary>
public static class RemittanceErrors
{
    public static Error PeriodRequired => Error.Validation("dues.remittance_period_required", "请选择上缴所属期间（月份或季度）", "PeriodFrom");
    public static Error PeriodToBeforeFrom => Error.Validation("dues.period_to_before_from", "截止月份不能早于起始月份", "PeriodTo");

    /// <summary>Issue 5 item 6: a branch hands dues up per month or per quarter.</summary>
    public static Error PeriodNotMonthOrQuarter => Error.Validation("dues.remittance_period_shape", "上缴所属期间应为一个月，或一个完整季度（1–3 月、4–6 月、7–9 月、10–12 月）", "PeriodFrom");

    public static Error PeriodInFuture(DateOnly current) => Error.Validation("dues.remittance_period_future", $"上缴所属期间不能晚于本月（{DuesMonth.Label(current)}）", "PeriodTo");
    public static Error AmountRequired => Error.Validation("dues.remittance_amount_required", "请填写上缴金额（大于 0，精确到分）", "Amount");
    public static Error AmountPrecision(string field, string label) => Error.Validation("dues.amount_precision", $"{label}精确到分（最多两位小数）", field);
    public static Error LargeNegative => Error.Validation("dues.remittance_large_negative", "其中大额党费不能为负数", "LargeVoluntaryAmount");
    public static Error LargeOverAmount => Error.Validation("dues.remittance_large_over_amount", "其中大额党费不能多于上缴金额", "LargeVoluntaryAmount");
    public static Error RemittedOnRequired => Error.Validation("dues.remitted_on_required", "请填写上缴日期", "RemittedOn");
    public static Error RemittedOnInFuture => Error.Validation("dues.remitted_on_future", "上缴日期不能晚于今天", "RemittedOn");
    public static Error RemittedBeforePeriod => Error.Validation("dues.remitted_before_period", "上缴日期不能早于所属期间的第一天", "RemittedOn");
    public static Error NoteTooLong => Error.Validation("dues.text_too_long", $"备注不能超过 {DuesRemittance.NoteMaxLength} 个字", "Note");
    public static Error NoParent(string name) => Error.Conflict("dues.remittance_no_parent", $"“{name}”是最上级组织，没有可上缴的上级党组织");
    public static Error GroupDoesNotRemit => Error.Conflict("dues.remittance_group", "党小组不单独收缴和上缴党费，请以所在党支部登记");
    public static Error Dissolved(string name) => Error.Conflict("dues.organization_dissolved", $"组织“{name}”已撤销，不能再登记上缴");
    public static Error YearOutOfRange => Error.Validation("dues.year_range", "年度应在 1990 年至今年之间", "Year");
}
