using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.WorkLog.Assistance;
using Dangjian.Core.Features.WorkLog.Brand;
using Dangjian.Core.Features.WorkLog.Publicity;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Components.Shared;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.WorkLog;

public sealed record AssistanceHouseholdRequest(long? OrganizationId, string? Name, string? Address, string? Note)
{
    public AssistanceHouseholdInput Input => new() { Name = Name, Address = Address, Note = Note };
}

/// <summary>工作台账 part C over HTTP: 帮扶 (households, visits, problems), 宣传 (with xlsx export and import), 党建品牌活动.</summary>
public static class WorkLogAssistanceEndpoints
{
    public const string XlsxContentType = WorkLogXlsx.ContentType;

    public static RouteGroupBuilder MapWorkLogAssistanceEndpoints(this RouteGroupBuilder api)
    {
        var assistance = api.MapGroup("/worklog/assistance").WithTags("工作台账·帮扶");

        assistance.MapGet("/households", async (long? under, string? q, DateOnly? on, int? page, int? pageSize, ListAssistanceHouseholdsHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new ListAssistanceHouseholdsQuery { Under = under, Search = q, On = on, Page = page, PageSize = pageSize }, await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("帮扶户列表（under=组织编号；q=户主或住址；on=按该日统计问题状态，默认今天）");
        assistance.MapGet("/households/export", async (long? under, string? q, DateOnly? on, ListAssistanceHouseholdsHandler handler, RequestAccess access, CancellationToken ct) =>
                (await AssistanceSheets.ExportHouseholdsAsync(handler, new ListAssistanceHouseholdsQuery { Under = under, Search = q, On = on }, await access.ScopeAsync(ct), ct)).ToFile("帮扶户.xlsx"))
            .WithSummary("按筛选条件导出帮扶户（xlsx；问题状态按 on 日，默认今天）");
        assistance.MapGet("/problems/export", async (long? under, string? q, DateOnly? on, ListAssistanceProblemsHandler handler, RequestAccess access, CancellationToken ct) =>
                (await AssistanceSheets.ExportProblemsAsync(handler, new ListAssistanceProblemsQuery { Under = under, Search = q, On = on }, await access.ScopeAsync(ct), ct)).ToFile("帮扶问题.xlsx"))
            .WithSummary("按筛选条件导出帮扶户收集的问题及其状态（xlsx；状态按 on 日，默认今天）");
        assistance.MapGet("/problems/template", () => Results.File(XlsxWriter.Write(AssistanceProblemSheet.SheetName, AssistanceProblemSheet.Headers, [], AssistanceProblemSheet.Widths),
                XlsxContentType, "帮扶问题导入模板.xlsx"))
            .WithSummary("帮扶问题导入模板（xlsx）");
        assistance.MapPost("/problems/import", async (long? organizationId, IFormFile? file, ImportAssistanceProblemsHandler handler, RequestAccess access, CancellationToken ct) =>
                (await AssistanceProblemSheet.ImportAsync(organizationId ?? 0, file, handler, await access.ScopeAsync(ct), ct)).ToHttp(n => Results.Ok(new { imported = n })))
            .WithSummary("导入帮扶问题（xlsx；按户主姓名对应本组织的帮扶户；任一行有误则整表不导入，并列出行号和原因）");
        assistance.MapGet("/households/{id:long}", async (long id, GetAssistanceHouseholdHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new GetAssistanceHouseholdQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一户帮扶户，含走访和问题");
        assistance.MapPost("/households", async (AssistanceHouseholdRequest request, CreateAssistanceHouseholdHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new CreateAssistanceHouseholdCommand(request.OrganizationId ?? 0, request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/worklog/assistance/households/{id}", new { id })))
            .WithSummary("登记帮扶户");
        assistance.MapPut("/households/{id:long}", async (long id, AssistanceHouseholdRequest request, UpdateAssistanceHouseholdHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new UpdateAssistanceHouseholdCommand(id, request.Input), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改帮扶户");
        assistance.MapDelete("/households/{id:long}", async (long id, DeleteAssistanceHouseholdHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new DeleteAssistanceHouseholdCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除帮扶户及其走访、问题");
        assistance.MapPost("/households/{id:long}/visits", async (long id, AssistanceVisitInput request, AddAssistanceVisitHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new AddAssistanceVisitCommand(id, request), await access.ScopeAsync(ct), ct)).ToHttp(v => Results.Created($"/api/v1/worklog/assistance/households/{id}", new { id = v })))
            .WithSummary("登记一次走访（1 户次；日期不能晚于今天）");
        assistance.MapDelete("/visits/{id:long}", async (long id, DeleteAssistanceVisitHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new DeleteAssistanceVisitCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除走访记录");
        assistance.MapPost("/households/{id:long}/problems", async (long id, AssistanceProblemInput request, AddAssistanceProblemHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new AddAssistanceProblemCommand(id, request), await access.ScopeAsync(ct), ct)).ToHttp(p => Results.Created($"/api/v1/worklog/assistance/households/{id}", new { id = p })))
            .WithSummary("登记收集的问题（收集≤开始解决≤解决≤今天；状态由日期推出）");
        assistance.MapPut("/problems/{id:long}", async (long id, AssistanceProblemInput request, UpdateAssistanceProblemHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new UpdateAssistanceProblemCommand(id, request), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改问题及其日期");
        assistance.MapDelete("/problems/{id:long}", async (long id, DeleteAssistanceProblemHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new DeleteAssistanceProblemCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除问题");

        var publicity = api.MapGroup("/worklog/publicity").WithTags("工作台账·宣传");
        publicity.MapGet("/", async (long? under, PublicityKind? kind, DateOnly? from, DateOnly? to, int? page, int? pageSize, ListPublicityHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new ListPublicityQuery { Under = under, Kind = kind, From = from, To = to, Page = page, PageSize = pageSize }, await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("宣传记录列表");
        publicity.MapGet("/export", async (long? under, PublicityKind? kind, DateOnly? from, DateOnly? to, ListPublicityHandler handler, RequestAccess access, CancellationToken ct) =>
                (await PublicitySheet.ExportAsync(handler, new ListPublicityQuery { Under = under, Kind = kind, From = from, To = to }, await access.ScopeAsync(ct), ct))
                .ToFile("宣传记录.xlsx"))
            .WithSummary("按筛选条件导出宣传记录（xlsx）");
        publicity.MapGet("/template", () => Results.File(XlsxWriter.Write(PublicitySheet.SheetName, PublicitySheet.Headers, [], PublicitySheet.Widths), XlsxContentType, "宣传记录导入模板.xlsx"))
            .WithSummary("宣传记录导入模板（xlsx）");
        publicity.MapPost("/import", async (long? organizationId, IFormFile? file, CreatePublicityHandler handler, RequestAccess access, CancellationToken ct) =>
                (await PublicitySheet.ImportAsync(organizationId ?? 0, file, handler, await access.ScopeAsync(ct), ct)).ToHttp(n => Results.Ok(new { imported = n })))
            .WithSummary("导入宣传记录（xlsx；任一行有误则整表不导入，并列出行号和原因）");
        publicity.MapGet("/{id:long}", async (long id, GetPublicityHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new GetPublicityQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一条宣传记录");
        publicity.MapPost("/", async (PublicityInput request, CreatePublicityHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new CreatePublicityCommand(request), await access.ScopeAsync(ct), ct)).ToHttp(id => Results.Created($"/api/v1/worklog/publicity/{id}", new { id })))
            .WithSummary("登记宣传（类型、内容、数量、日期）");
        publicity.MapPut("/{id:long}", async (long id, PublicityInput request, UpdatePublicityHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new UpdatePublicityCommand(id, request), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改宣传记录");
        publicity.MapDelete("/{id:long}", async (long id, DeletePublicityHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new DeletePublicityCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除宣传记录");

        var brand = api.MapGroup("/worklog/brand").WithTags("工作台账·党建品牌");
        brand.MapGet("/", async (long? under, string? brandName, DateOnly? from, DateOnly? to, int? page, int? pageSize, ListBrandActivitiesHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new ListBrandActivitiesQuery { Under = under, Brand = brandName, From = from, To = to, Page = page, PageSize = pageSize }, await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("党建品牌活动列表");
        brand.MapGet("/export", async (long? under, string? brandName, DateOnly? from, DateOnly? to, ListBrandActivitiesHandler handler, RequestAccess access, CancellationToken ct) =>
                (await AssistanceSheets.ExportBrandActivitiesAsync(handler, new ListBrandActivitiesQuery { Under = under, Brand = brandName, From = from, To = to }, await access.ScopeAsync(ct), ct))
                .ToFile("党建品牌活动.xlsx"))
            .WithSummary("按筛选条件导出党建品牌活动（xlsx）");
        brand.MapGet("/{id:long}", async (long id, GetBrandActivityHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new GetBrandActivityQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一次党建品牌活动");
        brand.MapPost("/", async (BrandActivityInput request, CreateBrandActivityHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new CreateBrandActivityCommand(request), await access.ScopeAsync(ct), ct)).ToHttp(id => Results.Created($"/api/v1/worklog/brand/{id}", new { id })))
            .WithSummary("登记党建品牌 / 一支部一特色活动");
        brand.MapPut("/{id:long}", async (long id, BrandActivityInput request, UpdateBrandActivityHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new UpdateBrandActivityCommand(id, request), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改党建品牌活动");
        brand.MapDelete("/{id:long}", async (long id, DeleteBrandActivityHandler handler, RequestAccess access, CancellationToken ct) =>
                (await handler.HandleAsync(new DeleteBrandActivityCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除党建品牌活动");
        return api;
    }
}

/// <summary>The 宣传记录 sheet: the same columns for export, the import template and the import.</summary>
public static class PublicitySheet
{
    public const string SheetName = "宣传记录";
    public static readonly IReadOnlyList<string> Headers = ["日期", "类型", "内容", "数量", "备注", "组织"];
    public static readonly IReadOnlyList<double> Widths = [12, 12, 40, 8, 30, 24];

    public static Task<Result<byte[]>> ExportAsync(ListPublicityHandler handler, ListPublicityQuery query, Core.Features.Access.AccessScope scope, CancellationToken ct) =>
        WorkLogXlsx.ExportAsync(n => handler.HandleAsync(query with { Page = n, PageSize = WorkLogXlsx.PageSize }, scope, ct), SheetName, Headers, i =>
            [i.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.KindLabel, i.Title, i.Count.ToString(CultureInfo.InvariantCulture), i.Note, i.OrganizationName], Widths);

    /// <summary>
    /// Reads an uploaded sheet and commits every row for <paramref name="organizationId"/>, or none: the API and the import
    /// page both come here. Each refused row is one error "第 N 行：…" whose field is "row:N".
    /// </summary>
    public static async Task<Result<int>> ImportAsync(long organizationId, IFormFile? file, CreatePublicityHandler handler, Core.Features.Access.AccessScope scope, CancellationToken ct)
    {
        var sheet = await WorkLogXlsx.ReadUploadAsync(file, ct);
        if (!sheet.IsSuccess) return Result<int>.Failure(sheet.Errors);
        var (rows, errors) = Parse(sheet.Value, organizationId);
        return await handler.HandleManyAsync(rows, scope, ct, errors);
    }

    /// <summary>Data rows of an uploaded sheet as inputs for <paramref name="organizationId"/>, plus the errors of cells that cannot be read.</summary>
    public static (IReadOnlyList<(int Row, PublicityInput Input)> Rows, IReadOnlyList<Error> Errors) Parse(IReadOnlyList<XlsxRow> sheet, long organizationId)
    {
        var rows = new List<(int, PublicityInput)>();
        var errors = new List<Error>();
        foreach (var row in sheet)
        {
            string Cell(int i) => WorkLogXlsx.Cell(row, i);
            var bad = new List<string>();
            var date = WorkLogXlsx.Date(Cell(0), "日期", bad);
            var kind = PublicityLabels.Parse(Cell(1));
            if (kind is null && Cell(1).Length > 0) bad.Add($"类型“{Cell(1)}”应为 横幅、展板、手册/活页、公众号信息、网站信息 或 其他");
            int? count = null;
            if (Cell(3).Length > 0)
            {
                if (decimal.TryParse(Cell(3), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n == decimal.Truncate(n) && Math.Abs(n) < int.MaxValue) count = (int)n;
                else bad.Add($"数量“{Cell(3)}”应为整数");
            }

            if (bad.Count > 0) errors.AddRange(WorkLogXlsx.RowErrors(row.Number, bad, "publicity.import_cell"));
            else rows.Add((row.Number, new PublicityInput { OrganizationId = organizationId, Kind = kind, Title = Cell(2), Count = count, PublishedOn = date, Note = Cell(4) }));
        }

        return (rows, errors);
    }
}

/// <summary>The 帮扶问题 import sheet: one problem a row, its household named by 户主姓名 (registered in the chosen organization's subtree).</summary>
public static class AssistanceProblemSheet
{
    public const string SheetName = "帮扶问题";
    public static readonly IReadOnlyList<string> Headers = ["帮扶户（户主姓名）", "问题", "收集日期", "开始解决日期", "解决日期", "解决情况"];
    public static readonly IReadOnlyList<double> Widths = [18, 40, 12, 14, 12, 30];

    public static async Task<Result<int>> ImportAsync(long organizationId, IFormFile? file, ImportAssistanceProblemsHandler handler, Core.Features.Access.AccessScope scope, CancellationToken ct)
    {
        var sheet = await WorkLogXlsx.ReadUploadAsync(file, ct);
        if (!sheet.IsSuccess) return Result<int>.Failure(sheet.Errors);
        var rows = new List<AssistanceProblemImportRow>();
        var errors = new List<Error>();
        foreach (var row in sheet.Value)
        {
            string Cell(int i) => WorkLogXlsx.Cell(row, i);
            var bad = new List<string>();
            var collected = WorkLogXlsx.Date(Cell(2), "收集日期", bad);
            var started = WorkLogXlsx.Date(Cell(3), "开始解决日期", bad);
            var resolved = WorkLogXlsx.Date(Cell(4), "解决日期", bad);
            if (bad.Count > 0) errors.AddRange(WorkLogXlsx.RowErrors(row.Number, bad, "assistance.import_cell"));
            else rows.Add(new AssistanceProblemImportRow(row.Number, Cell(0), new AssistanceProblemInput
            {
                Description = Cell(1), CollectedOn = collected, StartedOn = started, ResolvedOn = resolved, Note = Cell(5),
            }));
        }

        return await handler.HandleAsync(new ImportAssistanceProblemsCommand(organizationId, rows, errors), scope, ct);
    }
}

/// <summary>The 帮扶 and 党建品牌 exports: the lists' rows, their filter and the caller's scope, under Chinese headers.</summary>
public static class AssistanceSheets
{
    public static Task<Result<byte[]>> ExportHouseholdsAsync(ListAssistanceHouseholdsHandler handler, ListAssistanceHouseholdsQuery query, Core.Features.Access.AccessScope scope, CancellationToken ct) =>
        WorkLogXlsx.ExportAsync(n => handler.HandleAsync(query with { Page = n, PageSize = WorkLogXlsx.PageSize }, scope, ct),
            "帮扶户", ["组织", "户主", "住址", "走访（户次）", "最近走访", "问题（件）", "待解决", "解决中", "已解决"], h =>
            [
                h.OrganizationName, h.Name, h.Address, N(h.Visits), h.LastVisitedOn is DateOnly d ? Fmt.Date(d) : null,
                N(h.Problems), N(h.Pending), N(h.InProgress), N(h.Resolved),
            ], [24, 12, 30, 12, 12, 10, 8, 8, 8]);

    public static Task<Result<byte[]>> ExportProblemsAsync(ListAssistanceProblemsHandler handler, ListAssistanceProblemsQuery query, Core.Features.Access.AccessScope scope, CancellationToken ct) =>
        WorkLogXlsx.ExportAsync(n => handler.HandleAsync(query with { Page = n, PageSize = WorkLogXlsx.PageSize }, scope, ct),
            "帮扶问题", ["组织", "帮扶户", "问题", "收集日期", "开始解决日期", "解决日期", "状态", "解决情况"], p =>
            [
                p.OrganizationName, p.HouseholdName, p.Description, Fmt.Date(p.CollectedOn), Fmt.Date(p.StartedOn), Fmt.Date(p.ResolvedOn), p.StatusLabel, p.Note,
            ], [24, 12, 36, 12, 14, 12, 10, 30]);

    public static Task<Result<byte[]>> ExportBrandActivitiesAsync(ListBrandActivitiesHandler handler, ListBrandActivitiesQuery query, Core.Features.Access.AccessScope scope, CancellationToken ct) =>
        WorkLogXlsx.ExportAsync(n => handler.HandleAsync(query with { Page = n, PageSize = WorkLogXlsx.PageSize }, scope, ct),
            "党建品牌活动", ["活动日期", "组织", "品牌名称", "活动内容", "备注"], b =>
            [Fmt.Date(b.HeldOn), b.OrganizationName, b.Brand, b.Title, b.Note], [12, 24, 20, 36, 30]);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
