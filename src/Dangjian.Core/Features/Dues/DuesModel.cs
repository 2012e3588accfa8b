using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Dues;

public enum PaymentMethod
{
    Cash,
    Transfer,
    Online,
}

/// <summary>What a payment is for.</summary>
public enum DuesPaymentKind
{
    /// <summary>Monthly dues (one or several months, e.g. a quarter with the branch's consent).</summary>
    Regular,

    /// <summary>自愿多交: a voluntary payment below 1000 元 (an overpayment of regular dues also ends up here).</summary>
    Voluntary,

    /// <summary>大额党费: a one-off voluntary payment of 1000 元 or more; all of it goes up to the centre.</summary>
    LargeVoluntary,

    /// <summary>补缴: dues underpaid in past months, with the period they cover.</summary>
    BackPayment,
}

public enum DuesCaseStatus
{
    Open,
    Closed,
}

public static class DuesLabels
{
    public static string Label(this PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "现金",
        PaymentMethod.Transfer => "转账",
        _ => "线上",
    };

    public static string Label(this DuesPaymentKind kind) => kind switch
    {
        DuesPaymentKind.Regular => "按月交纳",
        DuesPaymentKind.Voluntary => "自愿多交",
        DuesPaymentKind.LargeVoluntary => "大额党费",
        _ => "补缴",
    };

    public static string Label(this DuesCaseStatus status) => status == DuesCaseStatus.Open ? "待处理" : "已处理";
}

/// <summary>First day of the month a date falls in: every dues month is stored this way.</summary>
public static class DuesMonth
{
    public static DateOnly Of(DateOnly date) => new(date.Year, date.Month, 1);

    public static DateOnly Of(int year, int month) => new(year, month, 1);

    public static string Label(DateOnly month) => $"{month.Year}年{month.Month}月";
}

/// <summary>
/// A member's dues for one year (《党费通知》: the base is set once a year, from January). The computed amount comes from
/// <see cref="DuesCalculator"/>; an override needs a reason and is audited like every change.
/// </summary>
public sealed class DuesProfile : IOrganizationOwned
{
    public const int ReasonMaxLength = 500;

    private DuesProfile()
    {
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }

    /// <summary>The branch that set the profile (scope and audit).</summary>
    public long OrganizationId { get; private set; }

    public int Year { get; private set; }
    public DuesMemberType MemberType { get; private set; }

    public decimal? GrossRegularPay { get; private set; }
    public decimal? IncomeTax { get; private set; }
    public decimal? SocialInsuranceIndividual { get; private set; }
    public decimal? SocialInsuranceEmployer { get; private set; }
    public decimal? Annuity { get; private set; }
    public decimal? ExcludedAllowances { get; private set; }

    /// <summary>The base the rate applies to (entered directly, or built from the parts above).</summary>
    public decimal? Base { get; private set; }

    /// <summary>农民党员's chosen amount.</summary>
    public decimal? FixedAmount { get; private set; }

    public decimal? Rate { get; private set; }
    public decimal ComputedMonthly { get; private set; }
    public decimal? OverrideMonthly { get; private set; }
    public string? OverrideReason { get; private set; }

    /// <summary>What the member owes each month of the year (before any approved reduction).</summary>
    public decimal Monthly => OverrideMonthly ?? ComputedMonthly;

    public static DuesProfile Create(long memberId, long organizationId, int year) =>
        new() { MemberId = memberId, OrganizationId = organizationId, Year = year };

    public void Set(DuesMemberType type, DuesBaseParts? parts, decimal? @base, decimal? fixedAmount, DuesAmount computed)
    {
        MemberType = type;
        GrossRegularPay = parts?.GrossRegularPay;
        IncomeTax = parts?.IncomeTax;
        SocialInsuranceIndividual = parts?.SocialInsuranceIndividual;
        SocialInsuranceEmployer = parts?.SocialInsuranceEmployer;
        Annuity = parts?.Annuity;
        ExcludedAllowances = parts?.ExcludedAllowances;
        Base = @base;
        FixedAmount = fixedAmount;
        Rate = computed.Rate;
        ComputedMonthly = computed.Monthly;
    }

    public void Override(decimal? monthly, string? reason)
    {
        OverrideMonthly = monthly;
        OverrideReason = monthly is null ? null : reason;
    }
}

