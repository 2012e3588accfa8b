using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Dues;

/// <summary>Every rule the profile wizard, overrides, reductions and settings can break, with the sentence the user sees.</summary>
public static class DuesProfileErrors
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static Error OrganizationNotFound(long id) => Error.NotFound("dues.organization_not_found", $"组织（编号 {id}）不存在或不在您的管理范围内");
    public static Error OrganizationRequired => Error.Validation("dues.organization_required", "请选择党支部", "OrganizationId");
    public static Error NotABranch(string name) => Error.Validation("dues.not_a_branch", $"“{name}”不是党支部；党费基数按党支部核定，请选择党支部", "OrganizationId");
    public static Error YearOutOfRange => Error.Validation("dues.year_range", $"年度应在 {MinYear} 到 {MaxYear} 之间", "Year");
    public static Error ProfileNotFound(long id) => Error.NotFound("dues.profile_not_found", $"党费基数（编号 {id}）不存在或不在您的管理范围内");
    public static Error MemberNotFound(long id) => Error.NotFound("dues.member_not_found", $"党员（编号 {id}）不存在或不在您的管理范围内");
    public static Error NoRows => Error.Validation("dues.no_rows", "没有要核定的党员：请至少为一名党员选择人员类别并填写基数或金额", "Rows");
    public static Error TooManyRows(int max) => Error.Validation("dues.too_many_rows", $"一次最多核定 {max} 名党员", "Rows");

    /// <summary>A row-level problem, prefixed so that it can be found in a long list: "第 3 行（张三）：…".</summary>
    public static Error Row(int row, string? name, Error error) =>
        error with { Message = $"第 {row} 行{(string.IsNullOrEmpty(name) ? "" : $"（{name}）")}：{error.Message}", Field = $"Rows[{row}].{error.Field}" };

    public static Error NotOnRoster(int year) => Error.Validation("dues.not_on_roster", $"不在本支部 {year} 年的党员名单中", "MemberId");
    public static Error DuplicateMember => Error.Validation("dues.duplicate_member", "同一名党员出现了不止一次", "MemberId");
    public static Error TypeRequired => Error.Validation("dues.type_required", "请选择人员类别", "MemberType");
    public static Error BaseMismatch(decimal fromParts) => Error.Validation("dues.base_mismatch", $"填写的基数与按工资构成计算的基数 {fromParts:0.00} 元不一致，请核对（只填其一即可）", "Base");
    public static Error GrossPayRequired => Error.Validation("dues.gross_required", "按工资构成计算基数时，请填写应发工资", "GrossRegularPay");

    /// <summary>《党费通知》: the base is set once a year; a later change is a correction and needs its reason on record.</summary>
    public static Error ChangeReasonRequired(int count, int year) => Error.Validation("dues.change_reason_required",
        $"本次确认将变更 {count} 名党员已核定的 {year} 年党费基数；基数每年核定一次，年中变更须填写变更原因", "Reason");

    public static Error ReasonTooLong => Error.Validation("dues.reason_too_long", $"原因不能超过 {DuesProfile.ReasonMaxLength} 个字", "Reason");
    public static Error OverrideReasonRequired => Error.Validation("dues.override_reason_required", "调整每月应交金额须填写原因", "Reason");
    public static Error ConcurrentChange => Error.Conflict("dues.concurrent_change", "其他用户刚刚修改了本支部的党费基数，请刷新页面后重新核定");

    // Reductions (《党费规定》: 生活困难的党员 may pay less or nothing, with the approvals below).
    public static Error MonthRequired(string field, string label) => Error.Validation("dues.month_required", $"请填写{label}（yyyy-MM）", field);
    public static Error MonthOrder => Error.Validation("dues.month_order", "减免截止月份不能早于起始月份", "ToMonth");
    public static Error ReductionAcrossYears => Error.Validation("dues.reduction_across_years", "减免期限不能跨年度，请按年度分别登记（党费基数每年核定一次）", "ToMonth");
    public static Error NoProfileForReduction(int year) => Error.Conflict("dues.reduction_no_profile", $"该党员尚未核定 {year} 年的党费基数，请先核定基数再登记减免", "FromMonth");
    public static Error ReducedNotBelowNormal(decimal normal) => Error.Validation("dues.reduced_not_below",
        $"减免后每月金额应低于正常应交金额 {normal:0.00} 元（免交填 0）", "ReducedMonthly");
    public static Error ReductionReasonRequired => Error.Validation("dues.reduction_reason_required", "请填写减免原因（生活困难情况）", "Reason");
    public static Error ReductionTextTooLong(string field, string label) => Error.Validation("dues.reduction_text_too_long", $"{label}不能超过 {DuesReduction.TextMaxLength} 个字", field);
    public static Error BranchDecisionRequired => Error.Validation("dues.branch_decision_required", "减免党费须经党支部研究决定，请填写支部决定日期", "BranchDecisionOn");
    public static Error BranchDecisionInFuture => Error.Validation("dues.branch_decision_future", "支部决定日期不能晚于今天", "BranchDecisionOn");

    /// <summary>《党费规定》: 在职党员 need the branch's decision and the higher committee's approval; only retirees need the branch alone.</summary>
    public static Error HigherApprovalRequired => Error.Validation("dues.higher_approval_required",
        "在职党员减免党费须经党支部研究决定并报上级党委批准，请填写上级党委批准日期（只有离退休党员经党支部同意即可）", "HigherApprovalOn");

    public static Error HigherApprovalBeforeBranch(DateOnly branch) => Error.Validation("dues.higher_before_branch",
        $"上级党委批准日期不能早于支部决定日期（{branch:yyyy-MM-dd}）", "HigherApprovalOn");

    public static Error HigherApprovalInFuture => Error.Validation("dues.higher_approval_future", "上级党委批准日期不能晚于今天", "HigherApprovalOn");
    public static Error ReductionOverlaps(DateOnly from, DateOnly to) => Error.Conflict("dues.reduction_overlap",
        $"该党员已有 {DuesMonth.Label(from)}至{DuesMonth.Label(to)}的减免记录，期限不能重叠", "FromMonth");

    // Settings
    public static Error HeldShareRange => Error.Validation("dues.held_share_range", "留存比例应在 0 到 100 之间，最多两位小数", "HeldSharePercent");
}
