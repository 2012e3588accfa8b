using System.Globalization;
using Dangjian.Core.Common;

namespace Dangjian.Core.Tests.Common;

public sealed class OrgPathTests
{
    private sealed record Row(string Path);

    // ---- Root / Child -------------------------------------------------------------------------

    [Theory]
    [InlineData(1L, "/1/")]
    [InlineData(10L, "/10/")]
    [InlineData(9_007_199_254_740_993L, "/9007199254740993/")]
    public void Root_AnyId_IsIdBetweenSeparators(long id, string expected) =>
        OrgPath.Root(id).ShouldBe(expected);

    [Fact]
    public void Child_OfRoot_AppendsIdAndSeparator() =>
        OrgPath.Child("/1/", 5).ShouldBe("/1/5/");

    [Fact]
    public void Child_Nested_BuildsFullAncestorPath() =>
        OrgPath.Child(OrgPath.Child(OrgPath.Root(1), 5), 23).ShouldBe("/1/5/23/");

    [Fact]
    public void Child_AnyParent_IsWithinParent()
    {
        var parent = "/1/5/";
        OrgPath.IsWithin(OrgPath.Child(parent, 50), parent).ShouldBeTrue();
    }

    // ---- RangeEnd ----------------------------------------------------------------------------

    [Theory]
    [InlineData("/1/", "/10")]
    [InlineData("/1/5/", "/1/50")]
    [InlineData("/1/5/23/", "/1/5/230")]
    public void RangeEnd_PathEndingWithSeparator_ReplacesLastSeparatorWithZero(string path, string expected) =>
        OrgPath.RangeEnd(path).ShouldBe(expected);

    [Fact]
    public void RangeEnd_AnyPath_IsGreaterThanPathAndEveryDescendant()
    {
        var path = "/1/5/";
        var end = OrgPath.RangeEnd(path);
        string.CompareOrdinal(path, end).ShouldBeLessThan(0);
        foreach (var descendant in new[] { "/1/5/0/", "/1/5/9/", "/1/5/99999999/", "/1/5/9/9/9/" })
        {
            string.CompareOrdinal(descendant, end).ShouldBeLessThan(0, descendant);
        }
    }

    [Fact]
    public void RangeEnd_SiblingWithLongerIdSharingPrefix_IsNotBelowRangeEnd()
    {
        // "/1/50/" starts with "/1/5" but is not under "/1/5/": it must fall on or after the end of the range.
        string.CompareOrdinal("/1/50/", OrgPath.RangeEnd("/1/5/")).ShouldBeGreaterThanOrEqualTo(0);
        string.CompareOrdinal("/1/50", OrgPath.RangeEnd("/1/5/")).ShouldBe(0);
    }

    [Fact]
    public void RangeEnd_Empty_Throws() =>
        Should.Throw<ArgumentException>(() => OrgPath.RangeEnd(""));

    [Fact]
    public void RangeEnd_Null_Throws() =>
        Should.Throw<ArgumentNullException>(() => OrgPath.RangeEnd(null!));

    // ---- IsWithin ----------------------------------------------------------------------------

    [Theory]
    [InlineData("/1/", "/1/", true)] // a node is within its own subtree
    [InlineData("/1/2/", "/1/", true)]
    [InlineData("/1/2/3/", "/1/", true)]
    [InlineData("/1/10/", "/1/", true)]
    [InlineData("/10/", "/1/", false)] // the classic prefix trap
    [InlineData("/10/1/", "/1/", false)]
    [InlineData("/1/", "/10/", false)]
    [InlineData("/1/", "/1/2/", false)] // an ancestor is not within its descendant
    [InlineData("/2/", "/1/", false)]
    [InlineData("/1/5/9/", "/1/5/", true)]
    [InlineData("/1/50/", "/1/5/", false)]
    [InlineData("/1/51/9/", "/1/5/", false)]
    [InlineData("/1/4/", "/1/5/", false)]
    [InlineData("/0/", "/1/", false)]
    public void IsWithin_KnownPairs_MatchesSubtreeMembership(string path, string ancestor, bool expected) =>
        OrgPath.IsWithin(path, ancestor).ShouldBe(expected);

