using Dangjian.Core.Common;
using Dangjian.Core.Features.Development;
using Dangjian.Web.Features.Committees;

namespace Dangjian.Web.Features.Development.Plans;

/// <summary>The posted plan form: a number (上限 left empty) or a range such as 3–5.</summary>
public sealed class DevelopmentPlanForm
{
    public string? Minimum { get; set; }
    public string? Maximum { get; set; }
    public string? Note { get; set; }

    /// <summary>Parses the numbers and checks the range with a message under the field at fault (the handler checks again for the API).</summary>
    public Result<SetDevelopmentPlanCommand> ToCommand(long organizationId, int year)
    {
        var errors = new List<Error>();
        var minimum = SignedInt(Minimum, "Minimum", "计划数", errors);
        var maximum = SignedInt(Maximum, "Maximum", "区间上限", errors);
        if (string.IsNullOrWhiteSpace(Minimum)) errors.Add(Error.Validation("development.plan_required", "请填写计划数", "Minimum"));
        if (minimum < 0) errors.Add(Error.Validation("development.plan_negative", "计划数不能小于 0", "Minimum"));
        if (maximum < 0) errors.Add(Error.Validation("development.plan_negative", "区间上限不能小于 0", "Maximum"));
        if (minimum is >= 0 && maximum is >= 0 && maximum < minimum)
            errors.Add(Error.Validation("development.plan_order", $"区间上限（{maximum}）不能小于计划数（{minimum}）", "Maximum"));
        if (errors.Count > 0) return Result<SetDevelopmentPlanCommand>.Failure(errors);
        return new SetDevelopmentPlanCommand(organizationId, year, minimum!.Value, maximum, Note);
    }

    private static int? SignedInt(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(Error.Validation("form.integer", $"{label}应为整数", field));
        return null;
    }
}

/// <summary>The posted settings form.</summary>
public sealed class DevelopmentSettingsForm
{
    public string? ActivistAfterMonths { get; set; }
    public string? NoticeWorkingDays { get; set; }

    public Result<SetDevelopmentSettingsCommand> ToCommand(long organizationId)
    {
        var errors = new List<Error>();
        var months = FormParse.Int(ActivistAfterMonths, "ActivistAfterMonths", "确定积极分子的提示月数", errors);
        var days = FormParse.Int(NoticeWorkingDays, "NoticeWorkingDays", "公示工作日", errors);
        if (string.IsNullOrWhiteSpace(ActivistAfterMonths)) errors.Add(Error.Validation("development.settings_required", "请填写确定积极分子的提示月数", "ActivistAfterMonths"));
        if (string.IsNullOrWhiteSpace(NoticeWorkingDays)) errors.Add(Error.Validation("development.settings_required", "请填写公示工作日", "NoticeWorkingDays"));
        if (months > 24) errors.Add(Error.Validation("development.settings_months", "确定积极分子的提示月数应在 0 至 24 之间", "ActivistAfterMonths"));
        if (days is 0 or > 30) errors.Add(Error.Validation("development.settings_days", "公示工作日应在 1 至 30 之间", "NoticeWorkingDays"));
        if (errors.Count > 0) return Result<SetDevelopmentSettingsCommand>.Failure(errors);
        return new SetDevelopmentSettingsCommand(organizationId, months!.Value, days!.Value);
    }
}
