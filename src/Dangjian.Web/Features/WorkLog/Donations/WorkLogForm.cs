using System.Globalization;
using Dangjian.Core.Common;

namespace Dangjian.Web.Features.WorkLog.Donations;

/// <summary>
/// The posted fields of a 工作台账 form, read by name. Numbers keep their sign so a negative amount reaches the handler and is
/// refused there with the same message as through the API; text that is not a number is reported under its field.
/// </summary>
public sealed class WorkLogForm(IFormCollection? form)
{
    public List<Error> Errors { get; } = [];

    public string? Text(string name) => form is null ? null : form[name].ToString() is { Length: > 0 } s ? s : null;

    public IReadOnlyList<string> All(string name) => form is null ? [] : form[name].Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList();

    public DateOnly? Date(string name, string label)
    {
        var text = Text(name)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Errors.Add(Error.Validation("form.date", $"{label}格式应为 yyyy-MM-dd", name));
        return null;
    }

    public decimal? Decimal(string name, string label, string? field = null)
    {
        var text = Text(name)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return d;
        Errors.Add(Error.Validation("form.number", $"{label}应为数字", field ?? name));
        return null;
    }

    public int? Int(string name, string label)
    {
        var text = Text(name)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
        Errors.Add(Error.Validation("form.integer", $"{label}应为整数", name));
        return null;
    }

    public IReadOnlyList<long> Ids(string name) =>
        All(name).Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null).OfType<long>().ToList();

    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum =>
        System.Enum.TryParse<TEnum>(Text(name), out var value) && System.Enum.IsDefined(value) ? value : null;
}
