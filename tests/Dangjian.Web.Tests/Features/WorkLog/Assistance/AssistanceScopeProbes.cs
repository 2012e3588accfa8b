using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.WorkLog.Assistance;

/// <summary>A 帮扶户 with a visit and a problem, a 宣传 item and a 党建品牌 activity, all in the victim's organization.</summary>
internal sealed record VictimWorkLogC(long Household, long Visit, long Problem, long Publicity, long Brand)
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");

    public static async Task<VictimWorkLogC> CreateAsync(DangjianApp app, TestUser admin, long organization, string prefix, List<string> markers)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        using var client = app.ApiClient(admin);
        async Task<long> Post(string url, object body)
        {
            var response = await client.PostAsJsonAsync(url, body);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }

        var household = await Post("/api/v1/worklog/assistance/households", new { organizationId = organization, name = $"{prefix}帮扶户{suffix}", address = $"{prefix}住址{suffix}" });
        var visit = await Post($"/api/v1/worklog/assistance/households/{household}/visits", new { visitedOn = Today, visitors = $"{prefix}走访人{suffix}" });
        var problem = await Post($"/api/v1/worklog/assistance/households/{household}/problems", new { description = $"{prefix}帮扶问题{suffix}", collectedOn = Today });
        var publicity = await Post("/api/v1/worklog/publicity", new { organizationId = organization, kind = "Banner", title = $"{prefix}宣传{suffix}", count = 3, publishedOn = Today });
        var brand = await Post("/api/v1/worklog/brand", new { organizationId = organization, brand = $"{prefix}品牌{suffix}", title = $"{prefix}品牌活动{suffix}", heldOn = Today });
        markers.AddRange([$"{prefix}帮扶户{suffix}", $"{prefix}住址{suffix}", $"{prefix}走访人{suffix}", $"{prefix}帮扶问题{suffix}", $"{prefix}宣传{suffix}", $"{prefix}品牌{suffix}", $"{prefix}品牌活动{suffix}"]);
        return new VictimWorkLogC(household, visit, problem, publicity, brand);
    }
}

