using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Evaluations;

/// <summary>
/// One member's line of the grid. <see cref="Deadline"/> is the 限期改正 deadline for a 不合格 grade (default: 6 months after
/// the session); it is ignored for other grades.
/// </summary>
public sealed record EvaluationEntryInput(long MemberId, bool Participated, EvaluationGrade? Grade, string? Note = null, DateOnly? Deadline = null);

public sealed record EvaluationInput
{
    public int? Year { get; init; }
    public DateOnly? HeldOn { get; init; }
    public long? MeetingId { get; init; }
    public string? Note { get; init; }
    public bool GradeProbationary { get; init; }

    /// <summary>Lines for members of the roster on <see cref="HeldOn"/>; roster members without a line are recorded as not taking part.</summary>
    public IReadOnlyList<EvaluationEntryInput> Entries { get; init; } = [];
}

/// <summary>What a save did: the session, the warnings to show (优秀 over one third) and how many 组织处置 cases it opened.</summary>
public sealed record SavedEvaluation(long Id, IReadOnlyList<string> Warnings, int CasesOpened);

/// <summary>Records the annual 民主评议党员 of a branch: one session per branch and year (domain.md §4).</summary>
public sealed record CreateEvaluationCommand(long OrganizationId, EvaluationInput Input);

public sealed class CreateEvaluationHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<SavedEvaluation>> HandleAsync(CreateEvaluationCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await EvaluationAccess.LoadOrganizationAsync(db, command.OrganizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var organization = loaded.Value;
        if (organization.IsDissolved) return EvaluationErrors.OrganizationDissolved(organization.Name);
        if (!organization.Kind.IsBranch()) return EvaluationErrors.NotABranch(organization.Name);

        return await EvaluationSaver.SaveAsync(db, organization, null, command.Input, clock.Today(), ct);
    }
}

/// <summary>Changes a session: its date, note and grid. A grade behind an open 组织处置 case stays 不合格 until the case is closed.</summary>
public sealed record UpdateEvaluationCommand(long Id, EvaluationInput Input);

public sealed class UpdateEvaluationHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<SavedEvaluation>> HandleAsync(UpdateEvaluationCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<EvaluationSession>().Include(s => s.Entries).SingleOrDefaultAsync(s => s.Id == command.Id, ct);
        if (session is null) return EvaluationErrors.NotFound(command.Id);
        var loaded = await EvaluationAccess.LoadOrganizationAsync(db, session.OrganizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError.Kind == ErrorKind.NotFound ? EvaluationErrors.NotFound(command.Id) : loaded.FirstError;
        return await EvaluationSaver.SaveAsync(db, loaded.Value, session, command.Input, clock.Today(), ct);
    }
}

internal static class EvaluationAccess
{
    /// <summary>The organization behind an evaluation request: not found outside the caller's scope, forbidden without <paramref name="permission"/>.</summary>
    public static async Task<Result<Organization>> LoadOrganizationAsync(DangjianDbContext db, long organizationId, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return EvaluationErrors.OrganizationNotFound(organizationId);
        var allowed = scope.Check(organization.Path, permission);
        return allowed.IsSuccess ? organization : allowed.FirstError;
    }
}

