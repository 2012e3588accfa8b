using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.WorkLog.CustomIndicators;
using Dangjian.Web.Components.Shared;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.WorkLog.CustomIndicators;

public sealed record CustomIndicatorRequest(string? Key, string? Name, string? Unit, string? Description, CustomAggregation? Aggregation, int? Decimals, long? OrganizationId)
{
    public CustomIndicatorInput Input => new()
    {
        Key = Key, Name = Name, Unit = Unit, Description = Description, Aggregation = Aggregation, Decimals = Decimals, OrganizationId = OrganizationId,
    };
}

public sealed record CustomValueRequest(long? IndicatorId, long? OrganizationId, DateOnly? RecordedOn, decimal? Value, string? Note)
{
    public CustomValueInput Input => new() { IndicatorId = IndicatorId, OrganizationId = OrganizationId, RecordedOn = RecordedOn, Value = Value, Note = Note };
}

public sealed record ArchiveRequest(bool Archived);

/// <summary>/api/v1/worklog/indicators and /api/v1/worklog/indicator-values: custom indicators and their values.</summary>
public static class WorkLogCustomIndicatorEndpoints
{
    public static RouteGroupBuilder MapWorkLogCustomIndicatorEndpoints(this RouteGroupBuilder api)
    {
        var indicators = api.MapGroup("/worklog/indicators").WithTags("工作台账 · 自定义指标");

        indicators.MapGet("/", async (bool? includeArchived, ListCustomIndicatorsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListCustomIndicatorsQuery(includeArchived ?? true), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("自定义指标列表（本人管理范围内及其上级组织定义、适用于本人范围的指标）");

        indicators.MapGet("/{id:long}", async (long id, GetCustomIndicatorHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetCustomIndicatorQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一个自定义指标");

        indicators.MapPost("/", async (CustomIndicatorRequest request, DefineCustomIndicatorHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DefineCustomIndicatorCommand(request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/worklog/indicators/{id}", new { id })))
            .WithSummary("定义自定义指标（须为适用组织的管理员；代码为英文字母、数字、下划线，全局唯一，作为指标 custom.{代码} 引用）");

        indicators.MapPut("/{id:long}", async (long id, CustomIndicatorRequest request, UpdateCustomIndicatorHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateCustomIndicatorCommand(id, request.Input), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改自定义指标（可改名称、单位、说明；代码与适用范围不可改；已有数值时汇总方式不可改）");

        indicators.MapPost("/{id:long}/archive", async (long id, ArchiveRequest request, ArchiveCustomIndicatorHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ArchiveCustomIndicatorCommand(id, request.Archived), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("归档（archived=true）或恢复（false）自定义指标；归档后不能登记新数值，历史数值和引用仍可用");

        indicators.MapDelete("/{id:long}", async (long id, DeleteCustomIndicatorHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteCustomIndicatorCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除自定义指标（已有数值的指标不能删除，请归档）");

        var values = api.MapGroup("/worklog/indicator-values").WithTags("工作台账 · 自定义指标");

        values.MapGet("/", async (long? indicatorId, long? under, DateOnly? from, DateOnly? to, int? page, int? pageSize, ListCustomValuesHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListCustomValuesQuery { IndicatorId = indicatorId, Under = under, From = from, To = to, Page = page, PageSize = pageSize }, await access.ScopeAsync(ct), ct))
                .ToHttp(Results.Ok))
            .WithSummary("指标数值列表（indicatorId=指标；under=组织编号；from/to=日期）");

        values.MapGet("/export", async (long? indicatorId, long? under, DateOnly? from, DateOnly? to, ListCustomValuesHandler handler, RequestAccess access, CancellationToken ct) =>
            (await CustomIndicatorSheets.ExportValuesAsync(handler, new ListCustomValuesQuery { IndicatorId = indicatorId, Under = under, From = from, To = to }, await access.ScopeAsync(ct), ct))
                .ToFile("自定义指标数值.xlsx"))
            .WithSummary("按筛选条件导出自定义指标数值（xlsx）");

        values.MapGet("/{id:long}", async (long id, GetCustomValueHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetCustomValueQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一条指标数值");

        values.MapPost("/", async (CustomValueRequest request, RecordCustomValueHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new RecordCustomValueCommand(request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/worklog/indicator-values/{id}", new { id })))
            .WithSummary("登记指标数值（组织须在指标适用范围内；日期不晚于今天；不能为负数；小数位数不超过指标规定）");

        values.MapPut("/{id:long}", async (long id, CustomValueRequest request, UpdateCustomValueHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateCustomValueCommand(id, request.Input), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改指标数值");

        values.MapDelete("/{id:long}", async (long id, DeleteCustomValueHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteCustomValueCommand(id), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("删除指标数值");

        return api;
    }
}

/// <summary>The 指标数值 export: the list's rows, its filter and the caller's scope; values carry their indicator's decimals.</summary>
public static class CustomIndicatorSheets
{
    public static Task<Result<byte[]>> ExportValuesAsync(ListCustomValuesHandler handler, ListCustomValuesQuery query, AccessScope scope, CancellationToken ct) =>
        WorkLogXlsx.ExportAsync(n => handler.HandleAsync(query with { Page = n, PageSize = WorkLogXlsx.PageSize }, scope, ct),
            "自定义指标数值", ["日期", "指标", "单位", "组织", "数值", "备注"], v =>
            [Fmt.Date(v.RecordedOn), v.IndicatorName, v.Unit, v.OrganizationName, v.Display, v.Note], [12, 24, 10, 24, 12, 30]);
}
