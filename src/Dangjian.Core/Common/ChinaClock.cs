namespace Dangjian.Core.Common;

/// <summary>
/// Calendar dates and periods are China Standard Time (UTC+8, no daylight saving):
/// a meeting at 2020-06-30 23:30 CST belongs to June even though it is June 30 15:30 UTC.
/// </summary>
public static class ChinaClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    public static DateTimeOffset ToChinaTime(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);
}
