using System.Globalization;

namespace Dangjian.Web.Components.Shared;

/// <summary>The display formats of ui.md: yyyy-MM-dd in tables, China time for instants.</summary>
public static class Fmt
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Instant(DateTime? utc) =>
        utc is DateTime t ? Core.Common.ChinaClock.ToChinaTime(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