/// <summary>
/// An approved reduction or exemption (《党费规定》: 生活困难的党员 may pay less or nothing — a serving member with the branch's
/// decision and the higher committee's approval, a retiree with the branch's approval only). 0 元 is an exemption.
/// </summary>
public sealed class DuesReduction : IOrganizationOwned
{
    public const int TextMaxLength = 500;

    private DuesReduction()
    {
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }
    public long OrganizationId { get; private set; }
    public DateOnly FromMonth { get; private set; }
    public DateOnly ToMonth { get; private set; }
    public decimal ReducedMonthly { get; private set; }
    public string Reason { get; private set; } = "";
    public DateOnly BranchDecisionOn { get; private set; }
    public string? BranchDecisionNote { get; private set; }
    public DateOnly? HigherApprovalOn { get; private set; }
    public string? HigherApprovalNote { get; private set; }

    public static DuesReduction Create(long memberId, long organizationId, DateOnly fromMonth, DateOnly toMonth, decimal reducedMonthly, string reason,
        DateOnly branchDecisionOn, string? branchDecisionNote, DateOnly? higherApprovalOn, string? higherApprovalNote) =>
        new()
        {
            MemberId = memberId, OrganizationId = organizationId, FromMonth = fromMonth, ToMonth = toMonth, ReducedMonthly = reducedMonthly, Reason = reason,
            BranchDecisionOn = branchDecisionOn, BranchDecisionNote = branchDecisionNote, HigherApprovalOn = higherApprovalOn, HigherApprovalNote = higherApprovalNote,
        };
}

/// <summary>
/// What one member owes for one month, at the branch that held their relationship that month. Generated per branch and month
/// from the profiles (set-based); <see cref="Paid"/> is the sum of the allocations of payments to this line.
/// </summary>
public sealed class DuesLedgerLine : IOrganizationOwned
{
    public const int ReasonMaxLength = 500;

    private DuesLedgerLine()
    {
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }
    public long OrganizationId { get; private set; }
    public DateOnly Month { get; private set; }
    public decimal Due { get; private set; }
    public decimal Paid { get; private set; }

    /// <summary>A recorded reason for not paying (e.g. 因病住院经支部同意缓交); months with a reason do not count toward 自行脱党.</summary>
    public string? ExcusedReason { get; private set; }

    public decimal Outstanding => Due - Paid;

    public static DuesLedgerLine Create(long memberId, long organizationId, DateOnly month, decimal due) =>
        new() { MemberId = memberId, OrganizationId = organizationId, Month = month, Due = due };

    public void AddPaid(decimal amount) => Paid += amount;

    public void ChangeDue(decimal due) => Due = due;

    public void Excuse(string? reason) => ExcusedReason = reason;
}

/// <summary>One payment as received: who paid (possibly on another member's behalf), how, and for what.</summary>
public sealed class DuesPayment : IOrganizationOwned
{
    public const int NameMaxLength = 50;
    public const int ReceiptMaxLength = 50;
    public const int NoteMaxLength = 500;

    private DuesPayment()
    {
    }

    public long Id { get; private set; }

    /// <summary>The member whose dues these are.</summary>
    public long MemberId { get; private set; }

    /// <summary>The branch that collected.</summary>
    public long OrganizationId { get; private set; }

    public DateOnly PaidOn { get; private set; }
    public decimal Amount { get; private set; }
    public PaymentMethod Method { get; private set; }
    public DuesPaymentKind Kind { get; private set; }
    public string? CollectorName { get; private set; }
    public string? ReceiptNumber { get; private set; }

    /// <summary>代交: another member who handed the money over on the payer's behalf.</summary>
    public long? PaidByMemberId { get; private set; }

    /// <summary>The part of a regular payment beyond what was owed: 自愿多交.</summary>
    public decimal VoluntaryExtra { get; private set; }

    /// <summary>For a back-payment (补缴): the months it covers.</summary>
    public DateOnly? PeriodFrom { get; private set; }

    public DateOnly? PeriodTo { get; private set; }
    public string? Note { get; private set; }

