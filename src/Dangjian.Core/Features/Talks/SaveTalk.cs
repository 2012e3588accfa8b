using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Talks;

public sealed record TalkInput
{
    public DateOnly? HeldOn { get; init; }
    public long? InitiatorMemberId { get; init; }
    public long? PartnerMemberId { get; init; }
    public string? Topic { get; init; }
    public string? Note { get; init; }
}

/// <summary>Records a 谈心谈话 of an organization: two different people of it on that date, a topic, the date (not in the future).</summary>
public sealed record CreateTalkCommand(long OrganizationId, TalkInput Input);

public sealed class CreateTalkHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateTalkCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await TalkAccess.LoadOrganizationAsync(db, command.OrganizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        if (loaded.Value.IsDissolved) return TalkErrors.OrganizationDissolved(loaded.Value.Name);
        var valid = await TalkAccess.ValidateAsync(db, loaded.Value, command.Input, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<long>.Failure(valid.Errors);
        var v = valid.Value;
        var talk = HeartToHeartTalk.Create(loaded.Value.Id, v.HeldOn, v.InitiatorMemberId, v.PartnerMemberId, v.Topic, v.Note);
        db.Add(talk);
        await db.SaveChangesAsync(ct);
        return talk.Id;
    }
}

public sealed record UpdateTalkCommand(long Id, TalkInput Input);

public sealed class UpdateTalkHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateTalkCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await TalkAccess.LoadTalkAsync(db, command.Id, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (talk, organization) = loaded.Value;
        var valid = await TalkAccess.ValidateAsync(db, organization, command.Input, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<Done>.Failure(valid.Errors);
        var v = valid.Value;
        talk.Update(v.HeldOn, v.InitiatorMemberId, v.PartnerMemberId, v.Topic, v.Note);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>Deletes a 谈心谈话 record (only the record itself; the audit log keeps what it said).</summary>
public sealed record DeleteTalkCommand(long Id);

public sealed class DeleteTalkHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteTalkCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await TalkAccess.LoadTalkAsync(db, command.Id, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        db.Remove(loaded.Value.Talk);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

internal sealed record ValidTalk(DateOnly HeldOn, long InitiatorMemberId, long PartnerMemberId, string Topic, string? Note);

internal static class TalkAccess
{
    public static async Task<Result<Organization>> LoadOrganizationAsync(DangjianDbContext db, long organizationId, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return TalkErrors.OrganizationNotFound(organizationId);
        var allowed = scope.Check(organization.Path, permission);
        return allowed.IsSuccess ? organization : allowed.FirstError;
    }

    /// <summary>A talk (tracked) with its organization: not found outside the caller's scope, forbidden without <paramref name="permission"/>.</summary>
    public static async Task<Result<(HeartToHeartTalk Talk, Organization Organization)>> LoadTalkAsync(
        DangjianDbContext db, long id, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var talk = await db.Set<HeartToHeartTalk>().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (talk is null) return TalkErrors.NotFound(id);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == talk.OrganizationId, ct);
        if (!scope.Allows(organization.Path, Permission.Read)) return TalkErrors.NotFound(id);
        var allowed = scope.Check(organization.Path, permission);
        if (!allowed.IsSuccess) return allowed.FirstError;
        return (talk, organization);
    }

    public static async Task<Result<ValidTalk>> ValidateAsync(DangjianDbContext db, Organization organization, TalkInput input, DateOnly today, CancellationToken ct)
    {
        var errors = new List<Error>();
        var topic = input.Topic?.Trim() ?? "";
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (input.HeldOn is not DateOnly heldOn) errors.Add(TalkErrors.HeldOnRequired);
        else if (heldOn > today) errors.Add(TalkErrors.HeldOnInFuture);
        if (input.InitiatorMemberId is null) errors.Add(TalkErrors.InitiatorRequired);
        if (input.PartnerMemberId is null) errors.Add(TalkErrors.PartnerRequired);
        else if (input.PartnerMemberId == input.InitiatorMemberId) errors.Add(TalkErrors.SamePerson);
        if (topic.Length == 0 || topic.Length > HeartToHeartTalk.TopicMaxLength) errors.Add(TalkErrors.TopicRequired);
        if (note?.Length > HeartToHeartTalk.NoteMaxLength) errors.Add(TalkErrors.NoteTooLong);
        if (errors.Count > 0) return Result<ValidTalk>.Failure(errors);

        var date = input.HeldOn!.Value;
        var people = (await OrganizationPeople.OnAsync(db, organization, date, ct)).Select(p => p.MemberId).ToHashSet();
        foreach (var (field, memberId) in new[] { ("InitiatorMemberId", input.InitiatorMemberId!.Value), ("PartnerMemberId", input.PartnerMemberId!.Value) })
        {
            // The message names no one: an id outside the organization may belong to a member the caller must not see.
            if (!people.Contains(memberId)) errors.Add(TalkErrors.NotInOrganization(field, memberId, date));
        }

        if (errors.Count > 0) return Result<ValidTalk>.Failure(errors);
        return new ValidTalk(date, input.InitiatorMemberId.Value, input.PartnerMemberId.Value, topic, note);
    }
}
