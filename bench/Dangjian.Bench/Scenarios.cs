using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>The timed scenarios. Every one calls the same Core code the web host calls.</summary>
internal sealed class Scenarios(BenchDatabase database, IServiceProvider services, CityTree tree, int warmup, int runs)
{
    private static readonly AccessScope Everything = AccessScope.Everything(null);

    private IDbContextFactory<DangjianDbContext> Factory => services.GetRequiredService<IDbContextFactory<DangjianDbContext>>();

    public async Task<IReadOnlyList<Measurement>> RunAsync()
    {
        var results = new List<Measurement>
        {
            await MoveSubtreeAsync(),
            await MoveTownshipAsync(),
            await CountSubtreeAsync(tree.DistrictIds[0], "b. count a district's subtree: scope.Organizations(…).CountAsync()"),
            await CountSubtreeAsync(tree.RootId, "b. count the whole city: scope.Organizations(…).CountAsync()"),
            await TreeAsync(tree.DistrictIds[0], "c. GetOrganizationTreeHandler, RootId = a district"),
            await TreeAsync(null, "d. GetOrganizationTreeHandler, no RootId, as 系统管理员 (what CurrentScope runs on every page)"),
            await SearchAsync(),
        };
        return results;
    }

    /// <summary>
    /// (a) Moves a district (one subtree of <see cref="CityShape.DistrictSize"/> organizations) back and forth between the
    /// city committee and a neighbouring district: each run is one MoveOrganizationHandler call, one transaction.
    /// </summary>
    private async Task<Measurement> MoveSubtreeAsync()
    {
        var move = services.GetRequiredService<MoveOrganizationHandler>();
        var district = tree.DistrictIds[0];
        var neighbour = tree.DistrictIds[1];
        var size = 0;
        async Task MoveAsync(long target)
        {
            var result = await move.HandleAsync(new MoveOrganizationCommand(district, target, "基准测试"), Everything, CancellationToken.None);
            if (!result.IsSuccess) throw new InvalidOperationException(result.FirstError.Message);
            size = result.Value.SubtreeSize;
        }

        var stats = await Timing.MeasureAsync(warmup, runs, i => MoveAsync(i % 2 == 0 ? neighbour : tree.RootId));
        if ((warmup + runs) % 2 == 1) await MoveAsync(tree.RootId);
        return new Measurement(database.Label, "a. move a subtree: MoveOrganizationHandler (one transaction)", $"{size:N0} organizations moved", warmup, stats);
    }

    /// <summary>(a2) A smaller move, a township (街道党工委) to its neighbour and back: a second point for the cost per row.</summary>
    private async Task<Measurement> MoveTownshipAsync()
    {
        var move = services.GetRequiredService<MoveOrganizationHandler>();
        long township, neighbour;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            var ids = await db.Organizations.AsNoTracking().Where(o => o.ParentId == tree.DistrictIds[0]).OrderBy(o => o.SortOrder).Select(o => o.Id).Take(2).ToListAsync();
            (township, neighbour) = (ids[0], ids[1]);
        }

        var size = 0;
        async Task MoveAsync(long target)
        {
            var result = await move.HandleAsync(new MoveOrganizationCommand(township, target, "基准测试"), Everything, CancellationToken.None);
            if (!result.IsSuccess) throw new InvalidOperationException(result.FirstError.Message);
            size = result.Value.SubtreeSize;
        }

        var stats = await Timing.MeasureAsync(warmup, runs, i => MoveAsync(i % 2 == 0 ? neighbour : tree.DistrictIds[0]));
        if ((warmup + runs) % 2 == 1) await MoveAsync(tree.DistrictIds[0]);
        return new Measurement(database.Label, "a2. move a smaller subtree (a township)", $"{size:N0} organizations moved", warmup, stats);
    }

    /// <summary>(b) A 组织管理员's scope over one node, counted: one index range.</summary>
    private async Task<Measurement> CountSubtreeAsync(long rootId, string scenario)
    {
        var scope = await OrgAdminScopeAsync(rootId);
        var count = 0;
        var stats = await Timing.MeasureAsync(warmup, runs, async _ =>
        {
            await using var db = await Factory.CreateDbContextAsync();
            count = await scope.Organizations(db.Organizations.AsNoTracking()).CountAsync();
        });
        return new Measurement(database.Label, scenario, $"{count:N0} counted", warmup, stats);
    }

    /// <summary>(c, d) The tree page's query, including building the nested nodes in memory.</summary>
    private async Task<Measurement> TreeAsync(long? rootId, string scenario)
    {
        var handler = services.GetRequiredService<GetOrganizationTreeHandler>();
        var nodes = 0;
        var stats = await Timing.MeasureAsync(warmup, runs, async _ =>
        {
            var result = await handler.HandleAsync(new GetOrganizationTreeQuery(rootId), Everything, CancellationToken.None);
            if (!result.IsSuccess) throw new InvalidOperationException(result.FirstError.Message);
            nodes = CountNodes(result.Value.Roots);
        });
        var rows = rootId is null ? $"{nodes:N0} nodes returned of {tree.Shape.Total:N0} (cap {GetOrganizationTreeHandler.MaxNodes:N0})" : $"{nodes:N0} nodes";
        return new Measurement(database.Label, scenario, rows, warmup, stats);
    }

    /// <summary>
    /// (e) The tree page's search over the whole tree, for a branch in the last district. The handler loads at most
    /// <see cref="GetOrganizationTreeHandler.MaxNodes"/> rows in path order and searches them in memory, so this shows
    /// whether a match beyond the cap is still found.
    /// </summary>
    private async Task<Measurement> SearchAsync()
    {
        var handler = services.GetRequiredService<GetOrganizationTreeHandler>();
        var d = tree.Shape.Districts;
        var term = $"第{d}区第{tree.Shape.Townships}街道第{tree.Shape.GeneralBranches}社区第{tree.Shape.Branches}党支部";
        var matches = 0;
        var stats = await Timing.MeasureAsync(warmup, runs, async _ =>
        {
            var result = await handler.HandleAsync(new GetOrganizationTreeQuery(null, term), Everything, CancellationToken.None);
            if (!result.IsSuccess) throw new InvalidOperationException(result.FirstError.Message);
            matches = CountMatches(result.Value.Roots);
        });
        return new Measurement(database.Label, $"e. GetOrganizationTreeHandler, no RootId, Search = \"{term}\"", $"{matches} matches found (1 exists)", warmup, stats);
    }

    public async Task<AccessScope> OrgAdminScopeAsync(params long[] rootIds)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var roots = await db.Organizations.AsNoTracking().Where(o => rootIds.Contains(o.Id)).Select(o => new { o.Id, o.Path, o.Name }).ToListAsync();
        return new AccessScope("bench-org-admin", false, roots.Select(r => new ScopeRoot(r.Id, r.Path, r.Name, Role.OrgAdmin)).ToList());
    }

    private static int CountMatches(IEnumerable<OrganizationNode> nodes) => nodes.Sum(n => (n.IsMatch ? 1 : 0) + CountMatches(n.Children));

    private static int CountNodes(IEnumerable<OrganizationNode> nodes) => nodes.Sum(n => 1 + CountNodes(n.Children));
}
