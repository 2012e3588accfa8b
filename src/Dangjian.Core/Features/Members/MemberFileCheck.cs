using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>集中排查: members whose file lacks any of the four materials of 《细则》 Art. 25 (step 25 in domain.md §6).</summary>
public sealed record GetFileCheckQuery(long? UnderId = null, int? Page = null, int? PageSize = null);

public sealed record FileCheckItem(
    long Id, string Name, long OrganizationId, string OrganizationName, MemberCategory Category, DateOnly AdmittedOn,
    bool HasApplicationLetter, bool HasVolunteerForm, bool HasPoliticalReview, bool HasConfirmationApplication, bool CanMark);

public sealed class GetFileCheckHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<FileCheckItem>>> HandleAsync(GetFileCheckQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inScope = await db.InScopeUnderAsync(scope, query.UnderId, ct);
        if (!inScope.IsSuccess) return inScope.FirstError;
        var organizations = inScope.Value;

        var rows =
            from m in db.Set<Member>().AsNoTracking()
            join o in organizations on m.OrganizationId equals o.Id
            where m.Status != MembershipStatus.Left && m.TransferredOutOn == null
                  && !(m.HasApplicationLetter && m.HasVolunteerForm && m.HasPoliticalReview && m.HasConfirmationApplication)
            select new { Member = m, o.Path, o.Name };
        var size = Page<FileCheckItem>.NormalizeSize(query.PageSize);
        var number = Page<FileCheckItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(x => x.Path).ThenBy(x => x.Member.Name).ThenBy(x => x.Member.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = list.Select(x => new FileCheckItem(
            x.Member.Id, x.Member.Name, x.Member.OrganizationId, x.Name, x.Member.Category, x.Member.AdmittedOn,
            x.Member.HasApplicationLetter, x.Member.HasVolunteerForm, x.Member.HasPoliticalReview, x.Member.HasConfirmationApplication,
            scope.Allows(x.Path, Permission.Write))).ToList();
        return new Page<FileCheckItem>(items, total, number, size);
    }
}

/// <summary>Records which materials a member file holds; "材料已完善" sets all four and stamps the date once.</summary>
public sealed record MarkMaterialsCommand(long MemberId, bool ApplicationLetter, bool VolunteerForm, bool PoliticalReview, bool ConfirmationApplication);

public sealed class MarkMaterialsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(MarkMaterialsCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, command.MemberId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        loaded.Value.Member.MarkMaterials(command.ApplicationLetter, command.VolunteerForm, command.PoliticalReview, command.ConfirmationApplication, clock.Today());
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>The single computation of <c>members.filesCompleted</c> (metrics.md): files completed in [periodStart, periodEnd].</summary>
public static class MemberFileMetrics
{
    public static Task<int> FilesCompletedCountAsync(DangjianDbContext db, string subtreePath, DateOnly periodStart, DateOnly periodEnd, CancellationToken ct) =>
        (from m in db.Set<Member>().AsNoTracking()
         join o in db.Organizations.AsNoTracking().InSubtree(subtreePath) on m.OrganizationId equals o.Id
         where m.FilesCompletedOn != null && m.FilesCompletedOn >= periodStart && m.FilesCompletedOn <= periodEnd
         select m.Id).CountAsync(ct);
}

/// <summary><c>members.filesCompleted</c> in the catalogue, computed by <see cref="MemberFileMetrics"/>.</summary>
public sealed class MembersFilesCompletedMetric : Metrics.IMetric
{
    public Metrics.MetricDefinition Definition { get; } = new("members.filesCompleted", "材料已完善的党员档案", "份", Metrics.MetricKind.Flow, [],
        "统计期内集中排查中标记“材料已完善”（入党申请书、入党志愿书、政审材料、转正申请书齐全）的党员档案数。");

    public async Task<IReadOnlyList<Metrics.MetricValue>> EvaluateAsync(Metrics.MetricScope scope, string? dimension, CancellationToken ct) =>
        [new Metrics.MetricValue(null, "合计", await MemberFileMetrics.FilesCompletedCountAsync(scope.Db, scope.RootPath, scope.From, scope.To, ct))];
}
