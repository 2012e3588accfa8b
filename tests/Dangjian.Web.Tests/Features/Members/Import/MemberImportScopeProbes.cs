using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Data;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Members.Import;

/// <summary>
/// The outsider uploads a sheet whose rows point at the victim's branch (the job only ever reports "unknown code", and
/// nothing is imported), reads and commits the victim's own job, and exports (only their own subtree).
/// </summary>
public sealed class MemberImportScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        string victimCode;
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync())
        {
            victimCode = await db.Organizations.Where(o => o.Id == w.VictimBranch).Select(o => o.Code).SingleAsync();
        }

        var file = ImportFiles.Workbook([ImportFiles.Row("越权导入", victimCode)]);
        long victimJob;
        using (var victim = app.ApiClient(w.Victim))
        {
            var response = await victim.PostAsync("/api/v1/members/import", ImportFiles.Multipart(ImportFiles.Workbook([ImportFiles.Row("乙方党员", victimCode)])));
            victimJob = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }

        return new Dictionary<string, ApiProbe>
        {
            ["POST /api/v1/members/import"] = new(HttpMethod.Post, "/api/v1/members/import", (Func<HttpContent>)(() => ImportFiles.Multipart(file)), ProbeExpect.OwnDataOnly),
            ["GET /api/v1/members/import/{id:long}"] = new(HttpMethod.Get, $"/api/v1/members/import/{victimJob}", null, ProbeExpect.Denied),
            ["POST /api/v1/members/import/{id:long}/commit"] = new(HttpMethod.Post, $"/api/v1/members/import/{victimJob}/commit", null, ProbeExpect.Denied),
            ["GET /api/v1/members/import/template"] = new(HttpMethod.Get, "/api/v1/members/import/template", null, ProbeExpect.OwnDataOnly),
            ["GET /api/v1/members/export"] = new(HttpMethod.Get, $"/api/v1/members/export?under={w.VictimBranch}", null, ProbeExpect.Denied),
        };
    }
}

public sealed class MemberImportPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        // A job of another user: its page must be "not found" to the outsider.
        var owner = await app.CreateUserAsync("jobowner" + Guid.NewGuid().ToString("N")[..6], Core.Features.Access.Role.OrgAdmin, world.Victim);
        long job;
        using (var client = app.ApiClient(owner))
        {
            string code;
            await using (var scope = app.Services.CreateAsyncScope())
            await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync())
            {
                code = await db.Organizations.Where(o => o.Id == world.Victim).Select(o => o.Code).SingleAsync();
            }

            var response = await client.PostAsync("/api/v1/members/import", ImportFiles.Multipart(ImportFiles.Workbook([ImportFiles.Row("丙方党员", code)]), "丙方秘密党支部名单.xlsx"));
            job = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }

        world.VictimMarkers.Add("丙方党员");
        world.VictimMarkers.Add("丙方秘密党支部名单");
        return new Dictionary<string, string>
        {
            ["/members/import"] = "/members/import",
            ["/members/import/{JobId:long}"] = $"/members/import/{job}",
        };
    }
}
