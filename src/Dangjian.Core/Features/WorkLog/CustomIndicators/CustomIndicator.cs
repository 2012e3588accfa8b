using Dangjian.Core.Common;

namespace Dangjian.Core.Features.WorkLog.CustomIndicators;

/// <summary>How the values of a custom indicator combine into a figure.</summary>
public enum CustomAggregation
{
    /// <summary>合计: the sum of the values recorded (篇, 人次, 万元).</summary>
    Sum,

    /// <summary>计数: how many values were recorded (each entry counts once, whatever its value).</summary>
    Count,

    /// <summary>最大值: the largest value recorded (e.g. 最高在岗人数).</summary>
    Max,
}

public static class CustomAggregationLabels
{
    public static string Label(this CustomAggregation aggregation) => aggregation switch
    {
        CustomAggregation.Sum => "合计",
        CustomAggregation.Count => "计数",
        CustomAggregation.Max => "最大值",
        _ => aggregation.ToString(),
    };
}

/// <summary>
/// 自定义指标: a figure an administrator defines for work no module records yet (起草文稿 篇, 疫情防控支出 万元), read as the metric
/// <c>custom.{Key}</c>. The key is its identity in statistics and summary templates and never changes; the name, unit and
/// description may (renaming keeps every value). The indicator applies to the subtree of <see cref="OrganizationId"/>: values
/// may be recorded only for organizations inside it. Values are never negative (they count work and money; a decrease is
/// recorded as its own indicator), whatever the aggregation.
/// </summary>
public sealed class CustomIndicator : IOrganizationOwned
{
    public const int KeyMaxLength = 40;
    public const int NameMaxLength = 60;
    public const int UnitMaxLength = 10;
    public const int DescriptionMaxLength = 500;
    public const int MaxDecimals = 4;

    /// <summary>The metric key prefix of every custom indicator.</summary>
    public const string MetricPrefix = "custom.";

    private CustomIndicator()
    {
    }

    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public string? Description { get; private set; }
    public CustomAggregation Aggregation { get; private set; }
    public int Decimals { get; private set; }

    /// <summary>The root of the subtree the indicator applies to (and whose administrators maintain it).</summary>
    public long OrganizationId { get; private set; }

    public bool IsArchived { get; private set; }

    public string MetricKey => MetricPrefix + Key;

    public static CustomIndicator Create(string key, string name, string unit, string? description, CustomAggregation aggregation, int decimals, long organizationId) =>
        new() { Key = key, Name = name, Unit = unit, Description = description, Aggregation = aggregation, Decimals = decimals, OrganizationId = organizationId };

    public void Update(string name, string unit, string? description, CustomAggregation aggregation, int decimals)
    {
        Name = name;
        Unit = unit;
        Description = description;
        Aggregation = aggregation;
        Decimals = decimals;
    }

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;
}

/// <summary>One value of a custom indicator: an organization's figure on a date, with a note and evidence attachments.</summary>
public sealed class CustomIndicatorValue : IOrganizationOwned
{
    public const int NoteMaxLength = 500;

    private CustomIndicatorValue()
    {
    }

    public long Id { get; private set; }
    public long IndicatorId { get; private set; }
    public long OrganizationId { get; private set; }
    public DateOnly RecordedOn { get; private set; }
    public decimal Value { get; private set; }
    public string? Note { get; private set; }

    public static CustomIndicatorValue Create(long indicatorId, long organizationId, DateOnly recordedOn, decimal value, string? note) =>
        new() { IndicatorId = indicatorId, OrganizationId = organizationId, RecordedOn = recordedOn, Value = value, Note = note };

    public void Update(long organizationId, DateOnly recordedOn, decimal value, string? note)
    {
        OrganizationId = organizationId;
        RecordedOn = recordedOn;
        Value = value;
        Note = note;
    }
}
