using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Volunteering;

public sealed record ParticipantInput(long? MemberId, decimal? Hours);

public sealed record VolunteerActivityInput
{
    public DateOnly? HeldOn { get; init; }
    public string? Title { get; init; }
    public string? ServiceProject { get; init; }
    public bool ProjectClaimed { get; init; }
    public int? PublicVolunteers { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<ParticipantInput> Participants { get; init; } = [];
}

public sealed record CreateVolunteerActivityCommand(long OrganizationId, VolunteerActivityInput Input);

/// <summary>Records a 志愿服务活动. Every error of the form is reported at once; nothing is saved unless all is valid.</summary>
public sealed class CreateVolunteerActivityHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateVolunteerActivityCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await VolunteeringAccess.OrganizationAsync(db, command.OrganizationId, scope, ct);
        if (!organization.IsSuccess) return organization.FirstError;
        var valid = await VolunteerActivityRules.ValidateAsync(db, scope, command.Input, null, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<long>.Failure(valid.Errors);
        var activity = VolunteerActivity.Create(organization.Value.Id, valid.Value);
        db.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity.Id;
    }
}

public sealed record UpdateVolunteerActivityCommand(long Id, VolunteerActivityInput Input);

public sealed class UpdateVolunteerActivityHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateVolunteerActivityCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activity = await VolunteerActivityRules.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!activity.IsSuccess) return activity.FirstError;
        var valid = await VolunteerActivityRules.ValidateAsync(db, scope, command.Input, command.Id, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<Done>.Failure(valid.Errors);
        activity.Value.Update(valid.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record DeleteVolunteerActivityCommand(long Id);

public sealed class DeleteVolunteerActivityHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteVolunteerActivityCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activity = await VolunteerActivityRules.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!activity.IsSuccess) return activity.FirstError;
        db.Remove(activity.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record ListVolunteerActivitiesQuery
{
    public long? Under { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Search { get; init; }
    public bool? Claimed { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>One activity in a list: person-times = party participants + public volunteers; hours = the participants' hours.</summary>
public sealed record VolunteerActivityListItem(
    long Id, long OrganizationId, string OrganizationName, DateOnly HeldOn, string Title, string? ServiceProject, bool ProjectClaimed,
    int PartyVolunteers, int PublicVolunteers, decimal Hours, bool CanWrite)
{
    public int PersonTimes => PartyVolunteers + PublicVolunteers;
}

public sealed class ListVolunteerActivitiesHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<VolunteerActivityListItem>>> HandleAsync(ListVolunteerActivitiesQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var activities = db.Set<VolunteerActivity>().AsNoTracking();
        if (query.From is DateOnly from) activities = activities.Where(a => a.HeldOn >= from);
        if (query.To is DateOnly to) activities = activities.Where(a => a.HeldOn <= to);
        if (query.Claimed is bool claimed) activities = activities.Where(a => a.ProjectClaimed == claimed);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            activities = activities.Where(a => a.Title.Contains(term) || (a.ServiceProject != null && a.ServiceProject.Contains(term)));
        }

        var participants = db.Set<VolunteerParticipant>().AsNoTracking();
        var rows =
            from a in activities
            join o in organizations.Value on a.OrganizationId equals o.Id
            select new
            {
                a.Id, a.OrganizationId, OrganizationName = o.Name, o.Path, a.HeldOn, a.Title, a.ServiceProject, a.ProjectClaimed, a.PublicVolunteers,
                Party = participants.Count(p => p.ActivityId == a.Id),
                Hours = participants.Where(p => p.ActivityId == a.Id).Sum(p => (decimal?)p.Hours) ?? 0m,
            };
        var size = Page<VolunteerActivityListItem>.NormalizeSize(query.PageSize);
        var number = Page<VolunteerActivityListItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<VolunteerActivityListItem>(page.Select(r => new VolunteerActivityListItem(r.Id, r.OrganizationId, r.OrganizationName, r.HeldOn, r.Title,
            r.ServiceProject, r.ProjectClaimed, r.Party, r.PublicVolunteers, r.Hours, scope.Allows(r.Path, Permission.Write))).ToList(), total, number, size);
    }
}

public sealed record VolunteerParticipantDetails(long MemberId, string Name, decimal Hours);

public sealed record VolunteerActivityDetails(
    long Id, long OrganizationId, string OrganizationName, DateOnly HeldOn, string Title, string? ServiceProject, bool ProjectClaimed,
    int PublicVolunteers, string? Note, IReadOnlyList<VolunteerParticipantDetails> Participants, bool CanWrite)
{
    public int PartyVolunteers => Participants.Count;
    public int PersonTimes => Participants.Count + PublicVolunteers;
    public decimal TotalHours => Participants.Sum(p => p.Hours);
}

public sealed record GetVolunteerActivityQuery(long Id);

public sealed class GetVolunteerActivityHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<VolunteerActivityDetails>> HandleAsync(GetVolunteerActivityQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from a in db.Set<VolunteerActivity>().AsNoTracking()
                         join o in db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
                         where a.Id == query.Id
                         select new { Activity = a, o.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return VolunteeringErrors.NotFound("志愿服务活动", query.Id);
        var people = await (from p in db.Set<VolunteerParticipant>().AsNoTracking()
                            join m in db.Set<Member>().AsNoTracking() on p.MemberId equals m.Id
                            where p.ActivityId == query.Id
                            orderby m.Name, m.Id
                            select new VolunteerParticipantDetails(m.Id, m.Name, p.Hours)).ToListAsync(ct);
        var act = row.Activity;
        return new VolunteerActivityDetails(act.Id, act.OrganizationId, row.Name, act.HeldOn, act.Title, act.ServiceProject, act.ProjectClaimed, act.PublicVolunteers, act.Note,
            people, scope.Allows(row.Path, Permission.Write));
    }
}

internal static class VolunteerActivityRules
{
    public static async Task<Result<VolunteerActivity>> LoadAsync(DangjianDbContext db, long id, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var activity = await db.Set<VolunteerActivity>().Include(a => a.Participants).SingleOrDefaultAsync(a => a.Id == id, ct);
        var notFound = VolunteeringErrors.NotFound("志愿服务活动", id);
        if (activity is null) return notFound;
        var path = await VolunteeringAccess.RecordPathAsync(db, activity.OrganizationId, scope, permission, notFound, ct);
        return path.IsSuccess ? activity : path.FirstError;
    }

    /// <summary>
    /// Title and date (not in the future); public volunteers not negative; each participant a member in the caller's Write scope,
    /// once, with hours from 0 to 24 (two decimals) — and, with what they already served in other activities that day, still at
    /// most 24 hours.
    /// </summary>
    public static async Task<Result<ValidVolunteerActivity>> ValidateAsync(
        DangjianDbContext db, AccessScope scope, VolunteerActivityInput input, long? activityId, DateOnly today, CancellationToken ct)
    {
        var v = new WorkLogValidation();
        var title = v.Text(input.Title, "Title", "活动名称", VolunteerActivity.TitleMaxLength);
        var project = v.Text(input.ServiceProject, "ServiceProject", "服务项目", VolunteerActivity.ProjectMaxLength, required: false);
        var note = v.Text(input.Note, "Note", "备注", VolunteerActivity.NoteMaxLength, required: false);
        if (input.HeldOn is null) v.Add(VolunteeringErrors.DateRequired("HeldOn", "活动日期"));
        v.NotInFuture(input.HeldOn, today, "HeldOn", "活动日期");
        v.NotNegative(input.PublicVolunteers, "PublicVolunteers", "群众志愿者人数");
        if (input.ProjectClaimed && project is null)
            v.Add(Error.Validation("worklog.claimed", "勾选“认领项目”时请填写服务项目", "ServiceProject"));

        var participants = input.Participants.Where(p => p.MemberId is not null || p.Hours is not null).ToList();
        if (participants.Any(p => p.MemberId is null)) v.Add(Error.Validation("worklog.required", "参与党员的每一行都要选择党员", "Participants"));
        if (participants.Any(p => p.MemberId is not null && p.Hours is null))
            v.Add(Error.Validation("worklog.required", "请填写每名参与党员的服务时长", "Participants"));
        var ids = participants.Where(p => p.MemberId is not null).Select(p => p.MemberId!.Value).ToList();
        var names = await v.MembersAsync(db, scope, ids, ct, "Participants");
        foreach (var p in participants.Where(p => p.MemberId is not null && p.Hours is not null))
        {
            var who = names.TryGetValue(p.MemberId!.Value, out var name) ? name : $"党员（编号 {p.MemberId}）";
            v.HoursPerDay(p.Hours!.Value, "Participants", who);
            v.Decimals(p.Hours.Value, 2, "Participants", $"{who}的服务时长");
        }

        if (v.IsValid && input.HeldOn is DateOnly heldOn && ids.Count > 0)
        {
            // 24 hours per person per day holds across activities: what a member already served that day elsewhere counts too.
            var already = await (from p in db.Set<VolunteerParticipant>().AsNoTracking()
                                 join a in db.Set<VolunteerActivity>().AsNoTracking() on p.ActivityId equals a.Id
                                 where a.HeldOn == heldOn && ids.Contains(p.MemberId) && (activityId == null || a.Id != activityId)
                                 group p by p.MemberId into g
                                 select new { MemberId = g.Key, Hours = g.Sum(x => x.Hours) }).ToListAsync(ct);
            foreach (var row in already)
            {
                var now = participants.Single(p => p.MemberId == row.MemberId).Hours!.Value;
                if (row.Hours + now > WorkLogValidation.MaxHoursPerPersonPerDay) v.Add(VolunteeringErrors.DayOverflow(names[row.MemberId], heldOn, row.Hours, now));
            }
        }

        if (!v.IsValid) return v.Fail<ValidVolunteerActivity>();
        return new ValidVolunteerActivity(input.HeldOn!.Value, title!, project, input.ProjectClaimed, input.PublicVolunteers ?? 0, note,
            participants.Select(p => new ParticipantHours(p.MemberId!.Value, p.Hours!.Value)).ToList());
    }
}
