using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Development.Holidays;

/// <summary>The calendar is national: reading it reveals nothing of the victim; changing it is for 系统管理员 only.</summary>
public sealed class HolidayScopeProbes : IApiScopeProbes
{
    public Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app) =>
        Task.FromResult<IReadOnlyDictionary<string, ApiProbe>>(new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/development/holidays/{year:int}"] = new(HttpMethod.Get, "/api/v1/development/holidays/2024", null, ProbeExpect.OwnDataOnly),
            ["PUT /api/v1/development/holidays/{year:int}"] = new(HttpMethod.Put, "/api/v1/development/holidays/2024", new { days = Array.Empty<object>() }, ProbeExpect.Denied),
            ["GET /api/v1/development/working-days"] = new(HttpMethod.Get, "/api/v1/development/working-days?from=2024-09-27&days=5", null, ProbeExpect.OwnDataOnly),
        });
}

public sealed class HolidayPageProbes : IPageScopeProbes
{
    public Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["/admin/holidays"] = "/admin/holidays?year=2024" });
}
