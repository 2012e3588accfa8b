using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Attachments;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.WorkLog.Commendations;

/// <summary>Who gave the honour: from the centre down to the unit itself.</summary>
public enum CommendationLevel
{
    National,
    Provincial,
    Municipal,
    County,
    Township,
    Internal,
}

public static class CommendationLevelLabels
{
    public static string Label(this CommendationLevel level) => level switch
    {
        CommendationLevel.National => "国家级",
        CommendationLevel.Provincial => "省级",
        CommendationLevel.Municipal => "市级",
        CommendationLevel.County => "县级",
        CommendationLevel.Township => "乡镇（街道）级",
        _ => "本单位",
    };
}

/// <summary>表彰: an honour (level, title such as 先进基层党组织 / 优秀共产党员) given on a date to organizations and/or members.</summary>
public sealed class Commendation : IOrganizationOwned
{
    public const int TitleMaxLength = 200;
    public const int NoteMaxLength = 1000;

    private Commendation()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public DateOnly AwardedOn { get; private set; }
    public CommendationLevel Level { get; private set; }
    public string Title { get; private set; } = "";
    public string? Note { get; private set; }
    public List<CommendationRecipient> Recipients { get; private set; } = [];

    public static Commendation Create(long organizationId, ValidCommendation v)
    {
        var c = new Commendation { OrganizationId = organizationId };
        c.Update(v);
        return c;
    }

    public void Update(ValidCommendation v)
    {
        AwardedOn = v.AwardedOn;
        Level = v.Level;
        Title = v.Title;
        Note = v.Note;
        Recipients.Clear();
        foreach (var id in v.OrganizationIds) Recipients.Add(new CommendationRecipient { RecipientOrganizationId = id });
        foreach (var id in v.MemberIds) Recipients.Add(new CommendationRecipient { MemberId = id });
    }
}

/// <summary>One recipient: an organization or a member (exactly one of the two).</summary>
public sealed class CommendationRecipient
{
    public long Id { get; private set; }
    public long CommendationId { get; private set; }
    public long? RecipientOrganizationId { get; init; }
    public long? MemberId { get; init; }
}

