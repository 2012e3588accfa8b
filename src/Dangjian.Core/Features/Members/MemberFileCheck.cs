using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
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
    /// <summary>Members of the subtree (by their current organization) whose file was marked complete in the period.</summary>
    public static IQueryable<Member> FilesCompleted(DangjianDbContext db, string subtreePath, DateOnly periodStart, DateOnly periodEnd)
    {
        var ids = db.Organizations.AsNoTracking().InSubtree(subtreePath).Select(o => o.Id);
        return db.Set<Member>().AsNoTracking()
            .Where(m => m.FilesCompletedOn != null && m.FilesCompletedOn >= periodStart && m.FilesCompletedOn <= periodEnd && ids.Contains(m.OrganizationId));
    }

    public static Task<int> FilesCompletedCountAsync(DangjianDbContext db, string subtreePath, DateOnly periodStart, DateOnly periodEnd, CancellationToken ct) =>
        FilesCompleted(db, subtreePath, periodStart, periodEnd).CountAsync(ct);
}

/// <summary><c>members.filesCompleted</c> in the catalogue, computed by <see cref="MemberFileMetrics"/>.</summary>
public sealed class MembersFilesCompletedMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("members.filesCompleted", "材料已完善的党员档案", "份", MetricKind.Flow, [],
        "统计期内集中排查中标记“材料已完善”（入党申请书、入党志愿书、政审材料、转正申请书齐全）的党员档案数。");

    /// <summary>Files are part of the member records: a subtree where no member was ever placed has no data.</summary>
    public MetricSource Source => MembersSource.Instance;

    private static IQueryable<Member> Completed(MetricScope scope) => MemberFileMetrics.FilesCompleted(scope.Db, scope.RootPath, scope.From, scope.To);

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        MetricFacts.CountAsync(Completed(scope).Select(m => m.OrganizationId), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        Completed(scope).Select(m => new MetricRecord
        {
            RecordType = MetricRecordTypes.MemberFile, RecordId = m.Id, OrganizationId = m.OrganizationId, Date = m.FilesCompletedOn, Title = m.Name,
        });
}
