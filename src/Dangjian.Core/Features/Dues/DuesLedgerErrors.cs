using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Dues;

/// <summary>The broken rules of the monthly ledger, payments, arrears and 自行脱党 review cases, in the words the user reads.</summary>
public static class DuesLedgerErrors
{
    public static Error OrganizationNotFound(long id) => Error.NotFound("dues.org_not_found", $"组织（编号 {id}）不存在或不在您的管理范围内");
    public static Error MemberNotFound(long id) => Error.NotFound("dues.member_not_found", $"党员（编号 {id}）不存在或不在您的管理范围内");
    public static Error PaymentNotFound(long id) => Error.NotFound("dues.payment_not_found", $"交费记录（编号 {id}）不存在或不在您的管理范围内");
    public static Error CaseNotFound(long id) => Error.NotFound("dues.case_not_found", $"审查案件（编号 {id}）不存在或不在您的管理范围内");
    public static Error LineNotFound(DateOnly month) => Error.NotFound("dues.line_not_found", $"{DuesMonth.Label(month)}没有该党员的台账记录，请先生成当月台账");

    public static Error MonthRequired => Error.Validation("dues.month_required", "请选择月份", "Month");
    public static Error MonthInvalid => Error.Validation("dues.month_invalid", "月份格式应为 yyyy-MM", "Month");
    public static Error MonthInFuture => Error.Validation("dues.month_future", "不能生成以后月份的台账（预交一个季度的党费时，台账随交费自动生成）", "Month");

    public static Error AmountRequired => Error.Validation("dues.amount_required", "请填写交费金额", "Amount");
    public static Error AmountNotPositive => Error.Validation("dues.amount_positive", "交费金额应大于 0", "Amount");
    public static Error AmountPrecision => Error.Validation("dues.amount_precision", "交费金额精确到分（最多两位小数）", "Amount");
    public static Error AmountTooLarge => Error.Validation("dues.amount_too_large", "交费金额过大，请核对", "Amount");
    public static Error PaidOnRequired => Error.Validation("dues.paid_on_required", "请填写交费日期", "PaidOn");
    public static Error PaidOnInFuture => Error.Validation("dues.paid_on_future", "交费日期不能晚于今天", "PaidOn");
    public static Error MethodRequired => Error.Validation("dues.method_required", "请选择交费方式", "Method");
    public static Error KindNotHere => Error.Validation("dues.kind_backpay", "补缴请在“补缴”页面登记", "Kind");
    public static Error CollectorTooLong => Error.Validation("dues.collector_long", $"收款人不能超过 {DuesPayment.NameMaxLength} 个字", "CollectorName");
    public static Error ReceiptTooLong => Error.Validation("dues.receipt_long", $"收据编号不能超过 {DuesPayment.ReceiptMaxLength} 个字", "ReceiptNumber");
    public static Error NoteTooLong => Error.Validation("dues.note_long", $"备注不能超过 {DuesPayment.NoteMaxLength} 个字", "Note");
    public static Error PayerIsMember => Error.Validation("dues.payer_self", "代交人不能是党员本人", "PaidByMemberId");
    public static Error PayerNotFound(long id) => Error.Validation("dues.payer_not_found", $"代交人（党员编号 {id}）不存在或不在您的管理范围内", "PaidByMemberId");

    public static Error LargeVoluntaryBelowThreshold =>
        Error.Validation("dues.large_threshold", $"大额党费是一次性自愿交纳 {DuesCalculator.LargeVoluntaryThreshold:0} 元以上（含）的党费；金额不足时请选择“自愿多交”", "Kind");

    public static Error QuarterlyNotAllowed(string branch) =>
        Error.Conflict("dues.quarterly_not_allowed", $"{branch}未同意按季度交纳党费（《党费规定》：经党支部同意可以按季度交纳），请按月交纳", "Quarterly");

    public static Error QuarterlyOnlyRegular => Error.Validation("dues.quarterly_regular", "只有按月交纳的党费可以按季度预交", "Quarterly");
    public static Error QuarterWithoutProfile(int year) => Error.Conflict("dues.quarter_no_profile", $"该党员 {year} 年的党费基数尚未核定，不能预交", "Quarterly");

    public static Error ReasonRequired => Error.Validation("dues.reason_required", "请填写原因", "Reason");
    public static Error ReasonTooLong => Error.Validation("dues.reason_long", $"原因不能超过 {DuesLedgerLine.ReasonMaxLength} 个字", "Reason");
    public static Error ExcuseMonthNotCompleted => Error.Validation("dues.excuse_future", "只能为已经过去的月份登记未交原因", "Month");
    public static Error ExcuseFullyPaid => Error.Conflict("dues.excuse_paid", "该月党费已交清，无需登记未交原因", "Month");

    public static Error DecisionRequired => Error.Validation("dues.decision_required", "请填写处理决定", "Decision");
    public static Error DecisionTooLong => Error.Validation("dues.decision_long", $"处理决定不能超过 {DuesReviewCase.TextMaxLength} 个字", "Decision");
    public static Error DecidedOnRequired => Error.Validation("dues.decided_on_required", "请填写决定日期", "DecidedOn");
    public static Error DecidedOnInFuture => Error.Validation("dues.decided_on_future", "决定日期不能晚于今天", "DecidedOn");
    public static Error DecidedBeforeOpened(DateOnly opened) => Error.Validation("dues.decided_before_open", $"决定日期不能早于立案日期（{opened:yyyy-MM-dd}）", "DecidedOn");
    public static Error CaseAlreadyDecided => Error.Conflict("dues.case_decided", "该案件已有处理决定", "Decision");
}
