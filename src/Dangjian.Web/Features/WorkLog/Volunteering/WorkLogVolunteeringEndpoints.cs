using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.WorkLog.Volunteering;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Components.Shared;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Dangjian.Web.Features.WorkLog.Volunteering;

public sealed record ParticipantRequest(long? MemberId, decimal? Hours);

public sealed record VolunteerActivityRequest(
    long? OrganizationId, DateOnly? HeldOn, string? Title, string? ServiceProject, bool? ProjectClaimed, int? PublicVolunteers, string? Note,
    IReadOnlyList<ParticipantRequest>? Participants)
{
    public VolunteerActivityInput Input => new()
    {
        HeldOn = HeldOn, Title = Title, ServiceProject = ServiceProject, ProjectClaimed = ProjectClaimed ?? false, PublicVolunteers = PublicVolunteers, Note = Note,
        Participants = (Participants ?? []).Select(p => new ParticipantInput(p.MemberId, p.Hours)).ToList(),
    };
}

public sealed record CommunityReportRequest(long? OrganizationId, long? MemberId, string? Community, DateOnly? ReportedOn, string? Note)
{
    public CommunityReportInput Input => new() { MemberId = MemberId, Community = Community, ReportedOn = ReportedOn, Note = Note };
}

public sealed record PioneerPostRequest(long? OrganizationId, string? Name, PioneerPostKind? Kind, DateOnly? From, DateOnly? To, string? Note, IReadOnlyList<long>? MemberIds)
{
    public PioneerPostInput Input => new() { Name = Name, Kind = Kind, From = From, To = To, Note = Note, MemberIds = MemberIds ?? [] };
}

