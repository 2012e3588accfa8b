using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Transfers;

namespace Dangjian.Core.Tests.Features.Transfers;

public sealed class TransferRulesTests
{
    private static readonly DateOnly Today = new(2026, 7, 1);

    private static TransferLetterInput Letter(int? days, string? dues = null) => new() { IssuedOn = Today, ValidDays = days, DuesPaidUpTo = dues, LetterNumber = "2026-001" };

    [Fact]
    public void Validate_NinetyDays_Allowed() => TransferRules.Validate(Letter(90), Today).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Validate_NinetyOneDays_Refused()
    {
        var result = TransferRules.Validate(Letter(91), Today);
        result.IsSuccess.ShouldBeFalse();
        result.FirstError.Field.ShouldBe("ValidDays");
    }

    [Fact]
    public void Validate_ZeroDays_Refused() => TransferRules.Validate(Letter(0), Today).IsSuccess.ShouldBeFalse();

    [Fact]
    public void Validate_NoValidity_DefaultsToThirtyDays() => TransferRules.Validate(Letter(null), Today).Value.ValidDays.ShouldBe(30);

    [Fact]
    public void Validate_IssuedTomorrow_Refused() =>
        TransferRules.Validate(new TransferLetterInput { IssuedOn = Today.AddDays(1) }, Today).FirstError.Field.ShouldBe("IssuedOn");

    [Theory]
    [InlineData("2026-05", 2026, 5)]
    [InlineData("2026-05-17", 2026, 5)]
    public void Validate_DuesMonth_StoredAsFirstOfMonth(string text, int year, int month) =>
        TransferRules.Validate(Letter(30, text), Today).Value.DuesPaidUpTo.ShouldBe(new DateOnly(year, month, 1));

    [Fact]
    public void Validate_DuesMonthGarbage_Refused() => TransferRules.Validate(Letter(30, "五月"), Today).FirstError.Field.ShouldBe("DuesPaidUpTo");

    [Fact]
    public void ReceiptOverdue_OnLastValidDay_NotOverdue() =>
        // Issued 2026-06-02 for 30 days: valid through 2026-07-01.
        TransferRules.ReceiptOverdue(new DateOnly(2026, 6, 2), 30, null, Today).ShouldBeFalse();

    [Fact]
    public void ReceiptOverdue_DayAfterLastValidDay_Overdue() =>
        TransferRules.ReceiptOverdue(new DateOnly(2026, 6, 1), 30, null, Today).ShouldBeTrue();

    [Fact]
    public void ReceiptOverdue_ReceiptBack_NotOverdue() =>
        TransferRules.ReceiptOverdue(new DateOnly(2026, 1, 1), 30, new DateOnly(2026, 1, 20), Today).ShouldBeFalse();

    [Fact]
    public void LostContact_ExactlySixMonths_DueForSuspensionReview() =>
        MemberStatusReviewRules.DueForSuspensionReview(new DateOnly(2026, 1, 1), Today).ShouldBeTrue();

    [Fact]
    public void LostContact_OneDayLessThanSixMonths_NotDue() =>
        MemberStatusReviewRules.DueForSuspensionReview(new DateOnly(2026, 1, 2), Today).ShouldBeFalse();

    [Fact]
    public void Suspended_ExactlyTwoYears_DueForRemovalReview() =>
        MemberStatusReviewRules.DueForRemovalReview(new DateOnly(2024, 7, 1), Today).ShouldBeTrue();

    [Fact]
    public void Suspended_OneDayLessThanTwoYears_NotDue() =>
        MemberStatusReviewRules.DueForRemovalReview(new DateOnly(2024, 7, 2), Today).ShouldBeFalse();
}
