using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Attachments;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Attachments;

public sealed class AttachmentHandlerTests : IAsyncLifetime
{
    private CoreDatabase _db = null!;

    // R ─ A (branch)     R ─ B (branch)
    private long _r, _a, _b, _meetingA;
    private AccessScope _workerA = null!, _readerA = null!, _workerB = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _r = await _db.CreateAsync("R", Committee);
        _a = await _db.CreateAsync("A", Branch, _r);
        _b = await _db.CreateAsync("B", Branch, _r);
        _meetingA = await AddMeetingAsync(_a);
        _workerA = await ScopeAsync(_a, Role.Worker);
        _readerA = await ScopeAsync(_a, Role.ReadOnly);
        _workerB = await ScopeAsync(_b, Role.Worker);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private string StoreRoot => _db.Get<AttachmentStore>().Settings.RootPath;

    private async Task<long> AddMeetingAsync(long organizationId)
    {
        await using var db = await _db.OpenAsync();
        var meeting = Meeting.Create(organizationId, new MeetingDetails(new DateOnly(2026, 6, 20), null, "党员活动室", "支部党员大会", null, null, null, null, null, null, null, null), DateTime.UtcNow);
        db.Add(meeting);
        await db.SaveChangesAsync(Ct);
        return meeting.Id;
    }

    private async Task<AccessScope> ScopeAsync(long organizationId, Role role)
    {
        var organization = await _db.FindAsync(organizationId);
        return new AccessScope("u-" + organizationId + role, false, [new ScopeRoot(organizationId, organization.Path, organization.Name, role)]);
    }

    private Task<Result<AttachmentInfo>> UploadAsync(byte[] bytes, string fileName, AccessScope? scope = null, long? meetingId = null, UploadAttachmentHandler? handler = null) =>
        (handler ?? _db.Get<UploadAttachmentHandler>()).HandleAsync(
            new UploadAttachmentCommand(MeetingAttachmentOwner.Kind, meetingId ?? _meetingA, fileName, new MemoryStream(bytes)), scope ?? _workerA, Ct);

    private IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(StoreRoot) ? Directory.GetFiles(StoreRoot, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public void StoreSettings_Default_LiesBesideTheSqliteDatabase()
    {
        var database = DatabaseSettings.From("Sqlite", "Data Source=/srv/dangjian/data/dangjian.db");

        AttachmentStoreSettings.From(null, null, database).ShouldBe(new AttachmentStoreSettings("/srv/dangjian/data/attachments", 20L * 1024 * 1024));
        AttachmentStoreSettings.From("/var/lib/dangjian/files", 5, database).ShouldBe(new AttachmentStoreSettings("/var/lib/dangjian/files", 5L * 1024 * 1024));
        AttachmentStoreSettings.From(null, null, DatabaseSettings.From("Postgres", "Host=db")).RootPath.ShouldBe(Path.GetFullPath(Path.Combine("data", "attachments")));
        Should.Throw<InvalidOperationException>(() => AttachmentStoreSettings.From(null, 0, database));
    }

    [Fact]
    public async Task Upload_ValidPhoto_StoresBytesUnderRandomKeyWithHash()
    {
        var bytes = AttachmentSamples.Jpeg;

        var result = await UploadAsync(bytes, "会议照片.jpg");

        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        var info = result.Value;
        info.FileName.ShouldBe("会议照片.jpg");
        info.ContentType.ShouldBe("image/jpeg");
        info.IsImage.ShouldBeTrue();
        info.Size.ShouldBe(bytes.Length);
        info.OrganizationId.ShouldBe(_a);
        info.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        info.UploadedAt.ShouldBe(DefaultNow.UtcDateTime);

        await using var db = await _db.OpenAsync();
        var row = await db.Set<Attachment>().SingleAsync(a => a.Id == info.Id, Ct);
        row.StorageKey.ShouldMatch("^[0-9a-f]{32}$");
        var file = StoredFiles().ShouldHaveSingleItem();
        Path.GetFileName(file).ShouldBe(row.StorageKey);
        (await File.ReadAllBytesAsync(file, Ct)).ShouldBe(bytes);
        StoreRoot.ShouldNotContain("wwwroot");
    }

    [Fact]
    public async Task Upload_IsAudited_UnderTheMeetingsOrganization()
    {
        var info = (await UploadAsync(AttachmentSamples.Pdf, "纪要.pdf")).Value;

        var audit = (await _db.AuditAsync()).Where(e => e.EntityType == nameof(Attachment) && e.EntityKey == info.Id.ToString()).ToList();
        var entry = audit.ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Created);
        entry.OrganizationId.ShouldBe(_a);
    }

