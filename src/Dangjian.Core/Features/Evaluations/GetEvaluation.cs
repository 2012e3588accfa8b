using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Evaluations;

/// <summary>One line of the grid: a member on the roster on the session date, with what was recorded (nothing yet for a draft).</summary>
public sealed record EvaluationRow(
    long MemberId, string Name, bool IsProbationary, bool Participated, EvaluationGrade? Grade, string? GradeLabel, string? Note,
    long? CaseId, DispositionStatus? CaseStatus, DateOnly? CaseDeadline);

/// <summary>Counts of a session: who took part and how many were given each grade.</summary>
public sealed record EvaluationSummary(int Roster, int Participants, int Graded, int Excellent, int Qualified, int BasicallyQualified, int Unqualified)
{
    public int Ungraded => Participants - Graded;

    public bool ExcellentShareExceeded => EvaluationRules.ExcellentShareExceeded(Excellent, Graded);

    public static EvaluationSummary Of(IReadOnlyList<EvaluationRow> rows) => new(
        rows.Count, rows.Count(r => r.Participated), rows.Count(r => r.Grade is not null), rows.Count(r => r.Grade == EvaluationGrade.Excellent),
        rows.Count(r => r.Grade == EvaluationGrade.Qualified), rows.Count(r => r.Grade == EvaluationGrade.BasicallyQualified), rows.Count(r => r.Grade == EvaluationGrade.Unqualified));
}

public sealed record EvaluationDetails(
    long Id, long OrganizationId, string OrganizationName, int Year, DateOnly HeldOn, long? MeetingId, string? MeetingTopic, string? Note,
    bool GradeProbationary, bool CanWrite, IReadOnlyList<EvaluationRow> Rows, EvaluationSummary Summary, IReadOnlyList<string> Warnings);

/// <summary>A session with its grid, its counts, the 优秀 warning and the 组织处置 cases its 不合格 grades opened.</summary>
public sealed record GetEvaluationQuery(long Id);

public sealed class GetEvaluationHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<EvaluationDetails>> HandleAsync(GetEvaluationQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<EvaluationSession>().AsNoTracking().Include(s => s.Entries).SingleOrDefaultAsync(s => s.Id == query.Id, ct);
        if (session is null) return EvaluationErrors.NotFound(query.Id);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == session.OrganizationId, ct);
        if (!scope.Allows(organization.Path, Permission.Read)) return EvaluationErrors.NotFound(query.Id);

        var entryIds = session.Entries.Select(e => e.Id).ToList();
        var cases = (await db.Set<DispositionCase>().AsNoTracking().Where(c => c.EvaluationEntryId != null && entryIds.Contains(c.EvaluationEntryId.Value)).ToListAsync(ct))
            .GroupBy(c => c.EvaluationEntryId!.Value).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Id).First());
        var memberIds = session.Entries.Select(e => e.MemberId).ToList();
        var names = await db.Set<Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var roster = (await MemberRoster.ForAsync(db, organization.Id, false, session.HeldOn, ct)).ToDictionary(r => r.MemberId);

        var rows = session.Entries.Select(e =>
        {
            var c = cases.GetValueOrDefault(e.Id);
            return new EvaluationRow(e.MemberId, names.GetValueOrDefault(e.MemberId, ""), roster.TryGetValue(e.MemberId, out var r) && r.IsProbationary,
                e.Participated, e.Grade, e.Grade?.Label(), e.Note, c?.Id, c?.Status, c?.Deadline);
        }).ToList();
        // A placement corrected after the save can put someone on the roster who has no line yet: show them, not taking part.
        rows.AddRange(roster.Values.Where(r => !names.ContainsKey(r.MemberId))
            .Select(r => new EvaluationRow(r.MemberId, r.Name, r.IsProbationary, false, null, null, null, null, null, null)));
        rows = rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.MemberId).ToList();

        var summary = EvaluationSummary.Of(rows);
        var meetingTopic = session.MeetingId is long meetingId ? await db.Set<Meeting>().Where(m => m.Id == meetingId).Select(m => m.Topic).SingleOrDefaultAsync(ct) : null;
        IReadOnlyList<string> warnings = summary.ExcellentShareExceeded ? [EvaluationRules.ExcellentShareWarning(summary.Excellent, summary.Graded)] : [];
        return new EvaluationDetails(session.Id, organization.Id, organization.Name, session.Year, session.HeldOn, session.MeetingId, meetingTopic, session.Note,
            session.GradeProbationary, scope.Allows(organization.Path, Permission.Write), rows, summary, warnings);
    }
}

public sealed record EvaluationDraft(long OrganizationId, string OrganizationName, int Year, DateOnly HeldOn, long? ExistingId, IReadOnlyList<EvaluationRow> Rows);

/// <summary>
/// The empty grid for a new session: the branch's roster on <see cref="HeldOn"/>, everyone taking part and ungraded. When the
/// year is already recorded, <see cref="EvaluationDraft.ExistingId"/> points at it.
/// </summary>
public sealed record GetEvaluationDraftQuery(long OrganizationId, int Year, DateOnly HeldOn);

public sealed class GetEvaluationDraftHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<EvaluationDraft>> HandleAsync(GetEvaluationDraftQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await EvaluationAccess.LoadOrganizationAsync(db, query.OrganizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var organization = loaded.Value;
        if (!organization.Kind.IsBranch()) return EvaluationErrors.NotABranch(organization.Name);
        var existing = await db.Set<EvaluationSession>().Where(s => s.OrganizationId == organization.Id && s.Year == query.Year).Select(s => (long?)s.Id).SingleOrDefaultAsync(ct);
        var roster = await MemberRoster.ForAsync(db, organization.Id, false, query.HeldOn, ct);
        var rows = roster.Select(r => new EvaluationRow(r.MemberId, r.Name, r.IsProbationary, true, null, null, null, null, null, null)).ToList();
        return new EvaluationDraft(organization.Id, organization.Name, query.Year, query.HeldOn, existing, rows);
    }
}
