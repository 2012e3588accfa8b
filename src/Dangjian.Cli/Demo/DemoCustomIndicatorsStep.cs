using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.WorkLog.CustomIndicators;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Demo;

/// <summary>
/// Two custom indicators of the 机关党委, through the real handlers, with values for this year up to today:
/// - 起草文稿（篇, custom.drafts）: each 党总支 drafts a few documents every month;
/// - 疫情防控支出（万元, two decimals, custom.epidemic_spending）: each 党支部 records its spending once a quarter.
/// Idempotent: an indicator that exists already (by key) is left alone, with its values.
/// </summary>
public sealed class DemoCustomIndicatorsStep(
    IDbContextFactory<DangjianDbContext> dbFactory, DefineCustomIndicatorHandler define, RecordCustomValueHandler record, TimeProvider clock) : IDemoSeedStep
{
    public const string DraftsKey = "drafts";
    public const string EpidemicKey = "epidemic_spending";

    public int Order => 640;

    public string Title => "自定义指标";

    public async Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (!context.Organizations.ContainsKey(DemoCatalog.RootCode)) return 0;
        var today = clock.Today();
        var root = context.OrganizationId(DemoCatalog.RootCode);
        var bureaus = Demo(context, OrganizationKind.GeneralBranch);
        var branches = Demo(context, OrganizationKind.Branch);
        var created = 0;

        var drafts = await DefineAsync(context, root, DraftsKey, "起草文稿", "篇", 0, "党组织起草的工作要点、总结、通知、简报等文稿，按印发日期登记。", ct);
        if (!drafts.IsSuccess) return Result<int>.Failure(drafts.Errors);
        if (drafts.Value is long draftsId)
        {
            created++;
            for (var month = 1; month <= today.Month; month++)
            {
                var on = new DateOnly(today.Year, month, 20);
                if (on > today) on = today;
                for (var b = 0; b < bureaus.Count; b++)
                {
                    var result = await RecordAsync(context, draftsId, bureaus[b], on, 2 + (month + b) % 4, month % 3 == 0 ? "含季度工作总结" : null, ct);
                    if (!result.IsSuccess) return result;
                    created++;
                }
            }
        }

        var epidemic = await DefineAsync(context, root, EpidemicKey, "疫情防控支出", "万元", 2, "党组织开展疫情防控工作的物资、宣传等支出。", ct);
        if (!epidemic.IsSuccess) return Result<int>.Failure(epidemic.Errors);
        if (epidemic.Value is long epidemicId)
        {
            created++;
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                var on = new DateOnly(today.Year, quarter * 3, 25);
                if (on > today) break;
                for (var b = 0; b < branches.Count; b++)
                {
                    var amount = 0.35m + (b % 4) * 0.25m + quarter * 0.1m;
                    var result = await RecordAsync(context, epidemicId, branches[b], on, amount, $"第{quarter}季度防疫物资", ct);
                    if (!result.IsSuccess) return result;
                    created++;
                }
            }
        }

        if (created > 0) context.Log.WriteLine($"自定义指标：起草文稿（篇）、疫情防控支出（万元），共 {created} 条记录");
        return created;
    }

    private static List<long> Demo(DemoSeedContext context, OrganizationKind kind) =>
        DemoCatalog.Organizations.Where(o => o.Kind == kind && context.Organizations.ContainsKey(o.Code)).Select(o => context.OrganizationId(o.Code)).ToList();

    /// <summary>The new indicator's id, or null when one with that key exists already.</summary>
    private async Task<Result<long?>> DefineAsync(DemoSeedContext context, long root, string key, string name, string unit, int decimals, string description, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<CustomIndicator>().AnyAsync(i => i.Key == key, ct)) return (long?)null;
        }

        var defined = await define.HandleAsync(new DefineCustomIndicatorCommand(new CustomIndicatorInput
        {
            Key = key, Name = name, Unit = unit, Decimals = decimals, Aggregation = CustomAggregation.Sum, Description = description, OrganizationId = root,
        }), context.Scope, ct);
        return defined.IsSuccess ? defined.Value : Result<long?>.Failure(defined.Errors);
    }

    private async Task<Result<int>> RecordAsync(DemoSeedContext context, long indicator, long organization, DateOnly on, decimal value, string? note, CancellationToken ct)
    {
        var recorded = await record.HandleAsync(new RecordCustomValueCommand(new CustomValueInput
        {
            IndicatorId = indicator, OrganizationId = organization, RecordedOn = on, Value = value, Note = note,
        }), context.Scope, ct);
        return recorded.IsSuccess ? 1 : Result<int>.Failure(recorded.Errors);
    }
}
