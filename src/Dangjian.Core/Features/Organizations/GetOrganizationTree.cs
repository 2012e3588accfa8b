using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Organizations;

/// <summary>
/// The caller's part of the tree, optionally below one node and filtered by a search term. A search keeps the matches
/// and their ancestors, so every match is shown in place.
/// </summary>
public sealed record GetOrganizationTreeQuery(long? RootId = null, string? Search = null, bool IncludeDissolved = false, int Limit = GetOrganizationTreeHandler.MaxNodes);

public sealed record OrganizationNode(
    long Id, long? ParentId, string Path, int Depth, string Code, string Name, OrganizationKind Kind, int SortOrder, bool IsDissolved, bool IsMatch)
{
    public List<OrganizationNode> Children { get; } = [];
}

/// <summary>The tree's top nodes; <see cref="Truncated"/> says the subtree had more than <see cref="GetOrganizationTreeHandler.MaxNodes"/> nodes and the rest is not shown.</summary>
public sealed record OrganizationTree(IReadOnlyList<OrganizationNode> Roots, bool Truncated);

public sealed class GetOrganizationTreeHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public const int MaxNodes = 5000;

    public async Task<Result<OrganizationTree>> HandleAsync(GetOrganizationTreeQuery query, AccessScope scope, CancellationToken ct)
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

        // A search runs in the database over the whole scope; the matches' ancestors are then loaded by id from their paths,
        // so a match is found however large the tree (a cap on rows must never hide one).
        var term = query.Search?.Trim();
        HashSet<long>? matches = null;
        if (!string.IsNullOrEmpty(term))
        {
            var found = await visible
                .Where(o => o.Name.Contains(term) || o.Code.ToUpper().Contains(term.ToUpper()) || (o.ShortName != null && o.ShortName.Contains(term)))
                .OrderBy(o => o.Path)
                .Take(query.Limit)
                .Select(o => new { o.Id, o.Path })
                .ToListAsync(ct);
            matches = found.Select(f => f.Id).ToHashSet();
            var keep = found.SelectMany(f => OrgPath.Ids(f.Path)).Distinct().ToList();
            visible = visible.Where(o => keep.Contains(o.Id));
        }

        // After a search the rows are the matches and their ancestors, already bounded by the limit on matches.
        var rowLimit = matches is null ? query.Limit + 1 : int.MaxValue;
        var rows = await visible
            .OrderBy(o => o.Path)
            .Take(rowLimit)
            .Select(o => new { o.Id, o.ParentId, o.Path, o.Code, o.Name, o.ShortName, o.Kind, o.SortOrder, o.DissolvedOn })
            .ToListAsync(ct);
        var truncated = matches is null ? rows.Count > query.Limit : matches.Count >= query.Limit;
        if (matches is null && truncated) rows.RemoveAt(rows.Count - 1);
        var nodes = rows
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
        return new OrganizationTree(roots, truncated);
    }

    private static int Compare(OrganizationNode a, OrganizationNode b) =>
        a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : string.CompareOrdinal(a.Code, b.Code);
}
