using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development;

/// <summary>Where an organization stands against its yearly plan.</summary>
public enum PlanProgress
{
    /// <summary>No plan set for the year.</summary>
    NoPlan,

    /// <summary>未完成: fewer admitted than the plan's lower bound.</summary>
    Behind,

    /// <summary>已完成: the lower bound reached, the upper bound not passed.</summary>
    Met,

    /// <summary>超出: more admitted than the plan's upper bound.</summary>
    Exceeded,
}

public static class PlanProgressRules
{
    /// <summary>
    /// A plan is fulfilled by reaching its lower bound (as <c>development.planProgress</c> measures it) and exceeded only beyond
    /// its upper bound: 4 admitted against 3–5 is 已完成, 6 is 超出.
    /// </summary>
    public static PlanProgress Of(int? minimum, int? maximum, int admitted) =>
        minimum is not int min ? PlanProgress.NoPlan
        : admitted < min ? PlanProgress.Behind
        : admitted > (maximum ?? min) ? PlanProgress.Exceeded
        : PlanProgress.Met;

    public static string Label(this PlanProgress progress) => progress switch
    {
        PlanProgress.Behind => "未完成",
        PlanProgress.Met => "已完成",
        PlanProgress.Exceeded => "超出",
        _ => "未制定计划",
    };
}

/// <summary>The plans of a subtree for a year: every organization (党小组 excepted, they do not develop members), paged.</summary>
public sealed record GetDevelopmentPlansQuery(long OrganizationId, int Year, int? Page = null, int? PageSize = null);

/// <summary>
/// One organization's plan and actual. <see cref="Admitted"/> is <c>development.admitted</c> of the organization and everything
/// under it for the year, read through the metric catalogue so the page and the statistics never disagree.
/// </summary>
public sealed record DevelopmentPlanRow(
    long OrganizationId, string OrganizationName, OrganizationKind Kind, int Depth, int? Minimum, int? Maximum, string? Note, int Admitted,
    PlanProgress Progress, bool CanWrite)
{
    public string? PlanText => Minimum is not int min ? null : Maximum is int max && max != min ? $"{min}–{max}" : $"{min}";

    public string ProgressLabel => Progress.Label();
}

public sealed record DevelopmentPlansView(long OrganizationId, string OrganizationName, int Year, Page<DevelopmentPlanRow> Rows);

public sealed class GetDevelopmentPlansHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public const string AdmittedMetric = "development.admitted";

    public async Task<Result<DevelopmentPlansView>> HandleAsync(GetDevelopmentPlansQuery query, AccessScope scope, CancellationToken ct)
    {
        if (query.Year is < 2000 or > 2100) return DevelopmentErrors.PlanYear;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == query.OrganizationId).Select(o => new { o.Id, o.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (root is null || !scope.Allows(root.Path, Permission.Read)) return Error.NotFound("development.org_not_found", $"组织（编号 {query.OrganizationId}）不存在或不在您的管理范围内");

        var organizations = db.Organizations.AsNoTracking().InSubtree(root.Path).Where(o => o.Kind != OrganizationKind.Group && o.DissolvedOn == null);
        var size = Page<object>.NormalizeSize(query.PageSize);
        var number = Page<object>.NormalizeNumber(query.Page);
        var total = await organizations.CountAsync(ct);
        var rows = await organizations.OrderBy(o => o.Path).Skip((number - 1) * size).Take(size)
            .Select(o => new { o.Id, o.Name, o.Kind, o.Path }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var plans = await db.Set<DevelopmentPlan>().AsNoTracking().Where(p => p.Year == query.Year && ids.Contains(p.OrganizationId)).ToDictionaryAsync(p => p.OrganizationId, ct);

        var targets = rows.Select(r => new MetricTarget(r.Id, r.Path)).ToList();
        var admitted = new MetricReadings([]);
        if (targets.Count > 0)
        {
            var read = await MetricEvaluator.EvaluateAsync(db, MetricCatalogue.Default, [new MetricRef(AdmittedMetric)], targets, new DateOnly(query.Year, 1, 1), new DateOnly(query.Year, 12, 31), ct);
            if (!read.IsSuccess) return Result<DevelopmentPlansView>.Failure(read.Errors);
            admitted = read.Value;
        }

        var rootDepth = OrgPath.Depth(root.Path);
        var items = rows.Select(r =>
        {
            var plan = plans.GetValueOrDefault(r.Id);
            // "No data" (nobody ever applied in the subtree) is none admitted.
            var actual = (int)(admitted.Get(new MetricRef(AdmittedMetric), r.Id).Value ?? 0);
            return new DevelopmentPlanRow(r.Id, r.Name, r.Kind, OrgPath.Depth(r.Path) - rootDepth, plan?.Minimum, plan?.Maximum, plan?.Note, actual,
                PlanProgressRules.Of(plan?.Minimum, plan?.Maximum, actual), scope.Allows(r.Path, Permission.Write));
        }).ToList();
        return new DevelopmentPlansView(root.Id, root.Name, query.Year, new Page<DevelopmentPlanRow>(items, total, number, size));
    }
}

/// <summary>One organization's plan for a year (the edit form).</summary>
public sealed record GetDevelopmentPlanQuery(long OrganizationId, int Year);

public sealed record DevelopmentPlanDetails(long OrganizationId, string OrganizationName, int Year, int? Minimum, int? Maximum, string? Note, bool CanWrite);

public sealed class GetDevelopmentPlanHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<DevelopmentPlanDetails>> HandleAsync(GetDevelopmentPlanQuery query, AccessScope scope, CancellationToken ct)
    {
        if (query.Year is < 2000 or > 2100) return DevelopmentErrors.PlanYear;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == query.OrganizationId).Select(o => new { o.Id, o.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (org is null || !scope.Allows(org.Path, Permission.Read)) return Error.NotFound("development.org_not_found", $"组织（编号 {query.OrganizationId}）不存在或不在您的管理范围内");
        var plan = await db.Set<DevelopmentPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.OrganizationId == org.Id && p.Year == query.Year, ct);
        return new DevelopmentPlanDetails(org.Id, org.Name, query.Year, plan?.Minimum, plan?.Maximum, plan?.Note, scope.Allows(org.Path, Permission.Write));
    }
}