public sealed class AssistanceScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        var v = await VictimWorkLogC.CreateAsync(app, w.Admin, w.VictimBranch, "乙方", w.VictimMarkers);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        var household = new { organizationId = w.VictimBranch, name = "越权帮扶户" };
        var problem = new { description = "越权问题", collectedOn = today };
        var publicity = new { organizationId = w.VictimBranch, kind = "Board", title = "越权宣传", count = 1, publishedOn = today };
        var brand = new { organizationId = w.VictimBranch, brand = "越权", title = "越权活动", heldOn = today };
        Func<HttpContent> import = () =>
        {
            var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(Documents.Xlsx.XlsxWriter.Write("宣传记录", ["日期", "类型", "内容", "数量", "备注"], [[today, "横幅", "越权导入", "1", null]]));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            content.Add(file, "file", "x.xlsx");
            return content;
        };
        Func<HttpContent> problems = () =>
        {
            var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(Documents.Xlsx.XlsxWriter.Write("帮扶问题", ["帮扶户（户主姓名）", "问题", "收集日期"], [["越权户", "越权问题", today]]));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            content.Add(file, "file", "x.xlsx");
            return content;
        };
        return new Dictionary<string, ApiProbe>
        {
            ["POST /api/v1/worklog/assistance/problems/import"] = new(HttpMethod.Post, $"/api/v1/worklog/assistance/problems/import?organizationId={w.VictimBranch}", problems, ProbeExpect.Denied),
            ["GET /api/v1/worklog/assistance/problems/template"] = new(HttpMethod.Get, "/api/v1/worklog/assistance/problems/template", null, ProbeExpect.OwnDataOnly),
            ["GET /api/v1/worklog/assistance/households"] = new(HttpMethod.Get, "/api/v1/worklog/assistance/households?pageSize=100", null, ProbeExpect.OwnDataOnly),
            // The exports are zipped xlsx, so a marker search in the body proves nothing: ask for the victim's subtree and expect a refusal.
            ["GET /api/v1/worklog/assistance/households/export"] = new(HttpMethod.Get, $"/api/v1/worklog/assistance/households/export?under={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/assistance/problems/export"] = new(HttpMethod.Get, $"/api/v1/worklog/assistance/problems/export?under={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/assistance/households/{id:long}"] = new(HttpMethod.Get, $"/api/v1/worklog/assistance/households/{v.Household}", null, ProbeExpect.Denied),
            ["POST /api/v1/worklog/assistance/households"] = new(HttpMethod.Post, "/api/v1/worklog/assistance/households", household, ProbeExpect.Denied),
            ["PUT /api/v1/worklog/assistance/households/{id:long}"] = new(HttpMethod.Put, $"/api/v1/worklog/assistance/households/{v.Household}", household, ProbeExpect.Denied),
            ["DELETE /api/v1/worklog/assistance/households/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/worklog/assistance/households/{v.Household}", null, ProbeExpect.Denied),
            ["POST /api/v1/worklog/assistance/households/{id:long}/visits"] = new(HttpMethod.Post, $"/api/v1/worklog/assistance/households/{v.Household}/visits", new { visitedOn = today }, ProbeExpect.Denied),
            ["DELETE /api/v1/worklog/assistance/visits/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/worklog/assistance/visits/{v.Visit}", null, ProbeExpect.Denied),
            ["POST /api/v1/worklog/assistance/households/{id:long}/problems"] = new(HttpMethod.Post, $"/api/v1/worklog/assistance/households/{v.Household}/problems", problem, ProbeExpect.Denied),
            ["PUT /api/v1/worklog/assistance/problems/{id:long}"] = new(HttpMethod.Put, $"/api/v1/worklog/assistance/problems/{v.Problem}", problem, ProbeExpect.Denied),
            ["DELETE /api/v1/worklog/assistance/problems/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/worklog/assistance/problems/{v.Problem}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/publicity/"] = new(HttpMethod.Get, "/api/v1/worklog/publicity/?pageSize=100", null, ProbeExpect.OwnDataOnly),
            ["GET /api/v1/worklog/publicity/export"] = new(HttpMethod.Get, $"/api/v1/worklog/publicity/export?under={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/publicity/template"] = new(HttpMethod.Get, "/api/v1/worklog/publicity/template", null, ProbeExpect.OwnDataOnly),
            ["POST /api/v1/worklog/publicity/import"] = new(HttpMethod.Post, $"/api/v1/worklog/publicity/import?organizationId={w.VictimBranch}", import, ProbeExpect.Denied),
            ["GET /api/v1/worklog/publicity/{id:long}"] = new(HttpMethod.Get, $"/api/v1/worklog/publicity/{v.Publicity}", null, ProbeExpect.Denied),
            ["POST /api/v1/worklog/publicity/"] = new(HttpMethod.Post, "/api/v1/worklog/publicity/", publicity, ProbeExpect.Denied),
            ["PUT /api/v1/worklog/publicity/{id:long}"] = new(HttpMethod.Put, $"/api/v1/worklog/publicity/{v.Publicity}", publicity, ProbeExpect.Denied),
            ["DELETE /api/v1/worklog/publicity/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/worklog/publicity/{v.Publicity}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/brand/"] = new(HttpMethod.Get, "/api/v1/worklog/brand/?pageSize=100", null, ProbeExpect.OwnDataOnly),
            ["GET /api/v1/worklog/brand/export"] = new(HttpMethod.Get, $"/api/v1/worklog/brand/export?under={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/brand/{id:long}"] = new(HttpMethod.Get, $"/api/v1/worklog/brand/{v.Brand}", null, ProbeExpect.Denied),
            ["POST /api/v1/worklog/brand/"] = new(HttpMethod.Post, "/api/v1/worklog/brand/", brand, ProbeExpect.Denied),
            ["PUT /api/v1/worklog/brand/{id:long}"] = new(HttpMethod.Put, $"/api/v1/worklog/brand/{v.Brand}", brand, ProbeExpect.Denied),
            ["DELETE /api/v1/worklog/brand/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/worklog/brand/{v.Brand}", null, ProbeExpect.Denied),
        };
    }
}

public sealed class AssistancePageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld w, DangjianApp app)
    {
        var v = await VictimWorkLogC.CreateAsync(app, w.Admin, w.Victim, "丙方", w.VictimMarkers);
        return new Dictionary<string, string>
        {
            ["/worklog/assistance"] = "/worklog/assistance?pageSize=100",
            ["/worklog/assistance/new"] = $"/worklog/assistance/new?org={w.Victim}",
            ["/worklog/assistance/{Id:long}"] = $"/worklog/assistance/{v.Household}",
            ["/worklog/assistance/{Id:long}/edit"] = $"/worklog/assistance/{v.Household}/edit",
            ["/worklog/assistance/problems/import"] = $"/worklog/assistance/problems/import?org={w.Victim}",
            ["/worklog/assistance/problems/{Id:long}/edit"] = $"/worklog/assistance/problems/{v.Problem}/edit",
            ["/worklog/publicity"] = "/worklog/publicity?pageSize=100",
            ["/worklog/publicity/new"] = $"/worklog/publicity/new?org={w.Victim}",
            ["/worklog/publicity/import"] = $"/worklog/publicity/import?org={w.Victim}",
            ["/worklog/publicity/{Id:long}/edit"] = $"/worklog/publicity/{v.Publicity}/edit",
            ["/worklog/brand"] = "/worklog/brand?pageSize=100",
            ["/worklog/brand/new"] = $"/worklog/brand/new?org={w.Victim}",
            ["/worklog/brand/{Id:long}/edit"] = $"/worklog/brand/{v.Brand}/edit",
        };
    }
}
