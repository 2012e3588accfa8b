using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.Attachments.AttachmentTestData;

namespace Dangjian.Web.Tests.Features.Attachments;

/// <summary>
/// The outsider lists, downloads and deletes a file of the victim's meeting, and uploads to that meeting. The file's name
/// carries the victim marker, so a leak in any answer shows. The pages' own endpoints (/attachments/…) are probed in
/// <see cref="AttachmentEndpointsTests"/>; they are not Razor pages, so the page enumeration does not list them.
/// </summary>
public sealed class AttachmentScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        var meeting = await CreateMeetingAsync(app, w.VictimBranch, ScopeWorld.VictimMarker + "支部党员大会");
        long attachment;
        using (var victim = app.ApiClient(w.Victim))
        {
            using var response = await victim.PostAsync("/api/v1/attachments", Multipart(meeting, Pdf, ScopeWorld.VictimMarker + "会议纪要.pdf"));
            response.EnsureSuccessStatusCode();
            attachment = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }

        return new Dictionary<string, ApiProbe>
        {
            ["POST /api/v1/attachments/"] = new(HttpMethod.Post, "/api/v1/attachments", (Func<HttpContent>)(() => Multipart(meeting, Png, "越权上传.png")), ProbeExpect.Denied),
            ["GET /api/v1/attachments/"] = new(HttpMethod.Get, $"/api/v1/attachments?ownerKind=meeting&ownerId={meeting}", null, ProbeExpect.Denied),
            ["GET /api/v1/attachments/{id:long}"] = new(HttpMethod.Get, $"/api/v1/attachments/{attachment}", null, ProbeExpect.Denied),
            ["DELETE /api/v1/attachments/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/attachments/{attachment}", null, ProbeExpect.Denied),
        };
    }
}
