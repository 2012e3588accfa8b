using Dangjian.Core.Common;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Metrics;

/// <summary>
/// The organizations of a scope's subtree by path, for figures that are not a plain sum per organization. Two shapes occur:
/// <list type="bullet">
/// <item>a <b>flow</b> between two organizations, counted at one end, that a subtree holding both ends must not count (a transfer
/// between two branches of one 党委 is a move within it; dues a branch remits to its 总支 do not leave the 总支);</item>
/// <item>a <b>distinct</b> count of people who may appear in several organizations (a member in arrears in the branch they left
/// and the one they joined counts once for the 党委 above both).</item>
/// </list>
/// Both become additive with a <see cref="MetricFact.SubtreeCorrection"/> at a deepest common ancestor, so the evaluator still
/// rolls any subtree up by summing, and every target reads what a query of its own subtree would have counted.
/// </summary>
public sealed class MetricTree
{
    private readonly Dictionary<long, string> _paths;

    private MetricTree(Dictionary<long, string> paths) => _paths = paths;

    public static async Task<MetricTree> LoadAsync(MetricScope scope, CancellationToken ct) =>
        new(await scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).ToDictionaryAsync(o => o.Id, o => o.Path, ct));

    public bool Contains(long organizationId) => _paths.ContainsKey(organizationId);

    /// <summary>
    /// Flows counted at <c>CountedAt</c> (in the subtree): +value there, and when the other end lies in the subtree too, −value at
    /// the two ends' deepest common ancestor — a subtree holds both ends exactly when it holds that ancestor.
    /// </summary>
    public IReadOnlyList<MetricFact> Flows(IEnumerable<(long CountedAt, long? OtherEnd, decimal Value)> flows)
    {
        var facts = new List<MetricFact>();
        foreach (var (countedAt, otherEnd, value) in flows)
        {
            facts.Add(new MetricFact(countedAt, null, value));
            if (otherEnd is long other && Contains(other) && Contains(countedAt))
                facts.Add(new MetricFact(CommonAncestor(countedAt, other), null, -value, SubtreeCorrection: true));
        }

        return Merge(facts);
    }

    /// <summary>
    /// Each key (a member) once in any subtree holding one of its organizations: +1 at each of them, and −1 at the common ancestor
    /// of each two that follow each other in tree order. A subtree's organizations are consecutive in that order, so for k of
    /// them it sums k − (k − 1) = 1, and the ancestors of pairs it does not wholly hold lie outside it.
    /// </summary>
    public IReadOnlyList<MetricFact> Distinct<TKey>(IEnumerable<(TKey Key, long OrganizationId)> pairs)
        where TKey : notnull
    {
        var facts = new List<MetricFact>();
        foreach (var group in pairs.Where(p => Contains(p.OrganizationId)).GroupBy(p => p.Key))
        {
            // Paths sort in tree order: a node's path is a prefix of its descendants', which fill the range right after it.
            var organizations = group.Select(p => p.OrganizationId).Distinct().OrderBy(id => _paths[id], StringComparer.Ordinal).ToList();
            for (var i = 0; i < organizations.Count; i++)
            {
                facts.Add(new MetricFact(organizations[i], null, 1));
                if (i > 0) facts.Add(new MetricFact(CommonAncestor(organizations[i - 1], organizations[i]), null, -1, SubtreeCorrection: true));
            }
        }

        return Merge(facts);
    }

    /// <summary>The deepest organization whose subtree holds both (either one, when it lies above the other).</summary>
    public long CommonAncestor(long a, long b)
    {
        var (x, y) = (OrgPath.Ids(_paths[a]), OrgPath.Ids(_paths[b]));
        var n = 0;
        while (n < x.Count && n < y.Count && x[n] == y[n]) n++;
        // Both lie in the scope's subtree, so they share at least its root.
        return x[n - 1];
    }

    private static List<MetricFact> Merge(IEnumerable<MetricFact> facts) =>
        facts.GroupBy(f => (f.OrganizationId, f.SubtreeCorrection))
            .Select(g => new MetricFact(g.Key.OrganizationId, null, g.Sum(f => f.Value), SubtreeCorrection: g.Key.SubtreeCorrection))
            .Where(f => f.Value != 0)
            .ToList();
}
