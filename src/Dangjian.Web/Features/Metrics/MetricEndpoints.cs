using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Metrics;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Features.Members.Import;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Metrics;

public static class MetricEndpoints
{
    public static RouteGroupBuilder MapMetricEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/metrics", async (GetMetricDefinitionsHandler handler, RequestAccess access, CancellationToken ct) => Results.Ok(await handler.HandleAsync(await access.ScopeAsync(ct), ct)))
            .WithTags("统计").WithSummary("指标目录：各模块登记的指标、单位、维度和口径");

        api.MapGet("/metrics/values", async (string? org, string? mode, string? from, string? to, string[]? keys,
                GetMetricValuesHandler handler, RequestAccess access, TimeProvider clock, CancellationToken ct) =>
            {
                var request = StatisticsRequest.ParseApi(org, mode, from, to, keys, clock.Today());
                if (!request.IsSuccess) return ProblemResponses.ToProblem(request.Errors);
                var result = await handler.HandleAsync(request.Value.Query, await access.ScopeAsync(ct), ct);
                return result.ToHttp(table => Results.Ok(MetricValuesResponse.Of(StatisticsTable.From(table), request.Value.Mode)));
            })
            .WithTags("统计").WithSummary(
                "指标取值：org 组织（默认第一个管理范围），mode=subtree（含下级合计）|self（仅本级）|children（下级组织各一行，另有本级与合计），" +
                "from/to 统计期（yyyy-MM-dd，默认本年初至今），keys 指标（逗号分隔，可写 key、key|维度=值、key{维度}）；value 为 null 表示暂无数据");

        api.MapGet("/metrics/records", async (string? org, string? subtree, string? from, string? to, string? key, int? page, int? pageSize,
                GetMetricRecordsHandler handler, RequestAccess access, TimeProvider clock, CancellationToken ct) =>
            {
                var request = RecordsRequest.Parse(org, subtree, from, to, key, page, pageSize, clock.Today());
                if (!request.IsSuccess) return ProblemResponses.ToProblem(request.Errors);
                var result = await handler.HandleAsync(request.Value, await access.ScopeAsync(ct), ct);
                return result.ToHttp(p => Results.Ok(MetricRecordsResponse.Of(p)));
            })
            .WithTags("统计").WithSummary("某个数字背后的记录（分页）：参数同指标取值，key 为一个指标（key 或 key|维度=值），subtree=false 只看本级");

        return api;
    }

    /// <summary>The statistics page's download (cookie session): the same table as the page, as xlsx.</summary>
    public static IEndpointRouteBuilder MapMetricPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/statistics/export", async (string? org, string? mode, string? period, string? year, string? from, string? to, string[]? keys,
                GetMetricValuesHandler handler, RequestAccess access, TimeProvider clock, CancellationToken ct) =>
            {
                var request = StatisticsRequest.Parse(org, mode, period, year, from, to, keys, clock.Today());
                if (!request.IsSuccess) return ProblemResponses.ToProblem(request.Errors);
                var result = await handler.HandleAsync(request.Value.Query, await access.ScopeAsync(ct), ct);
                return result.ToHttp(table =>
                {
                    var statistics = StatisticsTable.From(table);
                    var name = $"统计查询-{table.Node.Name}-{table.From:yyyyMMdd}至{table.To:yyyyMMdd}.xlsx";
                    return Results.File(XlsxWriter.Write(StatisticsSheet.SheetName, StatisticsSheet.Headers(statistics), StatisticsSheet.Rows(statistics)),
                        MemberImportEndpoints.XlsxContentType, name);
                });
            });
        return app;
    }
}

/// <summary>What a statistics request asks for: one node, how its rows are formed, a period and the metric references.</summary>
public sealed record StatisticsRequest(long? OrganizationId, MetricTargetMode Mode, MetricPeriod Period, IReadOnlyList<string> Refs)
{
    public GetMetricValuesQuery Query => new(OrganizationId, Mode, Period.From, Period.To, Refs);

    /// <summary>The statistics page's GET form: period presets, or from/to.</summary>
    public static Result<StatisticsRequest> Parse(string? org, string? mode, string? period, string? year, string? from, string? to, IEnumerable<string?>? keys, DateOnly today)
    {
        var errors = new List<Error>();
        var id = Organization(org, errors);
        var targetMode = MetricInput.Mode(mode, errors);
        var parsedPeriod = MetricPeriod.Parse(period, year, from, to, today);
        if (!parsedPeriod.IsSuccess) errors.AddRange(parsedPeriod.Errors);
        if (errors.Count > 0) return Result<StatisticsRequest>.Failure(errors);
        return new StatisticsRequest(id, targetMode!.Value, parsedPeriod.Value, MetricInput.Refs(keys));
    }

    /// <summary>The API: from/to only (default this year to date).</summary>
    public static Result<StatisticsRequest> ParseApi(string? org, string? mode, string? from, string? to, IEnumerable<string?>? keys, DateOnly today) =>
        Parse(org, mode, null, null, from, to, keys, today);

