using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Dues;

/// <summary>Every rule a back-payment (补缴) request can break, with the sentence the user sees.</summary>
public static class BackPayErrors
{
    /// <summary>A generous bound: a self-check may reach back years (e.g. April 2018 to now), never decades.</summary>
    public const int MaximumMonths = 360;

    public static Error OrganizationNotFound(long id) => Error.NotFound("dues.organization_not_found", $"组织（编号 {id}）不存在或不在您的管理范围内");
    public static Error MemberNotFound(long id) => Error.NotFound("dues.member_not_found", $"党员（编号 {id}）不在该组织或不在您的管理范围内");
    public static Error FromRequired => Error.Validation("dues.backpay_from_required", "请选择补缴起始月份（yyyy-MM）", "From");
    public static Error ToRequired => Error.Validation("dues.backpay_to_required", "请选择补缴截止月份（yyyy-MM）", "To");
    public static Error ToBeforeFrom => Error.Validation("dues.backpay_to_before_from", "补缴截止月份不能早于起始月份", "To");
    public static Error ToInFuture(DateOnly current) => Error.Validation("dues.backpay_to_future", $"补缴截止月份不能晚于本月（{DuesMonth.Label(current)}）", "To");
    public static Error PeriodTooLong => Error.Validation("dues.backpay_period_too_long", $"补缴期间不能超过 {MaximumMonths} 个月", "From");

    public static Error CorrectionYearOutside(int year, MonthSpan period) => Error.Validation("dues.backpay_correction_year",
        $"更正基数的年份 {year} 不在补缴期间（{period.Label}）内", "Corrections");

    public static Error CorrectionDuplicate(string name, int year) => Error.Validation("dues.backpay_correction_duplicate", $"{name} {year} 年的更正基数填写了两次", "Corrections");
    public static Error PaidOnRequired => Error.Validation("dues.backpay_paid_on_required", "请填写交纳日期", "PaidOn");
    public static Error PaidOnInFuture => Error.Validation("dues.backpay_paid_on_future", "交纳日期不能晚于今天", "PaidOn");
    public static Error MethodRequired => Error.Validation("dues.backpay_method_required", "请选择交纳方式", "Method");
    public static Error TextTooLong(string field, string label, int max) => Error.Validation("dues.text_too_long", $"{label}不能超过 {max} 个字", field);
    public static Error NothingOwed(MonthSpan period) => Error.Conflict("dues.backpay_nothing_owed", $"所选党员在{period.Label}没有少交的党费，无需补缴");

    /// <summary>The amounts changed between the preview the user confirmed and the recording (someone paid or a profile changed).</summary>
    public static Error TotalChanged(decimal expected, decimal actual) => Error.Conflict("dues.backpay_total_changed",
        $"补缴合计已变化：预览为 {expected:0.00} 元，现在为 {actual:0.00} 元，请重新计算后再登记", "ExpectedTotal");
}
