using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;

namespace Dangjian.Core.Tests.Features.Development;

public sealed class CandidateRulesTests
{
    private static readonly DateOnly Today = new(2026, 7, 1);

    internal static string Id(DateOnly birth, Gender gender = Gender.Male, int sequence = 12)
    {
        var first17 = $"110101{birth:yyyyMMdd}{sequence * 2 + (gender == Gender.Male ? 1 : 0):000}";
        return first17 + IdNumber.CheckCharacter(first17);
    }

    internal static CandidateInput Input(DateOnly birth, DateOnly applied, Gender gender = Gender.Male, int sequence = 12) => new()
    {
        Name = "张申请", Gender = gender, BirthDate = birth, IdNumber = Id(birth, gender, sequence), EmploymentStatus = EmploymentStatus.Employed,
        Employer = "某某公司", IsLeagueMember = true, RecommendedByLeague = true, ApplicationDate = applied,
    };

    [Fact]
    public void Validate_On18thBirthday_Allowed_DayBefore_Refused()
    {
        var birth = new DateOnly(2006, 5, 20);
        CandidateRules.Validate(Input(birth, new DateOnly(2024, 5, 20)), Today).IsSuccess.ShouldBeTrue();
        var refused = CandidateRules.Validate(Input(birth, new DateOnly(2024, 5, 19)), Today);
        refused.IsSuccess.ShouldBeFalse();
        refused.FirstError.Code.ShouldBe("member.underage");
        refused.FirstError.Message.ShouldContain("2024-05-20");
    }

    [Fact]
    public void Validate_Born29February_Turns18On28FebruaryOfACommonYear()
    {
        var birth = new DateOnly(2004, 2, 29);
        CandidateRules.Validate(Input(birth, new DateOnly(2022, 2, 28)), Today).IsSuccess.ShouldBeTrue();
        CandidateRules.Validate(Input(birth, new DateOnly(2022, 2, 27)), Today).FirstError.Code.ShouldBe("member.underage");
        // In a leap year the birthday exists.
        var leap = new DateOnly(2006, 2, 28);
        CandidateRules.Validate(Input(leap, new DateOnly(2024, 2, 28)), Today).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Validate_UsesTheMembersIdentityRules()
    {
        var birth = new DateOnly(2000, 1, 1);
        var badChecksum = Input(birth, new DateOnly(2024, 1, 1)) with { IdNumber = Id(birth)[..17] + (Id(birth)[17] == '1' ? "2" : "1") };
        CandidateRules.Validate(badChecksum, Today).Errors.ShouldContain(e => e.Code == "member.id_checksum");
        var wrongBirth = Input(birth, new DateOnly(2024, 1, 1)) with { BirthDate = new DateOnly(2000, 1, 2) };
        CandidateRules.Validate(wrongBirth, Today).Errors.ShouldContain(e => e.Code == "member.birth_mismatch");
        var wrongSex = Input(birth, new DateOnly(2024, 1, 1)) with { Gender = Gender.Female };
        CandidateRules.Validate(wrongSex, Today).Errors.ShouldContain(e => e.Code == "member.gender_mismatch");
    }

    [Fact]
    public void Validate_RequiredFieldsAndLeagueRecommendation_InChinese()
    {
        var errors = CandidateRules.Validate(new CandidateInput { RecommendedByLeague = true }, Today).Errors;
        errors.ShouldContain(e => e.Code == "member.name_required");
        errors.ShouldContain(e => e.Code == "development.application_required" && e.Message.Contains("入党申请书"));
        errors.ShouldContain(e => e.Code == "development.employment_required");
        errors.ShouldContain(e => e.Code == "development.league" && e.Message.Contains("团员"));
        CandidateRules.Validate(Input(new DateOnly(2000, 1, 1), Today.AddDays(1)), Today).FirstError.Code.ShouldBe("development.application_future");
    }
}
