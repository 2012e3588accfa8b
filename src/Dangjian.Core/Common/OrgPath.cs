using System.Linq.Expressions;

namespace Dangjian.Core.Common;

/// <summary>
/// The organization tree is a materialized path: "/1/5/23/" lists the ids from the root down to the node itself
/// (docs/adr/0003). "This node and everything under it" is the half-open string range [path, RangeEnd(path)).
/// We compare as a range instead of <c>StartsWith</c> because SQLite turns LIKE into a full scan (stack.md, trap 9).
/// </summary>
public static class OrgPath
{
    public const char Separator = '/';

    public static string Root(long id) => $"/{id}/";

    public static string Child(string parentPath, long id) => $"{parentPath}{id}/";

    /// <summary>The smallest string greater than every path that starts with <paramref name="path"/>.</summary>
    public static string RangeEnd(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Paths end with '/', and '0' is the next character; ids are digits, so nothing sorts between.
        return path[..^1] + (char)(path[^1] + 1);
    }

    public static bool IsWithin(string path, string ancestorPath) =>
        string.CompareOrdinal(path, ancestorPath) >= 0 && string.CompareOrdinal(path, RangeEnd(ancestorPath)) < 0;

    public static int Depth(string path) => path.Count(c => c == Separator) - 1;

    public static IReadOnlyList<long> Ids(string path) =>
        path.Split(Separator, StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();

    /// <summary>An expression "selector(x) lies in one of these subtrees", as OR-ed index ranges.</summary>
    public static Expression<Func<T, bool>> WithinAny<T>(Expression<Func<T, string>> pathSelector, IEnumerable<string> roots)
    {
        var parameter = pathSelector.Parameters[0];
        var pathExpression = pathSelector.Body;
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        Expression? body = null;
        foreach (var root in Minimal(roots))
        {
            Expression low = Expression.GreaterThanOrEqual(
                Expression.Call(compare, pathExpression, Expression.Constant(root)), Expression.Constant(0));
            Expression high = Expression.LessThan(
                Expression.Call(compare, pathExpression, Expression.Constant(RangeEnd(root))), Expression.Constant(0));
            var range = Expression.AndAlso(low, high);
            body = body is null ? range : Expression.OrElse(body, range);
        }

        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(false), parameter);
    }

    /// <summary>Drops roots that lie inside another root, so a query never scans a range twice.</summary>
    public static IReadOnlyList<string> Minimal(IEnumerable<string> roots)
    {
        var sorted = roots.Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();
        var result = new List<string>();
        foreach (var path in sorted)
        {
            if (result.Count == 0 || !IsWithin(path, result[^1]))
            {
                result.Add(path);
            }
        }

        return result;
    }
}
