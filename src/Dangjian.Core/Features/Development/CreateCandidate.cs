using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development;

/// <summary>What a form or an API call submits for a candidate; every field may be missing or wrong.</summary>
public sealed record CandidateInput
{
    public string? Name { get; init; }
    public Gender? Gender { get; init; }
    public string? Ethnicity { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? IdNumber { get; init; }
    public string? NativePlace { get; init; }
    public Education? Education { get; init; }
    public Occupation? Occupation { get; init; }
    public EmploymentStatus? EmploymentStatus { get; init; }
    public string? Employer { get; init; }
    public string? Phone { get; init; }
    public bool IsLeagueMember { get; init; }
    public bool RecommendedByLeague { get; init; }
    public DateOnly? ApplicationDate { get; init; }
}

/// <summary>
/// Field rules for a candidate: the members' identity rules (<see cref="MemberRules.ValidateIdentity"/>), the application date
/// not in the future and at least 18 years after birth (<see cref="MemberRules.ValidateApplicationAge"/>), 推优 only for 团员.
/// </summary>
public static class CandidateRules
{
    public static Result<CandidateFields> Validate(CandidateInput input, DateOnly today)
    {
        var errors = new List<Error>();
        var (name, id) = MemberRules.ValidateIdentity(input.Name, input.Gender, input.BirthDate, input.IdNumber, today, errors);
        if (input.EmploymentStatus is null) errors.Add(DevelopmentErrors.EmploymentRequired);
        if (input.ApplicationDate is null) errors.Add(DevelopmentErrors.ApplicationDateRequired);
        else if (input.ApplicationDate > today) errors.Add(DevelopmentErrors.ApplicationInFuture);
        MemberRules.ValidateApplicationAge(input.BirthDate, input.ApplicationDate, errors);
        if (input.RecommendedByLeague && !input.IsLeagueMember) errors.Add(DevelopmentErrors.RecommendedWithoutLeague);
        Length(input.Ethnicity, 20, "民族", errors);
        Length(input.NativePlace, Member.TextMaxLength, "籍贯", errors);
        Length(input.Employer, Member.TextMaxLength, "工作单位", errors);
        var phone = Blank(input.Phone);
        if (phone is not null && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '))) errors.Add(MemberErrors.PhoneInvalid);
        if (errors.Count > 0) return Result<CandidateFields>.Failure(errors);
        return new CandidateFields(name, input.Gender!.Value, Blank(input.Ethnicity) ?? "汉族", input.BirthDate!.Value, id, Blank(input.NativePlace), input.Education,
            input.Occupation, input.EmploymentStatus!.Value, Blank(input.Employer), phone, input.IsLeagueMember, input.RecommendedByLeague, input.ApplicationDate!.Value);
    }

    private static void Length(string? value, int max, string label, List<Error> errors)
    {
        if (value?.Trim().Length > max) errors.Add(DevelopmentErrors.TextTooLong(label, max));
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Registers a person who handed in an 入党申请书 in a branch; step 1 is recorded with the application date.</summary>
public sealed record CreateCandidateCommand(long OrganizationId, CandidateInput Input);

public sealed class CreateCandidateHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateCandidateCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var branch = await MemberPlacementRules.CheckAsync(db, command.OrganizationId, null, scope, Permission.Write, ct);
        if (!branch.IsSuccess) return branch.FirstError;
        var validated = CandidateRules.Validate(command.Input, clock.Today());
        if (!validated.IsSuccess) return Result<long>.Failure(validated.Errors);
        var fields = validated.Value;
        if (await db.Set<Member>().AnyAsync(m => m.IdNumber == fields.IdNumber, ct)) return DevelopmentErrors.IdTakenByMember;
        if (await db.Set<Candidate>().AnyAsync(c => c.IdNumber == fields.IdNumber, ct)) return DevelopmentErrors.IdTakenByCandidate;

        var candidate = Candidate.Create(fields, command.OrganizationId);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(candidate);
        await db.SaveChangesAsync(ct);
        db.Add(CandidateStep.Record(candidate.Id, candidate.OrganizationId, DevelopmentCatalogue.Application, fields.ApplicationDate, new StepDetails()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return candidate.Id;
    }
}

/// <summary>
/// Corrects a candidate's identity and application fields. A changed application date is a correction of step 1's date: it
/// needs a reason (audited) and must stay before every later step.
/// </summary>
public sealed record UpdateCandidateCommand(long CandidateId, CandidateInput Input, string? Reason = null);

public sealed class UpdateCandidateHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateCandidateCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CandidateAccess.LoadAsync(db, command.CandidateId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var candidate = loaded.Value;
        var input = command.Input with
        {
            IdNumber = command.Input.IdNumber == IdNumber.Mask(candidate.IdNumber) ? candidate.IdNumber : command.Input.IdNumber,
            Phone = candidate.Phone is not null && command.Input.Phone == IdNumber.MaskPhone(candidate.Phone) ? candidate.Phone : command.Input.Phone,
        };
        var validated = CandidateRules.Validate(input, clock.Today());
        if (!validated.IsSuccess) return Result<Done>.Failure(validated.Errors);
        var fields = validated.Value;
        if (await db.Set<Candidate>().AnyAsync(c => c.IdNumber == fields.IdNumber && c.Id != candidate.Id, ct)) return DevelopmentErrors.IdTakenByCandidate;
        if (fields.IdNumber != candidate.IdNumber && await db.Set<Member>().AnyAsync(m => m.IdNumber == fields.IdNumber && m.Id != candidate.MemberId, ct))
        {
            return DevelopmentErrors.IdTakenByMember;
        }

        if (fields.ApplicationDate != candidate.ApplicationDate)
        {
            var reason = CandidateRules.Blank(command.Reason);
            if (reason is null) return DevelopmentErrors.CorrectionReasonRequired;
            var firstLater = candidate.Steps.Where(s => s.Step != DevelopmentCatalogue.Application).Select(s => (DateOnly?)s.CompletedOn).Min();
            if (firstLater is DateOnly first && fields.ApplicationDate > first) return DevelopmentErrors.ApplicationAfterSteps(first);
            foreach (var step in candidate.Steps.Where(s => s.Step == DevelopmentCatalogue.Application)) step.CorrectDate(fields.ApplicationDate);
            db.AuditReason = reason;
        }

        candidate.Apply(fields);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>Loads a candidate (with steps and people) that the caller may act on: not found outside the scope, forbidden when only visible.</summary>
public static class CandidateAccess
{
    public static async Task<Result<Candidate>> LoadAsync(DangjianDbContext db, long candidateId, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var row = await (from c in db.Set<Candidate>().Include(c => c.Steps).Include(c => c.People)
                         join o in db.Organizations on c.OrganizationId equals o.Id
                         where c.Id == candidateId
                         select new { Candidate = c, o.Path }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return DevelopmentErrors.NotFound(candidateId);
        var allowed = scope.Check(row.Path, permission);
        if (!allowed.IsSuccess) return allowed.FirstError;
        return row.Candidate;
    }

    /// <summary>The settings of the nearest organization up the tree (the candidate's own first) that set them, else the defaults.</summary>
    public static async Task<DevelopmentPolicy> PolicyAsync(DangjianDbContext db, long organizationId, CancellationToken ct)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).SingleAsync(ct);
        var ids = OrgPath.Ids(path).ToList();
        var settings = await db.Set<DevelopmentSettings>().AsNoTracking().Where(s => ids.Contains(s.OrganizationId)).ToListAsync(ct);
        var nearest = settings.OrderByDescending(s => ids.IndexOf(s.OrganizationId)).FirstOrDefault();
        return nearest is null ? DevelopmentPolicy.Default : new DevelopmentPolicy(nearest.ActivistAfterMonths, nearest.NoticeWorkingDays);
    }

    /// <summary>The holiday calendar's exceptions between two dates (a 公示 spans a few weeks at most).</summary>
    public static async Task<WorkingDayCalendar> CalendarAsync(DangjianDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var days = await db.Set<HolidayDay>().AsNoTracking().Where(d => d.Date >= from && d.Date <= to).Select(d => new { d.Date, d.IsWorkday }).ToListAsync(ct);
        return new WorkingDayCalendar(days.Select(d => (d.Date, d.IsWorkday)));
    }
}
