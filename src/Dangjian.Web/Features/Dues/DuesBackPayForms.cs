namespace Dangjian.Web.Features.Dues;

/// <summary>One member of the preview, with whether the back-payment is to be recorded for them.</summary>
public sealed class BackPayMemberRow
{
    public string? MemberId { get; set; }
    public string? Selected { get; set; }

    /// <summary>"1" when the member owed something in the preview the form was rendered from (their checkbox was enabled).</summary>
    public string? WasOwing { get; set; }
}

public sealed class BackPayCorrectionRow
{
    public string? MemberId { get; set; }
    public string? Year { get; set; }
    public string? Base { get; set; }
}

/// <summary>
/// The back-payment form: the members to record, corrected bases from the self-check, the payment details, and the total the
/// user saw (<see cref="ExpectedTotal"/>). <see cref="Action"/> is the button pressed: "preview" recomputes, "record" records.
/// </summary>
public sealed class BackPayForm
{
    public const int BlankCorrectionRows = 5;

    public List<BackPayMemberRow> Rows { get; set; } = [];
    public List<BackPayCorrectionRow> Corrections { get; set; } = [];
    public string? PaidOn { get; set; }
    public string? Method { get; set; }
    public string? CollectorName { get; set; }
    public string? ReceiptNumber { get; set; }
    public string? Note { get; set; }
    public string? ExpectedTotal { get; set; }
    public string? Action { get; set; }
}

public sealed class RemittanceForm
{
    public string? OrganizationId { get; set; }
    public string? PeriodKind { get; set; }
    public string? Month { get; set; }
    public string? Amount { get; set; }
    public string? LargeVoluntaryAmount { get; set; }
    public string? RemittedOn { get; set; }
    public string? Note { get; set; }
}
