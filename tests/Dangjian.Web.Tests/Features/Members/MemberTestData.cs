using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Members;

namespace Dangjian.Web.Tests.Features.Members;

/// <summary>Valid GB 11643 numbers and member bodies for the member tests.</summary>
public static class MemberTestData
{
    /// <summary>A fresh valid ID number (area 110105) for someone born on a random day in 1960–1995.</summary>
    public static (string Id, DateOnly Birth, string Gender) NewPerson(bool female = false)
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 35 * 365));
        var sequence = Random.Shared.Next(0, 500) * 2 + (female ? 0 : 1);
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        return (first17 + IdNumber.CheckCharacter(first17), birth, female ? "Female" : "Male");
    }

    public static Dictionary<string, object?> Body(string name, string id, DateOnly birth, string gender, string? phone = "13812345678") => new()
    {
        ["name"] = name,
        ["gender"] = gender,
        ["ethnicity"] = "汉族",
        ["birthDate"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["idNumber"] = id,
        ["education"] = "Undergraduate",
        ["occupation"] = "ProfessionalTechnical",
        ["employmentStatus"] = "Employed",
        ["phone"] = phone,
        ["applicationDate"] = birth.AddYears(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["admittedOn"] = birth.AddYears(22).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["confirmedOn"] = birth.AddYears(23).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["category"] = "Full",
    };

    /// <summary>Creates a member through the API and returns its id and ID number.</summary>
    public static async Task<(long Id, string IdNumber, string Phone)> CreateMemberAsync(this HttpClient client, long branchId, string name, string? phone = null)
    {
        var person = NewPerson();
        phone ??= "139" + Random.Shared.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture);
        var response = await client.PostAsJsonAsync("/api/v1/members", new { organizationId = branchId, member = Body(name, person.Id, person.Birth, person.Gender, phone) });
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return (JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64(), person.Id, phone);
    }
}
