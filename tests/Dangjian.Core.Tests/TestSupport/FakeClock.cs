namespace Dangjian.Core.Tests.TestSupport;

/// <summary>
/// A clock the test sets by hand. Dates in Dangjian are China dates, so tests pin the instant in UTC
/// and let the code under test convert it; that is exactly the conversion they want to exercise.
/// </summary>
public sealed class FakeClock(DateTimeOffset utcNow) : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = utcNow.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => UtcNow += by;
}
