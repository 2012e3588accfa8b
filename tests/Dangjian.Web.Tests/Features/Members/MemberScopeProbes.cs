using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Members;

public sealed class MemberScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        using var admin = app.ApiClient(w.Admin);
        var (memberId, idNumber, phone) = await admin.CreateMemberAsync(w.VictimBranch, ScopeWorld.VictimMarker + "党员");
        w.VictimMarkers.Add(idNumber);
        w.VictimMarkers.Add(phone);
        var record = await admin.PostAsJsonAsync($"/api/v1/members/{memberId}/records", new { kind = "FamilyMember", title = "家属", relation = "配偶" });
        var recordId = JsonDocument.Parse(await record.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var other = MemberTestData.NewPerson();
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/members/"] = new(HttpMethod.Get, $"/api/v1/members/?under={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/members/{id:long}"] = new(HttpMethod.Get, $"/api/v1/members/{memberId}", null, ProbeExpect.Denied),
            ["GET /api/v1/members/{id:long}/timeline"] = new(HttpMethod.Get, $"/api/v1/members/{memberId}/timeline", null, ProbeExpect.Denied),
            ["POST /api/v1/members/"] = new(HttpMethod.Post, "/api/v1/members/", new { organizationId = w.VictimBranch, member = MemberTestData.Body("探测党员", other.Id, other.Birth, other.Gender) }, ProbeExpect.Denied),
            ["PUT /api/v1/members/{id:long}"] = new(HttpMethod.Put, $"/api/v1/members/{memberId}", MemberTestData.Body("改名", other.Id, other.Birth, other.Gender), ProbeExpect.Denied),
            ["POST /api/v1/members/{id:long}/records"] = new(HttpMethod.Post, $"/api/v1/members/{memberId}/records", new { kind = "Position", title = "越权职务" }, ProbeExpect.Denied),
            ["DELETE /api/v1/members/{id:long}/records/{recordId:long}"] = new(HttpMethod.Delete, $"/api/v1/members/{memberId}/records/{recordId}", null, ProbeExpect.Denied),
            ["GET /api/v1/me/member"] = new(HttpMethod.Get, "/api/v1/me/member", null, ProbeExpect.OwnDataOnly),
        };
    }
}

public sealed class MemberPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld w, DangjianApp app)
    {
        using var admin = app.ApiClient(w.Admin);
        var (memberId, idNumber, phone) = await admin.CreateMemberAsync(w.Victim, "丙方党员王五");
        w.VictimMarkers.Add("丙方党员王五");
        w.VictimMarkers.Add(idNumber);
        w.VictimMarkers.Add(phone);
        var record = await admin.PostAsJsonAsync($"/api/v1/members/{memberId}/records", new { kind = "RewardPunishment", title = "丙方秘密奖励" });
        var recordId = JsonDocument.Parse(await record.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        w.VictimMarkers.Add("丙方秘密奖励");
        return new Dictionary<string, string>
        {
            ["/members"] = $"/members?under={w.Victim}&search=王五",
            ["/members/{Id:long}"] = $"/members/{memberId}",
            ["/members/new"] = $"/members/new?organizationId={w.Victim}",
            ["/members/{Id:long}/edit"] = $"/members/{memberId}/edit",
            ["/members/{Id:long}/records/new"] = $"/members/{memberId}/records/new?kind=Position",
            ["/members/{Id:long}/records/{RecordId:long}/delete"] = $"/members/{memberId}/records/{recordId}/delete",
            ["/members/{Id:long}/account"] = $"/members/{memberId}/account",
            ["/members/{Id:long}/move"] = $"/members/{memberId}/move",
            ["/me"] = "/me",
        };
    }
}
