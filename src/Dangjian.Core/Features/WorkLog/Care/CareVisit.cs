using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Attachments;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.WorkLog.Care;

public enum CareReason
{
    Hardship,
    Retired,
    Ill,
    Festival,
    Other,
}

public static class CareReasonLabels
{
    public static string Label(this CareReason reason) => reason switch
    {
        CareReason.Hardship => "困难党员",
        CareReason.Retired => "离退休党员",
        CareReason.Ill => "生病党员",
        CareReason.Festival => "节日慰问",
        _ => "其他",
    };
}

/// <summary>慰问: members visited on a date for a reason, with money and goods given, and who went.</summary>
public sealed class CareVisit : IOrganizationOwned
{
    public const int GoodsMaxLength = 500;
    public const int VisitorsMaxLength = 200;
    public const int NoteMaxLength = 1000;

    private CareVisit()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    public CareReason Reason { get; private set; }

    /// <summary>慰问金, 元, for all the members of the visit together.</summary>
    public decimal Money { get; private set; }

    public string? Goods { get; private set; }
    public string Visitors { get; private set; } = "";
    public string? Note { get; private set; }
    public List<CareVisitMember> Members { get; private set; } = [];

    public static CareVisit Create(long organizationId, ValidCareVisit v)
    {
        var visit = new CareVisit { OrganizationId = organizationId };
        visit.Update(v);
        return visit;
    }

    public void Update(ValidCareVisit v)
    {
        VisitedOn = v.VisitedOn;
        Reason = v.Reason;
        Money = v.Money;
        Goods = v.Goods;
        Visitors = v.Visitors;
        Note = v.Note;
        Members.RemoveAll(m => !v.MemberIds.Contains(m.MemberId));
        foreach (var id in v.MemberIds.Where(id => Members.All(m => m.MemberId != id))) Members.Add(new CareVisitMember { MemberId = id });
    }
}

public sealed class CareVisitMember
{
    public long Id { get; private set; }
    public long VisitId { get; private set; }
    public long MemberId { get; init; }
}

public sealed class CareVisitConfiguration : IEntityTypeConfiguration<CareVisit>
{
    public void Configure(EntityTypeBuilder<CareVisit> builder)
    {
        builder.ToTable("CareVisits");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Reason).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(v => v.Money).HasPrecision(18, 2);
        builder.Property(v => v.Goods).HasMaxLength(CareVisit.GoodsMaxLength);
        builder.Property(v => v.Visitors).HasMaxLength(CareVisit.VisitorsMaxLength).IsRequired();
        builder.Property(v => v.Note).HasMaxLength(CareVisit.NoteMaxLength);
        builder.HasIndex(v => new { v.OrganizationId, v.VisitedOn });
        builder.HasOne<Organization>().WithMany().HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Members).WithOne().HasForeignKey(m => m.VisitId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CareVisitMemberConfiguration : IEntityTypeConfiguration<CareVisitMember>
{
    public void Configure(EntityTypeBuilder<CareVisitMember> builder)
    {
        builder.ToTable("CareVisitMembers");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.VisitId, m.MemberId }).IsUnique();
        builder.HasIndex(m => m.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CareVisitAttachmentOwner : IAttachmentOwner
{
    public const string Kind = "careVisit";

    public string OwnerKind => Kind;

    public async Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct) =>
        await db.Set<CareVisit>().Where(v => v.Id == ownerId).Select(v => (long?)v.OrganizationId).SingleOrDefaultAsync(ct);
}

public sealed record CareVisitInput
{
    public DateOnly? VisitedOn { get; init; }
    public CareReason? Reason { get; init; }
    public decimal? Money { get; init; }
    public string? Goods { get; init; }
    public string? Visitors { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<long> MemberIds { get; init; } = [];
}

public sealed record ValidCareVisit(DateOnly VisitedOn, CareReason Reason, decimal Money, string? Goods, string Visitors, string? Note, IReadOnlyList<long> MemberIds);

public static class CareErrors
{
    public static Error NotFound(long id) => Error.NotFound("care.not_found", $"慰问记录（编号 {id}）不存在或不在您的管理范围内");
}

internal static class CareAccess
{
    public static async Task<Result<(CareVisit Visit, Organization Organization)>> LoadAsync(
        DangjianDbContext db, long id, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var visit = await db.Set<CareVisit>().Include(v => v.Members).SingleOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null) return CareErrors.NotFound(id);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == visit.OrganizationId, ct);
        if (!scope.Allows(organization.Path, Permission.Read)) return CareErrors.NotFound(id);
        var allowed = scope.Check(organization.Path, permission);
        if (!allowed.IsSuccess) return allowed.FirstError;
        return (visit, organization);
    }

    public static async Task<Result<ValidCareVisit>> ValidateAsync(DangjianDbContext db, AccessScope scope, CareVisitInput input, DateOnly today, CancellationToken ct)
    {
        var v = new WorkLogValidation();
        var visitors = v.Text(input.Visitors, "Visitors", "慰问人", CareVisit.VisitorsMaxLength);
        var goods = v.Text(input.Goods, "Goods", "慰问物品", CareVisit.GoodsMaxLength, required: false);
        var note = v.Text(input.Note, "Note", "备注", CareVisit.NoteMaxLength, required: false);
        if (input.VisitedOn is null) v.Add(Error.Validation("worklog.required", "请填写慰问日期", "VisitedOn"));
        v.NotInFuture(input.VisitedOn, today, "VisitedOn", "慰问日期");
        if (input.Reason is null || !Enum.IsDefined(input.Reason.Value)) v.Add(Error.Validation("care.reason", "请选择慰问原因", "Reason"));
        v.NotNegative(input.Money, "Money", "慰问金");
        if (input.Money is decimal money) v.Decimals(money, 2, "Money", "慰问金");
        if (input.MemberIds.Count == 0) v.Add(Error.Validation("care.members", "请至少选择一名慰问对象", "MemberIds"));
        await v.MembersAsync(db, scope, input.MemberIds, ct, "MemberIds");
        if (!v.IsValid) return v.Fail<ValidCareVisit>();
        return new ValidCareVisit(input.VisitedOn!.Value, input.Reason!.Value, input.Money ?? 0m, goods, visitors!, note, input.MemberIds.ToList());
    }
}

