namespace Dangjian.Core.Features.Dues;

/// <summary>Where a ledger month stands.</summary>
public enum DuesLineStatus
{
    /// <summary>已交清.</summary>
    Paid,

    /// <summary>部分交纳: something paid, not all.</summary>
    Partial,

    /// <summary>未交.</summary>
    Unpaid,

    /// <summary>免交: an approved exemption (0 元).</summary>
    Exempt,
}

public static class DuesLineStatuses
{
    public static DuesLineStatus Of(decimal due, decimal paid) =>
        due == 0 ? DuesLineStatus.Exempt : paid >= due ? DuesLineStatus.Paid : paid > 0 ? DuesLineStatus.Partial : DuesLineStatus.Unpaid;

    public static string Label(this DuesLineStatus status) => status switch
    {
        DuesLineStatus.Paid => "已交清",
        DuesLineStatus.Partial => "部分交纳",
        DuesLineStatus.Unpaid => "未交",
        _ => "免交",
    };
}
