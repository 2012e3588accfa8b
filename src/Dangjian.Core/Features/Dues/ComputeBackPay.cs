using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>A base corrected in the self-check for one member and one year.</summary>
public sealed record BackPayCorrectionInput(long MemberId, int Year, decimal? Base);

/// <summary>
/// The back-payment preview for the members of an organization's subtree (all of them, or <see cref="MemberIds"/>) over
/// [<see cref="FromMonth"/>, <see cref="ToMonth"/>] (any day of each month; only the month counts).
/// </summary>
public sealed record ComputeBackPayQuery(
    long OrganizationId, DateOnly? FromMonth, DateOnly? ToMonth, IReadOnlyList<long>? MemberIds = null, IReadOnlyList<BackPayCorrectionInput>? Corrections = null);

/// <param name="Statements">One per member, by name; members with nothing owed are included so the preview shows everyone checked.</param>
public sealed record BackPayPreview(
    long OrganizationId, string OrganizationName, MonthSpan Period, IReadOnlyList<BackPayStatement> Statements, decimal Total, IReadOnlyList<string> Warnings)
{
    public int MembersOwing => Statements.Count(s => s.Total > 0);
}

public sealed class ComputeBackPayHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<BackPayPreview>> HandleAsync(ComputeBackPayQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await BackPayLoader.LoadAsync(db, clock, query, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return Result<BackPayPreview>.Failure(loaded.Errors);
        return loaded.Value.ToPreview();
    }
}

/// <summary>
/// Loads what the calculator needs for many members at once: one query each for the members, their profiles, their ledger
/// lines and their reductions over the period (set-based; never one query per member).
/// </summary>
internal static class BackPayLoader
{
    public sealed record Loaded(Organization Organization, MonthSpan Period, IReadOnlyList<BackPayStatement> Statements, IReadOnlyDictionary<long, long> MemberOrganizations)
    {
        public BackPayPreview ToPreview() => new(
            Organization.Id, Organization.Name, Period, Statements, Statements.Sum(s => s.Total), Statements.SelectMany(s => s.Warnings).ToList());
    }

    public static async Task<Result<Loaded>> LoadAsync(
        DangjianDbContext db, TimeProvider clock, ComputeBackPayQuery query, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var access = await DuesOrganizationAccess.LoadAsync(db, query.OrganizationId, scope, permission, ct);
        if (!access.IsSuccess) return access.FirstError;
        var organization = access.Value;

        var errors = new List<Error>();
        var currentMonth = DuesMonth.Of(clock.Today());
        if (query.FromMonth is null) errors.Add(BackPayErrors.FromRequired);
        if (query.ToMonth is null) errors.Add(BackPayErrors.ToRequired);
        if (errors.Count > 0) return Result<Loaded>.Failure(errors);
        var period = MonthSpan.Of(query.FromMonth!.Value, query.ToMonth!.Value);
        if (period.To < period.From) return BackPayErrors.ToBeforeFrom;
        if (period.To > currentMonth) return BackPayErrors.ToInFuture(currentMonth);
        if (period.Count > BackPayErrors.MaximumMonths) return BackPayErrors.PeriodTooLong;

        var subtree = db.Organizations.InSubtree(organization.Path).Select(o => o.Id);
        var members = db.Set<Member>().AsNoTracking().Where(m => subtree.Contains(m.OrganizationId));
        var requested = query.MemberIds?.Distinct().ToList() ?? [];
        members = requested.Count > 0
            ? members.Where(m => requested.Contains(m.Id))
            : members.Where(m => m.Status != MembershipStatus.Left);
        var memberRows = await members.Select(m => new { m.Id, m.Name, m.AdmittedOn, m.OrganizationId }).ToListAsync(ct);
        var missing = requested.FirstOrDefault(id => memberRows.All(m => m.Id != id));
        if (missing != 0) return BackPayErrors.MemberNotFound(missing);

        var corrections = query.Corrections ?? [];
        foreach (var c in corrections)
        {
            var member = memberRows.FirstOrDefault(m => m.Id == c.MemberId);
            if (member is null) return BackPayErrors.MemberNotFound(c.MemberId);
            if (c.Year < period.From.Year || c.Year > period.To.Year) errors.Add(BackPayErrors.CorrectionYearOutside(c.Year, period));
            if (corrections.Count(x => x.MemberId == c.MemberId && x.Year == c.Year) > 1) errors.Add(BackPayErrors.CorrectionDuplicate(member.Name, c.Year));
        }

        if (errors.Count > 0) return Result<Loaded>.Failure(errors.Distinct().ToList());

        var ids = members.Select(m => m.Id);
        var (fromYear, toYear) = (period.From.Year, period.To.Year);
        var profiles = (await db.Set<DuesProfile>().AsNoTracking()
                .Where(p => ids.Contains(p.MemberId) && p.Year >= fromYear && p.Year <= toYear)
                .Select(p => new { p.MemberId, p.Year, p.MemberType, p.ComputedMonthly, p.OverrideMonthly })
                .ToListAsync(ct))
            .ToLookup(p => p.MemberId, p => new BackPayProfile(p.Year, p.MemberType, p.OverrideMonthly ?? p.ComputedMonthly));
        var (from, to) = (period.From, period.To);
        var lines = (await db.Set<DuesLedgerLine>().AsNoTracking()
                .Where(l => ids.Contains(l.MemberId) && l.Month >= from && l.Month <= to)
                .Select(l => new { l.MemberId, l.Month, l.Due, l.Paid })
                .ToListAsync(ct))
            .ToLookup(l => l.MemberId, l => new BackPayLedgerRow(l.Month, l.Due, l.Paid));
        var reductions = (await db.Set<DuesReduction>().AsNoTracking()
                .Where(r => ids.Contains(r.MemberId) && r.FromMonth <= to && r.ToMonth >= from)
                .Select(r => new { r.MemberId, r.FromMonth, r.ToMonth, r.ReducedMonthly })
                .ToListAsync(ct))
            .ToLookup(r => r.MemberId, r => new BackPayReduction(r.FromMonth, r.ToMonth, r.ReducedMonthly));
        var correctionsByMember = corrections.ToLookup(c => c.MemberId, c => new BackPayCorrection(c.Year, c.Base));

        var statements = new List<BackPayStatement>(memberRows.Count);
        foreach (var m in memberRows.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id))
        {
            var input = new BackPayMemberInput(m.Id, m.Name, DuesMonth.Of(m.AdmittedOn), profiles[m.Id].ToList(), lines[m.Id].ToList(), reductions[m.Id].ToList(),
                correctionsByMember[m.Id].ToList());
            var statement = BackPayCalculator.Compute(input, period);
            if (!statement.IsSuccess) errors.AddRange(statement.Errors);
            else statements.Add(statement.Value);
        }

        if (errors.Count > 0) return Result<Loaded>.Failure(errors);
        return new Loaded(organization, period, statements, memberRows.ToDictionary(m => m.Id, m => m.OrganizationId));
    }
}
