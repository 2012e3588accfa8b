using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Dues;

namespace Dangjian.Web.Features.Dues;

/// <summary>One table row of the wizard, as posted: every amount as typed.</summary>
public sealed class DuesWizardRowForm
{
    public string? MemberId { get; set; }
    public string? MemberType { get; set; }
    public string? Base { get; set; }
    public string? GrossRegularPay { get; set; }
    public string? IncomeTax { get; set; }
    public string? SocialInsuranceIndividual { get; set; }
    public string? SocialInsuranceEmployer { get; set; }
    public string? Annuity { get; set; }
    public string? ExcludedAllowances { get; set; }
    public string? FixedAmount { get; set; }

    public static DuesWizardRowForm From(long memberId, DuesProfileItem? profile) => new()
    {
        MemberId = memberId.ToString(CultureInfo.InvariantCulture),
        MemberType = profile?.MemberType.ToString(),
        Base = profile?.Parts is null ? Amount(profile?.Base) : null,
        GrossRegularPay = Amount(profile?.Parts?.GrossRegularPay),
        IncomeTax = Amount(profile?.Parts?.IncomeTax),
        SocialInsuranceIndividual = Amount(profile?.Parts?.SocialInsuranceIndividual),
        SocialInsuranceEmployer = Amount(profile?.Parts?.SocialInsuranceEmployer),
        Annuity = Amount(profile?.Parts?.Annuity),
        ExcludedAllowances = Amount(profile?.Parts?.ExcludedAllowances),
        FixedAmount = Amount(profile?.FixedAmount),
    };

    public static DuesWizardRowForm From(DuesProfileInput input) => new()
    {
        MemberId = input.MemberId.ToString(CultureInfo.InvariantCulture),
        MemberType = input.MemberType?.ToString(),
        Base = input.Base,
        GrossRegularPay = input.Parts?.GrossRegularPay,
        IncomeTax = input.Parts?.IncomeTax,
        SocialInsuranceIndividual = input.Parts?.SocialInsuranceIndividual,
        SocialInsuranceEmployer = input.Parts?.SocialInsuranceEmployer,
        Annuity = input.Parts?.Annuity,
        ExcludedAllowances = input.Parts?.ExcludedAllowances,
        FixedAmount = input.FixedAmount,
    };

    /// <summary>The row as Core input, numbered as the table shows it; null when the member id was tampered with.</summary>
    public DuesProfileInput? ToInput(int row)
    {
        if (!long.TryParse(MemberId, NumberStyles.None, CultureInfo.InvariantCulture, out var memberId)) return null;
        DuesMemberType? type = Enum.TryParse<DuesMemberType>(MemberType, out var t) && Enum.IsDefined(t) ? t : null;
        var parts = new DuesBasePartsInput(GrossRegularPay, IncomeTax, SocialInsuranceIndividual, SocialInsuranceEmployer, Annuity, ExcludedAllowances);
        return new DuesProfileInput(memberId, type, Base, parts.IsEmpty ? null : parts, FixedAmount, row);
    }

    private static string? Amount(decimal? value) => value is { } v ? DuesBasePartsInput.Text(v) : null;
}

public sealed class DuesWizardForm
{
    /// <summary>"preview" (预览) or "confirm" (确认): the submit button pressed.</summary>
    public string? Action { get; set; }

    public string? Reason { get; set; }
    public List<DuesWizardRowForm> Rows { get; set; } = [];
}

public sealed class DuesProfileChangeForm
{
    public DuesWizardRowForm Row { get; set; } = new();
    public string? Reason { get; set; }
}

public sealed class DuesOverrideForm
{
    public string? Monthly { get; set; }
    public string? Reason { get; set; }
}

public sealed class DuesReductionForm
{
    public string? MemberId { get; set; }
    public string? FromMonth { get; set; }
    public string? ToMonth { get; set; }
    public string? ReducedMonthly { get; set; }
    public string? Reason { get; set; }
    public string? BranchDecisionOn { get; set; }
    public string? BranchDecisionNote { get; set; }
    public string? HigherApprovalOn { get; set; }
    public string? HigherApprovalNote { get; set; }
}

public sealed class DuesSettingsForm
{
    public string? Action { get; set; }
    public string? HeldSharePercent { get; set; }
    public bool AllowsQuarterly { get; set; }
}

/// <summary>Display formats for money (ui.md: 1,234.50) and parsing of the plain form fields.</summary>
public static class DuesProfileFormat
{
    public static string Money(decimal? amount) => amount is { } a ? a.ToString("#,##0.00", CultureInfo.InvariantCulture) : "";

    public static string Rate(decimal? rate) => rate is { } r ? (r * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "";

    public static string Month(DateOnly month) => DuesMonth.Label(month);

    public static DateOnly? Date(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        errors.Add(Error.Validation("form.date", $"{label}格式应为 yyyy-MM-dd", field));
        return null;
    }

    /// <summary>Years offered in the pickers: a few back (back-payment checks), and next year (set in December).</summary>
    public static IEnumerable<int> Years(int current) => Enumerable.Range(current - 5, 7).Reverse();
}

public static class DuesProfilesPageLimits
{
    /// <summary>
    /// The wizard posts ten fields per member, more than the default 1,024 form values for a branch of 100;
    /// this admits the 2,000 rows the handler accepts, and no more.
    /// </summary>
    public const int FormValues = 24_000;
}
