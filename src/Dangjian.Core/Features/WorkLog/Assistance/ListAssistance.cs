using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Assistance;

/// <summary>帮扶户 of the organizations in scope (under <see cref="Under"/> when given), with their visits and problems as of <see cref="On"/>.</summary>
public sealed record ListAssistanceHouseholdsQuery
{
    public long? Under { get; init; }
    public string? Search { get; init; }

    /// <summary>The day the problem statuses are read on (default: today).</summary>
    public DateOnly? On { get; init; }

    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record AssistanceHouseholdListItem(
    long Id, long OrganizationId, string OrganizationName, string Name, string? Address, int Visits, DateOnly? LastVisitedOn,
    int Problems, int Pending, int InProgress, int Resolved, bool CanWrite);

public sealed class ListAssistanceHouseholdsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Page<AssistanceHouseholdListItem>>> HandleAsync(ListAssistanceHouseholdsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var households = db.Set<AssistanceHousehold>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            households = households.Where(h => h.Name.Contains(term) || (h.Address != null && h.Address.Contains(term)));
        }

        var rows = from h in households
                   join o in organizations.Value on h.OrganizationId equals o.Id
                   select new { Household = h, OrganizationName = o.Name, o.Path };
        var size = Page<AssistanceHouseholdListItem>.NormalizeSize(query.PageSize);
        var number = Page<AssistanceHouseholdListItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(r => r.OrganizationName).ThenBy(r => r.Household.Name).ThenBy(r => r.Household.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var ids = page.Select(r => r.Household.Id).ToList();
        var visits = await db.Set<AssistanceVisit>().AsNoTracking().Where(v => ids.Contains(v.HouseholdId))
            .GroupBy(v => v.HouseholdId).Select(g => new { g.Key, Count = g.Count(), Last = g.Max(v => v.VisitedOn) }).ToListAsync(ct);
        var problems = await db.Set<AssistanceProblem>().AsNoTracking().Where(p => ids.Contains(p.HouseholdId))
            .Select(p => new { p.HouseholdId, p.CollectedOn, p.StartedOn, p.ResolvedOn }).ToListAsync(ct);
        var on = query.On ?? clock.Today();
        var items = page.Select(r =>
        {
            var v = visits.FirstOrDefault(x => x.Key == r.Household.Id);
            var mine = problems.Where(p => p.HouseholdId == r.Household.Id && p.CollectedOn <= on).Select(p => AssistanceProblem.StatusOn(p.StartedOn, p.ResolvedOn, on)).ToList();
            return new AssistanceHouseholdListItem(r.Household.Id, r.Household.OrganizationId, r.OrganizationName, r.Household.Name, r.Household.Address,
                v?.Count ?? 0, v?.Last, mine.Count, mine.Count(s => s == AssistanceProblemStatus.Pending), mine.Count(s => s == AssistanceProblemStatus.InProgress),
                mine.Count(s => s == AssistanceProblemStatus.Resolved), scope.Allows(r.Path, Permission.Write));
        }).ToList();
        return new Page<AssistanceHouseholdListItem>(items, total, number, size);
    }
}

/// <summary>Problems collected from the 帮扶户 in scope (as the household list filters them), with their status as of <see cref="On"/>: the rows of the problems export.</summary>
public sealed record ListAssistanceProblemsQuery
{
    public long? Under { get; init; }

    /// <summary>Household name or address, as on the household list.</summary>
    public string? Search { get; init; }

    /// <summary>The day the statuses are read on (default: today); problems collected after it are left out.</summary>
    public DateOnly? On { get; init; }

    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record AssistanceProblemListItem(
    long Id, long HouseholdId, string HouseholdName, string OrganizationName, string Description, DateOnly CollectedOn, DateOnly? StartedOn, DateOnly? ResolvedOn,
    string? Note, AssistanceProblemStatus Status)
{
    public string StatusLabel => Status.Label();
}

public sealed class ListAssistanceProblemsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Page<AssistanceProblemListItem>>> HandleAsync(ListAssistanceProblemsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var households = db.Set<AssistanceHousehold>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            households = households.Where(h => h.Name.Contains(term) || (h.Address != null && h.Address.Contains(term)));
        }

