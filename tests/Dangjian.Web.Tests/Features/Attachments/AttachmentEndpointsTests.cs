using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Web.Tests.TestSupport;
using static Dangjian.Web.Tests.Features.Attachments.AttachmentTestData;

namespace Dangjian.Web.Tests.Features.Attachments;

public abstract class AttachmentEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _admin = null!;
    private TestUser _worker = null!;
    private TestUser _outsider = null!;
    private HttpClient _client = null!;
    private long _branch;
    private long _meeting;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var admin = App.ApiClient(_admin);
        var root = await admin.CreateOrganizationAsync(null, Unique("R"), "附件测试党委", "Committee");
        _branch = await admin.CreateOrganizationAsync(root, Unique("B"), "第一党支部", "Branch");
        var other = await admin.CreateOrganizationAsync(root, Unique("O"), "第二党支部", "Branch");
        _worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, _branch);
        _outsider = await App.CreateUserAsync(Unique("outsider"), Role.OrgAdmin, other);
        _client = App.ApiClient(_worker);
        _meeting = await CreateMeetingAsync(App, _branch);
    }

    public override ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return base.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(byte[] bytes, string fileName, HttpClient? client = null)
    {
        using var response = await (client ?? _client).PostAsync("/api/v1/attachments", Multipart(_meeting, bytes, fileName));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<JsonElement> ListAsync(HttpClient? client = null) =>
        await (client ?? _client).GetFromJsonAsync<JsonElement>($"/api/v1/attachments?ownerKind=meeting&ownerId={_meeting}");

    [Fact]
    public async Task Upload_ExeRenamedJpg_IsRefusedAndNothingIsStored()
    {
        var before = StoredFiles(App).Count;

        var (status, body) = await UploadAsync(Exe, "会议照片.jpg");

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("detail").GetString()!.ShouldStartWith("文件内容不是允许的类型");
        body.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("File");
        StoredFiles(App).Count.ShouldBe(before);
        (await ListAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Upload_OverTwentyMegabytes_IsRefused()
    {
        var before = StoredFiles(App).Count;
        byte[] bytes = [.. Pdf, .. new byte[20 * 1024 * 1024 + 1 - Pdf.Length]];

        var (status, body) = await UploadAsync(bytes, "扫描件.pdf");

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("detail").GetString().ShouldBe("文件不能超过 20 MB");
        StoredFiles(App).Count.ShouldBe(before);
    }

    [Theory]
    [InlineData("../会议照片.jpg")]
    [InlineData("..\\..\\会议照片.jpg")]
    [InlineData("a/../../etc/会议照片.jpg")]
    public async Task Upload_NameWithDotDot_IsRefused(string fileName)
    {
        var (status, body) = await UploadAsync(Jpeg, fileName);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("detail").GetString().ShouldBe("文件名不能包含路径（/、\\ 或 ..）");
        (await ListAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Upload_NotMultipartOrNoFileOrUnknownOwner_ExplainsInChinese()
    {
        using var json = await _client.PostAsJsonAsync("/api/v1/attachments", new { ownerKind = "meeting", ownerId = _meeting });
        json.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await json.Content.ReadAsStringAsync()).ShouldContain("multipart/form-data");

        using var noFile = await _client.PostAsync("/api/v1/attachments", new MultipartFormDataContent { { new StringContent("meeting"), "ownerKind" }, { new StringContent(_meeting.ToString()), "ownerId" } });
        (await noFile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("请选择要上传的文件");

        using var unknown = await _client.PostAsync("/api/v1/attachments", Multipart(_meeting, Png, "a.png", ownerKind: "rocket"));
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("不支持的附件归属类型“rocket”");

        using var missing = await _client.PostAsync("/api/v1/attachments", Multipart(99_999_999, Png, "a.png"));
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UploadDownloadDelete_HappyPath_BytesRoundTripAndFileGoes()
    {
        var bytes = Jpeg;
        var (status, created) = await UploadAsync(bytes, "2026年6月支部党员大会照片.jpg");

        status.ShouldBe(HttpStatusCode.Created, created.ToString());
        var id = created.GetProperty("id").GetInt64();
        created.GetProperty("fileName").GetString().ShouldBe("2026年6月支部党员大会照片.jpg");
        created.GetProperty("contentType").GetString().ShouldBe("image/jpeg");
        created.GetProperty("size").GetInt64().ShouldBe(bytes.Length);
        created.TryGetProperty("storageKey", out _).ShouldBeFalse();

        var listed = await ListAsync();
        listed.GetProperty("canWrite").GetBoolean().ShouldBeTrue();
        listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldBe([id]);

        using (var download = await _client.GetAsync($"/api/v1/attachments/{id}"))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
            download.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
            var disposition = download.Content.Headers.ContentDisposition!;
            disposition.DispositionType.ShouldBe("attachment");
            disposition.FileNameStar.ShouldBe("2026年6月支部党员大会照片.jpg");
            download.Content.Headers.GetValues("Content-Disposition").Single().ShouldContain("filename*=UTF-8''2026%E5%B9%B4");
            download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        }

        var filesWithUpload = StoredFiles(App).Count;
        using (var deleted = await _client.DeleteAsync($"/api/v1/attachments/{id}"))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        StoredFiles(App).Count.ShouldBe(filesWithUpload - 1);
        (await ListAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
        using var gone = await _client.GetAsync($"/api/v1/attachments/{id}");
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var admin = App.ApiClient(_admin);
        var audit = await admin.GetStringAsync($"/api/v1/audit?organizationId={_branch}");
        audit.ShouldContain("Attachment");
    }

    [Fact]
    public async Task AnotherSubtreesUser_GetsNotFound_ForListDownloadAndDelete_AndCannotUpload()
    {
        var (_, created) = await UploadAsync(Pdf, "第一党支部会议纪要.pdf");
        var id = created.GetProperty("id").GetInt64();
        using var outsider = App.ApiClient(_outsider);

        using (var list = await outsider.GetAsync($"/api/v1/attachments?ownerKind=meeting&ownerId={_meeting}"))
        {
            list.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await list.Content.ReadAsStringAsync()).ShouldNotContain("会议纪要");
        }

        using (var download = await outsider.GetAsync($"/api/v1/attachments/{id}"))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await download.Content.ReadAsStringAsync()).ShouldNotContain("%PDF");
        }

        using (var delete = await outsider.DeleteAsync($"/api/v1/attachments/{id}"))
        {
            delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var (status, _) = await UploadAsync(Png, "越权上传.png", outsider);
        status.ShouldBe(HttpStatusCode.NotFound);

        var items = (await ListAsync()).GetProperty("items");
        items.EnumerateArray().Select(i => i.GetProperty("fileName").GetString()).ShouldBe(["第一党支部会议纪要.pdf"]);
        using var stillThere = await _client.GetAsync($"/api/v1/attachments/{id}");
        (await stillThere.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
    }

    [Fact]
    public async Task ReadOnlyUser_CanListAndDownload_ButNotUploadOrDelete()
    {
        var docx = Docx; // a zip carries the time it was made: keep the one upload's bytes
        var (_, created) = await UploadAsync(docx, "会议记录.docx");
        var id = created.GetProperty("id").GetInt64();
        var reader = await App.CreateUserAsync(Unique("reader"), Role.ReadOnly, _branch);
        using var client = App.ApiClient(reader);

        var listed = await ListAsync(client);
        listed.GetProperty("canWrite").GetBoolean().ShouldBeFalse();
        listed.GetProperty("items").GetArrayLength().ShouldBe(1);
        using (var download = await client.GetAsync($"/api/v1/attachments/{id}"))
        {
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(docx);
        }

        (await UploadAsync(Png, "只读上传.png", client)).Status.ShouldBe(HttpStatusCode.Forbidden);
        using var delete = await client.DeleteAsync($"/api/v1/attachments/{id}");
        delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    // ---- the browser's side: form posts with antiforgery, cookie downloads --------------------------------------------

    private async Task<(BrowserlessSession Session, string Token)> LoggedInAsync(TestUser user)
    {
        var session = new BrowserlessSession(App);
        await session.LogInAsync(user);
        // Any page with a form carries a token for this session; the token is per user and cookie, not per form.
        var (_, page) = await session.GetAsync("/account/password");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return (session, token);
    }

    [Fact]
    public async Task PageUpload_WithToken_RedirectsBackWithStatus_DownloadAndDeleteWork()
    {
        var (session, token) = await LoggedInAsync(_worker);
        using var _ = session;
        var returnUrl = $"/organizations/{_branch}?tab=meetings&attachmentError=attachment.empty";

        using var upload = await session.Client.PostAsync("/attachments/upload",
            Multipart(_meeting, Png, "签到表.png", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = returnUrl }));

        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        upload.Headers.Location!.OriginalString.ShouldBe($"/organizations/{_branch}?tab=meetings&attachments=added#attachments");
        var item = (await ListAsync()).GetProperty("items").EnumerateArray().Single();
        var id = item.GetProperty("id").GetInt64();

        using (var download = await session.Client.GetAsync($"/attachments/{id}"))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Png);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        }

        using var delete = await session.Client.PostAsync($"/attachments/{id}/delete",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = returnUrl }));
        delete.Headers.Location!.OriginalString.ShouldBe($"/organizations/{_branch}?tab=meetings&attachments=removed#attachments");
        (await ListAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task PageUpload_WithoutToken_IsRefusedAndStoresNothing()
    {
        var (session, _) = await LoggedInAsync(_worker);
        using var __ = session;

        using var upload = await session.Client.PostAsync("/attachments/upload", Multipart(_meeting, Png, "照片.png", new Dictionary<string, string> { ["returnUrl"] = "/" }));

        upload.Headers.Location!.OriginalString.ShouldBe("/?attachmentError=expired#attachments");
        (await ListAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task PageUpload_ForeignReturnUrl_RedirectsHomeInstead(string returnUrl)
    {
        var (session, token) = await LoggedInAsync(_worker);
        using var _ = session;

        using var upload = await session.Client.PostAsync("/attachments/upload",
            Multipart(_meeting, Exe, "照片.jpg", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = returnUrl }));

        upload.Headers.Location!.OriginalString.ShouldBe("/?attachmentError=attachment.type_not_allowed#attachments");
    }

    [Fact]
    public async Task PageEndpoints_AnotherSubtreesUser_GetsNotFoundAndChangesNothing()
    {
        var (_, created) = await UploadAsync(Jpeg, "第一党支部照片.jpg");
        var id = created.GetProperty("id").GetInt64();
        var (session, token) = await LoggedInAsync(_outsider);
        using var _ = session;

        using (var download = await session.Client.GetAsync($"/attachments/{id}"))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await download.Content.ReadAsStringAsync()).ShouldBe($"附件（编号 {id}）不存在或不在您的管理范围内");
        }

        using (var delete = await session.Client.PostAsync($"/attachments/{id}/delete",
                   new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/" })))
        {
            delete.Headers.Location!.OriginalString.ShouldBe("/?attachmentError=attachment.not_found#attachments");
        }

        using (var upload = await session.Client.PostAsync("/attachments/upload",
                   Multipart(_meeting, Png, "越权.png", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/" })))
        {
            upload.Headers.Location!.OriginalString.ShouldBe("/?attachmentError=attachment.owner_not_found#attachments");
        }

        (await ListAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fileName").GetString()).ShouldBe(["第一党支部照片.jpg"]);
    }

    [Fact]
    public async Task PageDownload_Anonymous_IsSentToLogIn()
    {
        var (_, created) = await UploadAsync(Jpeg, "照片.jpg");
        using var anonymous = App.AnonymousClient();

        using var response = await anonymous.GetAsync($"/attachments/{created.GetProperty("id").GetInt64()}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login");
    }
}

public sealed class AttachmentEndpointsTests_Sqlite(SqliteApp app) : AttachmentEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class AttachmentEndpointsTests_Postgres(PostgresApp app) : AttachmentEndpointsTests(app), IClassFixture<PostgresApp>;
