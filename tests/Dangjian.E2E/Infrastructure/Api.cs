using System.Globalization;
using System.Text.Json;
using Dangjian.Core.Features.Members;
using Microsoft.Playwright;

namespace Dangjian.E2E.Infrastructure;

/// <summary>
/// Set-up through the REST API with the browser context's cookies, shared by the flows: what a flow does not test
/// (the organizations, the members) is created here, so only the steps under test go through the pages.
/// </summary>
public static class Api
{
    /// <summary>POSTs <paramref name="body"/> as JSON, expects 201 and returns the new record's id.</summary>
    public static async Task<long> PostAsync(IBrowserContext context, string url, object body)
    {
        var response = await context.APIRequest.PostAsync(url, new APIRequestContextOptions { DataObject = body });
        response.Status.ShouldBe(201, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.BodyAsync());
        return json.RootElement.GetProperty("id").GetInt64();
    }

    public static Task<long> OrganizationAsync(IBrowserContext context, long? parentId, string name, string code, string kind) =>
        PostAsync(context, "/api/v1/organizations", new { parentId, name, code, kind });

    /// <summary>A full member of <paramref name="branch"/> since 2020-01-01, with a random valid ID number.</summary>
    public static Task<long> MemberAsync(IBrowserContext context, long branch, string name)
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(Random.Shared.Next(0, 9000));
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (Random.Shared.Next(0, 500) * 2 + 1).ToString("000", CultureInfo.InvariantCulture);
        return PostAsync(context, "/api/v1/members", new
        {
            organizationId = branch,
            placedFrom = "2020-01-01",
            member = new
            {
                name, gender = "Male", ethnicity = "汉族", birthDate = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), idNumber = first17 + IdNumber.CheckCharacter(first17),
                education = "Undergraduate", occupation = "ProfessionalTechnical", employmentStatus = "Employed",
                applicationDate = "2015-01-01", admittedOn = "2016-01-01", confirmedOn = "2017-01-01", category = "Full",
            },
        });
    }
}
