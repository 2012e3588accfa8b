using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Metrics;

/// <summary>Which organizations a statistics request is about, relative to the chosen node.</summary>
public enum MetricTargetMode
{
    /// <summary>The node with everything under it: one row.</summary>
    Subtree,

    /// <summary>The node's own records only: one row.</summary>
    Self,

    /// <summary>One row per direct child (each with its subtree), then the node's own records, then the node's subtree total.</summary>
    Children,
}

/// <summary>Figures for (metrics × organizations × period). <see cref="OrganizationId"/> null: the caller's first root.</summary>
public sealed record GetMetricValuesQuery(long? OrganizationId, MetricTargetMode Mode, DateOnly From, DateOnly To, IReadOnlyList<string> Refs);

public sealed record MetricTableRow(long OrganizationId, string Name, string Path, bool IncludeSubtree, string RowLabel)
{
    public MetricTarget Target => new(OrganizationId, Path, IncludeSubtree);
}

/// <summary>A statistics table: one row per organization target, one column per metric reference.</summary>
public sealed record MetricTable(
    MetricTableRow Node, DateOnly From, DateOnly To, IReadOnlyList<MetricTableRow> Rows, IReadOnlyList<ResolvedMetricRef> Columns, MetricReadings Readings)
{
    public MetricReading Reading(MetricTableRow row, ResolvedMetricRef column) => Readings.Get(column.Ref, row.OrganizationId, row.IncludeSubtree);
}

public sealed class GetMetricValuesHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<MetricTable>> HandleAsync(GetMetricValuesQuery query, AccessScope scope, CancellationToken ct)
    {
        if (query.From > query.To) return MetricErrors.Period(query.From, query.To);
        if (query.Refs.Count == 0) return Error.Validation("metric.none", "请至少选择一个指标", "keys");
        var refs = new List<MetricRef>();
        var errors = new List<Error>();
        foreach (var text in query.Refs)
        {
            var parsed = MetricRef.Parse(text);
            if (parsed.IsSuccess) refs.Add(parsed.Value);
            else errors.AddRange(parsed.Errors);
        }

        if (errors.Count > 0) return Result<MetricTable>.Failure(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var node = await MetricScopeNode.LoadAsync(db, scope, query.OrganizationId, ct);
        if (!node.IsSuccess) return Result<MetricTable>.Failure(node.Errors);

        var resolved = await MetricEvaluator.ResolveAsync(db, MetricCatalogue.Default, refs, ct);
        if (!resolved.IsSuccess) return Result<MetricTable>.Failure(resolved.Errors);

        var n = node.Value;
        var rows = new List<MetricTableRow>();
        switch (query.Mode)
        {
            case MetricTargetMode.Subtree:
                rows.Add(n with { IncludeSubtree = true, RowLabel = n.Name });
                break;
            case MetricTargetMode.Self:
                rows.Add(n with { IncludeSubtree = false, RowLabel = n.Name + "（本级）" });
                break;
            case MetricTargetMode.Children:
                var children = await db.Organizations.AsNoTracking().BelowPath(n.Path)
                    .Where(o => o.ParentId == n.OrganizationId)
                    .OrderBy(o => o.SortOrder).ThenBy(o => o.Code)
                    .Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(ct);
                rows.AddRange(children.Select(c => new MetricTableRow(c.Id, c.Name, c.Path, true, c.Name)));
                rows.Add(n with { IncludeSubtree = false, RowLabel = n.Name + "（本级）" });
                rows.Add(n with { IncludeSubtree = true, RowLabel = "合计" });
                break;
        }

        var readings = await MetricEvaluator.EvaluateAsync(db, resolved.Value, rows.Select(r => r.Target).ToList(), query.From, query.To, ct);
        return new MetricTable(n, query.From, query.To, rows, resolved.Value, readings);
    }
}

/// <summary>The node a statistics or records request is about, checked against the caller's scope.</summary>
public static class MetricScopeNode
{
    public static async Task<Result<MetricTableRow>> LoadAsync(DangjianDbContext db, AccessScope scope, long? organizationId, CancellationToken ct)
    {
        var organizations = scope.Organizations(db.Organizations.AsNoTracking());
        var node = organizationId is long id
            ? await organizations.Where(o => o.Id == id).Select(o => new { o.Id, o.Name, o.Path }).SingleOrDefaultAsync(ct)
            : await organizations.OrderBy(o => o.Path.Length).ThenBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Path }).FirstOrDefaultAsync(ct);
        if (node is null) return OrganizationErrors.NotFound(organizationId ?? 0);
        return new MetricTableRow(node.Id, node.Name, node.Path, true, node.Name);
    }
}

/// <summary>The records behind one figure ("show me the 12 党课"), a page at a time.</summary>
public sealed record GetMetricRecordsQuery(long? OrganizationId, bool IncludeSubtree, DateOnly From, DateOnly To, string Ref, int Page = 1, int PageSize = 50);

public sealed record MetricRecordsPage(
    MetricTableRow Node, bool IncludeSubtree, DateOnly From, DateOnly To, MetricReading Reading, IReadOnlyList<MetricRecordRow> Records, int Total, int Page, int PageSize);

public sealed record MetricRecordRow(MetricRecord Record, string OrganizationName);

public sealed class GetMetricRecordsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<Result<MetricRecordsPage>> HandleAsync(GetMetricRecordsQuery query, AccessScope scope, CancellationToken ct)
    {
        if (query.From > query.To) return MetricErrors.Period(query.From, query.To);
        var parsed = MetricRef.Parse(query.Ref);
        if (!parsed.IsSuccess) return Result<MetricRecordsPage>.Failure(parsed.Errors);
        if (parsed.Value.IsBreakdown) return Error.Validation("metric.ref", "请指定维度的取值，例如“meetings.count|kind=党课”", "key");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var node = await MetricScopeNode.LoadAsync(db, scope, query.OrganizationId, ct);
        if (!node.IsSuccess) return Result<MetricRecordsPage>.Failure(node.Errors);
        var resolved = await MetricEvaluator.ResolveAsync(db, MetricCatalogue.Default, [parsed.Value], ct);
        if (!resolved.IsSuccess) return Result<MetricRecordsPage>.Failure(resolved.Errors);

        var column = resolved.Value[0];
        var target = node.Value.Target with { IncludeSubtree = query.IncludeSubtree };
        var reading = (await MetricEvaluator.EvaluateAsync(db, resolved.Value, [target], query.From, query.To, ct)).All[0];
        var records = MetricEvaluator.Records(column.Metric, new MetricScope(db, target.Path, query.From, query.To), target, column.Ref.Dimension, column.DimensionCode);
        var total = await records.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var rows = await records.OrderByDescending(r => r.Date).ThenByDescending(r => r.RecordId).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(r => r.OrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new MetricRecordsPage(node.Value, query.IncludeSubtree, query.From, query.To, reading,
            rows.Select(r => new MetricRecordRow(r, names.GetValueOrDefault(r.OrganizationId, ""))).ToList(), total, page, size);
    }
}
