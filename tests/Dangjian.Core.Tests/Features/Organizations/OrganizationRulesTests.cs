using System.Text.RegularExpressions;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Organizations;

namespace Dangjian.Core.Tests.Features.Organizations;

public sealed partial class OrganizationRulesTests
{
    private static readonly DateOnly Today = new(2026, 7, 1);

    private static readonly OrganizationInput Valid = new()
    {
        Code = "JG-001",
        Name = "市直机关工委第一党支部",
        ShortName = "一支部",
        Kind = OrganizationKind.Branch,
        HostUnitName = "市发展和改革委员会",
        HostUnitCategory = UnitCategory.GovernmentOrgan,
        FoundedOn = new DateOnly(1998, 7, 1),
        SortOrder = 10,
    };

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    private static Result<OrganizationFields> Validate(OrganizationInput input) => OrganizationRules.Validate(input, Today);

    private static Error SingleError(OrganizationInput input)
    {
        var result = Validate(input);
        result.IsSuccess.ShouldBeFalse();
        result.Errors.Count.ShouldBe(1, string.Join("; ", result.Errors.Select(e => e.Code)));
        return result.Errors[0];
    }

    private static void ShouldBeChineseValidation(Error error, string code, string field)
    {
        error.Kind.ShouldBe(ErrorKind.Validation);
        error.Code.ShouldBe(code);
        error.Field.ShouldBe(field);
        Chinese().IsMatch(error.Message).ShouldBeTrue($"message is not Chinese: {error.Message}");
    }

    // ---- a valid input -----------------------------------------------------------------------

    [Fact]
    public void Validate_ValidInput_ReturnsAllFields()
    {
        var result = Validate(Valid);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBe(new OrganizationFields(
            "JG-001", "市直机关工委第一党支部", "一支部", OrganizationKind.Branch, "市发展和改革委员会",
            UnitCategory.GovernmentOrgan, new DateOnly(1998, 7, 1), 10));
    }

    [Fact]
    public void Validate_OnlyRequiredFields_Succeeds()
    {
        var result = Validate(new OrganizationInput { Code = "A", Name = "党委", Kind = OrganizationKind.Committee });

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShortName.ShouldBeNull();
        result.Value.HostUnitName.ShouldBeNull();
        result.Value.HostUnitCategory.ShouldBeNull();
        result.Value.FoundedOn.ShouldBeNull();
        result.Value.SortOrder.ShouldBe(0);
    }

    // ---- trimming ----------------------------------------------------------------------------

