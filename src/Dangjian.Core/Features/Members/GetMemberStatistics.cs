using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>党员统计: every breakdown of <c>members.count</c> for a subtree on a date (default: today; default subtree: the caller's first root).</summary>
public sealed record GetMemberStatisticsQuery(long? OrganizationId, DateOnly? Date);

public sealed record StatisticsRow(string? Key, string Label, int Count, decimal Percent);

public sealed record StatisticsTable(string Dimension, string Label, IReadOnlyList<StatisticsRow> Rows);

public sealed record MemberStatistics(long OrganizationId, string OrganizationName, DateOnly Date, int Total, IReadOnlyList<StatisticsTable> Tables);

public sealed class GetMemberStatisticsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<MemberStatistics>> HandleAsync(GetMemberStatisticsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = scope.Organizations(db.Organizations.AsNoTracking());
        var root = query.OrganizationId is long id
            ? await organizations.Where(o => o.Id == id).Select(o => new { o.Id, o.Name, o.Path }).SingleOrDefaultAsync(ct)
            : await organizations.OrderBy(o => o.Path.Length).ThenBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Path }).FirstOrDefaultAsync(ct);
        if (root is null) return OrganizationErrors.NotFound(query.OrganizationId ?? 0);

        var date = query.Date ?? clock.Today();
        var metric = MetricCatalogue.Default.Get(MembersCountMetric.Key);
        var metricScope = new MetricScope(db, root.Path, date, date);
        var total = (await metric.EvaluateAsync(metricScope, null, ct))[0].Value;
        var totalCount = (int)total;
        var tables = new List<StatisticsTable>();
        foreach (var dimension in metric.Definition.Dimensions)
        {
            var values = await metric.EvaluateAsync(metricScope, dimension.Key, ct);
            tables.Add(new StatisticsTable(dimension.Key, dimension.Label,
                values.Select(v => new StatisticsRow(v.Key, v.Label, (int)v.Value, Percent((int)v.Value, totalCount))).ToList()));
        }

        return new MemberStatistics(root.Id, root.Name, date, totalCount, tables);
    }

    /// <summary>Share with one decimal, half away from zero (ui.md: rates as 87.5%).</summary>
    public static decimal Percent(int count, int total) => MetricEvaluator.Percent(count, total);
}
