using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Dues;

/// <summary>Which dues rule applies to a member (domain.md §5).</summary>
public enum DuesMemberType
{
    /// <summary>在职: salaried, on post-tax regular monthly income.</summary>
    Salaried,

    /// <summary>离退休: on the basic pension.</summary>
    Retired,

    /// <summary>农民: a fixed 0.2–1.0 元, chosen per member.</summary>
    Farmer,

    /// <summary>学生: 0.2 元.</summary>
    Student,

    /// <summary>下岗失业: 0.2 元.</summary>
    Unemployed,

    /// <summary>享受低保 / 救济: 0.2 元.</summary>
    Relief,

    /// <summary>个体: on the previous quarter's average monthly net income.</summary>
    SelfEmployed,

    /// <summary>年薪制: on the month's actual pay.</summary>
    AnnualSalary,
}

public static class DuesMemberTypeLabels
{
    public static string Label(this DuesMemberType type) => type switch
    {
        DuesMemberType.Salaried => "在职",
        DuesMemberType.Retired => "离退休",
        DuesMemberType.Farmer => "农民",
        DuesMemberType.Student => "学生",
        DuesMemberType.Unemployed => "下岗失业",
        DuesMemberType.Relief => "低保/救济",
        DuesMemberType.SelfEmployed => "个体",
        _ => "年薪制",
    };

    /// <summary>Types whose dues come from a base (the rest pay a fixed amount).</summary>
    public static bool UsesBase(this DuesMemberType type) =>
        type is DuesMemberType.Salaried or DuesMemberType.Retired or DuesMemberType.SelfEmployed or DuesMemberType.AnnualSalary;
}

/// <summary>
/// The parts a salaried base is built from, so a user can check it (《党费规定》 and 《党费通知》): gross regular pay less
/// 个人所得税, 五险一金 (individual and employer parts), 职业年金/企业年金 and the allowances the rules leave out.
/// </summary>
public sealed record DuesBaseParts(
    decimal GrossRegularPay,
    decimal IncomeTax,
    decimal SocialInsuranceIndividual,
    decimal SocialInsuranceEmployer,
    decimal Annuity,
    decimal ExcludedAllowances);

/// <summary>A computed monthly amount with the rate that produced it (null for fixed amounts) and any warning.</summary>
public sealed record DuesAmount(decimal Monthly, decimal? Rate, string? Warning);

/// <summary>
/// The dues rules of domain.md §5 as pure functions on <see cref="decimal"/> only. Each rule names its regulation.
/// </summary>
public static class DuesCalculator
{
    /// <summary>《党费规定》: 每月交纳党费一般不超过 1000 元 — above it we warn, we do not refuse.</summary>
    public const decimal UsualMonthlyMaximum = 1000m;

    /// <summary>《党费规定》: 一次性自愿交纳 1000 元以上的党费 is 大额党费 and goes entirely to the centre ("以上" includes 1000).</summary>
    public const decimal LargeVoluntaryThreshold = 1000m;

    /// <summary>《党费规定》 第四条: 学生、下岗失业、享受最低生活保障的党员每月交纳 0.2 元.</summary>
    public const decimal MinimalFixedAmount = 0.20m;

    /// <summary>《党费规定》 第四条: 农民党员每月交纳 0.2 元至 1 元.</summary>
    public const decimal FarmerMinimum = 0.20m;

    public const decimal FarmerMaximum = 1.00m;

