using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Obligations;

/// <summary>Every rule an obligation override or a compliance query can break, with the sentence the user sees.</summary>
public static class ObligationErrors
{
    public const int MaxMinCount = 99;
    public const int MaxPeriodYears = 5;

    public static Error ObligationNotFound(long id) => Error.NotFound("obligation.not_found", $"组织生活规则（编号 {id}）不存在");
    public static Error OrganizationNotFound(long id) => Error.NotFound("obligation.organization_not_found", $"组织（编号 {id}）不存在或不在您的管理范围内");
    public static Error OverrideNotFound(string obligation, string organization) =>
        Error.NotFound("obligation.override_not_found", $"“{organization}”没有调整“{obligation}”的规则");
    public static Error OrganizationDissolved(string name) => Error.Conflict("obligation.organization_dissolved", $"组织“{name}”已撤销，不能再调整其组织生活规则");
    public static Error ReasonRequired => Error.Validation("obligation.reason_required", $"请填写调整原因（不超过 {ObligationOverride.ReasonMaxLength} 个字）", "Reason");
    public static Error FrequencyInvalid => Error.Validation("obligation.frequency_invalid", "频次应为每月、每季度或每年", "Frequency");
    public static Error MinCountOutOfRange => Error.Validation("obligation.min_count_range", $"每个周期的最少次数应在 1 到 {MaxMinCount} 之间", "MinCount");
    public static Error PeriodReversed => Error.Validation("compliance.period_reversed", "开始日期不能晚于结束日期", "From");
    public static Error PeriodTooLong => Error.Validation("compliance.period_too_long", $"统计期间不能超过 {MaxPeriodYears} 年", "To");
    public static Error MonthInvalid => Error.Validation("compliance.month_invalid", "月份格式应为 yyyy-MM，例如 2026-10", "Month");
}
