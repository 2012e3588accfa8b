using System.Reflection;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Access;

public enum ProbeExpect
{
    /// <summary>403 or 404: the victim's record is out of reach.</summary>
    Denied,

    /// <summary>The endpoint serves only the caller's own data: any status, but never the victim's.</summary>
    OwnDataOnly,
}

/// <summary>
/// One request an outsider makes against the victim's data, keyed "METHOD /route/pattern" as the endpoint is mapped.
/// A body is sent as JSON, unless it is a <c>Func&lt;HttpContent&gt;</c> (a multipart upload, made fresh per request).
/// </summary>
public sealed record ApiProbe(HttpMethod Method, string Url, object? Body, ProbeExpect Expect)
{
    public HttpContent? Content() => Body switch
    {
        null => null,
        Func<HttpContent> make => make(),
        _ => System.Net.Http.Json.JsonContent.Create(Body),
    };
}

/// <summary>
/// The two subtrees of the scope tests. The outsider administers 甲党总支; the victim administers 乙方第一党支部.
/// Feature probe sources add records of their own to the victim's branch and name their markers.
/// </summary>
public sealed record ScopeWorld(TestUser Admin, TestUser Outsider, TestUser Victim, long Root, long OutsiderBranch, long VictimBranch, long VictimGroup, long VictimGrantId)
{
    public const string VictimName = "乙方第一党支部";
    public const string VictimMarker = "VICTIMB1";

    /// <summary>Strings that must never appear in a response to the outsider.</summary>
    public List<string> VictimMarkers { get; } = [VictimMarker, VictimName, Victim.UserName];
}

/// <summary>
/// A feature's probes: each feature that maps API endpoints contributes one class implementing this, next to its
/// other tests, so adding an endpoint means adding its probe in the same place.
/// </summary>
public interface IApiScopeProbes
{
    Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld world, DangjianApp app);
}

public static class ScopeProbes
{
    public static async Task<Dictionary<string, ApiProbe>> ApiAsync(ScopeWorld world, DangjianApp app)
    {
        var all = new Dictionary<string, ApiProbe>();
        foreach (var type in typeof(ScopeProbes).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IApiScopeProbes).IsAssignableFrom(t)))
        {
            var source = (IApiScopeProbes)Activator.CreateInstance(type)!;
            foreach (var (key, probe) in await source.CreateAsync(world, app))
            {
                all.Add(key, probe);
            }
        }

        return all;
    }
}
