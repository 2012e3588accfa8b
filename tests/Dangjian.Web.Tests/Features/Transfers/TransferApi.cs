using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Members;

namespace Dangjian.Web.Tests.Features.Transfers;

/// <summary>Creates members and transfers through the API, with unique valid GB 11643 numbers (hosts are shared by tests).</summary>
internal static class TransferApi
{
    public static string NewIdNumber(DateOnly birth, bool male)
    {
        var seq = Random.Shared.Next(0, 500) * 2 + (male ? 1 : 0);
        var area = (110000 + Random.Shared.Next(0, 9999)).ToString(CultureInfo.InvariantCulture);
        var first17 = area + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("000", CultureInfo.InvariantCulture);
        return first17 + IdNumber.CheckCharacter(first17);
    }

    public static object Member(string name)
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(Random.Shared.Next(0, 9000));
        return new
        {
            name,
            gender = "Male",
            birthDate = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            idNumber = NewIdNumber(birth, true),
            employmentStatus = "Employed",
            admittedOn = birth.AddYears(25).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            confirmedOn = birth.AddYears(26).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            category = "Full",
        };
    }

    public static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Registers a member arriving from outside the system into <paramref name="branchId"/>; returns the member id.</summary>
    public static async Task<long> ReceiveMemberAsync(this HttpClient client, long branchId, string name, int arrivedDaysAgo = 0)
    {
        var response = await client.PostAsJsonAsync("/api/v1/transfers/in", new
        {
            toOrganizationId = branchId, member = Member(name), fromOrganizationName = "中共外省某县委", letterNumber = "外转-001",
            issuedOn = DaysAgo(arrivedDaysAgo), validDays = 30, duesPaidUpTo = "2026-01", arrivedOn = DaysAgo(arrivedDaysAgo),
        });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("memberId").GetInt64();
    }

    public static async Task<long> CreateInternalTransferAsync(this HttpClient client, long memberId, long toBranchId)
    {
        var response = await client.PostAsJsonAsync("/api/v1/transfers/internal", new { memberId, toOrganizationId = toBranchId, letterNumber = "内转-001", issuedOn = Today, duesPaidUpTo = "2026-01" });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    public static async Task<long> CreateOutTransferAsync(this HttpClient client, long memberId, string issuedOn)
    {
        var response = await client.PostAsJsonAsync("/api/v1/transfers/out", new { memberId, toOrganizationName = "中共外市某区委", letterNumber = "出转-001", issuedOn, validDays = 30 });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }
}
