using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Evaluations;

/// <summary>组织处置 cases of the organizations in scope: open ones first, the nearest deadline first.</summary>
public sealed record ListDispositionsQuery
{
    public long? Under { get; init; }
    public DispositionStatus? Status { get; init; }

    /// <summary>Only open cases whose 限期改正 deadline has passed.</summary>
    public bool OverdueOnly { get; init; }

    public long? SessionId { get; init; }
    public long? MemberId { get; init; }
    public long? CaseId { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record DispositionListItem(
    long Id, long MemberId, string MemberName, long OrganizationId, string OrganizationName, DispositionMeasure Measure, string MeasureLabel,
    DateOnly OpenedOn, DateOnly? Deadline, DispositionStatus Status, string StatusLabel, DateOnly? ClosedOn, string? Outcome,
    long? SessionId, int? Year, bool Overdue, bool CanClose);

public sealed class ListDispositionsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Page<DispositionListItem>>> HandleAsync(ListDispositionsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today();
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;

        var cases = db.Set<DispositionCase>().AsNoTracking();
        if (query.Status is DispositionStatus status) cases = cases.Where(c => c.Status == status);
        if (query.OverdueOnly) cases = DispositionReminders.Overdue(cases, today);
        if (query.MemberId is long memberId) cases = cases.Where(c => c.MemberId == memberId);
        if (query.CaseId is long caseId) cases = cases.Where(c => c.Id == caseId);
        var rows =
            from c in cases
            join o in organizations.Value on c.OrganizationId equals o.Id
            join m in db.Set<Member>().AsNoTracking() on c.MemberId equals m.Id
            join e in db.Set<EvaluationEntry>().AsNoTracking() on c.EvaluationEntryId equals e.Id into es
            from e in es.DefaultIfEmpty()
            join s in db.Set<EvaluationSession>().AsNoTracking() on e.SessionId equals s.Id into ss
            from s in ss.DefaultIfEmpty()
            select new { Case = c, MemberName = m.Name, OrganizationName = o.Name, o.Path, SessionId = s == null ? (long?)null : s.Id, Year = s == null ? (int?)null : s.Year };
        if (query.SessionId is long sessionId) rows = rows.Where(r => r.SessionId == sessionId);

        var size = Page<DispositionListItem>.NormalizeSize(query.PageSize);
        var number = Page<DispositionListItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows
            .OrderBy(r => r.Case.Status == DispositionStatus.Open ? 0 : 1).ThenBy(r => r.Case.Deadline).ThenByDescending(r => r.Case.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = page.Select(r =>
        {
            var c = r.Case;
            return new DispositionListItem(c.Id, c.MemberId, r.MemberName, c.OrganizationId, r.OrganizationName, c.Measure, c.Measure.Label(), c.OpenedOn, c.Deadline,
                c.Status, c.Status.Label(), c.ClosedOn, c.Outcome, r.SessionId, r.Year,
                c.Status == DispositionStatus.Open && c.Deadline < today,
                c.Status == DispositionStatus.Open && scope.Allows(r.Path, Permission.Write));
        }).ToList();
        return new Page<DispositionListItem>(items, total, number, size);
    }
}

/// <summary>Closes a 组织处置 case with how it ended (改正、劝退、除名…); the outcome is required and the case is then history.</summary>
public sealed record CloseDispositionCommand(long Id, DateOnly? ClosedOn, string? Outcome);

public sealed class CloseDispositionHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(CloseDispositionCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (from c in db.Set<DispositionCase>()
                           join o in db.Organizations on c.OrganizationId equals o.Id
                           where c.Id == command.Id
                           select new { Case = c, o.Path }).SingleOrDefaultAsync(ct);
        if (found is null || !scope.Allows(found.Path, Permission.Read)) return EvaluationErrors.CaseNotFound(command.Id);
        var allowed = scope.Check(found.Path, Permission.Write);
        if (!allowed.IsSuccess) return allowed.FirstError;
        var disposition = found.Case;
        if (disposition.Status == DispositionStatus.Closed) return EvaluationErrors.CaseAlreadyClosed;

        var errors = new List<Error>();
        var outcome = command.Outcome?.Trim() ?? "";
        if (outcome.Length == 0 || outcome.Length > DispositionCase.TextMaxLength) errors.Add(EvaluationErrors.OutcomeRequired);
        var closedOn = command.ClosedOn ?? clock.Today();
        if (closedOn > clock.Today()) errors.Add(EvaluationErrors.ClosedOnInFuture);
        else if (closedOn < disposition.OpenedOn) errors.Add(EvaluationErrors.ClosedBeforeOpened(disposition.OpenedOn));
        if (errors.Count > 0) return Result<Done>.Failure(errors);

        disposition.Close(closedOn, outcome);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>
/// Open 组织处置 cases whose 限期改正 deadline is near (30 days) or past (domain.md §4): the branch reviews the member and closes the case.
/// </summary>
public sealed class DispositionReminders(IDbContextFactory<DangjianDbContext> dbFactory) : IReminderSource
{
    public const string Category = "组织处置";
    public const int WarningDays = 30;

    public static IQueryable<DispositionCase> Overdue(IQueryable<DispositionCase> cases, DateOnly today) =>
        cases.Where(c => c.Status == DispositionStatus.Open && c.Deadline != null && c.Deadline < today);

    public async Task<IReadOnlyList<Reminder>> GetAsync(AccessScope scope, string? rootPath, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = scope.Organizations(db.Organizations.AsNoTracking());
        if (rootPath is not null) organizations = organizations.InSubtree(rootPath);
        var horizon = today.AddDays(WarningDays);
        var rows = await (
                from c in db.Set<DispositionCase>().AsNoTracking()
                join o in organizations on c.OrganizationId equals o.Id
                join m in db.Set<Member>().AsNoTracking() on c.MemberId equals m.Id
                where c.Status == DispositionStatus.Open && c.Deadline != null && c.Deadline <= horizon
                orderby c.Deadline, c.Id
                select new { c.Deadline, c.Measure, MemberName = m.Name, o.Name, OrganizationId = o.Id })
            .Take(200).ToListAsync(ct);
        return rows.Select(r => r.Deadline < today
            ? new Reminder(ReminderSeverity.Overdue, Category,
                $"{r.Name}：{r.MemberName} 的{r.Measure.Label()}期限已于 {r.Deadline:yyyy-MM-dd} 届满，请研究处置结果并结案",
                "/dispositions?status=Open&overdue=true", r.OrganizationId, r.Deadline)
            : new Reminder(ReminderSeverity.Warning, Category,
                $"{r.Name}：{r.MemberName} 的{r.Measure.Label()}期限将于 {r.Deadline:yyyy-MM-dd} 届满", "/dispositions?status=Open", r.OrganizationId, r.Deadline)).ToList();
    }
}