    [Fact]
    public async Task Upload_OverSize_IsRefusedAndLeavesNoFile()
    {
        var settings = new AttachmentStoreSettings(StoreRoot, 1024);
        var handler = new UploadAttachmentHandler(_db.Get<IDbContextFactory<DangjianDbContext>>(), _db.Get<AttachmentOwners>(), new AttachmentStore(settings), _db.Clock);
        byte[] atLimit = [.. AttachmentSamples.Pdf, .. new byte[1024 - AttachmentSamples.Pdf.Length]];

        (await UploadAsync(atLimit, "恰好.pdf", handler: handler)).IsSuccess.ShouldBeTrue();
        var files = StoredFiles().Count;
        var over = await UploadAsync([.. atLimit, 0], "超出.pdf", handler: handler);

        over.FirstError.Code.ShouldBe("attachment.too_large");
        over.FirstError.Message.ShouldBe("文件不能超过 1 MB");
        StoredFiles().Count.ShouldBe(files);
    }

    [Theory]
    [InlineData("exe", "会议照片.jpg", "attachment.type_not_allowed")]
    [InlineData("png", "../会议照片.png", "attachment.name_has_path")]
    [InlineData("empty", "空.pdf", "attachment.empty")]
    public async Task Upload_RefusedFile_LeavesNoRowAndNoFile(string sample, string fileName, string code)
    {
        byte[] bytes = sample switch { "exe" => AttachmentSamples.Exe, "png" => AttachmentSamples.Png, _ => [] };

        var result = await UploadAsync(bytes, fileName);

        result.FirstError.Code.ShouldBe(code);
        StoredFiles().ShouldBeEmpty();
        await using var db = await _db.OpenAsync();
        (await db.Set<Attachment>().CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Upload_OtherSubtreesMeeting_IsNotFound_ReadOnly_IsForbidden()
    {
        (await UploadAsync(AttachmentSamples.Png, "越权.png", _workerB)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await UploadAsync(AttachmentSamples.Png, "只读.png", _readerA)).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_UnknownOwnerOrMissingMeeting_IsRefused()
    {
        var handler = _db.Get<UploadAttachmentHandler>();

        var unknown = await handler.HandleAsync(new UploadAttachmentCommand("spaceship", 1, "a.png", new MemoryStream(AttachmentSamples.Png)), Admin, Ct);
        var missing = await UploadAsync(AttachmentSamples.Png, "a.png", Admin, meetingId: 999_999);
        var blank = await handler.HandleAsync(new UploadAttachmentCommand(" ", null, "a.png", new MemoryStream(AttachmentSamples.Png)), Admin, Ct);

        unknown.FirstError.Message.ShouldBe("不支持的附件归属类型“spaceship”");
        missing.FirstError.Code.ShouldBe("attachment.owner_not_found");
        blank.Errors.Select(e => e.Field).ShouldBe(["OwnerKind", "OwnerId"]);
    }

    [Fact]
    public async Task List_InScope_ShowsFilesAndWhetherCallerMayChangeThem()
    {
        await UploadAsync(AttachmentSamples.Png, "一.png");
        await UploadAsync(AttachmentSamples.Docx, "二.docx");
        var list = _db.Get<ListAttachmentsHandler>();

        var forWorker = (await list.HandleAsync(new ListAttachmentsQuery(MeetingAttachmentOwner.Kind, _meetingA), _workerA, Ct)).Value;
        var forReader = (await list.HandleAsync(new ListAttachmentsQuery(MeetingAttachmentOwner.Kind, _meetingA), _readerA, Ct)).Value;
        var forOutsider = await list.HandleAsync(new ListAttachmentsQuery(MeetingAttachmentOwner.Kind, _meetingA), _workerB, Ct);

        forWorker.Items.Select(i => i.FileName).ShouldBe(["一.png", "二.docx"]);
        forWorker.Items[1].TypeLabel.ShouldBe("Word 文档");
        forWorker.CanWrite.ShouldBeTrue();
        forReader.Items.Count.ShouldBe(2);
        forReader.CanWrite.ShouldBeFalse();
        forOutsider.FirstError.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task Download_InScope_ReturnsTheBytes_OutOfScope_IsNotFound()
    {
        var info = (await UploadAsync(AttachmentSamples.Xlsx, "签到表.xlsx")).Value;
        var download = _db.Get<GetAttachmentContentHandler>();

        var mine = await download.HandleAsync(new GetAttachmentContentQuery(info.Id), _readerA, Ct);
        var theirs = await download.HandleAsync(new GetAttachmentContentQuery(info.Id), _workerB, Ct);

        await using (var content = mine.Value.Content)
        using (var copy = new MemoryStream())
        {
            await content.CopyToAsync(copy, Ct);
            copy.ToArray().ShouldBe(AttachmentSamples.Xlsx);
        }

        mine.Value.Info.FileName.ShouldBe("签到表.xlsx");
        theirs.FirstError.Message.ShouldBe($"附件（编号 {info.Id}）不存在或不在您的管理范围内");
        (await download.HandleAsync(new GetAttachmentContentQuery(987654), Admin, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task Download_MeetingMovedToAnotherBranch_FollowsTheMeeting()
    {
        var info = (await UploadAsync(AttachmentSamples.Png, "照片.png")).Value;
        await using (var db = await _db.OpenAsync())
        {
            var meeting = await db.Set<Meeting>().SingleAsync(m => m.Id == _meetingA, Ct);
            meeting.MoveTo(_b);
            await db.SaveChangesAsync(Ct);
        }

        var download = _db.Get<GetAttachmentContentHandler>();
        (await download.HandleAsync(new GetAttachmentContentQuery(info.Id), _workerA, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        var moved = await download.HandleAsync(new GetAttachmentContentQuery(info.Id), _workerB, Ct);
        moved.IsSuccess.ShouldBeTrue();
        await moved.Value.Content.DisposeAsync();
    }

    [Fact]
    public async Task Download_FileRemovedFromDisk_SaysItIsMissing()
    {
        var info = (await UploadAsync(AttachmentSamples.Png, "照片.png")).Value;
        File.Delete(StoredFiles().Single());

        var result = await _db.Get<GetAttachmentContentHandler>().HandleAsync(new GetAttachmentContentQuery(info.Id), _workerA, Ct);

        result.FirstError.Code.ShouldBe("attachment.file_missing");
    }

    [Fact]
    public async Task Delete_RemovesRowAndFile_AuditsIt_OutsiderAndReaderCannot()
    {
        var info = (await UploadAsync(AttachmentSamples.Gif, "动图.gif")).Value;
        var delete = _db.Get<DeleteAttachmentHandler>();

        (await delete.HandleAsync(new DeleteAttachmentCommand(info.Id), _workerB, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await delete.HandleAsync(new DeleteAttachmentCommand(info.Id), _readerA, Ct)).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        StoredFiles().Count.ShouldBe(1);

        (await delete.HandleAsync(new DeleteAttachmentCommand(info.Id), _workerA, Ct)).IsSuccess.ShouldBeTrue();

        StoredFiles().ShouldBeEmpty();
        await using var db = await _db.OpenAsync();
        (await db.Set<Attachment>().AnyAsync(a => a.Id == info.Id, Ct)).ShouldBeFalse();
        (await _db.AuditAsync()).ShouldContain(e => e.EntityType == nameof(Attachment) && e.EntityKey == info.Id.ToString() && e.Action == AuditAction.Deleted);
    }

    [Fact]
    public async Task OwnerAttachments_RemoveWithOwner_ReturnsKeysToDeleteAfterCommit()
    {
        await UploadAsync(AttachmentSamples.Png, "一.png");
        await UploadAsync(AttachmentSamples.Pdf, "二.pdf");

        await using var db = await _db.OpenAsync();
        var keys = await OwnerAttachments.RemoveAsync(db, MeetingAttachmentOwner.Kind, _meetingA, Ct);
        await db.SaveChangesAsync(Ct);
        _db.Get<AttachmentStore>().DeleteQuietly(keys);

        keys.Count.ShouldBe(2);
        StoredFiles().ShouldBeEmpty();
        (await db.Set<Attachment>().CountAsync(Ct)).ShouldBe(0);
    }
}
