using System.Globalization;
using Dangjian.Core.Features.Members;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Features.Members.Import;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Members;

public static class MemberStatisticsEndpoints
{
    public static RouteGroupBuilder MapMemberStatisticsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/members/statistics", async (long? organizationId, DateOnly? date, GetMemberStatisticsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetMemberStatisticsQuery(organizationId, date), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithTags("党员").WithSummary("党员统计：按党内统计口径分类（指定组织及下级，指定日期，按组织关系历史计算）");
        api.MapGet("/members/statistics/export", ExportAsync)
            .WithTags("党员").WithSummary("导出党员统计（xlsx，分类、项目、人数、占比；参数同党员统计）");
        return api;
    }

    /// <summary>The page's download link (cookie session).</summary>
    public static IEndpointRouteBuilder MapMemberStatisticsPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/members/statistics/export", ExportAsync);
        return app;
    }

    private static async Task<IResult> ExportAsync(long? organizationId, DateOnly? date, GetMemberStatisticsHandler handler, RequestAccess access, CancellationToken ct) =>
        (await handler.HandleAsync(new GetMemberStatisticsQuery(organizationId, date), await access.ScopeAsync(ct), ct)).ToHttp(s => Results.File(
            XlsxWriter.Write(StatisticsSheet.SheetName, StatisticsSheet.Headers, StatisticsSheet.Rows(s), StatisticsSheet.Widths),
            MemberImportEndpoints.XlsxContentType, $"党员统计-{s.OrganizationName}-{s.Date:yyyyMMdd}.xlsx"));
}

/// <summary>The statistics as one sheet: a 合计 row, then every row of every breakdown, in the page's order.</summary>
public static class StatisticsSheet
{
    public const string SheetName = "党员统计";
    public static readonly IReadOnlyList<string> Headers = ["分类", "项目", "人数", "占比"];
    public static readonly IReadOnlyList<double> Widths = [16, 24, 10, 10];

    public static IEnumerable<IReadOnlyList<string?>> Rows(MemberStatistics s)
    {
        yield return ["合计", $"{s.OrganizationName}（含下级组织）{s.Date:yyyy-MM-dd}", s.Total.ToString(CultureInfo.InvariantCulture), s.Total > 0 ? "100.0%" : "0.0%"];
        foreach (var table in s.Tables)
        {
            foreach (var row in table.Rows)
            {
                yield return [table.Label, row.Label, row.Count.ToString(CultureInfo.InvariantCulture), Percent(row.Percent)];
            }
        }
    }

    public static string Percent(decimal percent) => percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
