using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

/// <summary>
/// The caller's part of the tree, optionally below one node and filtered by a search term. A search keeps the matches
/// and their ancestors, so every match is shown in place.
/// </summary>
public sealed record GetOrganizationTreeQuery(long? RootId = null, string? Search = null, bool IncludeDissolved = false);

public sealed record OrganizationNode(
    long Id, long? ParentId, string Path, int Depth, string Code, string Name, OrganizationKind Kind, int SortOrder, bool IsDissolved, bool IsMatch)
{
    public List<OrganizationNode> Children { get; } = [];
}

public sealed class GetOrganizationTreeHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public const int MaxNodes = 5000;

    public async Task<Result<IReadOnlyList<OrganizationNode>>> HandleAsync(GetOrganizationTreeQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = scope.Organizations(db.Organizations.AsNoTracking());
        if (query.RootId is long rootId)
        {
            var rootPath = await visible.Where(o => o.Id == rootId).Select(o => o.Path).SingleOrDefaultAsync(ct);
            if (rootPath is null) return OrganizationErrors.NotFound(rootId);
            visible = visible.InSubtree(rootPath);
        }

        if (!query.IncludeDissolved)
        {
            visible = visible.Where(o => o.DissolvedOn == null);
        }

        var rows = await visible
            .OrderBy(o => o.Path)
            .Take(MaxNodes)
            .Select(o => new { o.Id, o.ParentId, o.Path, o.Code, o.Name, o.ShortName, o.Kind, o.SortOrder, o.DissolvedOn })
            .ToListAsync(ct);

        var term = query.Search?.Trim();
        HashSet<long>? keep = null;
        HashSet<long>? matches = null;
        if (!string.IsNullOrEmpty(term))
        {
            matches = rows.Where(r => r.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                    || r.Code.Contains(term, StringComparison.OrdinalIgnoreCase)
                    || (r.ShortName?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false))
                .Select(r => r.Id).ToHashSet();
            keep = rows.Where(r => matches.Contains(r.Id)).SelectMany(r => OrgPath.Ids(r.Path)).ToHashSet();
        }

        var nodes = rows
            .Where(r => keep is null || keep.Contains(r.Id))
            .Select(r => new OrganizationNode(r.Id, r.ParentId, r.Path, OrgPath.Depth(r.Path), r.Code, r.Name, r.Kind, r.SortOrder, r.DissolvedOn != null, matches?.Contains(r.Id) ?? false))
            .ToDictionary(n => n.Id);
        var roots = new List<OrganizationNode>();
        foreach (var node in nodes.Values)
        {
            if (node.ParentId is long parentId && nodes.TryGetValue(parentId, out var parent)) parent.Children.Add(node);
            else roots.Add(node);
        }

        foreach (var node in nodes.Values)
        {
            node.Children.Sort(Compare);
        }

        roots.Sort(Compare);
        return roots;
    }

    private static int Compare(OrganizationNode a, OrganizationNode b) =>
        a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : string.CompareOrdinal(a.Code, b.Code);
}
