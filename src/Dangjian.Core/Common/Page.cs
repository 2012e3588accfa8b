namespace Dangjian.Core.Common;

/// <summary>A page of a list: every list in Dangjian pages, 20/50/100 rows at a time.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public static readonly int[] AllowedSizes = [20, 50, 100];

    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;

    public static int NormalizeSize(int? size) => size is int s && AllowedSizes.Contains(s) ? s : 20;

    public static int NormalizeNumber(int? number) => number is int n && n > 0 ? n : 1;
}
