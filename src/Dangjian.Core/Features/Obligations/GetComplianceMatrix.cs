using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Obligations;

/// <summary>
/// The compliance matrix: organizations × obligations for a subtree (or the caller's whole scope) and a period,
/// by default this year up to today. <see cref="OnlyProblems"/> keeps the rows with an overdue or due-soon cell.
/// </summary>
public sealed record GetComplianceMatrixQuery(long? RootId, DateOnly? From = null, DateOnly? To = null, bool OnlyProblems = false, int? Page = null, int? PageSize = null);

/// <summary>One obligation column with its totals over every row (not only the page shown).</summary>
public sealed record ObligationColumn(
    long Id, string Code, string Name, ObligationEvidence Evidence, IReadOnlyList<string> KindCodes, int Applicable, int Met, int DueSoon, int Overdue);

public sealed record MatrixOccurrence(DateOnly Start, DateOnly End, string Label, int Count, int MinCount, ComplianceStatus Status, string StatusLabel, string? Note);

public sealed record MatrixCell(
    long ObligationId, ComplianceStatus Status, string StatusLabel, int Met, int Applicable, bool Enabled, ObligationFrequency Frequency, int MinCount,
    long? OverrideOrganizationId, string? Note, DateOnly? EvidenceFrom, DateOnly? EvidenceTo, IReadOnlyList<MatrixOccurrence> Occurrences);

public sealed record MatrixRow(long OrganizationId, string Name, OrganizationKind Kind, string KindLabel, int Depth, bool HasProblem, IReadOnlyList<MatrixCell> Cells);

public sealed record ComplianceMatrix(
    long? RootId, string? RootName, DateOnly From, DateOnly To, DateOnly Today, IReadOnlyList<ObligationColumn> Columns, Page<MatrixRow> Rows, int ProblemRows);

public sealed class GetComplianceMatrixHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<ComplianceMatrix>> HandleAsync(GetComplianceMatrixQuery query, AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        var period = CompliancePeriod.Resolve(query.From, query.To, today);
        if (!period.IsSuccess) return period.FirstError;
        var (from, to) = period.Value;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.RootId, ct);
        if (!organizations.IsSuccess) return ObligationErrors.OrganizationNotFound(query.RootId!.Value);
        var rootName = query.RootId is long rootId ? await db.Organizations.Where(o => o.Id == rootId).Select(o => o.Name).SingleAsync(ct) : null;

        var result = await ComplianceEvaluator.EvaluateAsync(db, organizations.Value, from, to, today, ct);
        var columns = result.Obligations.Select((o, i) =>
        {
            var cells = result.Rows.Select(r => r.Cells[i]).ToList();
            return new ObligationColumn(o.Id, o.Code, o.Name, o.Evidence, o.KindCodes,
                cells.Count(c => c.Applicable > 0), cells.Count(c => c.Status == ComplianceStatus.Met),
                cells.Count(c => c.Status == ComplianceStatus.DueSoon), cells.Count(c => c.Status == ComplianceStatus.Overdue));
        }).ToList();

        var rows = query.OnlyProblems ? result.Rows.Where(r => r.HasProblem).ToList() : result.Rows;
        var size = Page<MatrixRow>.NormalizeSize(query.PageSize);
        var number = Page<MatrixRow>.NormalizeNumber(query.Page);
        var items = rows.Skip((number - 1) * size).Take(size).Select(ToRow).ToList();
        return new ComplianceMatrix(query.RootId, rootName, from, to, today, columns, new Page<MatrixRow>(items, rows.Count, number, size), result.Rows.Count(r => r.HasProblem));
    }

    public static MatrixRow ToRow(ComplianceRow row) => new(
        row.Organization.Id, row.Organization.Name, row.Organization.Kind, row.Organization.Kind.Label(), row.Organization.Depth, row.HasProblem,
        row.Cells.Select(c => new MatrixCell(
            c.ObligationId, c.Status, c.Status.Label(), c.Met, c.Applicable, c.Rule.Enabled, c.Rule.Frequency, c.Rule.MinCount, c.Rule.OverrideOrganizationId,
            c.Note, c.EvidenceFrom, c.EvidenceTo,
            c.Occurrences.Select(o => new MatrixOccurrence(o.Start, o.End, o.Label, o.Count, o.MinCount, o.Status, o.Status.Label(), o.Note)).ToList())).ToList());
}

/// <summary>The period of a compliance query: this year up to today unless given; at most five years.</summary>
public static class CompliancePeriod
{
    public static Result<(DateOnly From, DateOnly To)> Resolve(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var start = from ?? new DateOnly((to ?? today).Year, 1, 1);
        var end = to ?? (start.Year == today.Year ? today : new DateOnly(start.Year, 12, 31));
        if (end < start) return ObligationErrors.PeriodReversed;
        if (end > start.AddYears(ObligationErrors.MaxPeriodYears)) return ObligationErrors.PeriodTooLong;
        return (start, end);
    }
}
