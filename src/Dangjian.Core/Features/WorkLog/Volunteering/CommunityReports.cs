using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Volunteering;

public sealed record CommunityReportInput
{
    public long? MemberId { get; init; }
    public string? Community { get; init; }
    public DateOnly? ReportedOn { get; init; }
    public string? Note { get; init; }
}

public sealed record CreateCommunityReportCommand(long OrganizationId, CommunityReportInput Input);

/// <summary>Records that a 在职党员 reported to a community (到社区报到): the member must be in the caller's Write scope.</summary>
public sealed class CreateCommunityReportHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateCommunityReportCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await VolunteeringAccess.OrganizationAsync(db, command.OrganizationId, scope, ct);
        if (!organization.IsSuccess) return organization.FirstError;
        var valid = await CommunityReportRules.ValidateAsync(db, scope, command.Input, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<long>.Failure(valid.Errors);
        var (memberId, community, on, note) = valid.Value;
        var report = CommunityReport.Create(organization.Value.Id, memberId, community, on, note);
        db.Add(report);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }
}

public sealed record UpdateCommunityReportCommand(long Id, CommunityReportInput Input);

public sealed class UpdateCommunityReportHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateCommunityReportCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await CommunityReportRules.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!report.IsSuccess) return report.FirstError;
        var valid = await CommunityReportRules.ValidateAsync(db, scope, command.Input, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<Done>.Failure(valid.Errors);
        var (memberId, community, on, note) = valid.Value;
        report.Value.Update(memberId, community, on, note);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record DeleteCommunityReportCommand(long Id);

public sealed class DeleteCommunityReportHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteCommunityReportCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await CommunityReportRules.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!report.IsSuccess) return report.FirstError;
        db.Remove(report.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record ListCommunityReportsQuery
{
    public long? Under { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Search { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record CommunityReportItem(
    long Id, long OrganizationId, string OrganizationName, long MemberId, string MemberName, string Community, DateOnly ReportedOn, string? Note, bool CanWrite);

public sealed class ListCommunityReportsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<CommunityReportItem>>> HandleAsync(ListCommunityReportsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var reports = db.Set<CommunityReport>().AsNoTracking();
        if (query.From is DateOnly from) reports = reports.Where(r => r.ReportedOn >= from);
        if (query.To is DateOnly to) reports = reports.Where(r => r.ReportedOn <= to);
        var rows = from r in reports
                   join o in organizations.Value on r.OrganizationId equals o.Id
                   join m in db.Set<Member>().AsNoTracking() on r.MemberId equals m.Id
                   select new { Report = r, OrganizationName = o.Name, o.Path, MemberName = m.Name };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            rows = rows.Where(r => r.MemberName.Contains(term) || r.Report.Community.Contains(term));
        }

        var size = Page<CommunityReportItem>.NormalizeSize(query.PageSize);
        var number = Page<CommunityReportItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(r => r.Report.ReportedOn).ThenByDescending(r => r.Report.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<CommunityReportItem>(page.Select(r => new CommunityReportItem(r.Report.Id, r.Report.OrganizationId, r.OrganizationName, r.Report.MemberId,
            r.MemberName, r.Report.Community, r.Report.ReportedOn, r.Report.Note, scope.Allows(r.Path, Permission.Write))).ToList(), total, number, size);
    }
}

public sealed record GetCommunityReportQuery(long Id);

public sealed class GetCommunityReportHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<CommunityReportItem>> HandleAsync(GetCommunityReportQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from r in db.Set<CommunityReport>().AsNoTracking()
                         join o in db.Organizations.AsNoTracking() on r.OrganizationId equals o.Id
                         join m in db.Set<Member>().AsNoTracking() on r.MemberId equals m.Id
                         where r.Id == query.Id
                         select new { Report = r, o.Name, o.Path, MemberName = m.Name }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return VolunteeringErrors.NotFound("到社区报到记录", query.Id);
        var r0 = row.Report;
        return new CommunityReportItem(r0.Id, r0.OrganizationId, row.Name, r0.MemberId, row.MemberName, r0.Community, r0.ReportedOn, r0.Note, scope.Allows(row.Path, Permission.Write));
    }
}

internal static class CommunityReportRules
{
    public static async Task<Result<CommunityReport>> LoadAsync(DangjianDbContext db, long id, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var report = await db.Set<CommunityReport>().SingleOrDefaultAsync(r => r.Id == id, ct);
        var notFound = VolunteeringErrors.NotFound("到社区报到记录", id);
        if (report is null) return notFound;
        var path = await VolunteeringAccess.RecordPathAsync(db, report.OrganizationId, scope, permission, notFound, ct);
        return path.IsSuccess ? report : path.FirstError;
    }

    public static async Task<Result<(long MemberId, string Community, DateOnly ReportedOn, string? Note)>> ValidateAsync(
        DangjianDbContext db, AccessScope scope, CommunityReportInput input, DateOnly today, CancellationToken ct)
    {
        var v = new WorkLogValidation();
        var community = v.Text(input.Community, "Community", "报到社区", CommunityReport.CommunityMaxLength);
        var note = v.Text(input.Note, "Note", "备注", CommunityReport.NoteMaxLength, required: false);
        if (input.ReportedOn is null) v.Add(VolunteeringErrors.DateRequired("ReportedOn", "报到日期"));
        v.NotInFuture(input.ReportedOn, today, "ReportedOn", "报到日期");
        if (input.MemberId is not long memberId) v.Add(VolunteeringErrors.MemberRequired);
        else await v.MembersAsync(db, scope, [memberId], ct, "MemberId");
        if (!v.IsValid) return v.Fail<(long, string, DateOnly, string?)>();
        return (input.MemberId!.Value, community!, input.ReportedOn!.Value, note);
    }
}
