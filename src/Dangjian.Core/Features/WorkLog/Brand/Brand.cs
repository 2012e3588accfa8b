using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Attachments;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.WorkLog.Brand;

/// <summary>党建品牌 / 一支部一特色: one activity held under an organization's brand on a date.</summary>
public sealed class BrandActivity : IOrganizationOwned
{
    public const int BrandMaxLength = 100;
    public const int TitleMaxLength = 200;
    public const int NoteMaxLength = 1000;

    private BrandActivity()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public string Brand { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public string? Note { get; private set; }

    public static BrandActivity Create(long organizationId, string brand, string title, DateOnly heldOn, string? note) =>
        new() { OrganizationId = organizationId, Brand = brand, Title = title, HeldOn = heldOn, Note = note };

    public void Update(long organizationId, string brand, string title, DateOnly heldOn, string? note)
    {
        OrganizationId = organizationId;
        Brand = brand;
        Title = title;
        HeldOn = heldOn;
        Note = note;
    }
}

public sealed class BrandActivityConfiguration : IEntityTypeConfiguration<BrandActivity>
{
    public void Configure(EntityTypeBuilder<BrandActivity> builder)
    {
        builder.ToTable("BrandActivities");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Brand).HasMaxLength(BrandActivity.BrandMaxLength).IsRequired();
        builder.Property(b => b.Title).HasMaxLength(BrandActivity.TitleMaxLength).IsRequired();
        builder.Property(b => b.Note).HasMaxLength(BrandActivity.NoteMaxLength);
        builder.HasIndex(b => new { b.OrganizationId, b.HeldOn });
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BrandAttachmentOwner : IAttachmentOwner
{
    public const string Kind = "brandActivity";

    public string OwnerKind => Kind;

    public async Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct) =>
        await db.Set<BrandActivity>().Where(b => b.Id == ownerId).Select(b => (long?)b.OrganizationId).SingleOrDefaultAsync(ct);
}

public sealed record BrandActivityInput
{
    public long? OrganizationId { get; init; }
    public string? Brand { get; init; }
    public string? Title { get; init; }
    public DateOnly? HeldOn { get; init; }
    public string? Note { get; init; }
}

public static class BrandErrors
{
    public static Error NotFound(long id) => Error.NotFound("brand.not_found", $"党建品牌活动（编号 {id}）不存在或不在您的管理范围内");
}

internal sealed record ValidBrandActivity(long OrganizationId, string Brand, string Title, DateOnly HeldOn, string? Note);

internal static class BrandRules
{
    public static async Task<ValidBrandActivity?> ValidateAsync(WorkLogValidation v, DangjianDbContext db, AccessScope scope, BrandActivityInput input, DateOnly today, CancellationToken ct)
    {
        if (input.OrganizationId is not long org) v.Add(Error.Validation("worklog.required", "请选择组织", "OrganizationId"));
        else await v.OrganizationAsync(db, scope, org, ct, "OrganizationId");
        var brand = v.Text(input.Brand, "Brand", "品牌名称", BrandActivity.BrandMaxLength);
        var title = v.Text(input.Title, "Title", "活动名称", BrandActivity.TitleMaxLength);
        if (input.HeldOn is null) v.Add(Error.Validation("worklog.required", "请填写活动日期", "HeldOn"));
        v.NotInFuture(input.HeldOn, today, "HeldOn", "活动日期");
        var note = v.Text(input.Note, "Note", "活动情况", BrandActivity.NoteMaxLength, required: false);
        return v.IsValid ? new ValidBrandActivity(input.OrganizationId!.Value, brand!, title!, input.HeldOn!.Value, note) : null;
    }

    public static async Task<Result<BrandActivity>> LoadAsync(DangjianDbContext db, long id, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var item = await db.Set<BrandActivity>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (item is null) return BrandErrors.NotFound(id);
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == item.OrganizationId).Select(o => o.Path).SingleAsync(ct);
        if (!scope.Allows(path, Permission.Read)) return BrandErrors.NotFound(id);
        var allowed = scope.Check(path, permission);
        return allowed.IsSuccess ? item : allowed.FirstError;
    }
}

public sealed record CreateBrandActivityCommand(BrandActivityInput Input);

public sealed class CreateBrandActivityHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateBrandActivityCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = new WorkLogValidation();
        var valid = await BrandRules.ValidateAsync(v, db, scope, command.Input, clock.Today(), ct);
        if (valid is null) return v.Fail<long>();
        var item = BrandActivity.Create(valid.OrganizationId, valid.Brand, valid.Title, valid.HeldOn, valid.Note);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }
}