    [Fact]
    public void Validate_SurroundingWhitespace_IsTrimmed()
    {
        var result = Validate(Valid with { Code = "  JG-001\t", Name = "\u3000 第一党支部 ", ShortName = " 一支部 ", HostUnitName = "  发改委 " });

        result.IsSuccess.ShouldBeTrue();
        result.Value.Code.ShouldBe("JG-001");
        result.Value.Name.ShouldBe("第一党支部");
        result.Value.ShortName.ShouldBe("一支部");
        result.Value.HostUnitName.ShouldBe("发改委");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_BlankOptionalTexts_BecomeNull(string? blank)
    {
        var result = Validate(Valid with { ShortName = blank, HostUnitName = blank });

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShortName.ShouldBeNull();
        result.Value.HostUnitName.ShouldBeNull();
    }

    [Fact]
    public void Validate_LengthIsCheckedAfterTrimming_PaddedMaximumIsAccepted()
    {
        var result = Validate(Valid with { Code = "  " + new string('A', 32) + "  ", Name = " " + new string('党', 100) + " ", ShortName = " " + new string('支', 30) + " " });

        result.IsSuccess.ShouldBeTrue();
        result.Value.Code.Length.ShouldBe(32);
        result.Value.Name.Length.ShouldBe(100);
        result.Value.ShortName!.Length.ShouldBe(30);
    }

    // ---- code --------------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_CodeMissing_ReportsCodeRequired(string? code) =>
        ShouldBeChineseValidation(SingleError(Valid with { Code = code }), "organization.code_required", "Code");

    [Fact]
    public void Validate_Code32Chars_Succeeds() =>
        Validate(Valid with { Code = new string('a', 32) }).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Validate_Code33Chars_ReportsCodeTooLong()
    {
        var error = SingleError(Valid with { Code = new string('a', 33) });
        ShouldBeChineseValidation(error, "organization.code_too_long", "Code");
        error.Message.ShouldContain("32");
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Z9")]
    [InlineData("11010000-01")]
    [InlineData("org_1.a-b")]
    [InlineData("...")]
    public void Validate_CodeOfAllowedCharacters_Succeeds(string code) =>
        Validate(Valid with { Code = code }).IsSuccess.ShouldBeTrue();

    [Theory]
    [InlineData("A B")]
    [InlineData("党支部01")]
    [InlineData("A/B")]
    [InlineData("A+B")]
    [InlineData("A,B")]
    [InlineData("ＡＢＣ")] // full-width letters
    [InlineData("１２３")] // full-width digits
    [InlineData("A\nB")]
    [InlineData("é")]
    public void Validate_CodeWithInvalidCharacters_ReportsCodeInvalid(string code) =>
        ShouldBeChineseValidation(SingleError(Valid with { Code = code }), "organization.code_invalid", "Code");

    [Fact]
    public void Validate_CodeTooLongAndInvalid_ReportsOnlyTooLong() =>
        SingleError(Valid with { Code = new string('党', 33) }).Code.ShouldBe("organization.code_too_long");

    // ---- name --------------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Validate_NameMissing_ReportsNameRequired(string? name) =>
        ShouldBeChineseValidation(SingleError(Valid with { Name = name }), "organization.name_required", "Name");

    [Fact]
    public void Validate_Name100ChineseChars_Succeeds() =>
        Validate(Valid with { Name = new string('党', 100) }).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Validate_Name101ChineseChars_ReportsNameTooLong()
    {
        var error = SingleError(Valid with { Name = new string('党', 101) });
        ShouldBeChineseValidation(error, "organization.name_too_long", "Name");
        error.Message.ShouldContain("100");
    }

    // ---- short name and host unit ------------------------------------------------------------

    [Fact]
    public void Validate_ShortName30Chars_Succeeds() =>
        Validate(Valid with { ShortName = new string('支', 30) }).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Validate_ShortName31Chars_ReportsShortNameTooLong()
    {
        var error = SingleError(Valid with { ShortName = new string('支', 31) });
        ShouldBeChineseValidation(error, "organization.short_name_too_long", "ShortName");
        error.Message.ShouldContain("30");
    }

    [Fact]
    public void Validate_HostUnit100Chars_Succeeds() =>
        Validate(Valid with { HostUnitName = new string('单', 100) }).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Validate_HostUnit101Chars_ReportsHostUnitTooLong() =>
        ShouldBeChineseValidation(SingleError(Valid with { HostUnitName = new string('单', 101) }), "organization.host_unit_too_long", "HostUnitName");

    // ---- kind --------------------------------------------------------------------------------

    [Fact]
    public void Validate_KindMissing_ReportsKindRequired() =>
        ShouldBeChineseValidation(SingleError(Valid with { Kind = null }), "organization.kind_required", "Kind");

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Validate_AnyKind_IsCarriedThrough(OrganizationKind kind) =>
        Validate(Valid with { Kind = kind }).Value.Kind.ShouldBe(kind);

    public static TheoryData<OrganizationKind> AllKinds() => new(Enum.GetValues<OrganizationKind>());

    // ---- founded on --------------------------------------------------------------------------

    [Fact]
    public void Validate_FoundedToday_Succeeds() =>
        Validate(Valid with { FoundedOn = Today }).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Validate_FoundedTomorrow_ReportsFoundedInFuture() =>
        ShouldBeChineseValidation(SingleError(Valid with { FoundedOn = Today.AddDays(1) }), "organization.founded_in_future", "FoundedOn");

    [Fact]
    public void Validate_FoundedLongAgo_Succeeds() =>
        Validate(Valid with { FoundedOn = new DateOnly(1921, 7, 1) }).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Validate_FoundedUnknown_Succeeds() =>
        Validate(Valid with { FoundedOn = null }).Value.FoundedOn.ShouldBeNull();

    // ---- sort order --------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(99999)]
    public void Validate_SortOrderInRange_Succeeds(int sortOrder) =>
        Validate(Valid with { SortOrder = sortOrder }).Value.SortOrder.ShouldBe(sortOrder);

    [Theory]
    [InlineData(-1)]
    [InlineData(100000)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Validate_SortOrderOutOfRange_ReportsSortOrderOutOfRange(int sortOrder) =>
        ShouldBeChineseValidation(SingleError(Valid with { SortOrder = sortOrder }), "organization.sort_order", "SortOrder");

    [Fact]
    public void Validate_SortOrderMissing_DefaultsToZero() =>
        Validate(Valid with { SortOrder = null }).Value.SortOrder.ShouldBe(0);

    // ---- several errors ----------------------------------------------------------------------

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryErrorAtOnce()
    {
        var result = Validate(new OrganizationInput
        {
            Code = "A B",
            Name = "",
            ShortName = new string('支', 31),
            HostUnitName = new string('单', 101),
            Kind = null,
            FoundedOn = Today.AddDays(1),
            SortOrder = -1,
        });

        result.IsSuccess.ShouldBeFalse();
        result.Errors.Select(e => e.Field).ShouldBe(["Code", "Name", "ShortName", "HostUnitName", "Kind", "FoundedOn", "SortOrder"], ignoreOrder: true);
        result.Errors.ShouldAllBe(e => e.Kind == ErrorKind.Validation);
        foreach (var error in result.Errors)
        {
            Chinese().IsMatch(error.Message).ShouldBeTrue(error.Message);
        }
    }

    [Fact]
    public void Validate_EmptyInput_ReportsRequiredFieldsOnly()
    {
        var result = Validate(new OrganizationInput());

        result.Errors.Select(e => e.Code).ShouldBe(
            ["organization.code_required", "organization.name_required", "organization.kind_required"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_Failure_ValueThrows() =>
        Should.Throw<InvalidOperationException>(() => Validate(new OrganizationInput()).Value);
}