public sealed record CreateCareVisitCommand(long OrganizationId, CareVisitInput Input);

public sealed class CreateCareVisitHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateCareVisitCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = new WorkLogValidation();
        if (await v.OrganizationAsync(db, scope, command.OrganizationId, ct) is null) return v.Fail<long>();
        var valid = await CareAccess.ValidateAsync(db, scope, command.Input, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<long>.Failure(valid.Errors);
        var visit = CareVisit.Create(command.OrganizationId, valid.Value);
        db.Add(visit);
        await db.SaveChangesAsync(ct);
        return visit.Id;
    }
}

public sealed record UpdateCareVisitCommand(long Id, CareVisitInput Input);

public sealed class UpdateCareVisitHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateCareVisitCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CareAccess.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var valid = await CareAccess.ValidateAsync(db, scope, command.Input, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<Done>.Failure(valid.Errors);
        loaded.Value.Visit.Update(valid.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record DeleteCareVisitCommand(long Id);

public sealed class DeleteCareVisitHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteCareVisitCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CareAccess.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        db.Remove(loaded.Value.Visit);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record CareVisitDetails(
    long Id, long OrganizationId, string OrganizationName, DateOnly VisitedOn, CareReason Reason, decimal Money, string? Goods, string Visitors, string? Note,
    IReadOnlyList<(long MemberId, string Name)> Members, bool CanWrite);

public sealed record GetCareVisitQuery(long Id);

public sealed class GetCareVisitHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<CareVisitDetails>> HandleAsync(GetCareVisitQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CareAccess.LoadAsync(db, query.Id, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (visit, o) = loaded.Value;
        var ids = visit.Members.Select(m => m.MemberId).ToList();
        var names = await db.Set<Member>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return new CareVisitDetails(visit.Id, visit.OrganizationId, o.Name, visit.VisitedOn, visit.Reason, visit.Money, visit.Goods, visit.Visitors, visit.Note,
            ids.Select(id => (id, names.GetValueOrDefault(id, ""))).ToList(), scope.Allows(o.Path, Permission.Write));
    }
}

public sealed record ListCareVisitsQuery
{
    public long? Under { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public CareReason? Reason { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record CareVisitListItem(
    long Id, long OrganizationId, string OrganizationName, DateOnly VisitedOn, CareReason Reason, int Members, decimal Money, string? Goods, string Visitors, bool CanWrite);

public sealed class ListCareVisitsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<CareVisitListItem>>> HandleAsync(ListCareVisitsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var visits = db.Set<CareVisit>().AsNoTracking();
        if (query.From is DateOnly from) visits = visits.Where(v => v.VisitedOn >= from);
        if (query.To is DateOnly to) visits = visits.Where(v => v.VisitedOn <= to);
        if (query.Reason is CareReason r) visits = visits.Where(v => v.Reason == r);
        var members = db.Set<CareVisitMember>().AsNoTracking();
        var rows = from v in visits
                   join o in organizations.Value on v.OrganizationId equals o.Id
                   select new { v.Id, v.OrganizationId, OrganizationName = o.Name, o.Path, v.VisitedOn, v.Reason, Members = members.Count(m => m.VisitId == v.Id), v.Money, v.Goods, v.Visitors };
        var size = Page<CareVisitListItem>.NormalizeSize(query.PageSize);
        var number = Page<CareVisitListItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(x => x.VisitedOn).ThenByDescending(x => x.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<CareVisitListItem>(page.Select(x => new CareVisitListItem(x.Id, x.OrganizationId, x.OrganizationName, x.VisitedOn, x.Reason, x.Members, x.Money,
            x.Goods, x.Visitors, scope.Allows(x.Path, Permission.Write))).ToList(), total, number, size);
    }
}

public sealed class CareSource : MetricSource
{
    public static readonly CareSource Instance = new();

    private CareSource()
    {
    }

    public override string Key => "care";

    public override string Label => "慰问记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<CareVisit>().Where(v => v.VisitedOn <= asOf && ids.Contains(v.OrganizationId)).Select(v => v.OrganizationId);
    }
}

internal static class CareQueries
{
    public static IQueryable<CareVisit> Visits(MetricScope scope)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<CareVisit>().AsNoTracking().Where(v => v.VisitedOn >= from && v.VisitedOn <= to && ids.Contains(v.OrganizationId));
    }

    public static IQueryable<MetricRecord> Records(IQueryable<CareVisit> visits) =>
        visits.Select(v => new MetricRecord
        {
            RecordType = MetricRecordTypes.CareVisit, RecordId = v.Id, OrganizationId = v.OrganizationId, Date = v.VisitedOn, Title = v.Visitors, Detail = v.Goods,
        });
}

/// <summary><c>care.visited{reason}</c>: members visited in the period (人次: one per member per visit), by reason.</summary>
public sealed class CareVisitedMetric : IMetric
{
    private static readonly MetricDimension Reason = new("reason", "慰问原因");

    public MetricDefinition Definition { get; } = new("care.visited", "慰问党员", "人次", MetricKind.Flow, [Reason],
        "统计期内本组织及下级组织慰问的党员人次（每次慰问每名对象计一人次）；可按慰问原因（困难、离退休、生病、节日、其他）分列。");

    public MetricSource Source => CareSource.Instance;

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var rows = from v in CareQueries.Visits(scope)
                   join m in scope.Db.Set<CareVisitMember>().AsNoTracking() on v.Id equals m.VisitId
                   select v;
        if (dimension is null) return MetricFacts.CountAsync(rows.Select(v => v.OrganizationId), ct);
        if (dimension != Reason.Key) throw MetricFacts.UnknownDimension(Definition, dimension);
        return MetricFacts.CountAsync(rows.Select(v => new MetricKey<CareReason> { OrganizationId = v.OrganizationId, Value = v.Reason }), r => r.ToString(), ct);
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        dimension == Reason.Key ? Task.FromResult(MetricFacts.EnumValues<CareReason>(r => r.Label())) : MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        var visits = CareQueries.Visits(scope);
        if (dimensionValue is not null)
        {
            if (dimension != Reason.Key) throw MetricFacts.UnknownDimension(Definition, dimension);
            var reason = MetricFacts.ParseEnum<CareReason>(Definition, dimension, dimensionValue);
            visits = visits.Where(v => v.Reason == reason);
        }

        return CareQueries.Records(visits);
    }
}

/// <summary><c>care.amount</c>: 慰问金 given in the period, 元.</summary>
public sealed class CareAmountMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("care.amount", "慰问金额", "元", MetricKind.Flow, [],
        "统计期内本组织及下级组织慰问记录的慰问金合计（元，不含慰问物品）。");

    public MetricSource Source => CareSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        if (dimension is not null) throw MetricFacts.UnknownDimension(Definition, dimension);
        var rows = await CareQueries.Visits(scope).GroupBy(v => v.OrganizationId).Select(g => new { g.Key, Sum = g.Sum(v => v.Money) }).ToListAsync(ct);
        return rows.Select(r => new MetricFact(r.Key, null, r.Sum)).ToList();
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) => CareQueries.Records(CareQueries.Visits(scope));
}