public sealed record UpdateBrandActivityCommand(long Id, BrandActivityInput Input);

public sealed class UpdateBrandActivityHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateBrandActivityCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await BrandRules.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!item.IsSuccess) return item.FirstError;
        var v = new WorkLogValidation();
        var valid = await BrandRules.ValidateAsync(v, db, scope, command.Input, clock.Today(), ct);
        if (valid is null) return v.Fail<Done>();
        item.Value.Update(valid.OrganizationId, valid.Brand, valid.Title, valid.HeldOn, valid.Note);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record DeleteBrandActivityCommand(long Id);

public sealed class DeleteBrandActivityHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteBrandActivityCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await BrandRules.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!item.IsSuccess) return item.FirstError;
        db.Remove(item.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record ListBrandActivitiesQuery
{
    public long? Under { get; init; }
    public string? Brand { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record BrandActivityListItem(long Id, long OrganizationId, string OrganizationName, string Brand, string Title, DateOnly HeldOn, string? Note, bool CanWrite);

public sealed class ListBrandActivitiesHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<BrandActivityListItem>>> HandleAsync(ListBrandActivitiesQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var items = db.Set<BrandActivity>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Brand))
        {
            var term = query.Brand.Trim();
            items = items.Where(b => b.Brand.Contains(term));
        }

        if (query.From is DateOnly from) items = items.Where(b => b.HeldOn >= from);
        if (query.To is DateOnly to) items = items.Where(b => b.HeldOn <= to);
        var rows = from b in items join o in organizations.Value on b.OrganizationId equals o.Id select new { Item = b, o.Name, o.Path };
        var size = Page<BrandActivityListItem>.NormalizeSize(query.PageSize);
        var number = Page<BrandActivityListItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(r => r.Item.HeldOn).ThenByDescending(r => r.Item.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<BrandActivityListItem>(page.Select(r => new BrandActivityListItem(r.Item.Id, r.Item.OrganizationId, r.Name, r.Item.Brand, r.Item.Title,
            r.Item.HeldOn, r.Item.Note, scope.Allows(r.Path, Permission.Write))).ToList(), total, number, size);
    }
}

public sealed record GetBrandActivityQuery(long Id);

public sealed class GetBrandActivityHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<BrandActivityListItem>> HandleAsync(GetBrandActivityQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await (from b in db.Set<BrandActivity>().AsNoTracking()
                       join o in db.Organizations.AsNoTracking() on b.OrganizationId equals o.Id
                       where b.Id == query.Id
                       select new { Item = b, o.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (r is null || !scope.Allows(r.Path, Permission.Read)) return BrandErrors.NotFound(query.Id);
        return new BrandActivityListItem(r.Item.Id, r.Item.OrganizationId, r.Name, r.Item.Brand, r.Item.Title, r.Item.HeldOn, r.Item.Note, scope.Allows(r.Path, Permission.Write));
    }
}

/// <summary>党建品牌活动记录: brand.activities reads "no data" for a subtree that has never recorded one.</summary>
public sealed class BrandSource : MetricSource
{
    public static readonly BrandSource Instance = new();

    private BrandSource()
    {
    }

    public override string Key => "brand";

    public override string Label => "党建品牌活动记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<BrandActivity>().Where(b => b.HeldOn <= asOf && ids.Contains(b.OrganizationId)).Select(b => b.OrganizationId);
    }
}

/// <summary><c>brand.activities</c>: 党建品牌 / 一支部一特色 activities held in the period.</summary>
public sealed class BrandActivitiesMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("brand.activities", "党建品牌活动", "次", MetricKind.Flow, [],
        "统计期内本组织及下级组织开展的党建品牌、一支部一特色活动次数（按活动日期计，每条记录一次）。");

    public MetricSource Source => BrandSource.Instance;

    private static IQueryable<BrandActivity> Activities(MetricScope scope)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<BrandActivity>().AsNoTracking().Where(b => b.HeldOn >= from && b.HeldOn <= to && ids.Contains(b.OrganizationId));
    }

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct) =>
        MetricFacts.CountAsync(Activities(scope).Select(b => b.OrganizationId), ct);

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) =>
        Activities(scope).Select(b => new MetricRecord
        {
            RecordType = MetricRecordTypes.BrandActivity, RecordId = b.Id, OrganizationId = b.OrganizationId, Date = b.HeldOn, Title = b.Brand + "：" + b.Title, Detail = b.Note,
        });
}
