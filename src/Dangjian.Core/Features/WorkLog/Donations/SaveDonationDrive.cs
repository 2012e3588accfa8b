using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Donations;

public sealed record DonorInput(long MemberId, decimal? Amount);

public sealed record DonationDriveInput
{
    public DateOnly? HeldOn { get; init; }
    public string? Purpose { get; init; }
    public DonationRecipient? Recipient { get; init; }
    public int? OutsideDonors { get; init; }
    public decimal? OutsideAmount { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<DonorInput> Donors { get; init; } = [];
}

public sealed record ValidDonationDrive(
    DateOnly HeldOn, string Purpose, DonationRecipient Recipient, int OutsideDonors, decimal OutsideAmount, string? Note,
    IReadOnlyList<(long MemberId, decimal Amount)> Donors);

public static class DonationErrors
{
    public static Error NotFound(long id) => Error.NotFound("donation.not_found", $"捐款活动（编号 {id}）不存在或不在您的管理范围内");
    public static Error RecipientRequired => Error.Validation("donation.recipient", "请选择捐款对象", "Recipient");
    public static Error HeldOnRequired => Error.Validation("worklog.required", "请填写捐款日期", "HeldOn");
    public static Error OutsideAmountWithoutDonors => Error.Validation("donation.outside", "填写了党外捐款金额时，请填写党外捐款人数", "OutsideDonors");

    public static Error NotOnRoster(IEnumerable<long> ids, DateOnly date) =>
        Error.Validation("donation.notOnRoster", $"党员（编号 {string.Join("、", ids)}）在捐款日期（{date:yyyy-MM-dd}）不是本组织及下级组织的党员", "Donors");
}

/// <summary>Who counts as a member of an organization (its subtree) on a date: the members.count rule, one placement per member.</summary>
public static class DonationRoster
{
    public static IQueryable<long> MemberIdsOn(DangjianDbContext db, string path, DateOnly date)
    {
        var organizationIds = db.Organizations.AsNoTracking().InSubtree(path).Select(o => o.Id);
        return from p in db.Set<MemberPlacement>().AsNoTracking()
               join m in db.Set<Member>().AsNoTracking() on p.MemberId equals m.Id
               where organizationIds.Contains(p.OrganizationId) && p.From <= date && (p.To == null || p.To > date)
                     && m.AdmittedOn <= date && (m.ExitedOn == null || m.ExitedOn > date)
               select m.Id;
    }
}

internal static class DonationAccess
{
    public static async Task<Result<(DonationDrive Drive, Organization Organization)>> LoadAsync(
        DangjianDbContext db, long id, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var drive = await db.Set<DonationDrive>().Include(d => d.Donors).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (drive is null) return DonationErrors.NotFound(id);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == drive.OrganizationId, ct);
        if (!scope.Allows(organization.Path, Permission.Read)) return DonationErrors.NotFound(id);
        var allowed = scope.Check(organization.Path, permission);
        if (!allowed.IsSuccess) return allowed.FirstError;
        return (drive, organization);
    }

