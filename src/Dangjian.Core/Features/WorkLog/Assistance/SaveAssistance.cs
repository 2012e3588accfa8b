using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Assistance;

public sealed record AssistanceHouseholdInput
{
    public string? Name { get; init; }
    public string? Address { get; init; }
    public string? Note { get; init; }
}

public sealed record AssistanceVisitInput
{
    public DateOnly? VisitedOn { get; init; }
    public string? Visitors { get; init; }
    public string? Note { get; init; }
}

public sealed record AssistanceProblemInput
{
    public string? Description { get; init; }
    public DateOnly? CollectedOn { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DateOnly? ResolvedOn { get; init; }
    public string? Note { get; init; }
}

public static class AssistanceErrors
{
    public static Error HouseholdNotFound(long id) => Error.NotFound("assistance.household_not_found", $"帮扶户（编号 {id}）不存在或不在您的管理范围内");
    public static Error VisitNotFound(long id) => Error.NotFound("assistance.visit_not_found", $"走访记录（编号 {id}）不存在或不在您的管理范围内");
    public static Error ProblemNotFound(long id) => Error.NotFound("assistance.problem_not_found", $"帮扶问题（编号 {id}）不存在或不在您的管理范围内");
}

/// <summary>登记帮扶户 of an organization in the caller's Write scope.</summary>
public sealed record CreateAssistanceHouseholdCommand(long OrganizationId, AssistanceHouseholdInput Input);

public sealed class CreateAssistanceHouseholdHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<long>> HandleAsync(CreateAssistanceHouseholdCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = new WorkLogValidation();
        var path = await v.OrganizationAsync(db, scope, command.OrganizationId, ct);
        if (path is null) return v.Fail<long>();
        var (name, address, note) = AssistanceRules.Household(v, command.Input);
        if (!v.IsValid) return v.Fail<long>();
        var household = AssistanceHousehold.Create(command.OrganizationId, name!, address, note);
        db.Add(household);
        await db.SaveChangesAsync(ct);
        return household.Id;
    }
}

public sealed record UpdateAssistanceHouseholdCommand(long Id, AssistanceHouseholdInput Input);

public sealed class UpdateAssistanceHouseholdHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(UpdateAssistanceHouseholdCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var household = await AssistanceRules.LoadHouseholdAsync(db, command.Id, scope, Permission.Write, ct);
        if (!household.IsSuccess) return household.FirstError;
        var v = new WorkLogValidation();
        var (name, address, note) = AssistanceRules.Household(v, command.Input);
        if (!v.IsValid) return v.Fail<Done>();
        household.Value.Update(name!, address, note);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>Deletes a household with its visits and problems (each removal audited).</summary>
public sealed record DeleteAssistanceHouseholdCommand(long Id);

public sealed class DeleteAssistanceHouseholdHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteAssistanceHouseholdCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var household = await AssistanceRules.LoadHouseholdAsync(db, command.Id, scope, Permission.Write, ct);
        if (!household.IsSuccess) return household.FirstError;
        db.RemoveRange(await db.Set<AssistanceVisit>().Where(x => x.HouseholdId == command.Id).ToListAsync(ct));
        db.RemoveRange(await db.Set<AssistanceProblem>().Where(x => x.HouseholdId == command.Id).ToListAsync(ct));
        db.Remove(household.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>登记一次走访 (one 户次): the date may be today but not later.</summary>
public sealed record AddAssistanceVisitCommand(long HouseholdId, AssistanceVisitInput Input);

public sealed class AddAssistanceVisitHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(AddAssistanceVisitCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var household = await AssistanceRules.LoadHouseholdAsync(db, command.HouseholdId, scope, Permission.Write, ct);
        if (!household.IsSuccess) return household.FirstError;
        var v = new WorkLogValidation();
        var input = command.Input;
        if (input.VisitedOn is null) v.Add(Error.Validation("worklog.required", "请填写走访日期", "VisitedOn"));
        v.NotInFuture(input.VisitedOn, clock.Today(), "VisitedOn", "走访日期");
        var visitors = v.Text(input.Visitors, "Visitors", "走访人", AssistanceVisit.VisitorsMaxLength, required: false);
        var note = v.Text(input.Note, "Note", "走访情况", AssistanceVisit.NoteMaxLength, required: false);
        if (!v.IsValid) return v.Fail<long>();
        var visit = AssistanceVisit.Create(household.Value.OrganizationId, household.Value.Id, input.VisitedOn!.Value, visitors, note);
        db.Add(visit);
        await db.SaveChangesAsync(ct);
        return visit.Id;
    }
}

public sealed record DeleteAssistanceVisitCommand(long Id);

public sealed class DeleteAssistanceVisitHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteAssistanceVisitCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visit = await db.Set<AssistanceVisit>().SingleOrDefaultAsync(x => x.Id == command.Id, ct);
        if (visit is null) return AssistanceErrors.VisitNotFound(command.Id);
        var allowed = await AssistanceRules.CheckAsync(db, visit.OrganizationId, scope, Permission.Write, AssistanceErrors.VisitNotFound(command.Id), ct);
        if (!allowed.IsSuccess) return allowed.FirstError;
        db.Remove(visit);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>登记收集的问题: collected, started and resolved dates in that order, none in the future; the status follows from them.</summary>
public sealed record AddAssistanceProblemCommand(long HouseholdId, AssistanceProblemInput Input);

public sealed class AddAssistanceProblemHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(AddAssistanceProblemCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var household = await AssistanceRules.LoadHouseholdAsync(db, command.HouseholdId, scope, Permission.Write, ct);
        if (!household.IsSuccess) return household.FirstError;
        var v = new WorkLogValidation();
        var description = AssistanceRules.Problem(v, command.Input, clock.Today(), out var note);
        if (!v.IsValid) return v.Fail<long>();
        var i = command.Input;
        var problem = AssistanceProblem.Create(household.Value.OrganizationId, household.Value.Id, description!, i.CollectedOn!.Value, i.StartedOn, i.ResolvedOn, note);
        db.Add(problem);
        await db.SaveChangesAsync(ct);
        return problem.Id;
    }
}