    /// <summary>The query string of this request, for links and the export.</summary>
    public string QueryString()
    {
        var parts = new List<string>();
        if (OrganizationId is long id) parts.Add($"org={id}");
        parts.Add($"mode={MetricInput.ModeCode(Mode)}");
        parts.Add($"period={Period.Preset}");
        parts.Add($"year={Period.Year}");
        if (Period.Preset == MetricPeriod.Custom) parts.Add($"from={MetricLinks.Date(Period.From)}&to={MetricLinks.Date(Period.To)}");
        parts.AddRange(Refs.Select(r => "keys=" + Uri.EscapeDataString(r)));
        return string.Join("&", parts);
    }

    public static long? Organization(string? text, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return id;
        errors.Add(Error.Validation("metric.org", $"组织“{text}”无效，应为组织编号", "org"));
        return null;
    }
}

/// <summary>The records request of the records page and the API.</summary>
public static class RecordsRequest
{
    public static Result<GetMetricRecordsQuery> Parse(string? org, string? subtree, string? from, string? to, string? key, int? page, int? pageSize, DateOnly today)
    {
        var errors = new List<Error>();
        var id = StatisticsRequest.Organization(org, errors);
        var fromDate = MetricInput.Date(from, "from", "开始日期", errors);
        var toDate = MetricInput.Date(to, "to", "结束日期", errors);
        var includeSubtree = MetricInput.Bool(subtree);
        if (!string.IsNullOrWhiteSpace(subtree) && includeSubtree is null)
            errors.Add(Error.Validation("metric.subtree", $"subtree“{subtree}”无效，应为 true（含下级）或 false（仅本级）", "subtree"));
        if (string.IsNullOrWhiteSpace(key)) errors.Add(Error.Validation("metric.ref", "请指定指标（key）", "key"));
        if (errors.Count > 0) return Result<GetMetricRecordsQuery>.Failure(errors);
        var end = toDate ?? today;
        var size = Math.Clamp(pageSize ?? 50, 1, GetMetricRecordsHandler.MaxPageSize);
        return new GetMetricRecordsQuery(id, includeSubtree ?? true, fromDate ?? new DateOnly(end.Year, 1, 1), end, key!.Trim(), Math.Max(1, page ?? 1), size);
    }
}

/// <summary>GET /api/v1/metrics/values: rows × columns; a null value is "no data", never 0.</summary>
public sealed record MetricValuesResponse(
    MetricValuesNode Organization, string Mode, DateOnly From, DateOnly To, IReadOnlyList<MetricValuesColumn> Columns, IReadOnlyList<MetricValuesRow> Rows)
{
    public static MetricValuesResponse Of(StatisticsTable table, MetricTargetMode mode) => new(
        new MetricValuesNode(table.Source.Node.OrganizationId, table.Source.Node.Name),
        MetricInput.ModeCode(mode), table.Source.From, table.Source.To,
        table.Columns.Select(c => new MetricValuesColumn(c.Ref, c.Key, c.Label, c.Unit, c.Dimension, c.DimensionValue)).ToList(),
        table.Rows.Select(r => new MetricValuesRow(r.Row.OrganizationId, r.Row.Name, r.Row.RowLabel, r.Row.IncludeSubtree, r.Cells.Select(c => c.Value).ToList())).ToList());
}

public sealed record MetricValuesNode(long Id, string Name);

public sealed record MetricValuesColumn(string Ref, string Key, string Label, string Unit, string? Dimension, string? DimensionValue);

public sealed record MetricValuesRow(long OrganizationId, string Name, string Label, bool IncludeSubtree, IReadOnlyList<decimal?> Values);

/// <summary>GET /api/v1/metrics/records: the figure, then its records a page at a time, each with the address of its page.</summary>
public sealed record MetricRecordsResponse(
    string Ref, string Key, string Label, string Unit, decimal? Value, MetricValuesNode Organization, bool IncludeSubtree, DateOnly From, DateOnly To,
    int Total, int Page, int PageSize, IReadOnlyList<MetricRecordItem> Items)
{
    public static MetricRecordsResponse Of(MetricRecordsPage p) => new(
        p.Reading.Ref.ToString(), p.Reading.Definition.Key, p.Reading.Label, p.Reading.Definition.Unit, p.Reading.Value,
        new MetricValuesNode(p.Node.OrganizationId, p.Node.Name), p.IncludeSubtree, p.From, p.To, p.Total, p.Page, p.PageSize,
        p.Records.Select(r => new MetricRecordItem(r.Record.RecordType, r.Record.RecordId, r.Record.OrganizationId, r.OrganizationName,
            r.Record.Date, r.Record.Title, r.Record.Detail, MetricLinks.Record(r.Record))).ToList());
}

public sealed record MetricRecordItem(string RecordType, long RecordId, long OrganizationId, string OrganizationName, DateOnly? Date, string Title, string? Detail, string? Url);

/// <summary>The statistics table as one sheet: "组织", then one column per figure with its unit; "—" where there is no data.</summary>
public static class StatisticsSheet
{
    public const string SheetName = "统计查询";
    public const string NoDataCell = "—";

    public static IReadOnlyList<string> Headers(StatisticsTable table) => ["组织", .. table.Columns.Select(c => c.Header)];

    public static IEnumerable<IReadOnlyList<string?>> Rows(StatisticsTable table) =>
        table.Rows.Select(r => (IReadOnlyList<string?>)[r.Row.RowLabel, .. r.Cells.Select((c, i) => c.Value is decimal v ? MetricDisplay.Export(v, table.Columns[i].Unit) : NoDataCell)]);
}
