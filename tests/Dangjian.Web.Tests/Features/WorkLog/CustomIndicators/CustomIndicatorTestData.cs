using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.WorkLog.CustomIndicators;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.WorkLog.CustomIndicators;

/// <summary>Indicators and values created through the Core handlers of the running host, as a system administrator.</summary>
public static class CustomIndicatorTestData
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static string Key(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..8];

    public static async Task<long> DefineAsync(DangjianApp app, long organizationId, string key, string name, string unit = "篇", CustomAggregation aggregation = CustomAggregation.Sum, int decimals = 0)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<DefineCustomIndicatorHandler>().HandleAsync(
            new DefineCustomIndicatorCommand(new CustomIndicatorInput { Key = key, Name = name, Unit = unit, Aggregation = aggregation, Decimals = decimals, OrganizationId = organizationId }),
            AccessScope.Everything(null), CancellationToken.None);
        return Unwrap(result);
    }

    public static async Task<long> RecordAsync(DangjianApp app, long indicatorId, long organizationId, DateOnly on, decimal value, string? note = null)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<RecordCustomValueHandler>().HandleAsync(
            new RecordCustomValueCommand(new CustomValueInput { IndicatorId = indicatorId, OrganizationId = organizationId, RecordedOn = on, Value = value, Note = note }),
            AccessScope.Everything(null), CancellationToken.None);
        return Unwrap(result);
    }

    /// <summary>The figure of a metric for an organization's subtree over a period, through the statistics handler (null: no data).</summary>
    public static async Task<decimal?> FigureAsync(DangjianApp app, long organizationId, string metricKey, DateOnly from, DateOnly to)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<GetMetricValuesHandler>().HandleAsync(
            new GetMetricValuesQuery(organizationId, MetricTargetMode.Subtree, from, to, [metricKey]), AccessScope.Everything(null), CancellationToken.None);
        var table = Unwrap(result);
        return table.Reading(table.Rows.Single(), table.Columns.Single()).Value;
    }

    private static T Unwrap<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Message)));
}
