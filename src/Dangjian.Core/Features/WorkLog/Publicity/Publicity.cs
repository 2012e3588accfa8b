using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Attachments;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.WorkLog.Publicity;

/// <summary>What was put up or published; each kind has its own unit (横幅 条, 展板 个, 手册/活页 份, 信息 条).</summary>
public enum PublicityKind
{
    Banner,
    Board,
    Booklet,
    WeChatPost,
    WebsitePost,
    Other,
}

public static class PublicityLabels
{
    public static string Label(this PublicityKind kind) => kind switch
    {
        PublicityKind.Banner => "横幅",
        PublicityKind.Board => "展板",
        PublicityKind.Booklet => "手册/活页",
        PublicityKind.WeChatPost => "公众号信息",
        PublicityKind.WebsitePost => "网站信息",
        _ => "其他",
    };

    public static string Unit(this PublicityKind kind) => kind switch
    {
        PublicityKind.Board => "个",
        PublicityKind.Booklet => "份",
        PublicityKind.Other => "件",
        _ => "条",
    };

    public static PublicityKind? Parse(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (Enum.TryParse<PublicityKind>(t, ignoreCase: true, out var k) && Enum.IsDefined(k)) return k;
        foreach (var kind in Enum.GetValues<PublicityKind>())
        {
            if (kind.Label() == t || kind.Label().Replace("/", "") == t.Replace("/", "").Replace("、", "")) return kind;
        }

        return null;
    }
}

/// <summary>宣传: a batch of one kind of publicity an organization produced on a date (e.g. 12 条横幅).</summary>
public sealed class PublicityItem : IOrganizationOwned
{
    public const int TitleMaxLength = 200;
    public const int NoteMaxLength = 500;

    private PublicityItem()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public PublicityKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public int Count { get; private set; }
    public DateOnly PublishedOn { get; private set; }
    public string? Note { get; private set; }

    public static PublicityItem Create(long organizationId, PublicityKind kind, string title, int count, DateOnly publishedOn, string? note) =>
        new() { OrganizationId = organizationId, Kind = kind, Title = title, Count = count, PublishedOn = publishedOn, Note = note };

    public void Update(long organizationId, PublicityKind kind, string title, int count, DateOnly publishedOn, string? note)
    {
        OrganizationId = organizationId;
        Kind = kind;
        Title = title;
        Count = count;
        PublishedOn = publishedOn;
        Note = note;
    }
}

public sealed class PublicityItemConfiguration : IEntityTypeConfiguration<PublicityItem>
{
    public void Configure(EntityTypeBuilder<PublicityItem> builder)
    {
        builder.ToTable("PublicityItems");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(PublicityItem.TitleMaxLength).IsRequired();
        builder.Property(p => p.Note).HasMaxLength(PublicityItem.NoteMaxLength);
        builder.HasIndex(p => new { p.OrganizationId, p.PublishedOn });
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PublicityAttachmentOwner : IAttachmentOwner
{
    public const string Kind = "publicityItem";

    public string OwnerKind => Kind;

    public async Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct) =>
        await db.Set<PublicityItem>().Where(p => p.Id == ownerId).Select(p => (long?)p.OrganizationId).SingleOrDefaultAsync(ct);
}

public sealed record PublicityInput
{
    public long? OrganizationId { get; init; }
    public PublicityKind? Kind { get; init; }
    public string? Title { get; init; }
    public int? Count { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public string? Note { get; init; }
}

public static class PublicityErrors
{
    public static Error NotFound(long id) => Error.NotFound("publicity.not_found", $"宣传记录（编号 {id}）不存在或不在您的管理范围内");
}

internal sealed record ValidPublicity(long OrganizationId, PublicityKind Kind, string Title, int Count, DateOnly PublishedOn, string? Note);

internal static class PublicityRules
{
    public static async Task<ValidPublicity?> ValidateAsync(WorkLogValidation v, DangjianDbContext db, AccessScope scope, PublicityInput input, DateOnly today, CancellationToken ct)
    {
        if (input.OrganizationId is not long org) v.Add(Error.Validation("worklog.required", "请选择组织", "OrganizationId"));
        else await v.OrganizationAsync(db, scope, org, ct, "OrganizationId");
        if (input.Kind is null) v.Add(Error.Validation("worklog.required", "请选择宣传类型", "Kind"));
        var title = v.Text(input.Title, "Title", "宣传内容", PublicityItem.TitleMaxLength);
        if (input.Count is null) v.Add(Error.Validation("worklog.required", "请填写数量", "Count"));
        v.NotNegative(input.Count, "Count", "数量");
        if (input.PublishedOn is null) v.Add(Error.Validation("worklog.required", "请填写日期", "PublishedOn"));
        v.NotInFuture(input.PublishedOn, today, "PublishedOn");
        var note = v.Text(input.Note, "Note", "备注", PublicityItem.NoteMaxLength, required: false);
        return v.IsValid ? new ValidPublicity(input.OrganizationId!.Value, input.Kind!.Value, title!, input.Count!.Value, input.PublishedOn!.Value, note) : null;
    }