        var day = query.On ?? clock.Today();
        var rows = from p in db.Set<AssistanceProblem>().AsNoTracking()
                   join h in households on p.HouseholdId equals h.Id
                   join o in organizations.Value on h.OrganizationId equals o.Id
                   where p.CollectedOn <= day
                   select new { Problem = p, HouseholdName = h.Name, OrganizationName = o.Name };
        var size = Page<AssistanceProblemListItem>.NormalizeSize(query.PageSize);
        var number = Page<AssistanceProblemListItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(r => r.OrganizationName).ThenBy(r => r.HouseholdName).ThenBy(r => r.Problem.CollectedOn).ThenBy(r => r.Problem.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<AssistanceProblemListItem>(page.Select(r => new AssistanceProblemListItem(r.Problem.Id, r.Problem.HouseholdId, r.HouseholdName, r.OrganizationName,
            r.Problem.Description, r.Problem.CollectedOn, r.Problem.StartedOn, r.Problem.ResolvedOn, r.Problem.Note,
            AssistanceProblem.StatusOn(r.Problem.StartedOn, r.Problem.ResolvedOn, day))).ToList(), total, number, size);
    }
}

public sealed record AssistanceVisitItem(long Id, DateOnly VisitedOn, string? Visitors, string? Note);

public sealed record AssistanceProblemItem(
    long Id, string Description, DateOnly CollectedOn, DateOnly? StartedOn, DateOnly? ResolvedOn, string? Note, AssistanceProblemStatus Status)
{
    public string StatusLabel => Status.Label();
}

public sealed record AssistanceHouseholdDetails(
    long Id, long OrganizationId, string OrganizationName, string Name, string? Address, string? Note,
    IReadOnlyList<AssistanceVisitItem> Visits, IReadOnlyList<AssistanceProblemItem> Problems, bool CanWrite);

public sealed record GetAssistanceHouseholdQuery(long Id);

/// <summary>One household with its visits (newest first) and problems (status as of today).</summary>
public sealed class GetAssistanceHouseholdHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<AssistanceHouseholdDetails>> HandleAsync(GetAssistanceHouseholdQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from h in db.Set<AssistanceHousehold>().AsNoTracking()
                         join o in db.Organizations.AsNoTracking() on h.OrganizationId equals o.Id
                         where h.Id == query.Id
                         select new { Household = h, o.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return AssistanceErrors.HouseholdNotFound(query.Id);
        var visits = await db.Set<AssistanceVisit>().AsNoTracking().Where(v => v.HouseholdId == query.Id)
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Select(v => new AssistanceVisitItem(v.Id, v.VisitedOn, v.Visitors, v.Note)).ToListAsync(ct);
        var today = clock.Today();
        var problems = (await db.Set<AssistanceProblem>().AsNoTracking().Where(p => p.HouseholdId == query.Id)
                .OrderByDescending(p => p.CollectedOn).ThenByDescending(p => p.Id).ToListAsync(ct))
            .Select(p => new AssistanceProblemItem(p.Id, p.Description, p.CollectedOn, p.StartedOn, p.ResolvedOn, p.Note, p.StatusOn(today))).ToList();
        var found = row.Household;
        return new AssistanceHouseholdDetails(found.Id, found.OrganizationId, row.Name, found.Name, found.Address, found.Note, visits, problems, scope.Allows(row.Path, Permission.Write));
    }
}

public sealed record AssistanceProblemDetails(
    long Id, long HouseholdId, string HouseholdName, string Description, DateOnly CollectedOn, DateOnly? StartedOn, DateOnly? ResolvedOn, string? Note, bool CanWrite);

public sealed record GetAssistanceProblemQuery(long Id);

public sealed class GetAssistanceProblemHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<AssistanceProblemDetails>> HandleAsync(GetAssistanceProblemQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from p in db.Set<AssistanceProblem>().AsNoTracking()
                         join h in db.Set<AssistanceHousehold>().AsNoTracking() on p.HouseholdId equals h.Id
                         join o in db.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
                         where p.Id == query.Id
                         select new { Problem = p, HouseholdName = h.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return AssistanceErrors.ProblemNotFound(query.Id);
        var x = row.Problem;
        return new AssistanceProblemDetails(x.Id, x.HouseholdId, row.HouseholdName, x.Description, x.CollectedOn, x.StartedOn, x.ResolvedOn, x.Note, scope.Allows(row.Path, Permission.Write));
    }
}
