using System.Text;
using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Attachments;

/// <summary>
/// The user's file name, kept for display and for the download's name, never for storage (the bytes live under a random
/// key). Names that carry a path, "..", control characters, characters Windows refuses in names, or the direction marks
/// that disguise an extension ("照片\u202Egpj.exe" shows as "照片exe.jpg") are refused rather than silently rewritten, so the
/// user sees why. Chinese and other letters are kept as they are.
/// </summary>
public static class AttachmentFileName
{
    private const string WindowsReserved = "<>:\"|?*";

    public static Result<string> Clean(string? raw)
    {
        var name = (raw ?? "").Normalize(NormalizationForm.FormC).Trim();
        if (name.Length == 0) return AttachmentErrors.FileRequired;
        if (name.Contains('/') || name.Contains('\\') || name.Contains("..", StringComparison.Ordinal)) return AttachmentErrors.FileNameHasPath;
        if (name.Any(c => char.IsControl(c) || IsDirectionMark(c) || WindowsReserved.Contains(c))) return AttachmentErrors.FileNameBadCharacters;
        // Windows drops trailing dots and spaces, which would change the extension the user sees after download.
        name = name.TrimEnd('.', ' ');
        if (name.Length == 0) return AttachmentErrors.FileRequired;
        if (name.Length > Attachment.FileNameMaxLength) return AttachmentErrors.FileNameTooLong;
        return name;
    }

    private static bool IsDirectionMark(char c) => c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
