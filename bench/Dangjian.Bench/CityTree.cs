using System.Diagnostics;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;

namespace Dangjian.Bench;

/// <summary>
/// The shape of a generated city: 市委 → districts (区委) → townships/streets (街道党工委) → communities (社区党总支)
/// → branches (党支部) → groups (党小组). The default gives districts of 1,009 organizations each and a city of 20,181.
/// </summary>
internal sealed record CityShape(int Districts, int Townships, int GeneralBranches, int Branches, int Groups)
{
    public static readonly CityShape Default = new(20, 8, 5, 6, 3);

    public int DistrictSize => 1 + (Townships * (1 + (GeneralBranches * (1 + (Branches * (1 + Groups))))));

    public int Total => 1 + (Districts * DistrictSize);
}

internal sealed record CityTree(CityShape Shape, long RootId, IReadOnlyList<long> DistrictIds, TimeSpan Elapsed, Stats CreateLatency);

/// <summary>
/// Builds the city through the real use case, <see cref="CreateOrganizationHandler"/>, one organization at a time:
/// validation, the parent checks, the insert-then-place transaction and the audit rows all run, as they would for
/// an import. Slower than bulk SQL, but it measures what the application really does, and no path is computed by the bench.
/// </summary>
internal static class CityGenerator
{
    public static async Task<CityTree> GenerateAsync(CreateOrganizationHandler create, CityShape shape, TextWriter progress)
    {
        var everything = AccessScope.Everything(null);
        var latencies = new List<double>(shape.Total);
        var total = Stopwatch.StartNew();
        var created = 0;

        async Task<long> Add(long? parentId, string code, string name, OrganizationKind kind, int sortOrder, UnitCategory? category = null)
        {
            var input = new OrganizationInput { Code = code, Name = name, Kind = kind, SortOrder = sortOrder, HostUnitCategory = category };
            var stopwatch = Stopwatch.StartNew();
            var result = await create.HandleAsync(new CreateOrganizationCommand(parentId, input), everything, CancellationToken.None);
            latencies.Add(stopwatch.Elapsed.TotalMilliseconds);
            if (!result.IsSuccess) throw new InvalidOperationException($"{code}: {result.FirstError.Message}");
            if (++created % 2000 == 0) progress.WriteLine($"  … {created:N0} / {shape.Total:N0} organizations, {total.Elapsed.TotalSeconds:F0} s");
            return result.Value;
        }

        var root = await Add(null, "CITY", "中共某市委员会", OrganizationKind.Committee, 0, UnitCategory.GovernmentOrgan);
        var districts = new List<long>();
        for (var d = 1; d <= shape.Districts; d++)
        {
            var dc = $"D{d:00}";
            var district = await Add(root, dc, $"中共某市第{d}区委员会", OrganizationKind.Committee, d, UnitCategory.GovernmentOrgan);
            districts.Add(district);
            for (var t = 1; t <= shape.Townships; t++)
            {
                var tc = $"{dc}T{t}";
                var township = await Add(district, tc, $"第{d}区第{t}街道党工委", OrganizationKind.WorkingCommittee, t, UnitCategory.GovernmentOrgan);
                for (var g = 1; g <= shape.GeneralBranches; g++)
                {
                    var gc = $"{tc}G{g}";
                    var community = await Add(township, gc, $"第{d}区第{t}街道第{g}社区党总支", OrganizationKind.GeneralBranch, g, UnitCategory.Community);
                    for (var b = 1; b <= shape.Branches; b++)
                    {
                        var bc = $"{gc}B{b}";
                        var branch = await Add(community, bc, $"第{d}区第{t}街道第{g}社区第{b}党支部", OrganizationKind.Branch, b, UnitCategory.Community);
                        for (var p = 1; p <= shape.Groups; p++)
                        {
                            await Add(branch, $"{bc}P{p}", $"第{b}党支部第{p}党小组", OrganizationKind.Group, p);
                        }
                    }
                }
            }
        }

        return new CityTree(shape, root, districts, total.Elapsed, Stats.Of(latencies));
    }
}