public static class WorkLogVolunteeringEndpoints
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapWorkLogVolunteeringEndpoints(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/worklog/volunteer-activities").WithTags("志愿服务");
        activities.MapGet("/", async (long? under, DateOnly? from, DateOnly? to, string? search, bool? claimed, int? page, int? pageSize,
                ListVolunteerActivitiesHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListVolunteerActivitiesQuery { Under = under, From = from, To = to, Search = search, Claimed = claimed, Page = page, PageSize = pageSize },
                await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("志愿服务活动列表（under=组织编号；from/to=活动日期；personTimes=参与党员人数+群众志愿者人数；hours=参与党员服务时长之和）");
        activities.MapGet("/{id:long}", async (long id, GetVolunteerActivityHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetVolunteerActivityQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一次志愿服务活动及参与党员");
        activities.MapPost("/", async (VolunteerActivityRequest request, CreateVolunteerActivityHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateVolunteerActivityCommand(request.OrganizationId ?? 0, request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/worklog/volunteer-activities/{id}", new { id })))
            .WithSummary("登记志愿服务活动（日期不晚于今天；每名党员每天服务时长合计不超过24小时；党员须在管理范围内）");
        activities.MapPut("/{id:long}", async (long id, VolunteerActivityRequest request, UpdateVolunteerActivityHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateVolunteerActivityCommand(id, request.Input), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改志愿服务活动（参与党员按提交的名单整体替换）");
        activities.MapDelete("/{id:long}", async (long id, DeleteVolunteerActivityHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteVolunteerActivityCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除志愿服务活动");
        activities.MapPost("/{id:long}/participants/import", async (long id, IFormFile? file, ImportVolunteerParticipantsHandler handler, RequestAccess access, CancellationToken ct) =>
            {
                var rows = await ReadSheetAsync(file, ct);
                if (!rows.IsSuccess) return ProblemResponses.ToProblem(rows.Errors);
                return (await handler.HandleAsync(new ImportVolunteerParticipantsCommand(id, rows.Value), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok);
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes + 64 * 1024))
            .WithSummary("导入参与党员（multipart，字段 file；列：身份证号、姓名、所在支部、服务时长）：先校验全部行，任何一行有误则一行也不保存");
        activities.MapGet("/export", ExportAsync).WithSummary("导出志愿服务活动（xlsx）");

        var reports = api.MapGroup("/worklog/community-reports").WithTags("在职党员到社区报到");
        reports.MapGet("/", async (long? under, DateOnly? from, DateOnly? to, string? search, int? page, int? pageSize, ListCommunityReportsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListCommunityReportsQuery { Under = under, From = from, To = to, Search = search, Page = page, PageSize = pageSize }, await access.ScopeAsync(ct), ct))
                .ToHttp(Results.Ok))
            .WithSummary("在职党员到社区报到记录");
        reports.MapGet("/export", async (long? under, DateOnly? from, DateOnly? to, string? search, ListCommunityReportsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await VolunteeringSheets.ExportCommunityReportsAsync(handler, new ListCommunityReportsQuery { Under = under, From = from, To = to, Search = search }, await access.ScopeAsync(ct), ct))
                .ToFile("在职党员到社区报到.xlsx"))
            .WithSummary("按筛选条件导出在职党员到社区报到记录（xlsx）");
        reports.MapGet("/{id:long}", async (long id, GetCommunityReportHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetCommunityReportQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一条到社区报到记录");
        reports.MapPost("/", async (CommunityReportRequest request, CreateCommunityReportHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateCommunityReportCommand(request.OrganizationId ?? 0, request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/worklog/community-reports/{id}", new { id })))
            .WithSummary("登记在职党员到社区报到");
        reports.MapPut("/{id:long}", async (long id, CommunityReportRequest request, UpdateCommunityReportHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateCommunityReportCommand(id, request.Input), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改到社区报到记录");
        reports.MapDelete("/{id:long}", async (long id, DeleteCommunityReportHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteCommunityReportCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除到社区报到记录");

        var posts = api.MapGroup("/worklog/pioneer-posts").WithTags("党员先锋岗");
        posts.MapGet("/", async (long? under, PioneerPostKind? kind, DateOnly? on, int? page, int? pageSize, ListPioneerPostsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListPioneerPostsQuery { Under = under, Kind = kind, On = on, Page = page, PageSize = pageSize }, await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("党员先锋岗、示范岗、责任区（kind=Pioneer/Model/ResponsibilityArea；on=当日有效）");
        posts.MapGet("/export", async (long? under, PioneerPostKind? kind, DateOnly? on, ListPioneerPostsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await VolunteeringSheets.ExportPioneerPostsAsync(handler, new ListPioneerPostsQuery { Under = under, Kind = kind, On = on }, await access.ScopeAsync(ct), ct))
                .ToFile("党员先锋岗.xlsx"))
            .WithSummary("按筛选条件导出党员先锋岗、示范岗、责任区（xlsx）");
        posts.MapGet("/{id:long}", async (long id, GetPioneerPostHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetPioneerPostQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一个党员先锋岗");
        posts.MapPost("/", async (PioneerPostRequest request, CreatePioneerPostHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreatePioneerPostCommand(request.OrganizationId ?? 0, request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/worklog/pioneer-posts/{id}", new { id })))
            .WithSummary("设立党员先锋岗、示范岗或责任区");
        posts.MapPut("/{id:long}", async (long id, PioneerPostRequest request, UpdatePioneerPostHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdatePioneerPostCommand(id, request.Input), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改党员先锋岗");
        posts.MapDelete("/{id:long}", async (long id, DeletePioneerPostHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DeletePioneerPostCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除党员先锋岗");
        return api;
    }

    /// <summary>The pages' xlsx export, template, and the participants upload (cookie session, antiforgery checked).</summary>
    public static IEndpointRouteBuilder MapWorkLogVolunteeringPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/worklog/volunteering/export", ExportAsync);
        app.MapGet("/worklog/volunteering/template", () => Results.File(
            XlsxWriter.Write(VolunteerParticipantSheet.SheetName, VolunteerParticipantSheet.Headers, [], VolunteerParticipantSheet.Widths), XlsxContentType, "志愿服务参与党员模板.xlsx"));
        app.MapPost("/worklog/volunteering/{id:long}/import", async (long id, HttpContext http, IAntiforgery antiforgery, ImportVolunteerParticipantsHandler handler,
                RequestAccess access, CancellationToken ct) =>
            {
                var back = $"/worklog/volunteering/{id}/edit";
                if (!await antiforgery.IsRequestValidAsync(http)) return Results.Redirect(back + "?importError=" + Uri.EscapeDataString("页面已过期，请刷新后重新上传"));
                if (!http.Request.HasFormContentType) return Results.Redirect(back);
                var form = await http.Request.ReadFormAsync(ct);
                var rows = await ReadSheetAsync(form.Files.GetFile("file"), ct);
                var imported = rows.IsSuccess
                    ? await handler.HandleAsync(new ImportVolunteerParticipantsCommand(id, rows.Value), await access.ScopeAsync(ct), ct)
                    : Result<VolunteerImportResult>.Failure(rows.Errors);
                if (imported.IsSuccess) return Results.Redirect($"{back}?imported={imported.Value.Imported}");
                var message = string.Join("；", imported.Errors.Take(20).Select(e => e.Message)) + (imported.Errors.Count > 20 ? $"；等共{imported.Errors.Count}处" : "");
                return Results.Redirect(back + "?importError=" + Uri.EscapeDataString(message));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes + 64 * 1024));
        return app;
    }

    private static async Task<IResult> ExportAsync(long? under, DateOnly? from, DateOnly? to, string? search, ListVolunteerActivitiesHandler handler, RequestAccess access, CancellationToken ct) =>
        (await VolunteeringSheets.ExportActivitiesAsync(handler, new ListVolunteerActivitiesQuery { Under = under, From = from, To = to, Search = search }, await access.ScopeAsync(ct), ct))
        .ToFile("志愿服务活动.xlsx");

    /// <summary>The data rows of an uploaded sheet (the first row is the header).</summary>
    private static async Task<Result<IReadOnlyList<VolunteerSheetRow>>> ReadSheetAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Error.Validation("worklog.import.noFile", "请选择要上传的 xlsx 文件", "file");
        if (file.Length > MaxFileBytes) return Error.Validation("worklog.import.tooLarge", "文件不能超过 10 MB", "file");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var rows = XlsxReader.Read(buffer.ToArray());
        if (rows is null) return Error.Validation("worklog.import.notXlsx", "文件不是有效的 xlsx 工作簿", "file");
        return rows.Skip(1).Select(r => new VolunteerSheetRow(r.Number, r.Cells)).ToList();
    }
}

/// <summary>The 志愿服务活动, 到社区报到 and 党员先锋岗 exports: the lists' rows, their filter and the caller's scope, under Chinese headers.</summary>
public static class VolunteeringSheets
{
    public static Task<Result<byte[]>> ExportActivitiesAsync(ListVolunteerActivitiesHandler handler, ListVolunteerActivitiesQuery query, AccessScope scope, CancellationToken ct) =>
        WorkLogXlsx.ExportAsync(n => handler.HandleAsync(query with { Page = n, PageSize = WorkLogXlsx.PageSize }, scope, ct),
            "志愿服务活动", ["活动日期", "组织", "活动名称", "服务项目", "认领项目", "参与党员（人）", "群众志愿者（人）", "服务人次", "党员服务时长（小时）"], a =>
            [
                Fmt.Date(a.HeldOn), a.OrganizationName, a.Title, a.ServiceProject, a.ProjectClaimed ? "是" : "否",
                a.PartyVolunteers.ToString(CultureInfo.InvariantCulture), a.PublicVolunteers.ToString(CultureInfo.InvariantCulture),
                a.PersonTimes.ToString(CultureInfo.InvariantCulture), a.Hours.ToString("0.##", CultureInfo.InvariantCulture),
            ], [12, 24, 30, 20, 10, 14, 16, 12, 20]);

    public static Task<Result<byte[]>> ExportCommunityReportsAsync(ListCommunityReportsHandler handler, ListCommunityReportsQuery query, AccessScope scope, CancellationToken ct) =>
        WorkLogXlsx.ExportAsync(n => handler.HandleAsync(query with { Page = n, PageSize = WorkLogXlsx.PageSize }, scope, ct),
            "在职党员到社区报到", ["报到日期", "所在组织", "党员", "报到社区", "备注"], r =>
            [Fmt.Date(r.ReportedOn), r.OrganizationName, r.MemberName, r.Community, r.Note], [12, 24, 12, 30, 30]);

    public static Task<Result<byte[]>> ExportPioneerPostsAsync(ListPioneerPostsHandler handler, ListPioneerPostsQuery query, AccessScope scope, CancellationToken ct) =>
        WorkLogXlsx.ExportAsync(n => handler.HandleAsync(query with { Page = n, PageSize = WorkLogXlsx.PageSize }, scope, ct),
            "党员先锋岗", ["岗位名称", "类别", "所在组织", "在岗党员", "设岗日期", "撤岗日期", "备注"], p =>
            [p.Name, p.KindLabel, p.OrganizationName, string.Join("、", p.Members.Select(m => m.Name)), Fmt.Date(p.From), Fmt.Date(p.To), p.Note],
            [24, 12, 24, 30, 12, 12, 30]);
}