    public static async Task<Result<PublicityItem>> LoadAsync(DangjianDbContext db, long id, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var item = await db.Set<PublicityItem>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (item is null) return PublicityErrors.NotFound(id);
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == item.OrganizationId).Select(o => o.Path).SingleAsync(ct);
        if (!scope.Allows(path, Permission.Read)) return PublicityErrors.NotFound(id);
        var allowed = scope.Check(path, permission);
        return allowed.IsSuccess ? item : allowed.FirstError;
    }
}

public sealed record CreatePublicityCommand(PublicityInput Input);

public sealed class CreatePublicityHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreatePublicityCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = new WorkLogValidation();
        var valid = await PublicityRules.ValidateAsync(v, db, scope, command.Input, clock.Today(), ct);
        if (valid is null) return v.Fail<long>();
        var item = PublicityItem.Create(valid.OrganizationId, valid.Kind, valid.Title, valid.Count, valid.PublishedOn, valid.Note);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    /// <summary>
    /// Adds many at once (an xlsx import): every row valid, or nothing saved. Each error names its sheet row ("第 3 行：…",
    /// field "row:3"); <paramref name="earlier"/> are errors already found while reading the sheet, which also stop the commit.
    /// </summary>
    public async Task<Result<int>> HandleManyAsync(IReadOnlyList<(int Row, PublicityInput Input)> rows, AccessScope scope, CancellationToken ct, IReadOnlyList<Error>? earlier = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new List<Error>(earlier ?? []);
        var items = new List<PublicityItem>();
        foreach (var (row, input) in rows)
        {
            var v = new WorkLogValidation();
            var valid = await PublicityRules.ValidateAsync(v, db, scope, input, clock.Today(), ct);
            if (valid is null) errors.AddRange(v.Errors.Select(e => e with { Message = $"第 {row} 行：{e.Message}", Field = $"row:{row}" }));
            else items.Add(PublicityItem.Create(valid.OrganizationId, valid.Kind, valid.Title, valid.Count, valid.PublishedOn, valid.Note));
        }

        if (errors.Count > 0) return Result<int>.Failure(errors);
        if (items.Count == 0) return Error.Validation("publicity.import_empty", "表格中没有数据行");
        db.AddRange(items);
        await db.SaveChangesAsync(ct);
        return items.Count;
    }
}

public sealed record UpdatePublicityCommand(long Id, PublicityInput Input);

public sealed class UpdatePublicityHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdatePublicityCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await PublicityRules.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!item.IsSuccess) return item.FirstError;
        var v = new WorkLogValidation();
        var valid = await PublicityRules.ValidateAsync(v, db, scope, command.Input, clock.Today(), ct);
        if (valid is null) return v.Fail<Done>();
        item.Value.Update(valid.OrganizationId, valid.Kind, valid.Title, valid.Count, valid.PublishedOn, valid.Note);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record DeletePublicityCommand(long Id);