    /// <summary>
    /// Checks a drive: purpose, date (not in the future), recipient, counts and amounts not negative with at most 2 decimals,
    /// donors inside the caller's scope and on the organization's roster (its subtree) on the drive's date.
    /// </summary>
    public static async Task<Result<ValidDonationDrive>> ValidateAsync(
        DangjianDbContext db, AccessScope scope, string organizationPath, DonationDriveInput input, DateOnly today, CancellationToken ct)
    {
        var v = new WorkLogValidation();
        var purpose = v.Text(input.Purpose, "Purpose", "捐款事由", DonationDrive.PurposeMaxLength);
        var note = v.Text(input.Note, "Note", "备注", DonationDrive.NoteMaxLength, required: false);
        if (input.HeldOn is null) v.Add(DonationErrors.HeldOnRequired);
        v.NotInFuture(input.HeldOn, today, "HeldOn", "捐款日期");
        if (input.Recipient is null || !Enum.IsDefined(input.Recipient.Value)) v.Add(DonationErrors.RecipientRequired);
        v.NotNegative(input.OutsideDonors, "OutsideDonors", "党外捐款人数");
        v.NotNegative(input.OutsideAmount, "OutsideAmount", "党外捐款金额");
        if (input.OutsideAmount is decimal outside) v.Decimals(outside, 2, "OutsideAmount", "党外捐款金额");
        if ((input.OutsideDonors ?? 0) == 0 && input.OutsideAmount > 0) v.Add(DonationErrors.OutsideAmountWithoutDonors);
        foreach (var donor in input.Donors)
        {
            if (donor.Amount is not decimal amount)
            {
                v.Add(Error.Validation("worklog.required", $"请填写党员（编号 {donor.MemberId}）的捐款金额", "Donors"));
                continue;
            }

            v.NotNegative(amount, "Donors", $"党员（编号 {donor.MemberId}）的捐款金额");
            v.Decimals(amount, 2, "Donors", $"党员（编号 {donor.MemberId}）的捐款金额");
        }

        var ids = input.Donors.Select(d => d.MemberId).ToList();
        var inScope = await v.MembersAsync(db, scope, ids, ct, "Donors");
        if (input.HeldOn is DateOnly date && inScope.Count > 0)
        {
            var keys = inScope.Keys.ToList();
            var onRoster = await DonationRoster.MemberIdsOn(db, organizationPath, date).Where(id => keys.Contains(id)).ToListAsync(ct);
            var off = keys.Except(onRoster).OrderBy(id => id).ToList();
            if (off.Count > 0) v.Add(DonationErrors.NotOnRoster(off, date));
        }

        if (!v.IsValid) return v.Fail<ValidDonationDrive>();
        return new ValidDonationDrive(input.HeldOn!.Value, purpose!, input.Recipient!.Value, input.OutsideDonors ?? 0, input.OutsideAmount ?? 0m, note,
            input.Donors.Select(d => (d.MemberId, d.Amount!.Value)).ToList());
    }
}

public sealed record CreateDonationDriveCommand(long OrganizationId, DonationDriveInput Input);

public sealed class CreateDonationDriveHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateDonationDriveCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = new WorkLogValidation();
        var path = await v.OrganizationAsync(db, scope, command.OrganizationId, ct);
        if (path is null) return v.Fail<long>();
        var valid = await DonationAccess.ValidateAsync(db, scope, path, command.Input, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<long>.Failure(valid.Errors);
        var drive = DonationDrive.Create(command.OrganizationId, valid.Value);
        db.Add(drive);
        await db.SaveChangesAsync(ct);
        return drive.Id;
    }
}

public sealed record UpdateDonationDriveCommand(long Id, DonationDriveInput Input);