public sealed class CommendationConfiguration : IEntityTypeConfiguration<Commendation>
{
    public void Configure(EntityTypeBuilder<Commendation> builder)
    {
        builder.ToTable("Commendations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(Commendation.TitleMaxLength).IsRequired();
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(c => c.Note).HasMaxLength(Commendation.NoteMaxLength);
        builder.HasIndex(c => new { c.OrganizationId, c.AwardedOn });
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Recipients).WithOne().HasForeignKey(r => r.CommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CommendationRecipientConfiguration : IEntityTypeConfiguration<CommendationRecipient>
{
    public void Configure(EntityTypeBuilder<CommendationRecipient> builder)
    {
        builder.ToTable("CommendationRecipients");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.CommendationId);
        builder.HasIndex(r => r.MemberId);
        builder.HasIndex(r => r.RecipientOrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.RecipientOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CommendationAttachmentOwner : IAttachmentOwner
{
    public const string Kind = "commendation";

    public string OwnerKind => Kind;

    public async Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct) =>
        await db.Set<Commendation>().Where(c => c.Id == ownerId).Select(c => (long?)c.OrganizationId).SingleOrDefaultAsync(ct);
}

public sealed record CommendationInput
{
    public DateOnly? AwardedOn { get; init; }
    public CommendationLevel? Level { get; init; }
    public string? Title { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<long> OrganizationIds { get; init; } = [];
    public IReadOnlyList<long> MemberIds { get; init; } = [];
}

public sealed record ValidCommendation(DateOnly AwardedOn, CommendationLevel Level, string Title, string? Note, IReadOnlyList<long> OrganizationIds, IReadOnlyList<long> MemberIds);

public static class CommendationErrors
{
    public static Error NotFound(long id) => Error.NotFound("commendation.not_found", $"表彰记录（编号 {id}）不存在或不在您的管理范围内");
}

internal static class CommendationAccess
{
    public static async Task<Result<(Commendation Commendation, Organization Organization)>> LoadAsync(
        DangjianDbContext db, long id, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var c = await db.Set<Commendation>().Include(x => x.Recipients).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return CommendationErrors.NotFound(id);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == c.OrganizationId, ct);
        if (!scope.Allows(organization.Path, Permission.Read)) return CommendationErrors.NotFound(id);
        var allowed = scope.Check(organization.Path, permission);
        if (!allowed.IsSuccess) return allowed.FirstError;
        return (c, organization);
    }

    public static async Task<Result<ValidCommendation>> ValidateAsync(DangjianDbContext db, AccessScope scope, CommendationInput input, DateOnly today, CancellationToken ct)
    {
        var v = new WorkLogValidation();
        var title = v.Text(input.Title, "Title", "表彰名称", Commendation.TitleMaxLength);
        var note = v.Text(input.Note, "Note", "备注", Commendation.NoteMaxLength, required: false);
        if (input.AwardedOn is null) v.Add(Error.Validation("worklog.required", "请填写表彰日期", "AwardedOn"));
        v.NotInFuture(input.AwardedOn, today, "AwardedOn", "表彰日期");
        if (input.Level is null || !Enum.IsDefined(input.Level.Value)) v.Add(Error.Validation("commendation.level", "请选择表彰级别", "Level"));
        if (input.OrganizationIds.Count == 0 && input.MemberIds.Count == 0)
            v.Add(Error.Validation("commendation.recipients", "请至少选择一个受表彰的组织或党员", "Recipients"));
        if (input.OrganizationIds.Distinct().Count() != input.OrganizationIds.Count)
            v.Add(Error.Validation("commendation.duplicateOrg", "同一个组织不能重复登记", "OrganizationIds"));
        var orgIds = input.OrganizationIds.Distinct().ToList();
        var paths = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        var outside = orgIds.Where(id => !paths.TryGetValue(id, out var p) || !scope.Allows(p, Permission.Write)).ToList();
        if (outside.Count > 0) v.Add(Error.Validation("worklog.orgScope", $"组织（编号 {string.Join("、", outside)}）不存在或不在您的管理范围内", "OrganizationIds"));
        await v.MembersAsync(db, scope, input.MemberIds, ct, "MemberIds");
        if (!v.IsValid) return v.Fail<ValidCommendation>();
        return new ValidCommendation(input.AwardedOn!.Value, input.Level!.Value, title!, note, orgIds, input.MemberIds.Distinct().ToList());
    }
}

public sealed record CreateCommendationCommand(long OrganizationId, CommendationInput Input);

public sealed class CreateCommendationHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateCommendationCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = new WorkLogValidation();
        if (await v.OrganizationAsync(db, scope, command.OrganizationId, ct) is null) return v.Fail<long>();
        var valid = await CommendationAccess.ValidateAsync(db, scope, command.Input, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<long>.Failure(valid.Errors);
        var c = Commendation.Create(command.OrganizationId, valid.Value);
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return c.Id;
    }
}

public sealed record UpdateCommendationCommand(long Id, CommendationInput Input);

public sealed class UpdateCommendationHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateCommendationCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CommendationAccess.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var valid = await CommendationAccess.ValidateAsync(db, scope, command.Input, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<Done>.Failure(valid.Errors);
        loaded.Value.Commendation.Update(valid.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record DeleteCommendationCommand(long Id);

public sealed class DeleteCommendationHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteCommendationCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CommendationAccess.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        db.Remove(loaded.Value.Commendation);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record CommendationRecipientView(long? OrganizationId, long? MemberId, string Name);

public sealed record CommendationDetails(
    long Id, long OrganizationId, string OrganizationName, DateOnly AwardedOn, CommendationLevel Level, string Title, string? Note,
    IReadOnlyList<CommendationRecipientView> Recipients, bool CanWrite);

public sealed record GetCommendationQuery(long Id);

public sealed class GetCommendationHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<CommendationDetails>> HandleAsync(GetCommendationQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CommendationAccess.LoadAsync(db, query.Id, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (c, o) = loaded.Value;
        var orgIds = c.Recipients.Where(r => r.RecipientOrganizationId != null).Select(r => r.RecipientOrganizationId!.Value).ToList();
        var memberIds = c.Recipients.Where(r => r.MemberId != null).Select(r => r.MemberId!.Value).ToList();
        var orgNames = await db.Organizations.AsNoTracking().Where(x => orgIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var names = await db.Set<Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var recipients = orgIds.Select(id => new CommendationRecipientView(id, null, orgNames.GetValueOrDefault(id, "")))
            .Concat(memberIds.Select(id => new CommendationRecipientView(null, id, names.GetValueOrDefault(id, "")))).ToList();
        return new CommendationDetails(c.Id, c.OrganizationId, o.Name, c.AwardedOn, c.Level, c.Title, c.Note, recipients, scope.Allows(o.Path, Permission.Write));
    }
}

public sealed record ListCommendationsQuery
{
    public long? Under { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record CommendationListItem(
    long Id, long OrganizationId, string OrganizationName, DateOnly AwardedOn, CommendationLevel Level, string Title, int Organizations, int Members, bool CanWrite);

public sealed class ListCommendationsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<CommendationListItem>>> HandleAsync(ListCommendationsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var items = db.Set<Commendation>().AsNoTracking();
        if (query.From is DateOnly from) items = items.Where(c => c.AwardedOn >= from);
        if (query.To is DateOnly to) items = items.Where(c => c.AwardedOn <= to);
        var recipients = db.Set<CommendationRecipient>().AsNoTracking();
        var rows = from c in items
                   join o in organizations.Value on c.OrganizationId equals o.Id
                   select new
                   {
                       c.Id, c.OrganizationId, OrganizationName = o.Name, o.Path, c.AwardedOn, c.Level, c.Title,
                       Orgs = recipients.Count(r => r.CommendationId == c.Id && r.RecipientOrganizationId != null),
                       Members = recipients.Count(r => r.CommendationId == c.Id && r.MemberId != null),
                   };
        var size = Page<CommendationListItem>.NormalizeSize(query.PageSize);
        var number = Page<CommendationListItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(r => r.AwardedOn).ThenByDescending(r => r.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<CommendationListItem>(page.Select(r => new CommendationListItem(r.Id, r.OrganizationId, r.OrganizationName, r.AwardedOn, r.Level, r.Title,
            r.Orgs, r.Members, scope.Allows(r.Path, Permission.Write))).ToList(), total, number, size);
    }
}

public sealed class CommendationsSource : MetricSource
{
    public static readonly CommendationsSource Instance = new();

    private CommendationsSource()
    {
    }

    public override string Key => "commendations";

    public override string Label => "表彰记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<Commendation>().Where(c => c.AwardedOn <= asOf && ids.Contains(c.OrganizationId)).Select(c => c.OrganizationId);
    }
}

/// <summary>The recipients a commendation metric counts: of commendations recorded in the subtree, dated in the period.</summary>
public abstract class CommendationRecipientsMetric : IMetric
{
    public abstract MetricDefinition Definition { get; }

    protected abstract bool Members { get; }

    public MetricSource Source => CommendationsSource.Instance;

    private IQueryable<Commendation> Commendations(MetricScope scope)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<Commendation>().AsNoTracking().Where(c => c.AwardedOn >= from && c.AwardedOn <= to && ids.Contains(c.OrganizationId));
    }

    public Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        if (dimension is not null) throw MetricFacts.UnknownDimension(Definition, dimension);
        var members = Members;
        var rows = from c in Commendations(scope)
                   join r in scope.Db.Set<CommendationRecipient>().AsNoTracking() on c.Id equals r.CommendationId
                   where members ? r.MemberId != null : r.RecipientOrganizationId != null
                   select c.OrganizationId;
        return MetricFacts.CountAsync(rows, ct);
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        var members = Members;
        var recipients = scope.Db.Set<CommendationRecipient>().AsNoTracking();
        return Commendations(scope)
            .Where(c => recipients.Any(r => r.CommendationId == c.Id && (members ? r.MemberId != null : r.RecipientOrganizationId != null)))
            .Select(c => new MetricRecord
            {
                RecordType = MetricRecordTypes.Commendation, RecordId = c.Id, OrganizationId = c.OrganizationId, Date = c.AwardedOn, Title = c.Title, Detail = c.Note,
            });
    }
}

/// <summary><c>commendation.orgs</c>: organizations commended in the period (one per recipient line).</summary>
public sealed class CommendationOrgsMetric : CommendationRecipientsMetric
{
    public override MetricDefinition Definition { get; } = new("commendation.orgs", "受表彰组织", "个", MetricKind.Flow, [],
        "统计期内本组织及下级组织登记的表彰中受表彰的组织个数（按表彰日期计，每次表彰每个组织计一个）。");

    protected override bool Members => false;
}

/// <summary><c>commendation.members</c>: members commended in the period.</summary>
public sealed class CommendationMembersMetric : CommendationRecipientsMetric
{
    public override MetricDefinition Definition { get; } = new("commendation.members", "受表彰党员", "人", MetricKind.Flow, [],
        "统计期内本组织及下级组织登记的表彰中受表彰的党员人数（按表彰日期计，每次表彰每人计一人）。");

    protected override bool Members => true;
}
