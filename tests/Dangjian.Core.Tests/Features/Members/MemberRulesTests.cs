using Dangjian.Core.Common;
using Dangjian.Core.Features.Members;

namespace Dangjian.Core.Tests.Features.Members;

public sealed class MemberRulesTests
{
    private static readonly DateOnly Today = new(2026, 7, 1);

    // 11010519491231002X: a valid GB 11643 number whose check character is X; born 1949-12-31, sequence 002 → female.
    private static readonly MemberInput Valid = new()
    {
        Name = "张三",
        Gender = Gender.Female,
        BirthDate = new DateOnly(1949, 12, 31),
        IdNumber = "11010519491231002X",
        EmploymentStatus = EmploymentStatus.Retired,
        ApplicationDate = new DateOnly(1970, 3, 1),
        AdmittedOn = new DateOnly(1971, 7, 1),
        ConfirmedOn = new DateOnly(1972, 7, 1),
        Category = MemberCategory.Full,
        Phone = "13812341234",
    };

    private static Result<MemberFields> Validate(MemberInput input) => MemberRules.Validate(input, Today);

    private static IReadOnlyList<string> Codes(MemberInput input) => Validate(input).Errors.Select(e => e.Code).ToList();

    [Fact]
    public void Validate_CompleteInput_Succeeds()
    {
        var result = Validate(Valid);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? "" : result.FirstError.Message);
        result.Value.IdNumber.ShouldBe("11010519491231002X");
    }

    [Fact]
    public void Validate_LowercaseXCheckDigit_IsNormalizedAndAccepted()
    {
        var result = Validate(Valid with { IdNumber = "11010519491231002x" });
        result.IsSuccess.ShouldBeTrue();
        result.Value.IdNumber.ShouldBe("11010519491231002X");
    }

    [Theory]
    [InlineData("110105194912310020")]
    [InlineData("110105194912310021")]
    [InlineData("110105194912310029")]
    public void Validate_WrongCheckDigitWhereXIsDue_IsRefused(string id)
    {
        var error = Validate(Valid with { IdNumber = id }).Errors.Single(e => e.Field == "IdNumber");
        error.Code.ShouldBe("member.id_checksum");
        error.Message.ShouldBe("身份证号校验位不正确，请核对");
    }

    [Fact]
    public void IdNumber_CheckCharacter_IsXForTen()
    {
        IdNumber.CheckCharacter("11010519491231002").ShouldBe('X');
        IdNumber.Parse("11010519491231002X").IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData("", "member.id_required")]
    [InlineData("1101051949123100", "member.id_length")]
    [InlineData("11010519491231A02X", "member.id_digits")]
    [InlineData("11010519491231002Y", "member.id_last")]
    public void Validate_MalformedId_GivesChineseError(string id, string code)
    {
        Codes(Valid with { IdNumber = id }).ShouldContain(code);
    }

    [Fact]
    public void Validate_InvalidBirthDateInsideId_IsRefused()
    {
        var first17 = "11010519490231002";
        var id = first17 + IdNumber.CheckCharacter(first17);
        Codes(Valid with { IdNumber = id }).ShouldContain("member.id_birth");
    }

    [Fact]
    public void Validate_BirthDateDiffersFromId_IsRefusedNamingTheIdDate()
    {
        var error = Validate(Valid with { BirthDate = new DateOnly(1949, 12, 30) }).Errors.Single();
        error.Code.ShouldBe("member.birth_mismatch");
        error.Message.ShouldBe("出生日期与身份证号不符（身份证号显示为 1949-12-31）");
    }

    [Fact]
    public void Validate_GenderDiffersFromId_IsRefused()
    {
        var error = Validate(Valid with { Gender = Gender.Male }).Errors.Single();
        error.Code.ShouldBe("member.gender_mismatch");
        error.Message.ShouldBe("性别与身份证号不符（身份证号显示为女）");
    }

    [Fact]
    public void Validate_ExactlyEighteenOnApplicationDay_IsAllowed()
    {
        Validate(Valid with { ApplicationDate = new DateOnly(1967, 12, 31) }).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Validate_OneDayShortOfEighteenOnApplicationDay_IsRefused()
    {
        var error = Validate(Valid with { ApplicationDate = new DateOnly(1967, 12, 30) }).Errors.Single();
        error.Code.ShouldBe("member.underage");
        error.Message.ShouldBe("申请入党时未满 18 周岁（1967-12-31 起满 18 周岁）");
    }

    [Fact]
    public void Validate_BornOnLeapDay_TurnsEighteenOnFebruary28()
    {
        var first17 = "11010520000229002";
        var id = first17 + IdNumber.CheckCharacter(first17);
        var leap = Valid with
        {
            IdNumber = id, BirthDate = new DateOnly(2000, 2, 29), ApplicationDate = new DateOnly(2018, 2, 28),
            AdmittedOn = new DateOnly(2019, 7, 1), ConfirmedOn = new DateOnly(2020, 7, 1),
        };
        Validate(leap).IsSuccess.ShouldBeTrue();
        Codes(leap with { ApplicationDate = new DateOnly(2018, 2, 27) }).ShouldBe(["member.underage"]);
    }

    [Fact]
    public void Validate_AdmittedOnApplicationDay_IsRefused()
    {
        Codes(Valid with { AdmittedOn = Valid.ApplicationDate }).ShouldBe(["member.admitted_order"]);
    }

    [Fact]
    public void Validate_AdmittedDayAfterApplication_IsAllowed()
    {
        Validate(Valid with { AdmittedOn = Valid.ApplicationDate!.Value.AddDays(1), ConfirmedOn = Valid.ApplicationDate.Value.AddDays(2) }).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Validate_ConfirmedOnAdmissionDay_IsRefused()
    {
        Codes(Valid with { ConfirmedOn = Valid.AdmittedOn }).ShouldBe(["member.confirmed_order"]);
    }

    [Fact]
    public void Validate_ApplicationOnBirthDay_IsRefused()
    {
        Codes(Valid with { ApplicationDate = Valid.BirthDate }).ShouldBe(["member.application_order"]);
    }

    [Fact]
    public void Validate_DatesInFuture_AreRefused()
    {
        Codes(Valid with { ConfirmedOn = Today.AddDays(1) }).ShouldBe(["member.confirmed_future"]);
        Validate(Valid with { ConfirmedOn = Today }).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Validate_ProbationaryWithConfirmationDate_IsRefused()
    {
        Codes(Valid with { Category = MemberCategory.Probationary }).ShouldBe(["member.probationary_confirmed"]);
    }

    [Fact]
    public void Validate_EmptyInput_ReportsEveryMissingFieldInChinese()
    {
        var errors = Validate(new MemberInput()).Errors;
        errors.Select(e => e.Field).ShouldBe(["Name", "IdNumber", "Gender", "BirthDate", "AdmittedOn", "Category", "EmploymentStatus"], ignoreOrder: true);
        errors.ShouldAllBe(e => e.Message.Any(c => c >= 0x4E00 && c <= 0x9FFF));
    }

    [Theory]
    [InlineData("138-1234 5678", true)]
    [InlineData("+8613812345678", true)]
    [InlineData("138abc", false)]
    [InlineData("123456789012345678901", false)]
    public void Validate_Phone_AllowsDigitsSpacesPlusAndDash(string phone, bool ok)
    {
        Validate(Valid with { Phone = phone }).IsSuccess.ShouldBe(ok);
    }

    [Theory]
    [InlineData("11010519491231002X", "1101**********002X")]
    [InlineData("1234567", "*******")]
    [InlineData("", "")]
    public void Mask_IdNumber_KeepsFirstAndLastFour(string id, string masked)
    {
        IdNumber.Mask(id).ShouldBe(masked);
    }

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("1234567", "*******")]
    [InlineData("010-12345678", "010*****5678")]
    public void MaskPhone_KeepsFirstThreeAndLastFour(string phone, string masked)
    {
        IdNumber.MaskPhone(phone).ShouldBe(masked);
    }

    [Fact]
    public void RecordRules_EndBeforeStart_IsRefused_SameDayAllowed()
    {
        var input = new MemberRecordInput { Kind = MemberRecordKind.AbroadTrip, Title = "日本", FromDate = new DateOnly(2024, 5, 1), ToDate = new DateOnly(2024, 4, 30) };
        MemberRecordRules.Validate(input).Errors.Single().Message.ShouldBe("结束日期不能早于开始日期");
        MemberRecordRules.Validate(input with { ToDate = new DateOnly(2024, 5, 1) }).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void RecordRules_MissingKindAndTitle_GivesChineseErrors()
    {
        MemberRecordRules.Validate(new MemberRecordInput()).Errors.Select(e => e.Message).ShouldBe(["请选择记录类别", "请填写名称"]);
        MemberRecordRules.Validate(new MemberRecordInput { Kind = MemberRecordKind.FamilyMember }).Errors.Single().Message.ShouldBe("请填写姓名");
    }
}
