using System.Linq.Expressions;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development;

/// <summary>
/// The people of the 发展党员 pipeline in the caller's scope (under <see cref="Under"/> when given), newest application first.
/// Without <see cref="Stage"/> the list shows those still on the way (neither 转正 nor cancelled); <see cref="AllStages"/> shows everyone.
/// </summary>
public sealed record ListCandidatesQuery
{
    public long? Under { get; init; }

    /// <summary>Where the person stands today.</summary>
    public CandidateStage? Stage { get; init; }

    /// <summary>Everyone, closed paths included (ignored when <see cref="Stage"/> is given).</summary>
    public bool AllStages { get; init; }

    /// <summary>Part of the name.</summary>
    public string? Name { get; init; }

    /// <summary>Only people with a missed deadline (an overdue warning of <see cref="DevelopmentTracker"/>).</summary>
    public bool OverdueOnly { get; init; }

    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record CandidateListItem(
    long Id, string Name, long OrganizationId, string OrganizationName, CandidateStage Stage, DateOnly ApplicationDate, NextStep? Next, bool Overdue, bool CanWrite);

public sealed class ListCandidatesHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Page<CandidateListItem>>> HandleAsync(ListCandidatesQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var today = clock.Today();

        var candidates = db.Set<Candidate>().AsNoTracking().Where(StageFilter(query, today));
        var name = CandidateRules.Blank(query.Name);
        if (name is not null) candidates = candidates.Where(c => c.Name.Contains(name));
        var rows = from c in candidates
                   join o in organizations.Value on c.OrganizationId equals o.Id
                   orderby c.ApplicationDate descending, c.Id descending
                   select new { Candidate = c, OrganizationName = o.Name, o.Path };

        var size = Page<CandidateListItem>.NormalizeSize(query.PageSize);
        var number = Page<CandidateListItem>.NormalizeNumber(query.Page);
        var policies = new Dictionary<long, DevelopmentPolicy>();

        async Task<CandidateListItem> ItemAsync(Candidate c, string organizationName, string path)
        {
            if (!policies.TryGetValue(c.OrganizationId, out var policy)) policies[c.OrganizationId] = policy = await CandidateAccess.PolicyAsync(db, c.OrganizationId, ct);
            var overdue = DevelopmentTracker.Warnings(c, policy, today).Any(w => w.Overdue);
            return new CandidateListItem(c.Id, c.Name, c.OrganizationId, organizationName, c.StageOn(today), c.ApplicationDate, DevelopmentTracker.Next(c, policy, today),
                overdue, scope.Allows(path, Permission.Write));
        }

        if (query.OverdueOnly)
        {
            // Overdue is computed from the whole progress, not stored, so this filter reads every matching person.
            var all = await rows.Select(r => new { r.Candidate, r.OrganizationName, r.Path }).ToListAsync(ct);
            await LoadStepsAsync(db, all.Select(r => r.Candidate).ToList(), ct);
            var items = new List<CandidateListItem>();
            foreach (var r in all)
            {
                var item = await ItemAsync(r.Candidate, r.OrganizationName, r.Path);
                if (item.Overdue) items.Add(item);
            }

            return new Page<CandidateListItem>(items.Skip((number - 1) * size).Take(size).ToList(), items.Count, number, size);
        }

        var total = await rows.CountAsync(ct);
        var page = await rows.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        await LoadStepsAsync(db, page.Select(r => r.Candidate).ToList(), ct);
        var list = new List<CandidateListItem>();
        foreach (var r in page) list.Add(await ItemAsync(r.Candidate, r.OrganizationName, r.Path));
        return new Page<CandidateListItem>(list, total, number, size);
    }

    /// <summary>The steps of the listed people, in one query: the next step and the warnings read them.</summary>
    private static async Task LoadStepsAsync(DangjianDbContext db, IReadOnlyList<Candidate> candidates, CancellationToken ct)
    {
        var ids = candidates.Select(c => c.Id).ToList();
        if (ids.Count == 0) return;
        var steps = await db.Set<CandidateStep>().AsNoTracking().Where(s => ids.Contains(s.CandidateId)).ToListAsync(ct);
        foreach (var c in candidates)
        {
            c.Steps.Clear();
            c.Steps.AddRange(steps.Where(s => s.CandidateId == c.Id));
        }
    }

    /// <summary>The stage on <paramref name="today"/> as column ranges, the same reading as <see cref="Candidate.StageOn"/>.</summary>
    internal static Expression<Func<Candidate, bool>> StageFilter(ListCandidatesQuery query, DateOnly today) => query.Stage switch
    {
        CandidateStage.Cancelled => c => c.CancelledOn != null && c.CancelledOn <= today,
        CandidateStage.Confirmed => c => (c.CancelledOn == null || c.CancelledOn > today) && c.ConfirmedOn != null && c.ConfirmedOn <= today,
        CandidateStage.Probationary => c => (c.CancelledOn == null || c.CancelledOn > today) && (c.ConfirmedOn == null || c.ConfirmedOn > today)
                                            && c.AdmittedOn != null && c.AdmittedOn <= today,
        CandidateStage.DevelopmentTarget => c => (c.CancelledOn == null || c.CancelledOn > today) && (c.ConfirmedOn == null || c.ConfirmedOn > today)
                                                 && (c.AdmittedOn == null || c.AdmittedOn > today) && c.TargetOn != null && c.TargetOn <= today,
        CandidateStage.Activist => c => (c.CancelledOn == null || c.CancelledOn > today) && (c.ConfirmedOn == null || c.ConfirmedOn > today)
                                        && (c.AdmittedOn == null || c.AdmittedOn > today) && (c.TargetOn == null || c.TargetOn > today)
                                        && c.ActivistOn != null && c.ActivistOn <= today,
        CandidateStage.Applicant => c => (c.CancelledOn == null || c.CancelledOn > today) && (c.ConfirmedOn == null || c.ConfirmedOn > today)
                                         && (c.AdmittedOn == null || c.AdmittedOn > today) && (c.TargetOn == null || c.TargetOn > today)
                                         && (c.ActivistOn == null || c.ActivistOn > today),
        _ when query.AllStages => c => true,
        _ => c => (c.CancelledOn == null || c.CancelledOn > today) && (c.ConfirmedOn == null || c.ConfirmedOn > today),
    };
}