internal static class EvaluationSaver
{
    public static async Task<Result<SavedEvaluation>> SaveAsync(
        DangjianDbContext db, Organization organization, EvaluationSession? session, EvaluationInput input, DateOnly today, CancellationToken ct)
    {
        var errors = new List<Error>();
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (input.Year is not int year) errors.Add(EvaluationErrors.YearRequired);
        else if (year < 1921 || year > today.Year) errors.Add(EvaluationErrors.YearOutOfRange(today.Year));
        if (input.HeldOn is not DateOnly heldOn) errors.Add(EvaluationErrors.HeldOnRequired);
        else if (heldOn > today) errors.Add(EvaluationErrors.HeldOnInFuture);
        else if (input.Year is int y && !EvaluationRules.HeldInReviewWindow(y, heldOn)) errors.Add(EvaluationErrors.HeldOnOutsideYear(y));
        if (note?.Length > EvaluationSession.NoteMaxLength) errors.Add(EvaluationErrors.NoteTooLong);
        if (input.MeetingId is long meetingId && !await db.Set<Meeting>().AnyAsync(m => m.Id == meetingId && m.OrganizationId == organization.Id, ct))
        {
            errors.Add(EvaluationErrors.MeetingNotFound(meetingId));
        }

        if (errors.Count > 0) return Result<SavedEvaluation>.Failure(errors);
        var (sessionYear, date) = (input.Year!.Value, input.HeldOn!.Value);
        if (await db.Set<EvaluationSession>().AnyAsync(s => s.OrganizationId == organization.Id && s.Year == sessionYear && (session == null || s.Id != session.Id), ct))
        {
            return EvaluationErrors.YearTaken(organization.Name, sessionYear);
        }

        // The participants are the branch's roster on the session date (placement history): a member who left before it is not
        // evaluated here, one who arrived before it is.
        var roster = (await MemberRoster.ForAsync(db, organization.Id, false, date, ct)).ToDictionary(r => r.MemberId);
        var lines = new Dictionary<long, EvaluationEntryInput>();
        foreach (var line in input.Entries)
        {
            if (!lines.TryAdd(line.MemberId, line)) errors.Add(EvaluationErrors.DuplicateMember(line.MemberId));
            else if (!roster.ContainsKey(line.MemberId)) errors.Add(EvaluationErrors.NotOnRoster(line.MemberId, date));
        }

        foreach (var line in lines.Values.Where(l => roster.ContainsKey(l.MemberId)))
        {
            var person = roster[line.MemberId];
            if (line.Grade is not null && !line.Participated) errors.Add(EvaluationErrors.GradeWithoutParticipation(person.Name));
            else if (line.Grade is not null && person.IsProbationary && !input.GradeProbationary) errors.Add(EvaluationErrors.ProbationaryGraded(person.Name));
            if (line.Note?.Trim().Length > EvaluationEntry.NoteMaxLength) errors.Add(EvaluationErrors.EntryNoteTooLong(person.Name));
        }

        if (errors.Count > 0) return Result<SavedEvaluation>.Failure(errors);

        var existing = session?.Entries.ToDictionary(e => e.MemberId) ?? [];
        var entryIds = existing.Values.Select(e => e.Id).ToList();
        var cases = await db.Set<DispositionCase>().Where(c => c.EvaluationEntryId != null && entryIds.Contains(c.EvaluationEntryId.Value)).ToListAsync(ct);
        var caseByEntry = cases.GroupBy(c => c.EvaluationEntryId!.Value).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Id).First());

        // Each 不合格 grade carries its 组织处置 case, opened on the session date, so the deadline counts from the decision.
        foreach (var (memberId, person) in roster)
        {
            var line = lines.GetValueOrDefault(memberId);
            var grade = line is { Participated: true } ? line.Grade : null;
            var openCase = existing.TryGetValue(memberId, out var entry) && caseByEntry.TryGetValue(entry.Id, out var c) && c.Status == DispositionStatus.Open ? c : null;
            if (openCase is not null && grade != EvaluationGrade.Unqualified) errors.Add(EvaluationErrors.GradeLockedByOpenCase(person.Name));
            if (grade == EvaluationGrade.Unqualified && line!.Deadline is DateOnly deadline)
            {
                var openedOn = openCase?.OpenedOn ?? date;
                if (!EvaluationRules.DeadlineAllowed(openedOn, deadline)) errors.Add(EvaluationErrors.DeadlineOutOfRange(person.Name, openedOn));
            }
        }

        foreach (var (memberId, entry) in existing.Where(e => !roster.ContainsKey(e.Key)))
        {
            if (caseByEntry.ContainsKey(entry.Id))
            {
                var name = await db.Set<Member>().Where(m => m.Id == memberId).Select(m => m.Name).SingleAsync(ct);
                errors.Add(EvaluationErrors.EntryHasCase(name, date));
            }
        }

        if (errors.Count > 0) return Result<SavedEvaluation>.Failure(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (session is null)
        {
            session = EvaluationSession.Create(organization.Id, sessionYear, date, input.MeetingId, note, input.GradeProbationary);
            db.Add(session);
        }
        else
        {
            session.Update(sessionYear, date, input.MeetingId, note, input.GradeProbationary);
        }

        foreach (var (memberId, entry) in existing.Where(e => !roster.ContainsKey(e.Key)))
        {
            session.Entries.Remove(entry);
            db.Remove(entry);
        }

        var toOpen = new List<(EvaluationEntry Entry, DateOnly? Deadline)>();
        foreach (var memberId in roster.Keys)
        {
            var line = lines.GetValueOrDefault(memberId);
            var participated = line?.Participated ?? false;
            var grade = participated ? line!.Grade : null;
            var entryNote = string.IsNullOrWhiteSpace(line?.Note) ? null : line.Note.Trim();
            if (existing.TryGetValue(memberId, out var entry))
            {
                entry.Change(participated, grade, entryNote);
                if (caseByEntry.TryGetValue(entry.Id, out var current))
                {
                    if (current.Status == DispositionStatus.Open && grade == EvaluationGrade.Unqualified && line!.Deadline is DateOnly changed && current.Measure == DispositionMeasure.CorrectWithinDeadline)
                    {
                        current.Change(current.Measure, changed);
                    }

                    continue;
                }
            }
            else
            {
                entry = EvaluationEntry.Create(memberId, participated, grade, entryNote);
                session.Entries.Add(entry);
            }

            if (grade == EvaluationGrade.Unqualified) toOpen.Add((entry, line!.Deadline));
        }

        await db.SaveChangesAsync(ct);
        foreach (var (entry, deadline) in toOpen)
        {
            db.Add(DispositionCase.Open(organization.Id, entry.MemberId, entry.Id, DispositionMeasure.CorrectWithinDeadline, date, deadline ?? EvaluationRules.DefaultDeadline(date)));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var graded = session.Entries.Count(e => e.Grade is not null);
        var excellent = session.Entries.Count(e => e.Grade == EvaluationGrade.Excellent);
        IReadOnlyList<string> warnings = EvaluationRules.ExcellentShareExceeded(excellent, graded) ? [EvaluationRules.ExcellentShareWarning(excellent, graded)] : [];
        return new SavedEvaluation(session.Id, warnings, toOpen.Count);
    }
}
