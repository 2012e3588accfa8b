using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development;

public sealed record CandidateStepView(long Id, int Step, string Name, DevelopmentStage Stage, DateOnly CompletedOn, string? Person, bool DocumentsFiled);

/// <summary>One person on the pipeline: where they stand today, what comes next and by when, and the warnings that apply.</summary>
public sealed record CandidateProgress(
    long Id, string Name, long OrganizationId, string OrganizationName, CandidateStage Stage, DateOnly ApplicationDate, DateOnly? ProbationEndsOn,
    long? MemberId, NextStep? Next, IReadOnlyList<DevelopmentWarning> Warnings, IReadOnlyList<CandidateStepView> Steps);

/// <summary>A person's progress (the person's page).</summary>
public sealed record GetCandidateProgressQuery(long CandidateId);

public sealed class GetCandidateProgressHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<CandidateProgress>> HandleAsync(GetCandidateProgressQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CandidateAccess.LoadAsync(db, query.CandidateId, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var c = loaded.Value;
        var policy = await CandidateAccess.PolicyAsync(db, c.OrganizationId, ct);
        var orgName = await db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        return DevelopmentBoard.Progress(c, orgName, policy, clock.Today());
    }
}

/// <summary>The pipeline of a subtree (the board and the 工作台): every person still on it, their next step and warnings.</summary>
public sealed record GetDevelopmentBoardQuery(long OrganizationId);

public sealed record DevelopmentBoardView(
    int Applicants, int Activists, int Targets, int Probationary, IReadOnlyList<CandidateProgress> People, IReadOnlyList<CandidateProgress> Overdue);

public sealed class GetDevelopmentBoardHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<DevelopmentBoardView>> HandleAsync(GetDevelopmentBoardQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var path = await db.Organizations.Where(o => o.Id == query.OrganizationId).Select(o => o.Path).SingleOrDefaultAsync(ct);
        if (path is null || !scope.Allows(path, Permission.Read)) return Error.NotFound("development.org_not_found", $"组织（编号 {query.OrganizationId}）不存在或不在您的管理范围内");
        var today = clock.Today();
        var organizations = db.Organizations.InSubtree(path);
        var rows = await (from c in db.Set<Candidate>().AsNoTracking().Include(c => c.Steps).AsSplitQuery()
                          join o in organizations on c.OrganizationId equals o.Id
                          where c.CancelledOn == null && c.ConfirmedOn == null
                          orderby c.ApplicationDate, c.Id
                          select new { Candidate = c, o.Name }).ToListAsync(ct);
        var people = new List<CandidateProgress>();
        var policies = new Dictionary<long, DevelopmentPolicy>();
        foreach (var row in rows)
        {
            if (!policies.TryGetValue(row.Candidate.OrganizationId, out var policy))
            {
                policies[row.Candidate.OrganizationId] = policy = await CandidateAccess.PolicyAsync(db, row.Candidate.OrganizationId, ct);
            }

            people.Add(DevelopmentBoard.Progress(row.Candidate, row.Name, policy, today));
        }

        int Count(CandidateStage stage) => people.Count(p => p.Stage == stage);
        return new DevelopmentBoardView(
            Count(CandidateStage.Applicant), Count(CandidateStage.Activist), Count(CandidateStage.DevelopmentTarget), Count(CandidateStage.Probationary),
            people, people.Where(p => p.Warnings.Any(w => w.Overdue)).ToList());
    }
}

internal static class DevelopmentBoard
{
    public static CandidateProgress Progress(Candidate c, string organizationName, DevelopmentPolicy policy, DateOnly today) => new(
        c.Id, c.Name, c.OrganizationId, organizationName, c.StageOn(today), c.ApplicationDate, c.ProbationEndsOn, c.MemberId,
        DevelopmentTracker.Next(c, policy, today), DevelopmentTracker.Warnings(c, policy, today),
        c.Steps.OrderBy(s => s.Step).ThenBy(s => s.CompletedOn).Select(s =>
        {
            var d = DevelopmentCatalogue.Step(s.Step);
            return new CandidateStepView(s.Id, s.Step, d.Name, d.Stage, s.CompletedOn, s.Person, s.DocumentsFiled);
        }).ToList());
}