    public static DuesPayment Create(long memberId, long organizationId, DateOnly paidOn, decimal amount, PaymentMethod method, DuesPaymentKind kind,
        string? collectorName, string? receiptNumber, long? paidByMemberId, DateOnly? periodFrom, DateOnly? periodTo, string? note) =>
        new()
        {
            MemberId = memberId, OrganizationId = organizationId, PaidOn = paidOn, Amount = amount, Method = method, Kind = kind, CollectorName = collectorName,
            ReceiptNumber = receiptNumber, PaidByMemberId = paidByMemberId, PeriodFrom = periodFrom, PeriodTo = periodTo, Note = note,
        };

    public void SetVoluntaryExtra(decimal extra) => VoluntaryExtra = extra;
}

/// <summary>The part of a payment applied to one ledger month (oldest unpaid month first).</summary>
public sealed class DuesAllocation
{
    private DuesAllocation()
    {
    }

    public long Id { get; private set; }
    public long PaymentId { get; private set; }
    public long LedgerLineId { get; private set; }
    public decimal Amount { get; private set; }

    public static DuesAllocation Create(long paymentId, long ledgerLineId, decimal amount) => new() { PaymentId = paymentId, LedgerLineId = ledgerLineId, Amount = amount };
}

/// <summary>
/// 自行脱党 review (党章第九条): six consecutive months unpaid without a recorded reason opens a case on the 工作台; it stays open
/// until someone records the decision.
/// </summary>
public sealed class DuesReviewCase : IOrganizationOwned
{
    public const int TextMaxLength = 1000;
    public const string OneOpenPerMemberIndex = "IX_DuesReviewCases_MemberId_Open";

    private DuesReviewCase()
    {
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }
    public long OrganizationId { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public DateOnly FirstUnpaidMonth { get; private set; }
    public int ConsecutiveMonths { get; private set; }
    public DuesCaseStatus Status { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public string? Decision { get; private set; }

    public static DuesReviewCase Open(long memberId, long organizationId, DateOnly openedOn, DateOnly firstUnpaidMonth, int months) =>
        new() { MemberId = memberId, OrganizationId = organizationId, OpenedOn = openedOn, FirstUnpaidMonth = firstUnpaidMonth, ConsecutiveMonths = months };

    public void Decide(DateOnly on, string decision)
    {
        Status = DuesCaseStatus.Closed;
        DecidedOn = on;
        Decision = decision;
    }
}

/// <summary>上缴: money handed from an organization to the one above it for a period of months.</summary>
public sealed class DuesRemittance : IOrganizationOwned
{
    public const int NoteMaxLength = 500;

    private DuesRemittance()
    {
    }

    public long Id { get; private set; }

    /// <summary>The organization that remits.</summary>
    public long OrganizationId { get; private set; }

    public long ToOrganizationId { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public decimal Amount { get; private set; }

    /// <summary>The part of <see cref="Amount"/> that is 大额党费 (it all goes up).</summary>
    public decimal LargeVoluntaryAmount { get; private set; }

    public DateOnly RemittedOn { get; private set; }
    public string? Note { get; private set; }

    public static DuesRemittance Create(long organizationId, long toOrganizationId, DateOnly periodFrom, DateOnly periodTo, decimal amount, decimal largeVoluntaryAmount, DateOnly remittedOn, string? note) =>
        new()
        {
            OrganizationId = organizationId, ToOrganizationId = toOrganizationId, PeriodFrom = periodFrom, PeriodTo = periodTo, Amount = amount,
            LargeVoluntaryAmount = largeVoluntaryAmount, RemittedOn = remittedOn, Note = note,
        };
}

/// <summary>Local dues rules of an organization's subtree (nearest on the path wins): the share held back, quarterly consent.</summary>
public sealed class DuesSettings : IOrganizationOwned
{
    private DuesSettings()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }

    /// <summary>Percentage of collected regular dues the organization keeps (a local rule; 0 = remit everything).</summary>
    public decimal HeldSharePercent { get; private set; }

    /// <summary>The branch consents to members paying a quarter at a time.</summary>
    public bool AllowsQuarterly { get; private set; }

    public static DuesSettings Create(long organizationId, decimal heldSharePercent, bool allowsQuarterly) =>
        new() { OrganizationId = organizationId, HeldSharePercent = heldSharePercent, AllowsQuarterly = allowsQuarterly };

    public void Change(decimal heldSharePercent, bool allowsQuarterly)
    {
        HeldSharePercent = heldSharePercent;
        AllowsQuarterly = allowsQuarterly;
    }
}
