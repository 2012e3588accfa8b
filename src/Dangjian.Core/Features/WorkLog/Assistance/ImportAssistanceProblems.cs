using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Assistance;

/// <summary>One row of an uploaded problem list: the household by its 户主姓名, and the problem as the form takes it.</summary>
public sealed record AssistanceProblemImportRow(int Row, string? Household, AssistanceProblemInput Input);

/// <summary>
/// Problems collected from the 帮扶户 of <see cref="OrganizationId"/> (and its subtree), all or none.
/// <see cref="Earlier"/> carries the rows whose cells could not be read, so one report lists every bad row.
/// </summary>
public sealed record ImportAssistanceProblemsCommand(long OrganizationId, IReadOnlyList<AssistanceProblemImportRow> Rows, IReadOnlyList<Error> Earlier);

public sealed class ImportAssistanceProblemsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<int>> HandleAsync(ImportAssistanceProblemsCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var check = new WorkLogValidation();
        var path = await check.OrganizationAsync(db, scope, command.OrganizationId, ct, "OrganizationId");
        if (path is null) return check.Fail<int>();

        // Households are named by 户主姓名 in the sheet: a name must be one household of the subtree, else the row says why.
        var names = command.Rows.Select(r => r.Household?.Trim()).OfType<string>().Where(n => n.Length > 0).Distinct().ToList();
        var organizationIds = db.Organizations.AsNoTracking().InSubtree(path).Select(o => o.Id);
        var households = (await db.Set<AssistanceHousehold>().AsNoTracking()
                .Where(h => names.Contains(h.Name) && organizationIds.Contains(h.OrganizationId))
                .Select(h => new { h.Id, h.OrganizationId, h.Name }).ToListAsync(ct))
            .GroupBy(h => h.Name).ToDictionary(g => g.Key, g => g.ToList());

        var today = clock.Today();
        var errors = new List<Error>(command.Earlier);
        var problems = new List<AssistanceProblem>();
        foreach (var row in command.Rows)
        {
            void Bad(string reason) => errors.Add(Error.Validation("assistance.import_row", $"第 {row.Row} 行：{reason}", $"row:{row.Row}"));

            var name = row.Household?.Trim();
            var v = new WorkLogValidation();
            var description = AssistanceRules.Problem(v, row.Input, today, out var note);
            foreach (var e in v.Errors) Bad(e.Message);
            if (string.IsNullOrEmpty(name))
            {
                Bad("请填写帮扶户户主姓名");
                continue;
            }

            if (!households.TryGetValue(name, out var found))
            {
                Bad($"帮扶户“{name}”未在本组织登记，请先登记帮扶户");
                continue;
            }

            if (found.Count > 1)
            {
                Bad($"有 {found.Count} 户帮扶户户主都叫“{name}”，请在该户的页面上逐条登记");
                continue;
            }

            if (!v.IsValid) continue;
            var household = found[0];
            var i = row.Input;
            problems.Add(AssistanceProblem.Create(household.OrganizationId, household.Id, description!, i.CollectedOn!.Value, i.StartedOn, i.ResolvedOn, note));
        }

        if (errors.Count > 0) return Result<int>.Failure(errors);
        if (problems.Count == 0) return Error.Validation("assistance.import_empty", "表格中没有数据行", "file");
        db.AddRange(problems);
        await db.SaveChangesAsync(ct);
        return problems.Count;
    }
}
