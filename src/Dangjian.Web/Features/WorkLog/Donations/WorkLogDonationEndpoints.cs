using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.WorkLog.Care;
using Dangjian.Core.Features.WorkLog.Commendations;
using Dangjian.Core.Features.WorkLog.Donations;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Components.Shared;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.WorkLog.Donations;

public sealed record DonationDriveRequest(
    long? OrganizationId, DateOnly? HeldOn, string? Purpose, DonationRecipient? Recipient, int? OutsideDonors, decimal? OutsideAmount, string? Note,
    IReadOnlyList<DonorInput>? Donors)
{
    public DonationDriveInput Input => new()
    {
        HeldOn = HeldOn, Purpose = Purpose, Recipient = Recipient, OutsideDonors = OutsideDonors, OutsideAmount = OutsideAmount, Note = Note, Donors = Donors ?? [],
    };
}

public sealed record CommendationRequest(long? OrganizationId, DateOnly? AwardedOn, CommendationLevel? Level, string? Title, string? Note,
    IReadOnlyList<long>? OrganizationIds, IReadOnlyList<long>? MemberIds)
{
    public CommendationInput Input => new() { AwardedOn = AwardedOn, Level = Level, Title = Title, Note = Note, OrganizationIds = OrganizationIds ?? [], MemberIds = MemberIds ?? [] };
}

public sealed record CareVisitRequest(long? OrganizationId, DateOnly? VisitedOn, CareReason? Reason, decimal? Money, string? Goods, string? Visitors, string? Note,
    IReadOnlyList<long>? MemberIds)
{
    public CareVisitInput Input => new() { VisitedOn = VisitedOn, Reason = Reason, Money = Money, Goods = Goods, Visitors = Visitors, Note = Note, MemberIds = MemberIds ?? [] };
}

