using System.Security.Claims;
using AngleSharp.Html.Parser;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Web.Features.Attachments;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Dangjian.Web.Tests.Features.Attachments.AttachmentTestData;

namespace Dangjian.Web.Tests.Features.Attachments;

/// <summary>
/// The <see cref="AttachmentList"/> component as a page would show it, rendered with the host's services for a given user
/// and query string (the built-in HtmlRenderer; no page hosts it yet).
/// </summary>
public abstract class AttachmentListTests(AppFixture fixture) : AppTests(fixture)
{
    private TestUser _worker = null!;
    private TestUser _reader = null!;
    private long _meeting;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var client = App.ApiClient(admin);
        var branch = await client.CreateOrganizationAsync(null, Unique("B"), "组件测试党支部", "Branch");
        _worker = await App.CreateUserAsync(Unique("worker"), Role.Worker, branch);
        _reader = await App.CreateUserAsync(Unique("reader"), Role.ReadOnly, branch);
        _meeting = await CreateMeetingAsync(App, branch);
    }

    private async Task<AngleSharp.Dom.IDocument> RenderAsync(TestUser user, string query = "", bool canEdit = true, string? returnUrl = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "test"));
        http.Request.Path = $"/meetings/{_meeting}";
        http.Request.QueryString = new QueryString(query);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;

        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            RenderFragment list = builder =>
            {
                builder.OpenComponent<AttachmentList>(0);
                builder.AddComponentParameter(1, nameof(AttachmentList.OwnerKind), MeetingAttachmentOwner.Kind);
                builder.AddComponentParameter(2, nameof(AttachmentList.OwnerId), _meeting);
                builder.AddComponentParameter(3, nameof(AttachmentList.CanEdit), canEdit);
                builder.AddComponentParameter(4, nameof(AttachmentList.ReturnUrl), returnUrl);
                builder.CloseComponent();
            };
            var output = await renderer.RenderComponentAsync<CascadingValue<HttpContext>>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(CascadingValue<HttpContext>.Value)] = http,
                [nameof(CascadingValue<HttpContext>.ChildContent)] = list,
            }));
            return output.ToHtmlString();
        });
        return new HtmlParser().ParseDocument(html);
    }

    private async Task<long> UploadAsync(byte[] bytes, string fileName)
    {
        using var client = App.ApiClient(_worker);
        using var response = await client.PostAsync("/api/v1/attachments", Multipart(_meeting, bytes, fileName));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Render_Empty_SaysSoAndOffersTheUploadFormToAWorker()
    {
        var page = await RenderAsync(_worker);

        page.QuerySelector("#dj-attachments-empty")!.TextContent.ShouldStartWith("暂无附件");
        var form = page.QuerySelector("form#dj-attachment-upload")!;
        form.GetAttribute("action").ShouldBe("/attachments/upload");
        form.GetAttribute("enctype").ShouldBe("multipart/form-data");
        form.QuerySelector("input[name='ownerKind']")!.GetAttribute("value").ShouldBe("meeting");
        form.QuerySelector("input[name='ownerId']")!.GetAttribute("value").ShouldBe(_meeting.ToString());
        form.QuerySelector("input[name='returnUrl']")!.GetAttribute("value").ShouldBe($"/meetings/{_meeting}");
        form.QuerySelector("input[type='file']")!.GetAttribute("accept")!.ShouldContain(".docx");
        form.QuerySelector("input[type='file']")!.GetAttribute("data-max-bytes").ShouldBe((20 * 1024 * 1024).ToString());
        form.TextContent.ShouldContain("不超过 20 MB");
    }

    [Fact]
    public async Task Render_WithFiles_ListsThemWithDownloadLinksAndDeleteButtons()
    {
        var photo = await UploadAsync(Jpeg, "会议照片.jpg");
        var minutes = await UploadAsync(Pdf, "会议纪要.pdf");

        var page = await RenderAsync(_worker, returnUrl: $"/meetings/{_meeting}?tab=files");

        var rows = page.QuerySelectorAll("#dj-attachments-table tbody tr");
        rows.Select(r => r.QuerySelector(".dj-attachment-link")!.TextContent).ShouldBe(["会议照片.jpg", "会议纪要.pdf"]);
        rows[0].QuerySelector(".dj-attachment-link")!.GetAttribute("href").ShouldBe($"/attachments/{photo}");
        rows[0].QuerySelector("img")!.GetAttribute("src").ShouldBe($"/attachments/{photo}");
        rows[1].QuerySelector("img").ShouldBeNull();
        rows[1].TextContent.ShouldContain("PDF 文档");
        var delete = rows[1].QuerySelector("form.dj-attachment-delete")!;
        delete.GetAttribute("action").ShouldBe($"/attachments/{minutes}/delete");
        delete.GetAttribute("data-confirm")!.ShouldContain("会议纪要.pdf");
        delete.QuerySelector("input[name='returnUrl']")!.GetAttribute("value").ShouldBe($"/meetings/{_meeting}?tab=files");
    }

    [Fact]
    public async Task Render_ReadOnlyUserOrCanEditFalse_ShowsNoFormsButTheFiles()
    {
        await UploadAsync(Png, "签到表.png");

        foreach (var page in new[] { await RenderAsync(_reader), await RenderAsync(_worker, canEdit: false) })
        {
            page.QuerySelectorAll("#dj-attachments-table tbody tr").Length.ShouldBe(1);
            page.QuerySelector("form").ShouldBeNull();
        }
    }

    [Fact]
    public async Task Render_AfterRedirect_ShowsStatusOrChineseErrorByCodeOnly()
    {
        (await RenderAsync(_worker, "?attachments=added")).QuerySelector("#dj-attachment-flash")!.TextContent.ShouldBe("附件已上传");
        (await RenderAsync(_worker, "?attachmentError=attachment.too_large")).QuerySelector("#dj-attachment-error")!.TextContent.ShouldBe("文件不能超过 20 MB");
        (await RenderAsync(_worker, "?attachmentError=attachment.type_not_allowed")).QuerySelector("#dj-attachment-error")!.TextContent.ShouldStartWith("文件内容不是允许的类型");
        // A crafted link cannot put its own words on the page.
        (await RenderAsync(_worker, "?attachmentError=" + Uri.EscapeDataString("请拨打 400 电话"))).QuerySelector("#dj-attachment-error")!.TextContent.ShouldBe("操作未成功，请重试");
    }

    [Fact]
    public async Task Render_ForAnotherSubtreesUser_ShowsNoFileNames()
    {
        await UploadAsync(Jpeg, "内部照片.jpg");
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var client = App.ApiClient(admin);
        var other = await client.CreateOrganizationAsync(null, Unique("X"), "另一党支部", "Branch");
        var outsider = await App.CreateUserAsync(Unique("outsider"), Role.OrgAdmin, other);

        var page = await RenderAsync(outsider);

        page.DocumentElement.OuterHtml.ShouldNotContain("内部照片");
        page.QuerySelector("form").ShouldBeNull();
        page.QuerySelector("#dj-attachments-unavailable")!.TextContent.ShouldBe("附件所属的记录不存在或不在您的管理范围内");
    }
}

public sealed class AttachmentListTests_Sqlite(SqliteApp app) : AttachmentListTests(app), IClassFixture<SqliteApp>;

public sealed class AttachmentListTests_Postgres(PostgresApp app) : AttachmentListTests(app), IClassFixture<PostgresApp>;