public sealed class UpdateDonationDriveHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateDonationDriveCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await DonationAccess.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var valid = await DonationAccess.ValidateAsync(db, scope, loaded.Value.Organization.Path, command.Input, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<Done>.Failure(valid.Errors);
        loaded.Value.Drive.Update(valid.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record DeleteDonationDriveCommand(long Id);

public sealed class DeleteDonationDriveHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteDonationDriveCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await DonationAccess.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        db.Remove(loaded.Value.Drive);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record DonorView(long MemberId, string Name, decimal Amount);

public sealed record DonationDriveDetails(
    long Id, long OrganizationId, string OrganizationName, DateOnly HeldOn, string Purpose, DonationRecipient Recipient, int OutsideDonors,
    decimal OutsideAmount, string? Note, IReadOnlyList<DonorView> Donors, int DonorCount, decimal Amount, int MembersOnDate, decimal Rate, bool CanWrite);

public sealed record GetDonationDriveQuery(long Id);

public sealed class GetDonationDriveHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<DonationDriveDetails>> HandleAsync(GetDonationDriveQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await DonationAccess.LoadAsync(db, query.Id, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (d, o) = loaded.Value;
        var ids = d.Donors.Select(x => x.MemberId).ToList();
        var names = await db.Set<Member>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var donors = d.Donors.Select(x => new DonorView(x.MemberId, names.GetValueOrDefault(x.MemberId, ""), x.Amount)).OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
        var members = await DonationRoster.MemberIdsOn(db, o.Path, d.HeldOn).Distinct().CountAsync(ct);
        return new DonationDriveDetails(d.Id, d.OrganizationId, o.Name, d.HeldOn, d.Purpose, d.Recipient, d.OutsideDonors, d.OutsideAmount, d.Note, donors,
            donors.Count + d.OutsideDonors, donors.Sum(x => x.Amount) + d.OutsideAmount, members, DonationRate.Of(donors.Count, members),
            scope.Allows(o.Path, Permission.Write));
    }
}

public static class DonationRate
{
    /// <summary>Member donors ÷ members on the date × 100, one decimal, half away from zero; 0 without members.</summary>
    public static decimal Of(decimal donors, decimal members) =>
        members == 0 ? 0 : Math.Round(donors * 100m / members, 1, MidpointRounding.AwayFromZero);
}

public sealed record ListDonationDrivesQuery
{
    public long? Under { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public DonationRecipient? Recipient { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record DonationDriveListItem(
    long Id, long OrganizationId, string OrganizationName, DateOnly HeldOn, string Purpose, DonationRecipient Recipient, int MemberDonors,
    int OutsideDonors, decimal Amount, bool CanWrite);

public sealed class ListDonationDrivesHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<DonationDriveListItem>>> HandleAsync(ListDonationDrivesQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var drives = db.Set<DonationDrive>().AsNoTracking();
        if (query.From is DateOnly from) drives = drives.Where(d => d.HeldOn >= from);
        if (query.To is DateOnly to) drives = drives.Where(d => d.HeldOn <= to);
        if (query.Recipient is DonationRecipient r) drives = drives.Where(d => d.Recipient == r);
        var rows = from d in drives
                   join o in organizations.Value on d.OrganizationId equals o.Id
                   select new
                   {
                       d.Id, d.OrganizationId, OrganizationName = o.Name, o.Path, d.HeldOn, d.Purpose, d.Recipient, d.OutsideDonors, d.OutsideAmount,
                       MemberDonors = db.Set<DonationDonor>().Count(x => x.DriveId == d.Id),
                       MemberAmount = db.Set<DonationDonor>().Where(x => x.DriveId == d.Id).Sum(x => (decimal?)x.Amount) ?? 0m,
                   };
        var size = Page<DonationDriveListItem>.NormalizeSize(query.PageSize);
        var number = Page<DonationDriveListItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = page.Select(r => new DonationDriveListItem(r.Id, r.OrganizationId, r.OrganizationName, r.HeldOn, r.Purpose, r.Recipient, r.MemberDonors,
            r.OutsideDonors, r.MemberAmount + r.OutsideAmount, scope.Allows(r.Path, Permission.Write))).ToList();
        return new Page<DonationDriveListItem>(items, total, number, size);
    }
}

/// <summary>Members of an organization's subtree on a date (for the form's donor rows), in name order.</summary>
public sealed record GetDonationRosterQuery(long OrganizationId, DateOnly On);

public sealed record DonationRosterEntry(long MemberId, string Name, string OrganizationName);

public sealed record DonationRosterView(long OrganizationId, string OrganizationName, IReadOnlyList<DonationRosterEntry> Members);

public sealed class GetDonationRosterHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<DonationRosterView>> HandleAsync(GetDonationRosterQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = new WorkLogValidation();
        var path = await v.OrganizationAsync(db, scope, query.OrganizationId, ct);
        if (path is null) return Result<DonationRosterView>.Failure(v.Errors);
        var name = await db.Organizations.Where(o => o.Id == query.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var ids = DonationRoster.MemberIdsOn(db, path, query.On);
        var rows = await (from m in db.Set<Member>().AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
                          where ids.Contains(m.Id)
                          select new { m.Id, m.Name, Org = o.Name }).ToListAsync(ct);
        return new DonationRosterView(query.OrganizationId, name,
            rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id).Select(r => new DonationRosterEntry(r.Id, r.Name, r.Org)).ToList());
    }
}
