using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Summaries;

public static class SummaryErrors
{
    public static readonly Error PeriodMissing = Error.Validation("summary.period", "请填写总结的起止日期", "from");
    public static readonly Error KindMissing = Error.Validation("summary.kind", "请选择总结类型（半年或年度）", "kind");
    public static readonly Error OrganizationMissing = Error.Validation("summary.org", "请选择组织", "org");
    public static readonly Error TemplateEmpty = Error.Validation("summary.template", "模板内容不能为空", "text");
    public static readonly Error TemplateTooLong = Error.Validation("summary.template", $"模板不能超过 {SummaryTemplate.TextMaxLength} 个字符", "text");
    public static readonly Error BlocksChanged = Error.Validation("summary.blocks", "提交的段落数与草稿不一致，请刷新页面后重新编辑", "blocks");

    public static Error PeriodOrder(DateOnly from, DateOnly to) =>
        Error.Validation("summary.period", $"开始日期（{from:yyyy-MM-dd}）不能晚于结束日期（{to:yyyy-MM-dd}）", "from");

    public static Error PeriodTooLong => Error.Validation("summary.period", "总结的统计期不能超过一年", "to");

    public static Error DraftNotFound(long id) => Error.NotFound("summary.not_found", $"工作总结草稿（编号 {id}）不存在或不在您的管理范围内");
}
