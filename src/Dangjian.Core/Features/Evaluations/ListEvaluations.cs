using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Evaluations;

/// <summary>Sessions of the branches in scope (under <see cref="Under"/> when given), newest year first.</summary>
public sealed record ListEvaluationsQuery
{
    public long? Under { get; init; }
    public int? Year { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record EvaluationListItem(
    long Id, long OrganizationId, string OrganizationName, int Year, DateOnly HeldOn, int Participants, int Graded, int Excellent, int Unqualified, int OpenCases)
{
    public bool ExcellentShareExceeded => EvaluationRules.ExcellentShareExceeded(Excellent, Graded);
}

public sealed class ListEvaluationsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<EvaluationListItem>>> HandleAsync(ListEvaluationsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;

        var sessions = from s in db.Set<EvaluationSession>().AsNoTracking()
                       join o in organizations.Value on s.OrganizationId equals o.Id
                       select new { Session = s, o.Name, o.Path };
        if (query.Year is int year) sessions = sessions.Where(x => x.Session.Year == year);

        var size = Page<EvaluationListItem>.NormalizeSize(query.PageSize);
        var number = Page<EvaluationListItem>.NormalizeNumber(query.Page);
        var total = await sessions.CountAsync(ct);
        var entries = db.Set<EvaluationEntry>().AsNoTracking();
        var cases = db.Set<DispositionCase>().AsNoTracking();
        var rows = await sessions
            .OrderByDescending(x => x.Session.Year).ThenBy(x => x.Path).ThenBy(x => x.Session.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(x => new EvaluationListItem(
                x.Session.Id, x.Session.OrganizationId, x.Name, x.Session.Year, x.Session.HeldOn,
                entries.Count(e => e.SessionId == x.Session.Id && e.Participated),
                entries.Count(e => e.SessionId == x.Session.Id && e.Grade != null),
                entries.Count(e => e.SessionId == x.Session.Id && e.Grade == EvaluationGrade.Excellent),
                entries.Count(e => e.SessionId == x.Session.Id && e.Grade == EvaluationGrade.Unqualified),
                cases.Count(c => c.Status == DispositionStatus.Open && entries.Any(e => e.SessionId == x.Session.Id && e.Id == c.EvaluationEntryId))))
            .ToListAsync(ct);
        return new Page<EvaluationListItem>(rows, total, number, size);
    }
}
