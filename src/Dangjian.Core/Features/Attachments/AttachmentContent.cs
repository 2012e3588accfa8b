using System.IO.Compression;
using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Attachments;

/// <summary>A kind of file Dangjian accepts as an attachment.</summary>
public sealed record AttachmentFileType(string Label, string ContentType, IReadOnlyList<string> Extensions, bool IsImage);

/// <summary>
/// Decides what a file is from its bytes, never from the name or the browser's claim, and refuses anything outside the
/// allow-list (issue 4: "type allow-list checked on content").
/// <para>
/// Accepted: JPEG, PNG, GIF and WebP photos; PDF; Word, Excel and PowerPoint in the Office Open XML formats
/// (.docx/.xlsx/.pptx), recognised by a zip whose central directory lists <c>[Content_Types].xml</c> and the
/// <c>word/</c>, <c>xl/</c> or <c>ppt/</c> part. Refused on purpose: the legacy binary Office formats (.doc/.xls/.ppt,
/// OLE2 compound files) and Office files that carry VBA macros (<c>vbaProject.bin</c>), because both are the usual way
/// malicious documents travel and every current Office and WPS version saves the open formats; SVG and HTML, which a
/// browser would run as script. The file's extension must agree with what the bytes are, so an .exe renamed .jpg is refused.
/// </para>
/// </summary>
public static class AttachmentContent
{
    public static readonly AttachmentFileType Jpeg = new("JPEG 图片", "image/jpeg", [".jpg", ".jpeg"], true);
    public static readonly AttachmentFileType Png = new("PNG 图片", "image/png", [".png"], true);
    public static readonly AttachmentFileType Gif = new("GIF 图片", "image/gif", [".gif"], true);
    public static readonly AttachmentFileType Webp = new("WebP 图片", "image/webp", [".webp"], true);
    public static readonly AttachmentFileType Pdf = new("PDF 文档", "application/pdf", [".pdf"], false);
    public static readonly AttachmentFileType Docx = new("Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], false);
    public static readonly AttachmentFileType Xlsx = new("Excel 表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], false);
    public static readonly AttachmentFileType Pptx = new("PowerPoint 演示文稿", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"], false);

    public static readonly IReadOnlyList<AttachmentFileType> Allowed = [Jpeg, Png, Gif, Webp, Pdf, Docx, Xlsx, Pptx];

    /// <summary>The extensions of every allowed type, for the file picker's <c>accept</c> and the help text.</summary>
    public static IEnumerable<string> AllowedExtensions => Allowed.SelectMany(t => t.Extensions);

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Gif87Magic = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89Magic = "GIF89a"u8.ToArray();
    private static readonly byte[] RiffMagic = "RIFF"u8.ToArray();
    private static readonly byte[] WebpMagic = "WEBP"u8.ToArray();
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2Magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static AttachmentFileType? ByContentType(string contentType) => Allowed.FirstOrDefault(t => t.ContentType == contentType);

    /// <summary>
    /// What the bytes are, or null when they are nothing we accept. <paramref name="content"/> must be seekable: an Office
    /// file is recognised from the zip's central directory at the end of the file. Nothing is decompressed.
    /// </summary>
    public static AttachmentFileType? Detect(Stream content)
    {
        var head = ReadHead(content, 16);
        if (head.StartsWith(JpegMagic)) return Jpeg;
        if (head.StartsWith(PngMagic)) return Png;
        if (head.StartsWith(Gif87Magic) || head.StartsWith(Gif89Magic)) return Gif;
        if (head.StartsWith(RiffMagic) && head.Length >= 12 && head[8..12].SequenceEqual(WebpMagic)) return Webp;
        if (head.StartsWith(PdfMagic)) return Pdf;
        if (head.StartsWith(ZipMagic)) return DetectOfficeOpenXml(content);
        return null;
    }

    /// <summary>The bytes must be an allowed type and the name's extension one of that type's.</summary>
    public static Result<AttachmentFileType> Check(Stream content, string fileName)
    {
        var detected = Detect(content);
        if (detected is null)
        {
            content.Position = 0;
            return ReadHead(content, 8).StartsWith(Ole2Magic) ? AttachmentErrors.LegacyOffice : AttachmentErrors.TypeNotAllowed;
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!detected.Extensions.Contains(extension)) return AttachmentErrors.ExtensionMismatch(extension, detected);
        return detected;
    }

    private static AttachmentFileType? DetectOfficeOpenXml(Stream content)
    {
        content.Position = 0;
        List<string> names;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            names = zip.Entries.Select(e => e.FullName).ToList();
        }
        catch (InvalidDataException)
        {
            return null;
        }

        if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal)) return null;
        if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return null;
        if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))) return Docx;
        if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))) return Xlsx;
        if (names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal))) return Pptx;
        return null;
    }

    private static ReadOnlySpan<byte> ReadHead(Stream content, int count)
    {
        content.Position = 0;
        var buffer = new byte[count];
        var total = 0;
        int read;
        while (total < count && (read = content.Read(buffer, total, count - total)) > 0)
        {
            total += read;
        }

        return buffer.AsSpan(0, total);
    }
}
