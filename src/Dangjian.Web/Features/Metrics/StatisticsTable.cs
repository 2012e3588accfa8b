using Dangjian.Core.Features.Metrics;

namespace Dangjian.Web.Features.Metrics;

/// <summary>
/// One column of a statistics table: a figure's total, or one value of a breakdown. <see cref="RecordsRef"/> is the
/// reference whose records the cell links to (null for "未填写", which has no code to ask for).
/// </summary>
public sealed record StatisticsColumn(string Ref, string Key, string Label, string Unit, string? Dimension, string? DimensionValue, string? RecordsRef)
{
    public string Header => MetricDisplay.Header(Label, Unit);
}

public sealed record StatisticsCell(decimal? Value, string? RecordsHref);

public sealed record StatisticsRow(MetricTableRow Row, IReadOnlyList<StatisticsCell> Cells);

/// <summary>
/// The statistics table of pages, xlsx and API alike: <see cref="MetricTable"/> with each <c>key{dimension}</c> expanded into
/// its total and one column per value. Built in one place so the three never disagree.
/// </summary>
public sealed record StatisticsTable(MetricTable Source, IReadOnlyList<StatisticsColumn> Columns, IReadOnlyList<StatisticsRow> Rows)
{
    public static StatisticsTable From(MetricTable table)
    {
        var columns = new List<StatisticsColumn>();
        var cellsOf = new List<Func<MetricTableRow, StatisticsCell>>();
        foreach (var column in table.Columns)
        {
            var definition = column.Metric.Definition;
            var metricRef = column.Ref;
            if (!metricRef.IsBreakdown)
            {
                // As written in the request (a code or a label): the catalogue resolves both.
                var label = metricRef.DimensionValue is null ? definition.Label : $"{definition.Label}（{metricRef.DimensionValue}）";
                // A value given by label ("kind=党课") links by its code, which is what the records query resolves fastest.
                var recordsRef = metricRef.Dimension is null ? metricRef.Key : new MetricRef(metricRef.Key, metricRef.Dimension, column.DimensionCode).ToString();
                columns.Add(new StatisticsColumn(metricRef.ToString(), definition.Key, label, definition.Unit, metricRef.Dimension, column.DimensionCode, recordsRef));
                cellsOf.Add(row => Cell(table, row, table.Reading(row, column).Value, recordsRef));
                continue;
            }

            // The total first, then every value any row reports, in the catalogue's order (values are the same list per row,
            // plus "未填写" or archived values where they have figures).
            columns.Add(new StatisticsColumn(metricRef.Key, definition.Key, $"{definition.Label}（合计）", definition.Unit, null, null, metricRef.Key));
            cellsOf.Add(row => Cell(table, row, table.Reading(row, column).Value, metricRef.Key));
            var values = new List<MetricValue>();
            foreach (var row in table.Rows)
            {
                foreach (var v in table.Reading(row, column).Breakdown ?? [])
                {
                    if (!values.Any(x => x.Key == v.Key && x.Label == v.Label)) values.Add(v);
                }
            }

            foreach (var value in values)
            {
                var code = value.Key;
                var valueRef = code is null ? null : new MetricRef(metricRef.Key, metricRef.Dimension, code).ToString();
                columns.Add(new StatisticsColumn(valueRef ?? $"{metricRef}:未填写", definition.Key, $"{definition.Label}（{value.Label}）", definition.Unit,
                    metricRef.Dimension, code, valueRef));
                cellsOf.Add(row =>
                {
                    var reading = table.Reading(row, column);
                    // No data for the row: every value reads "no data", not 0.
                    var found = reading.Breakdown?.FirstOrDefault(b => b.Key == code && b.Label == value.Label);
                    return Cell(table, row, reading.Value is null ? null : found?.Value ?? 0m, valueRef);
                });
            }
        }

        var rows = table.Rows.Select(r => new StatisticsRow(r, cellsOf.Select(f => f(r)).ToList())).ToList();
        return new StatisticsTable(table, columns, rows);
    }

    private static StatisticsCell Cell(MetricTable table, MetricTableRow row, decimal? value, string? recordsRef) =>
        new(value, recordsRef is null ? null : MetricLinks.Records(row.OrganizationId, row.IncludeSubtree, table.From, table.To, recordsRef));
}