    [Fact]
    public void IsWithin_GeneratedPaths_AgreesWithOrdinalStartsWith()
    {
        var paths = GeneratePaths(seed: 20261122, count: 400);
        var mismatches = new List<string>();
        foreach (var path in paths)
        {
            foreach (var ancestor in paths)
            {
                var expected = path.StartsWith(ancestor, StringComparison.Ordinal);
                if (OrgPath.IsWithin(path, ancestor) != expected)
                {
                    mismatches.Add($"{path} within {ancestor}: expected {expected}");
                }
            }
        }

        mismatches.ShouldBeEmpty();
    }

    // ---- Depth / Ids -------------------------------------------------------------------------

    [Theory]
    [InlineData("/1/", 1)]
    [InlineData("/1/5/", 2)]
    [InlineData("/1/5/23/", 3)]
    [InlineData("/10/200/3000/40000/", 4)]
    public void Depth_Path_CountsNodesFromRoot(string path, int expected) =>
        OrgPath.Depth(path).ShouldBe(expected);

    [Fact]
    public void Depth_Child_IsParentDepthPlusOne() =>
        OrgPath.Depth(OrgPath.Child("/1/5/", 23)).ShouldBe(OrgPath.Depth("/1/5/") + 1);

    [Fact]
    public void Ids_Path_ListsIdsFromRootToNode() =>
        OrgPath.Ids("/1/5/23/").ShouldBe([1L, 5L, 23L]);

    [Fact]
    public void Ids_Root_IsSingleId() =>
        OrgPath.Ids("/10/").ShouldBe([10L]);

    [Fact]
    public void Ids_LargeIds_ParsedAsLong() =>
        OrgPath.Ids("/1/9007199254740993/").ShouldBe([1L, 9_007_199_254_740_993L]);

    [Fact]
    public void Ids_GeneratedPaths_RoundTripThroughRootAndChild()
    {
        foreach (var path in GeneratePaths(seed: 7, count: 100))
        {
            var ids = OrgPath.Ids(path);
            var rebuilt = ids.Skip(1).Aggregate(OrgPath.Root(ids[0]), OrgPath.Child);
            rebuilt.ShouldBe(path);
            ids.Count.ShouldBe(OrgPath.Depth(path));
        }
    }

    // ---- Minimal -----------------------------------------------------------------------------

    [Fact]
    public void Minimal_NestedRoots_DropsDescendants() =>
        OrgPath.Minimal(["/1/5/9/", "/1/", "/1/5/"]).ShouldBe(["/1/"]);

    [Fact]
    public void Minimal_PrefixSiblings_KeepsBoth() =>
        OrgPath.Minimal(["/10/", "/1/"]).ShouldBe(["/1/", "/10/"]);

    [Fact]
    public void Minimal_DescendantAfterPrefixSibling_StillDropped() =>
        OrgPath.Minimal(["/1/50/", "/1/5/9/", "/1/5/"]).ShouldBe(["/1/5/", "/1/50/"]);

    [Fact]
    public void Minimal_Duplicates_KeptOnce() =>
        OrgPath.Minimal(["/2/", "/2/", "/2/"]).ShouldBe(["/2/"]);

    [Fact]
    public void Minimal_Empty_IsEmpty() =>
        OrgPath.Minimal([]).ShouldBeEmpty();

    [Fact]
    public void Minimal_GeneratedRoots_CoverSameSetWithNoNestedEntries()
    {
        var random = new Random(42);
        var universe = GeneratePaths(seed: 99, count: 300);
        for (var round = 0; round < 50; round++)
        {
            var roots = universe.OrderBy(_ => random.Next()).Take(random.Next(0, 12)).ToList();
            var minimal = OrgPath.Minimal(roots);

            // No kept root lies inside another kept root.
            foreach (var a in minimal)
            {
                foreach (var b in minimal.Where(b => b != a))
                {
                    OrgPath.IsWithin(a, b).ShouldBeFalse($"{a} within {b}");
                }
            }

            // Every original root is still covered, and nothing new is covered.
            roots.ShouldAllBe(r => minimal.Any(m => OrgPath.IsWithin(r, m)));
            minimal.ShouldAllBe(m => roots.Contains(m));
        }
    }

    // ---- WithinAny ---------------------------------------------------------------------------