/// <summary>工作台账 API, part B: 捐款活动 (with the donor-list import and xlsx export), 表彰, 慰问.</summary>
public static class WorkLogDonationEndpoints
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static RouteGroupBuilder MapWorkLogDonationEndpoints(this RouteGroupBuilder api)
    {
        var donations = api.MapGroup("/worklog/donations").WithTags("工作台账：捐款活动");
        donations.MapGet("/", async (long? under, DateOnly? from, DateOnly? to, DonationRecipient? recipient, int? page, int? pageSize, ListDonationDrivesHandler handler,
                RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListDonationDrivesQuery { Under = under, From = from, To = to, Recipient = recipient, Page = page, PageSize = pageSize },
                await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("捐款活动列表（under=组织编号；from/to=捐款日期；recipient=捐款对象）");
        donations.MapGet("/export", async (long? under, DateOnly? from, DateOnly? to, DonationRecipient? recipient, ListDonationDrivesHandler handler, RequestAccess access,
                CancellationToken ct) =>
            (await ExportAsync(handler, new ListDonationDrivesQuery { Under = under, From = from, To = to, Recipient = recipient }, await access.ScopeAsync(ct), ct))
                .ToHttp(bytes => Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "捐款活动.xlsx")))
            .WithSummary("导出捐款活动（xlsx，筛选条件同列表）");
        donations.MapGet("/{id:long}", async (long id, GetDonationDriveHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetDonationDriveQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一次捐款活动（含捐款党员、捐款人数、金额和当日党员人数、捐款率）");
        donations.MapPost("/", async (DonationDriveRequest request, CreateDonationDriveHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateDonationDriveCommand(request.OrganizationId ?? 0, request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/worklog/donations/{id}", new { id })))
            .WithSummary("登记捐款活动（捐款党员须在管理范围内，且在捐款日期属于本组织及下级组织）");
        donations.MapPut("/{id:long}", async (long id, DonationDriveRequest request, UpdateDonationDriveHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateDonationDriveCommand(id, request.Input), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改捐款活动（捐款党员名单整体替换）");
        donations.MapDelete("/{id:long}", async (long id, DeleteDonationDriveHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteDonationDriveCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除捐款活动");
        donations.MapPost("/{id:long}/donors/import", async (long id, IFormFile? file, ImportDonorsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await ImportAsync(id, file, handler, await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .DisableAntiforgery()
            .WithSummary("导入捐款名单（xlsx：身份证号码、姓名、捐款金额（元））；任何一行有错都不导入，并报告行号和原因");
        donations.MapGet("/donors/template", () =>
                Results.File(XlsxWriter.Write("捐款名单", ImportDonorsHandler.Headers, []), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "捐款名单模板.xlsx"))
            .WithSummary("捐款名单导入模板");

        var commendations = api.MapGroup("/worklog/commendations").WithTags("工作台账：表彰");
        commendations.MapGet("/", async (long? under, DateOnly? from, DateOnly? to, int? page, int? pageSize, ListCommendationsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListCommendationsQuery { Under = under, From = from, To = to, Page = page, PageSize = pageSize }, await access.ScopeAsync(ct), ct))
                .ToHttp(Results.Ok))
            .WithSummary("表彰列表");
        commendations.MapGet("/{id:long}", async (long id, GetCommendationHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetCommendationQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一条表彰记录");
        commendations.MapPost("/", async (CommendationRequest request, CreateCommendationHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateCommendationCommand(request.OrganizationId ?? 0, request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/worklog/commendations/{id}", new { id })))
            .WithSummary("登记表彰（受表彰组织、党员须在管理范围内）");
        commendations.MapPut("/{id:long}", async (long id, CommendationRequest request, UpdateCommendationHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateCommendationCommand(id, request.Input), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改表彰记录");
        commendations.MapDelete("/{id:long}", async (long id, DeleteCommendationHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteCommendationCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除表彰记录");

        commendations.MapGet("/export", async (long? under, DateOnly? from, DateOnly? to, ListCommendationsHandler handler, RequestAccess access, CancellationToken ct) =>
                (await ExportCommendationsAsync(handler, new ListCommendationsQuery { Under = under, From = from, To = to }, await access.ScopeAsync(ct), ct)).ToFile("表彰.xlsx"))
            .WithSummary("按筛选条件导出表彰（xlsx）");

        var care = api.MapGroup("/worklog/care-visits").WithTags("工作台账：慰问");
        care.MapGet("/export", async (long? under, DateOnly? from, DateOnly? to, CareReason? reason, ListCareVisitsHandler handler, RequestAccess access, CancellationToken ct) =>
                (await ExportCareVisitsAsync(handler, new ListCareVisitsQuery { Under = under, From = from, To = to, Reason = reason }, await access.ScopeAsync(ct), ct)).ToFile("慰问.xlsx"))
            .WithSummary("按筛选条件导出慰问记录（xlsx）");
        care.MapGet("/", async (long? under, DateOnly? from, DateOnly? to, CareReason? reason, int? page, int? pageSize, ListCareVisitsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListCareVisitsQuery { Under = under, From = from, To = to, Reason = reason, Page = page, PageSize = pageSize }, await access.ScopeAsync(ct), ct))
                .ToHttp(Results.Ok))
            .WithSummary("慰问列表");
        care.MapGet("/{id:long}", async (long id, GetCareVisitHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetCareVisitQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(v => Results.Ok(new
            {
                v.Id, v.OrganizationId, v.OrganizationName, v.VisitedOn, v.Reason, v.Money, v.Goods, v.Visitors, v.Note,
                Members = v.Members.Select(m => new { m.MemberId, m.Name }), v.CanWrite,
            })))
            .WithSummary("一条慰问记录");
        care.MapPost("/", async (CareVisitRequest request, CreateCareVisitHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateCareVisitCommand(request.OrganizationId ?? 0, request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/worklog/care-visits/{id}", new { id })))
            .WithSummary("登记慰问（慰问对象须在管理范围内）");
        care.MapPut("/{id:long}", async (long id, CareVisitRequest request, UpdateCareVisitHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateCareVisitCommand(id, request.Input), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改慰问记录");
        care.MapDelete("/{id:long}", async (long id, DeleteCareVisitHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteCareVisitCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除慰问记录");
        return api;
    }

    /// <summary>Reads an uploaded donor list and hands its rows to the import (which validates every row before saving any).</summary>
    public static async Task<Result<DonorImportResult>> ImportAsync(long driveId, IFormFile? file, ImportDonorsHandler handler, AccessScope scope, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Error.Validation("import.no_file", "请选择要上传的 Excel 文件", "File");
        if (file.Length > MaxFileBytes) return Error.Validation("import.too_large", "文件不能超过 10 MB", "File");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var rows = XlsxReader.Read(buffer.ToArray());
        if (rows is null) return Error.Validation("import.not_xlsx", "文件不是有效的 Excel 工作簿（.xlsx），请使用导入模板", "File");
        if (rows.Count == 0) return Error.Validation("import.empty", "文件中没有捐款名单，请从第 2 行起填写", "File");
        var header = rows[0].Cells.Select(c => c.Trim()).ToList();
        int Column(params string[] names) => header.FindIndex(h => names.Contains(h));
        var (id, name, amount) = (Column("身份证号码", "公民身份号码", "身份证号"), Column("姓名"), Column("捐款金额（元）", "捐款金额", "金额"));
        if (id < 0 || amount < 0) return Error.Validation("import.header", "第 1 行应为表头：身份证号码、姓名、捐款金额（元）", "File");
        string? Cell(XlsxRow r, int i) => i >= 0 && i < r.Cells.Count ? r.Cells[i] : null;
        var data = rows.Skip(1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            .Select(r => new DonorImportRow(r.Number, Cell(r, id), Cell(r, name), Cell(r, amount))).ToList();
        return await handler.HandleAsync(new ImportDonorsCommand(driveId, data), scope, ct);
    }

    private static Task<Result<byte[]>> ExportAsync(ListDonationDrivesHandler handler, ListDonationDrivesQuery query, AccessScope scope, CancellationToken ct) =>
        WorkLogXlsx.ExportAsync(n => handler.HandleAsync(query with { Page = n, PageSize = WorkLogXlsx.PageSize }, scope, ct),
            "捐款活动", ["捐款日期", "组织", "捐款事由", "捐款对象", "党员捐款人数", "党外捐款人数", "捐款金额（元）"], d =>
            [
                Fmt.Date(d.HeldOn), d.OrganizationName, d.Purpose, d.Recipient.Label(),
                d.MemberDonors.ToString(CultureInfo.InvariantCulture), d.OutsideDonors.ToString(CultureInfo.InvariantCulture), d.Amount.ToString("0.00", CultureInfo.InvariantCulture),
            ]);

    /// <summary>表彰 as listed (filter and scope of the list), one row per commendation.</summary>
    public static Task<Result<byte[]>> ExportCommendationsAsync(ListCommendationsHandler handler, ListCommendationsQuery query, AccessScope scope, CancellationToken ct) =>
        WorkLogXlsx.ExportAsync(n => handler.HandleAsync(query with { Page = n, PageSize = WorkLogXlsx.PageSize }, scope, ct),
            "表彰", ["表彰日期", "组织", "表彰级别", "表彰名称", "受表彰组织（个）", "受表彰党员（人）"], c =>
            [
                Fmt.Date(c.AwardedOn), c.OrganizationName, c.Level.Label(), c.Title,
                c.Organizations.ToString(CultureInfo.InvariantCulture), c.Members.ToString(CultureInfo.InvariantCulture),
            ], [12, 24, 12, 36, 16, 16]);

    /// <summary>慰问 as listed (filter and scope of the list), one row per visit.</summary>
    public static Task<Result<byte[]>> ExportCareVisitsAsync(ListCareVisitsHandler handler, ListCareVisitsQuery query, AccessScope scope, CancellationToken ct) =>
        WorkLogXlsx.ExportAsync(n => handler.HandleAsync(query with { Page = n, PageSize = WorkLogXlsx.PageSize }, scope, ct),
            "慰问", ["慰问日期", "组织", "慰问原因", "慰问党员（人）", "慰问金（元）", "慰问物品", "慰问人"], v =>
            [
                Fmt.Date(v.VisitedOn), v.OrganizationName, v.Reason.Label(), v.Members.ToString(CultureInfo.InvariantCulture),
                v.Money.ToString("0.00", CultureInfo.InvariantCulture), v.Goods, v.Visitors,
            ], [12, 24, 12, 14, 14, 24, 24]);
}
