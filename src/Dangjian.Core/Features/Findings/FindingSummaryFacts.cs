using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Summaries;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Findings;

/// <summary>Problems and plans from the 问题清单: findings not yet rectified at the period end, and those past their deadline.</summary>
public sealed class FindingSummaryFacts : ISummaryFacts
{
    public IReadOnlyList<string> Refs => [];

    public async Task<IReadOnlyList<SummaryFact>> FactsAsync(SummaryFactContext context, CancellationToken ct)
    {
        var organizations = context.Db.Organizations.AsNoTracking().InSubtree(context.Target.Path).Select(o => o.Id);
        var asOf = context.To < context.Today ? context.To : context.Today;
        // Open at the period end: not resolved, or resolved only after it.
        var open = context.Db.Set<Finding>().AsNoTracking()
            .Where(f => organizations.Contains(f.OrganizationId) && (f.Status != FindingStatus.Resolved || (f.ResolvedOn != null && f.ResolvedOn > context.To)));
        var counts = await open.GroupBy(f => f.Deadline < asOf ? 1 : 0).Select(g => new { Late = g.Key, Count = g.Count() }).ToListAsync(ct);
        var total = counts.Sum(c => c.Count);
        var late = counts.Where(c => c.Late == 1).Sum(c => c.Count);
        if (total == 0) return [];
        var problem = late > 0
            ? $"问题整改还不够到位，组织生活会等查摆出的问题尚有{total}个未整改完成，其中{late}个已超过整改时限。"
            : $"组织生活会等查摆出的问题尚有{total}个正在整改，整改成效还需进一步巩固。";
        return
        [
            new SummaryFact(SummaryFactKind.Problem, 20, problem),
            new SummaryFact(SummaryFactKind.Plan, 20, $"对尚未整改完成的{total}个问题逐项对照责任人和时限跟踪督办，整改一个、销号一个。"),
        ];
    }
}
