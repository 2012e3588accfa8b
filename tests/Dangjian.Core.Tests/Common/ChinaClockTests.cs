using Dangjian.Core.Common;
using Dangjian.Core.Tests.TestSupport;

namespace Dangjian.Core.Tests.Common;

public sealed class ChinaClockTests
{
    [Theory]
    [InlineData("2026-06-30T15:59:59Z", "2026-06-30")] // 23:59:59 in China
    [InlineData("2026-06-30T16:00:00Z", "2026-07-01")] // midnight in China
    [InlineData("2026-06-30T16:30:00Z", "2026-07-01")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")] // the year turns in China first
    [InlineData("2026-07-01T15:59:59Z", "2026-07-01")]
    public void Today_UtcInstant_IsChinaCalendarDate(string utc, string expected) =>
        new FakeClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)).Today().ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void UtcNow_AnyInstant_IsUtcDateTime()
    {
        var now = ChinaClock.UtcNow(new FakeClock(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.FromHours(8))));

        now.Kind.ShouldBe(DateTimeKind.Utc);
        now.ShouldBe(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void ToChinaTime_StoredUtc_ShiftsByEightHours()
    {
        var china = ChinaClock.ToChinaTime(new DateTime(2026, 6, 30, 16, 30, 0, DateTimeKind.Unspecified));

        china.Offset.ShouldBe(TimeSpan.FromHours(8));
        china.DateTime.ShouldBe(new DateTime(2026, 7, 1, 0, 30, 0));
    }
}
