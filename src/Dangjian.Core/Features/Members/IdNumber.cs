using System.Globalization;
using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Members;

/// <summary>
/// 公民身份号码 per GB 11643-1999: 6-digit area code, 8-digit birth date, 3-digit sequence whose last digit is odd for
/// men and even for women, and a check character by ISO 7064 MOD 11-2 ('X' stands for 10) (domain.md §9).
/// </summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string Normalize(string? text) => (text ?? "").Trim().ToUpperInvariant();

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    public static Result<(DateOnly BirthDate, Gender Gender)> Parse(string? text, string field = "IdNumber")
    {
        var id = Normalize(text);
        if (id.Length == 0) return Error.Validation("member.id_required", "请填写身份证号", field);
        if (id.Length != 18) return Error.Validation("member.id_length", "身份证号应为 18 位", field);
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return Error.Validation("member.id_digits", "身份证号前 17 位必须是数字", field);
        }

        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X') return Error.Validation("member.id_last", "身份证号最后一位应为数字或 X", field);
        if (CheckCharacter(id) != id[17]) return Error.Validation("member.id_checksum", "身份证号校验位不正确，请核对", field);
        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return Error.Validation("member.id_birth", "身份证号中的出生日期无效", field);
        }

        var gender = (id[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        return (birth, gender);
    }

    /// <summary>"1101**********002X": the area's first four and the last four stay, the rest is hidden (ui.md).</summary>
    public static string Mask(string? id) =>
        string.IsNullOrEmpty(id) ? "" : id.Length <= 8 ? new string('*', id.Length) : id[..4] + new string('*', id.Length - 8) + id[^4..];

    /// <summary>"138****1234".</summary>
    public static string MaskPhone(string? phone) =>
        string.IsNullOrEmpty(phone) ? "" : phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
