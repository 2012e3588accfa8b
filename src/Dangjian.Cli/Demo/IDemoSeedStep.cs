using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;

namespace Dangjian.Cli.Demo;

/// <summary>
/// One module's share of the demo data. Later modules (members, meetings, dues ...) add a step and register it with
/// <c>services.AddScoped&lt;IDemoSeedStep, TheirStep&gt;()</c>; <see cref="DemoSeeder"/> runs every step in <see cref="Order"/>.
/// A step must be idempotent on its own (create only what is missing), so a seed interrupted halfway can simply be run again.
/// </summary>
public interface IDemoSeedStep
{
    /// <summary>Steps run in ascending order: organizations 100, users 200; later modules use 300 and up.</summary>
    int Order { get; }

    /// <summary>What the step creates, for the progress lines ("组织架构", "演示账号").</summary>
    string Title { get; }

    /// <summary>Creates what is missing through the real handlers and returns how many records it created.</summary>
    Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct);
}

/// <summary>Shared between the steps: the operator's scope, where to report, and the demo tree built by the first step.</summary>
public sealed class DemoSeedContext(TextWriter log)
{
    private readonly Dictionary<string, long> _organizations = new(StringComparer.Ordinal);

    /// <summary>The CLI acts as the system operator, so the handlers' scope checks pass exactly as for a 系统管理员.</summary>
    public AccessScope Scope { get; } = AccessScope.Everything(null);

    public TextWriter Log { get; } = log;

    /// <summary>Ids of the demo organizations by code (see <see cref="DemoCatalog"/>), for steps that attach records to them.</summary>
    public IReadOnlyDictionary<string, long> Organizations => _organizations;

    public void AddOrganization(string code, long id) => _organizations[code] = id;

    public long OrganizationId(string code) =>
        _organizations.TryGetValue(code, out var id) ? id : throw new InvalidOperationException($"演示组织 {code} 尚未建立，请检查演示步骤的顺序");
}
