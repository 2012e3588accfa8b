using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Dues;

/// <summary>
/// Every profile, reduction and settings endpoint, called by an outsider with the victim branch's ids. The victim's member
/// carries the marker in their name, so any leak of the roster, a profile, a reduction or a template row shows.
/// </summary>
public sealed class DuesProfileScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        var year = DuesProfileTestData.ThisYear;
        var member = await CommitteeTestData.CreateMemberAsync(app, w.VictimBranch, ScopeWorld.VictimMarker + "党员");
        await DuesProfileTestData.ConfirmAsync(app, w.VictimBranch, year, new DuesProfileInput(member, DuesMemberType.Retired, "4000", null, null));
        await DuesProfileTestData.RetireeReductionAsync(app, member, year);
        await DuesProfileTestData.SettingsAsync(app, w.VictimBranch, "12.5");
        var profileId = (await CommitteeTestData.RunAsync(app, sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<GetDuesProfilesHandler>(sp).HandleAsync(new GetDuesProfilesQuery(w.VictimBranch, year), AccessScope.Everything(null), CancellationToken.None)))
            .Members.Single(m => m.MemberId == member).Profile!.Id;
        var rows = new[] { new { memberId = member, memberType = "Salaried", @base = 99999 } };
        var sheet = DuesProfileTestData.Workbook([DuesProfileTestData.Row(ScopeWorld.VictimMarker + "党员", "", "在职", "99999")]);
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/dues/profiles/"] = new(HttpMethod.Get, $"/api/v1/dues/profiles?org={w.VictimBranch}&year={year}", null, ProbeExpect.Denied),
            ["GET /api/v1/dues/profiles/{id:long}"] = new(HttpMethod.Get, $"/api/v1/dues/profiles/{profileId}", null, ProbeExpect.Denied),
            ["POST /api/v1/dues/profiles/preview"] = new(HttpMethod.Post, "/api/v1/dues/profiles/preview", new { organizationId = w.VictimBranch, year, rows }, ProbeExpect.Denied),
            ["POST /api/v1/dues/profiles/confirm"] = new(HttpMethod.Post, "/api/v1/dues/profiles/confirm", new { organizationId = w.VictimBranch, year, rows, reason = "越权" }, ProbeExpect.Denied),
            ["PUT /api/v1/dues/profiles/{id:long}/override"] = new(HttpMethod.Put, $"/api/v1/dues/profiles/{profileId}/override", new { monthly = 0, reason = "越权" }, ProbeExpect.Denied),
            ["POST /api/v1/dues/profiles/import"] = new(HttpMethod.Post, $"/api/v1/dues/profiles/import?org={w.VictimBranch}&year={year}",
                (Func<HttpContent>)(() => Multipart(sheet)), ProbeExpect.Denied),
            ["GET /api/v1/dues/profiles/template"] = new(HttpMethod.Get, $"/api/v1/dues/profiles/template?org={w.VictimBranch}&year={year}", null, ProbeExpect.Denied),
            ["GET /api/v1/dues/reductions/"] = new(HttpMethod.Get, $"/api/v1/dues/reductions?org={w.VictimBranch}", null, ProbeExpect.Denied),
            ["POST /api/v1/dues/reductions/"] = new(HttpMethod.Post, "/api/v1/dues/reductions", new
            {
                memberId = member, fromMonth = $"{year}-02", toMonth = $"{year}-02", reducedMonthly = "0", reason = "越权",
                branchDecisionOn = $"{year}-01-01", higherApprovalOn = $"{year}-01-01",
            }, ProbeExpect.Denied),
            ["GET /api/v1/dues/settings/{organizationId:long}"] = new(HttpMethod.Get, $"/api/v1/dues/settings/{w.VictimBranch}", null, ProbeExpect.Denied),
            ["PUT /api/v1/dues/settings/{organizationId:long}"] = new(HttpMethod.Put, $"/api/v1/dues/settings/{w.VictimBranch}", new { heldSharePercent = 99, allowsQuarterly = false }, ProbeExpect.Denied),
            ["DELETE /api/v1/dues/settings/{organizationId:long}"] = new(HttpMethod.Delete, $"/api/v1/dues/settings/{w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/me/dues"] = new(HttpMethod.Get, "/api/v1/me/dues", null, ProbeExpect.OwnDataOnly),
        };
    }

    public static MultipartFormDataContent Multipart(byte[] file, string fileName = "党费基数.xlsx")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", fileName);
        return content;
    }
}

public sealed class DuesProfilePageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        var year = DuesProfileTestData.ThisYear;
        var member = await CommitteeTestData.CreateMemberAsync(app, world.Victim, "丙方党费党员");
        await DuesProfileTestData.ConfirmAsync(app, world.Victim, year, new DuesProfileInput(member, DuesMemberType.Retired, "4321.98", null, null));
        await DuesProfileTestData.RetireeReductionAsync(app, member, year);
        world.VictimMarkers.Add("丙方党费党员");
        world.VictimMarkers.Add("4,321.98");
        var profileId = (await CommitteeTestData.RunAsync(app, sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<GetDuesProfilesHandler>(sp).HandleAsync(new GetDuesProfilesQuery(world.Victim, year), AccessScope.Everything(null), CancellationToken.None)))
            .Members.Single(m => m.MemberId == member).Profile!.Id;
        return new Dictionary<string, string>
        {
            ["/dues/profiles"] = $"/dues/profiles?org={world.Victim}&year={year}",
            ["/dues/profiles/{Id:long}"] = $"/dues/profiles/{profileId}",
            ["/dues/reductions"] = $"/dues/reductions?org={world.Victim}",
            ["/dues/reductions/new"] = $"/dues/reductions/new?org={world.Victim}",
            ["/dues/settings"] = $"/dues/settings?org={world.Victim}",
            ["/my/dues"] = "/my/dues",
        };
    }
}
