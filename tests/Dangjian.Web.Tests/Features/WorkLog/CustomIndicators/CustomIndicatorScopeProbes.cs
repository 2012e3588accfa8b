using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.WorkLog.CustomIndicators.CustomIndicatorTestData;

namespace Dangjian.Web.Tests.Features.WorkLog.CustomIndicators;

public sealed class CustomIndicatorScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        // An indicator of the victim's branch with one value: a leak would show its name or its note.
        var indicator = await DefineAsync(app, w.VictimBranch, Key("victim"), ScopeWorld.VictimMarker + "指标");
        var value = await RecordAsync(app, indicator, w.VictimBranch, Today.AddDays(-1), 3, ScopeWorld.VictimMarker + "备注");
        var day = Today.ToString("yyyy-MM-dd");
        var body = new { name = "越权改名", unit = "篇", aggregation = "Sum", decimals = 0 };
        var valueBody = new { indicatorId = indicator, organizationId = w.VictimBranch, recordedOn = day, value = 1 };
        const string i = "/api/v1/worklog/indicators";
        const string v = "/api/v1/worklog/indicator-values";
        return new Dictionary<string, ApiProbe>
        {
            [$"GET {i}/"] = new(HttpMethod.Get, $"{i}/", null, ProbeExpect.OwnDataOnly),
            [$"GET {i}/{{id:long}}"] = new(HttpMethod.Get, $"{i}/{indicator}", null, ProbeExpect.Denied),
            [$"POST {i}/"] = new(HttpMethod.Post, $"{i}/", new { key = Key("leak"), name = "越权指标", unit = "篇", aggregation = "Sum", decimals = 0, organizationId = w.VictimBranch }, ProbeExpect.Denied),
            [$"PUT {i}/{{id:long}}"] = new(HttpMethod.Put, $"{i}/{indicator}", body, ProbeExpect.Denied),
            [$"POST {i}/{{id:long}}/archive"] = new(HttpMethod.Post, $"{i}/{indicator}/archive", new { archived = true }, ProbeExpect.Denied),
            [$"DELETE {i}/{{id:long}}"] = new(HttpMethod.Delete, $"{i}/{indicator}", null, ProbeExpect.Denied),
            [$"GET {v}/"] = new(HttpMethod.Get, $"{v}/?indicatorId={indicator}", null, ProbeExpect.OwnDataOnly),
            [$"GET {v}/export"] = new(HttpMethod.Get, $"{v}/export?under={w.VictimBranch}", null, ProbeExpect.Denied),
            [$"GET {v}/{{id:long}}"] = new(HttpMethod.Get, $"{v}/{value}", null, ProbeExpect.Denied),
            [$"POST {v}/"] = new(HttpMethod.Post, $"{v}/", valueBody, ProbeExpect.Denied),
            [$"PUT {v}/{{id:long}}"] = new(HttpMethod.Put, $"{v}/{value}", valueBody, ProbeExpect.Denied),
            [$"DELETE {v}/{{id:long}}"] = new(HttpMethod.Delete, $"{v}/{value}", null, ProbeExpect.Denied),
        };
    }
}

public sealed class CustomIndicatorPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        var indicator = await DefineAsync(app, world.Victim, Key("pvictim"), "丙方秘密指标");
        var value = await RecordAsync(app, indicator, world.Victim, Today.AddDays(-1), 4, "丙方秘密备注");
        world.VictimMarkers.Add("丙方秘密指标");
        world.VictimMarkers.Add("丙方秘密备注");
        return new Dictionary<string, string>
        {
            ["/worklog/indicators"] = "/worklog/indicators",
            ["/worklog/indicators/new"] = "/worklog/indicators/new",
            ["/worklog/indicators/{Id:long}/edit"] = $"/worklog/indicators/{indicator}/edit",
            ["/worklog/indicator-values"] = $"/worklog/indicator-values?indicator={indicator}&org={world.Victim}",
            ["/worklog/indicator-values/new"] = $"/worklog/indicator-values/new?indicator={indicator}",
            ["/worklog/indicator-values/{Id:long}/edit"] = $"/worklog/indicator-values/{value}/edit",
        };
    }
}