    /// <summary>Half-up to 0.01 元 (domain.md §5 [default]); amounts are never negative, so away-from-zero is half-up.</summary>
    public static decimal RoundToFen(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// 《党费规定》 / 《党费通知》: the base is 税后 regular monthly income — gross regular pay less 个人所得税, 五险一金 (both the
    /// individual and the employer parts), 职业年金/企业年金 and 改革性补贴 and other excluded allowances. A negative part, or
    /// deductions above the pay, is refused.
    /// </summary>
    public static Result<decimal> Base(DuesBaseParts parts)
    {
        var named = new (decimal Value, string Label, string Field)[]
        {
            (parts.GrossRegularPay, "应发工资", nameof(DuesBaseParts.GrossRegularPay)),
            (parts.IncomeTax, "个人所得税", nameof(DuesBaseParts.IncomeTax)),
            (parts.SocialInsuranceIndividual, "五险一金（个人部分）", nameof(DuesBaseParts.SocialInsuranceIndividual)),
            (parts.SocialInsuranceEmployer, "五险一金（单位部分）", nameof(DuesBaseParts.SocialInsuranceEmployer)),
            (parts.Annuity, "职业年金/企业年金", nameof(DuesBaseParts.Annuity)),
            (parts.ExcludedAllowances, "不计入的津贴补贴", nameof(DuesBaseParts.ExcludedAllowances)),
        };
        foreach (var (value, label, field) in named)
        {
            if (value < 0) return Error.Validation("dues.negative_part", $"{label}不能为负数", field);
        }

        var result = parts.GrossRegularPay - parts.IncomeTax - parts.SocialInsuranceIndividual - parts.SocialInsuranceEmployer - parts.Annuity - parts.ExcludedAllowances;
        if (result < 0) return Error.Validation("dues.deductions_exceed_pay", "扣除项合计超过应发工资，请核对", nameof(DuesBaseParts.GrossRegularPay));
        return RoundToFen(result);
    }

    /// <summary>
    /// 《党费规定》 第三条 (在职): 税后月工资收入 3000 元以下（含）0.5%；3000–5000 元（含）1%；5000–10000 元（含）1.5%；10000 元以上 2%.
    /// The rate applies to the whole base (not marginally): 3000 → 15.00 but 3000.01 → 30.00.
    /// </summary>
    public static decimal SalariedRate(decimal monthlyBase) => monthlyBase switch
    {
        <= 3000m => 0.005m,
        <= 5000m => 0.01m,
        <= 10000m => 0.015m,
        _ => 0.02m,
    };

    /// <summary>《党费规定》 第三条 (离退休): 以基本退休费为基数，5000 元以下（含）0.5%；5000 元以上 1%，on the whole pension.</summary>
    public static decimal RetiredRate(decimal pension) => pension <= 5000m ? 0.005m : 0.01m;

    /// <summary>
    /// The monthly dues of one member. <paramref name="monthlyBase"/> is required for types that use a base
    /// (个体: the previous quarter's average monthly net income, 《党费规定》 第四条; 年薪制: the month's actual pay, 《党费通知》);
    /// <paramref name="fixedAmount"/> is the chosen amount for a 农民党员 (0.2–1.0 元).
    /// </summary>
    public static Result<DuesAmount> Monthly(DuesMemberType type, decimal? monthlyBase, decimal? fixedAmount = null)
    {
        switch (type)
        {
            case DuesMemberType.Student or DuesMemberType.Unemployed or DuesMemberType.Relief:
                return new DuesAmount(MinimalFixedAmount, null, null);
            case DuesMemberType.Farmer:
                if (fixedAmount is not { } chosen)
                    return Error.Validation("dues.farmer_amount_required", "农民党员请选择每月交纳金额（0.2 元至 1 元）", "FixedAmount");
                if (chosen < FarmerMinimum || chosen > FarmerMaximum || RoundToFen(chosen) != chosen)
                    return Error.Validation("dues.farmer_amount_range", "农民党员每月交纳 0.2 元至 1 元，精确到分", "FixedAmount");
                return new DuesAmount(chosen, null, null);
        }

        if (monthlyBase is not { } baseAmount)
            return Error.Validation("dues.base_required", "请填写党费基数", "Base");
        if (baseAmount < 0)
            return Error.Validation("dues.base_negative", "党费基数不能为负数", "Base");
        if (RoundToFen(baseAmount) != baseAmount)
            return Error.Validation("dues.base_precision", "党费基数精确到分（最多两位小数）", "Base");

        var rate = type == DuesMemberType.Retired ? RetiredRate(baseAmount) : SalariedRate(baseAmount);
        var monthly = RoundToFen(baseAmount * rate);
        var warning = monthly > UsualMonthlyMaximum
            ? $"每月党费 {monthly:0.00} 元，超过一般上限 1000 元，请核对基数"
            : null;
        return new DuesAmount(monthly, rate, warning);
    }

    /// <summary>
    /// Parses a base typed or imported as text: digits with up to two decimals, optional thousands separators. Anything else
    /// (letters, negative numbers, more than two decimals) is refused with a Chinese message.
    /// </summary>
    public static Result<decimal> ParseAmount(string? text, string field = "Base", string label = "党费基数")
    {
        var trimmed = text?.Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(trimmed)) return Error.Validation("dues.amount_required", $"请填写{label}", field);
        if (!decimal.TryParse(trimmed, System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var value))
            return Error.Validation("dues.amount_not_number", $"{label}“{text}”不是有效的金额", field);
        if (value < 0) return Error.Validation("dues.amount_negative", $"{label}不能为负数", field);
        if (RoundToFen(value) != value) return Error.Validation("dues.amount_precision", $"{label}精确到分（最多两位小数）", field);
        return value;
    }

    /// <summary>《党费规定》: 一次性交纳 1000 元以上（含）的自愿党费 is 大额党费.</summary>
    public static bool IsLargeVoluntary(decimal oneOffVoluntary) => oneOffVoluntary >= LargeVoluntaryThreshold;
}
