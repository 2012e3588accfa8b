using System.IO.Compression;
using System.Text;

namespace Dangjian.Core.Tests.Features.Attachments;

/// <summary>The smallest byte sequences that are (or pretend to be) each kind of file.</summary>
internal static class AttachmentSamples
{
    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x02, 0x03, 0xFF, 0xD9];
    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8];
    public static byte[] Gif => [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00];
    public static byte[] Webp => [.. "RIFF"u8, 0x1A, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8, 0x00, 0x00];
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    /// <summary>A Windows program: "MZ", then the DOS stub text.</summary>
    public static byte[] Exe => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. "This program cannot be run in DOS mode."u8];

    /// <summary>The header of an OLE2 compound file, as a .doc or .xls starts.</summary>
    public static byte[] Ole2 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

    public static byte[] Docx => Zip("[Content_Types].xml", "word/document.xml", "_rels/.rels");
    public static byte[] Xlsx => Zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
    public static byte[] Pptx => Zip("[Content_Types].xml", "ppt/presentation.xml");

    /// <summary>A zip of entries with small text content: an Office package when the names say so.</summary>
    public static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                var entry = zip.CreateEntry(name);
                entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero); // the same bytes on every call
                using var writer = new StreamWriter(entry.Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }
}