public sealed class DeletePublicityHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeletePublicityCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await PublicityRules.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!item.IsSuccess) return item.FirstError;
        db.Remove(item.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record ListPublicityQuery
{
    public long? Under { get; init; }
    public PublicityKind? Kind { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record PublicityListItem(
    long Id, long OrganizationId, string OrganizationName, PublicityKind Kind, string Title, int Count, DateOnly PublishedOn, string? Note, bool CanWrite)
{
    public string KindLabel => Kind.Label();
    public string Unit => Kind.Unit();
}

public sealed class ListPublicityHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<PublicityListItem>>> HandleAsync(ListPublicityQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var items = db.Set<PublicityItem>().AsNoTracking();
        if (query.Kind is PublicityKind kind) items = items.Where(p => p.Kind == kind);
        if (query.From is DateOnly from) items = items.Where(p => p.PublishedOn >= from);
        if (query.To is DateOnly to) items = items.Where(p => p.PublishedOn <= to);
        var rows = from p in items join o in organizations.Value on p.OrganizationId equals o.Id select new { Item = p, o.Name, o.Path };
        var size = Page<PublicityListItem>.NormalizeSize(query.PageSize);
        var number = Page<PublicityListItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(r => r.Item.PublishedOn).ThenByDescending(r => r.Item.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<PublicityListItem>(page.Select(r => new PublicityListItem(r.Item.Id, r.Item.OrganizationId, r.Name, r.Item.Kind, r.Item.Title, r.Item.Count,
            r.Item.PublishedOn, r.Item.Note, scope.Allows(r.Path, Permission.Write))).ToList(), total, number, size);
    }
}

public sealed record GetPublicityQuery(long Id);

public sealed class GetPublicityHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<PublicityListItem>> HandleAsync(GetPublicityQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await (from p in db.Set<PublicityItem>().AsNoTracking()
                       join o in db.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
                       where p.Id == query.Id
                       select new { Item = p, o.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (r is null || !scope.Allows(r.Path, Permission.Read)) return PublicityErrors.NotFound(query.Id);
        return new PublicityListItem(r.Item.Id, r.Item.OrganizationId, r.Name, r.Item.Kind, r.Item.Title, r.Item.Count, r.Item.PublishedOn, r.Item.Note,
            scope.Allows(r.Path, Permission.Write));
    }
}

/// <summary>宣传记录: publicity.items reads "no data" for a subtree that has never recorded any publicity.</summary>
public sealed class PublicitySource : MetricSource
{
    public static readonly PublicitySource Instance = new();

    private PublicitySource()
    {
    }

    public override string Key => "publicity";

    public override string Label => "宣传工作记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<PublicityItem>().Where(p => p.PublishedOn <= asOf && ids.Contains(p.OrganizationId)).Select(p => p.OrganizationId);
    }
}

/// <summary><c>publicity.items{kind}</c>: the counts of publicity items dated in the period (横幅 条, 展板 个, …), by kind.</summary>
public sealed class PublicityItemsMetric : IMetric
{
    public const string KindDimension = "kind";

    public MetricDefinition Definition { get; } = new("publicity.items", "宣传品与宣传信息", "条（个、份）", MetricKind.Flow, [new MetricDimension(KindDimension, "类型")],
        "统计期内本组织及下级组织制作或发布的宣传数量之和（按日期计）：横幅 条、展板 个、手册/活页 份、公众号/网站信息 条；按类型分列时各类单位不同。");

    public MetricSource Source => PublicitySource.Instance;

    private static IQueryable<PublicityItem> Items(MetricScope scope)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<PublicityItem>().AsNoTracking().Where(p => p.PublishedOn >= from && p.PublishedOn <= to && ids.Contains(p.OrganizationId));
    }

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        if (dimension is null)
        {
            var totals = await Items(scope).GroupBy(p => p.OrganizationId).Select(g => new { g.Key, Sum = g.Sum(p => p.Count) }).ToListAsync(ct);
            return totals.Select(t => new MetricFact(t.Key, null, t.Sum)).ToList();
        }

        if (dimension != KindDimension) throw MetricFacts.UnknownDimension(Definition, dimension);
        var rows = await Items(scope).GroupBy(p => new { p.OrganizationId, p.Kind }).Select(g => new { g.Key.OrganizationId, g.Key.Kind, Sum = g.Sum(p => p.Count) }).ToListAsync(ct);
        return rows.Select(r => new MetricFact(r.OrganizationId, r.Kind.ToString(), r.Sum)).ToList();
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        dimension == KindDimension
            ? Task.FromResult(MetricFacts.EnumValues<PublicityKind>(k => k.Label()))
            : MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        var items = Items(scope);
        if (dimension is not null)
        {
            if (dimension != KindDimension) throw MetricFacts.UnknownDimension(Definition, dimension);
            if (dimensionValue is not null)
            {
                var kind = MetricFacts.ParseEnum<PublicityKind>(Definition, dimension, dimensionValue);
                items = items.Where(p => p.Kind == kind);
            }
        }

        return items.Select(p => new MetricRecord
        {
            RecordType = MetricRecordTypes.PublicityItem, RecordId = p.Id, OrganizationId = p.OrganizationId, Date = p.PublishedOn, Title = p.Title, Detail = p.Note,
        });
    }
}
