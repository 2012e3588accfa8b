using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Meetings;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Attachments;

/// <summary>Meetings written straight into the database (the meeting module is another feature's), files, and multipart bodies.</summary>
public static class AttachmentTestData
{
    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x02, 0x03, 0xFF, 0xD9];
    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8];
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    /// <summary>A Windows program ("MZ" and the DOS stub).</summary>
    public static byte[] Exe => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. "This program cannot be run in DOS mode."u8];

    public static byte[] Docx
    {
        get
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var name in new[] { "[Content_Types].xml", "_rels/.rels", "word/document.xml" })
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

    public static async Task<long> CreateMeetingAsync(DangjianApp app, long organizationId, string topic = "支部党员大会")
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
        var meeting = Meeting.Create(
            organizationId, new MeetingDetails(new DateOnly(2026, 6, 20), null, "党员活动室", topic, null, null, null, null, null, null, null, null), DateTime.UtcNow);
        db.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    /// <summary>The upload form's body; <paramref name="extra"/> adds fields such as the antiforgery token and returnUrl.</summary>
    public static MultipartFormDataContent Multipart(long meetingId, byte[] bytes, string fileName, IDictionary<string, string>? extra = null, string ownerKind = MeetingAttachmentOwner.Kind)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(ownerKind), "ownerKind" },
            { new StringContent(meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "ownerId" },
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream"); // what the browser claims is not trusted
        content.Add(file, "file", fileName);
        return content;
    }

    /// <summary>Every file the host has stored, temporary ones included.</summary>
    public static IReadOnlyList<string> StoredFiles(DangjianApp app) =>
        Directory.Exists(app.AttachmentsFolder) ? Directory.GetFiles(app.AttachmentsFolder, "*", SearchOption.AllDirectories) : [];
}