public sealed record UpdateAssistanceProblemCommand(long Id, AssistanceProblemInput Input);

public sealed class UpdateAssistanceProblemHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateAssistanceProblemCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var problem = await db.Set<AssistanceProblem>().SingleOrDefaultAsync(x => x.Id == command.Id, ct);
        if (problem is null) return AssistanceErrors.ProblemNotFound(command.Id);
        var allowed = await AssistanceRules.CheckAsync(db, problem.OrganizationId, scope, Permission.Write, AssistanceErrors.ProblemNotFound(command.Id), ct);
        if (!allowed.IsSuccess) return allowed.FirstError;
        var v = new WorkLogValidation();
        var description = AssistanceRules.Problem(v, command.Input, clock.Today(), out var note);
        if (!v.IsValid) return v.Fail<Done>();
        var i = command.Input;
        problem.Update(description!, i.CollectedOn!.Value, i.StartedOn, i.ResolvedOn, note);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record DeleteAssistanceProblemCommand(long Id);

public sealed class DeleteAssistanceProblemHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteAssistanceProblemCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var problem = await db.Set<AssistanceProblem>().SingleOrDefaultAsync(x => x.Id == command.Id, ct);
        if (problem is null) return AssistanceErrors.ProblemNotFound(command.Id);
        var allowed = await AssistanceRules.CheckAsync(db, problem.OrganizationId, scope, Permission.Write, AssistanceErrors.ProblemNotFound(command.Id), ct);
        if (!allowed.IsSuccess) return allowed.FirstError;
        db.Remove(problem);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

internal static class AssistanceRules
{
    public static (string? Name, string? Address, string? Note) Household(WorkLogValidation v, AssistanceHouseholdInput input) =>
        (v.Text(input.Name, "Name", "帮扶户户主姓名", AssistanceHousehold.NameMaxLength),
            v.Text(input.Address, "Address", "住址", AssistanceHousehold.AddressMaxLength, required: false),
            v.Text(input.Note, "Note", "户情说明", AssistanceHousehold.NoteMaxLength, required: false));

    /// <summary>Collected ≤ started ≤ resolved ≤ today; a problem resolved without a start date was started when it was resolved.</summary>
    public static string? Problem(WorkLogValidation v, AssistanceProblemInput input, DateOnly today, out string? note)
    {
        var description = v.Text(input.Description, "Description", "问题描述", AssistanceProblem.DescriptionMaxLength);
        note = v.Text(input.Note, "Note", "解决情况", AssistanceProblem.NoteMaxLength, required: false);
        if (input.CollectedOn is null) v.Add(Error.Validation("worklog.required", "请填写收集日期", "CollectedOn"));
        v.NotInFuture(input.CollectedOn, today, "CollectedOn", "收集日期");
        v.NotInFuture(input.StartedOn, today, "StartedOn", "开始解决日期");
        v.NotInFuture(input.ResolvedOn, today, "ResolvedOn", "解决日期");
        if (input.CollectedOn is DateOnly c)
        {
            if (input.StartedOn < c)
                v.Add(Error.Validation("assistance.started_before_collected", $"开始解决日期（{input.StartedOn:yyyy-MM-dd}）不能早于收集日期（{c:yyyy-MM-dd}）", "StartedOn"));
            if (input.ResolvedOn < c)
                v.Add(Error.Validation("assistance.resolved_before_collected", $"解决日期（{input.ResolvedOn:yyyy-MM-dd}）不能早于收集日期（{c:yyyy-MM-dd}）", "ResolvedOn"));
        }

        if (input.ResolvedOn < input.StartedOn)
            v.Add(Error.Validation("assistance.resolved_before_started", $"解决日期（{input.ResolvedOn:yyyy-MM-dd}）不能早于开始解决日期（{input.StartedOn:yyyy-MM-dd}）", "ResolvedOn"));
        return description;
    }

    /// <summary>A household (tracked): not found outside the caller's Read scope, forbidden without <paramref name="permission"/>.</summary>
    public static async Task<Result<AssistanceHousehold>> LoadHouseholdAsync(DangjianDbContext db, long id, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var household = await db.Set<AssistanceHousehold>().SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return AssistanceErrors.HouseholdNotFound(id);
        var allowed = await CheckAsync(db, household.OrganizationId, scope, permission, AssistanceErrors.HouseholdNotFound(id), ct);
        return allowed.IsSuccess ? household : allowed.FirstError;
    }

    public static async Task<Result<string>> CheckAsync(DangjianDbContext db, long organizationId, AccessScope scope, Permission permission, Error notFound, CancellationToken ct)
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).SingleAsync(ct);
        if (!scope.Allows(path, Permission.Read)) return notFound;
        var allowed = scope.Check(path, permission);
        return allowed.IsSuccess ? path : allowed.FirstError;
    }
}