    [Fact]
    public void WithinAny_NoRoots_IsAlwaysFalse()
    {
        var predicate = OrgPath.WithinAny<Row>(r => r.Path, []).Compile();
        foreach (var path in new[] { "/1/", "/1/2/", "/10/", "" })
        {
            predicate(new Row(path)).ShouldBeFalse(path);
        }
    }

    [Fact]
    public void WithinAny_SingleRoot_ExcludesPrefixSibling()
    {
        var predicate = OrgPath.WithinAny<Row>(r => r.Path, ["/1/"]).Compile();
        predicate(new Row("/1/")).ShouldBeTrue();
        predicate(new Row("/1/2/")).ShouldBeTrue();
        predicate(new Row("/10/")).ShouldBeFalse();
        predicate(new Row("/2/")).ShouldBeFalse();
    }

    [Fact]
    public void WithinAny_SeveralRoots_MatchesAnyOfThem()
    {
        var predicate = OrgPath.WithinAny<Row>(r => r.Path, ["/1/5/", "/3/", "/1/5/9/"]).Compile();
        predicate(new Row("/1/5/")).ShouldBeTrue();
        predicate(new Row("/1/5/9/7/")).ShouldBeTrue();
        predicate(new Row("/3/4/")).ShouldBeTrue();
        predicate(new Row("/1/50/")).ShouldBeFalse();
        predicate(new Row("/1/")).ShouldBeFalse();
        predicate(new Row("/30/")).ShouldBeFalse();
    }

    [Fact]
    public void WithinAny_GeneratedPathsAndRoots_AgreesWithIsWithin()
    {
        var random = new Random(1949);
        var paths = GeneratePaths(seed: 1921, count: 300);
        for (var round = 0; round < 40; round++)
        {
            var roots = paths.OrderBy(_ => random.Next()).Take(random.Next(0, 6)).ToList();
            var predicate = OrgPath.WithinAny<Row>(r => r.Path, roots).Compile();
            foreach (var path in paths)
            {
                predicate(new Row(path)).ShouldBe(roots.Any(root => OrgPath.IsWithin(path, root)), $"{path} in [{string.Join(", ", roots)}]");
            }
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    [InlineData("")]
    public void WithinAny_CompiledUnderCulture_AgreesWithIsWithin(string culture)
    {
        // Compiled in memory, the predicate's string.Compare is culture-sensitive, unlike IsWithin's ordinal compare;
        // the hosts run with zh-CN, so the two must still agree on every path.
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var paths = GeneratePaths(seed: 2026, count: 200);
            string[] roots = ["/1/", "/1/5/", "/10/1/", "/100/", "/2/50/"];
            var predicate = OrgPath.WithinAny<Row>(r => r.Path, roots).Compile();
            foreach (var path in paths)
            {
                predicate(new Row(path)).ShouldBe(roots.Any(root => OrgPath.IsWithin(path, root)), path);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void WithinAny_NestedRoots_EmitsOneRangePerMinimalRoot()
    {
        var expression = OrgPath.WithinAny<Row>(r => r.Path, ["/1/", "/1/5/", "/2/"]);
        // Two ranges joined by one OR: the nested root "/1/5/" adds no range of its own.
        var text = expression.Body.ToString();
        CountOccurrences(text, "OrElse").ShouldBe(1, text);
        text.ShouldNotContain("/1/5/");
    }

    private static int CountOccurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Random trees whose ids share decimal prefixes (1, 10, 100, 5, 50, ...), so siblings such as /1/ and /10/
    /// and /1/5/ and /1/50/ are common. Every generated path's ancestors are in the list too.
    /// </summary>
    private static List<string> GeneratePaths(int seed, int count)
    {
        long[] ids = [1, 2, 5, 9, 10, 11, 12, 19, 20, 50, 51, 99, 100, 101, 105, 500, 1000];
        var random = new Random(seed);
        var paths = new List<string> { "/1/", "/10/" };
        while (paths.Count < count)
        {
            var id = ids[random.Next(ids.Length)];
            var path = random.Next(5) == 0 ? OrgPath.Root(id) : OrgPath.Child(paths[random.Next(paths.Count)], id);
            if (OrgPath.Depth(path) <= 6 && !paths.Contains(path))
            {
                paths.Add(path);
            }
        }

        return paths;
    }
}
