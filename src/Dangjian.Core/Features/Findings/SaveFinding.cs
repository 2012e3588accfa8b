using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Talks;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Findings;

/// <summary>
/// What a finding says: the problem, who owns its rectification (a member of the source's organization, or a name such as a
/// department) and by when.
/// </summary>
public sealed record FindingInput
{
    public string? Description { get; init; }
    public long? OwnerMemberId { get; init; }
    public string? OwnerName { get; init; }
    public DateOnly? Deadline { get; init; }
}

/// <summary>
/// Adds a finding to its source. Today the only source is a 组织生活会/民主生活会 (<see cref="FindingSource.LifeMeeting"/>, the
/// meeting id); the rectification module adds its sources to <see cref="FindingSources"/> and keeps these records as they are.
/// A new finding is 待整改.
/// </summary>
public sealed record AddFindingCommand(FindingSource Source, long SourceId, FindingInput Input);

public sealed class AddFindingHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<long>> HandleAsync(AddFindingCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await FindingSources.LoadAsync(db, command.Source, command.SourceId, scope, Permission.Write, ct);
        if (!source.IsSuccess) return source.FirstError;
        var valid = await FindingSources.ValidateAsync(db, source.Value, command.Input, ct);
        if (!valid.IsSuccess) return Result<long>.Failure(valid.Errors);
        var v = valid.Value;
        var finding = Finding.Create(source.Value.Organization.Id, command.Source, command.SourceId, v.Description, v.OwnerMemberId, v.OwnerName, v.Deadline);
        db.Add(finding);
        await db.SaveChangesAsync(ct);
        return finding.Id;
    }
}

/// <summary>
/// Edits a finding and sets its rectification status (待整改/整改中/已整改). 已整改 needs the date it was completed; leaving
/// 已整改 clears that date. Without a status the finding keeps its own (and, when 已整改, its completion date).
/// </summary>
public sealed record UpdateFindingCommand(long Id, FindingInput Input, FindingStatus? Status, DateOnly? ResolvedOn, string? Note);

public sealed class UpdateFindingHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateFindingCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var finding = await db.Set<Finding>().SingleOrDefaultAsync(f => f.Id == command.Id, ct);
        if (finding is null) return FindingErrors.NotFound(command.Id);
        var source = await FindingSources.LoadAsync(db, finding.Source, finding.SourceId, scope, Permission.Write, ct, kindChecked: false);
        if (!source.IsSuccess) return source.FirstError.Kind == ErrorKind.NotFound ? FindingErrors.NotFound(command.Id) : source.FirstError;

        var errors = new List<Error>();
        var valid = await FindingSources.ValidateAsync(db, source.Value, command.Input, ct);
        if (!valid.IsSuccess) errors.AddRange(valid.Errors);
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (note?.Length > Finding.NoteMaxLength) errors.Add(FindingErrors.NoteTooLong);
        var status = command.Status ?? finding.Status;
        var resolvedOnInput = command.ResolvedOn ?? (command.Status is null ? finding.ResolvedOn : null);
        if (status == FindingStatus.Resolved)
        {
            if (resolvedOnInput is not DateOnly resolvedOn) errors.Add(FindingErrors.ResolvedOnRequired);
            else if (resolvedOn > clock.Today()) errors.Add(FindingErrors.ResolvedOnInFuture);
            else if (resolvedOn < source.Value.Date) errors.Add(FindingErrors.ResolvedBeforeMeeting(source.Value.Date));
        }

        if (errors.Count > 0) return Result<Done>.Failure(errors);
        var v = valid.Value;
        finding.Update(v.Description, v.OwnerMemberId, v.OwnerName, v.Deadline);
        finding.SetStatus(status, resolvedOnInput, note);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>The record a finding came from, resolved to its organization and date.</summary>
public sealed record FindingSourceInfo(FindingSource Source, long SourceId, Organization Organization, DateOnly Date, string Title);

internal sealed record ValidFinding(string Description, long? OwnerMemberId, string OwnerName, DateOnly Deadline);

public static class FindingSources
{
    /// <summary>The meeting kinds whose 问题清单 is kept here (domain.md §3: 组织生活会 of branches, 民主生活会 of leadership groups).</summary>
    public static readonly IReadOnlyList<string> LifeMeetingKindCodes = [MeetingKindCodes.OrganizationalLifeMeeting, MeetingKindCodes.LeadershipLifeMeeting];

    public static IQueryable<long> LifeMeetingIds(DangjianDbContext db) =>
        from link in db.Set<MeetingKindLink>()
        join kind in db.Set<MeetingKind>() on link.MeetingKindId equals kind.Id
        where LifeMeetingKindCodes.Contains(kind.Code)
        select link.MeetingId;

    /// <summary>
    /// Resolves a source the caller may act on with <paramref name="permission"/>: not found outside the scope. A life meeting must
    /// carry a life-meeting kind to take new findings; existing ones stay editable if the meeting's kinds were changed since.
    /// </summary>
    public static async Task<Result<FindingSourceInfo>> LoadAsync(
        DangjianDbContext db, FindingSource source, long sourceId, AccessScope scope, Permission permission, CancellationToken ct, bool kindChecked = true)
    {
        switch (source)
        {
            case FindingSource.LifeMeeting:
            {
                var row = await (from m in db.Set<Meeting>().AsNoTracking()
                                 join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
                                 where m.Id == sourceId
                                 select new { m.Topic, m.HeldOn, Organization = o }).SingleOrDefaultAsync(ct);
                if (row is null || !scope.Allows(row.Organization.Path, Permission.Read)) return FindingErrors.MeetingNotFound(sourceId);
                var allowed = scope.Check(row.Organization.Path, permission);
                if (!allowed.IsSuccess) return allowed.FirstError;
                if (kindChecked && !await LifeMeetingIds(db).AnyAsync(id => id == sourceId, ct)) return FindingErrors.NotALifeMeeting(row.Topic);
                return new FindingSourceInfo(source, sourceId, row.Organization, row.HeldOn, row.Topic);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(source), source, "未知的问题来源");
        }
    }

    internal static async Task<Result<ValidFinding>> ValidateAsync(DangjianDbContext db, FindingSourceInfo source, FindingInput input, CancellationToken ct)
    {
        var errors = new List<Error>();
        var description = input.Description?.Trim() ?? "";
        var ownerName = input.OwnerName?.Trim() ?? "";
        if (description.Length == 0 || description.Length > Finding.DescriptionMaxLength) errors.Add(FindingErrors.DescriptionRequired);
        if (input.Deadline is not DateOnly deadline) errors.Add(FindingErrors.DeadlineRequired);
        else if (deadline < source.Date) errors.Add(FindingErrors.DeadlineBeforeMeeting(source.Date));
        if (input.OwnerMemberId is long ownerId)
        {
            var person = (await OrganizationPeople.OnAsync(db, source.Organization, source.Date, ct)).FirstOrDefault(p => p.MemberId == ownerId);
            if (person is null) errors.Add(FindingErrors.OwnerNotInOrganization(ownerId));
            else ownerName = person.Name;
        }
        else if (ownerName.Length == 0 || ownerName.Length > Finding.NameMaxLength)
        {
            errors.Add(FindingErrors.OwnerRequired);
        }

        if (errors.Count > 0) return Result<ValidFinding>.Failure(errors);
        return new ValidFinding(description, input.OwnerMemberId, ownerName, input.Deadline!.Value);
    }
}
