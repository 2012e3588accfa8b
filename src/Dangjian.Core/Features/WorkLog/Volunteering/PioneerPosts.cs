using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Volunteering;

public sealed record PioneerPostInput
{
    public string? Name { get; init; }
    public PioneerPostKind? Kind { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<long> MemberIds { get; init; } = [];
}

public sealed record CreatePioneerPostCommand(long OrganizationId, PioneerPostInput Input);

/// <summary>Sets up a 党员先锋岗 / 示范岗 / 责任区: a name, its kind, the members holding it (in the caller's scope), from–to.</summary>
public sealed class CreatePioneerPostHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreatePioneerPostCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await VolunteeringAccess.OrganizationAsync(db, command.OrganizationId, scope, ct);
        if (!organization.IsSuccess) return organization.FirstError;
        var valid = await PioneerPostRules.ValidateAsync(db, scope, command.Input, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<long>.Failure(valid.Errors);
        var post = PioneerPost.Create(organization.Value.Id, valid.Value);
        db.Add(post);
        await db.SaveChangesAsync(ct);
        return post.Id;
    }
}

public sealed record UpdatePioneerPostCommand(long Id, PioneerPostInput Input);

public sealed class UpdatePioneerPostHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdatePioneerPostCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var post = await PioneerPostRules.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!post.IsSuccess) return post.FirstError;
        var valid = await PioneerPostRules.ValidateAsync(db, scope, command.Input, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<Done>.Failure(valid.Errors);
        post.Value.Update(valid.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record DeletePioneerPostCommand(long Id);

public sealed class DeletePioneerPostHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeletePioneerPostCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var post = await PioneerPostRules.LoadAsync(db, command.Id, scope, Permission.Write, ct);
        if (!post.IsSuccess) return post.FirstError;
        db.Remove(post.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record ListPioneerPostsQuery
{
    public long? Under { get; init; }
    public PioneerPostKind? Kind { get; init; }

    /// <summary>Only posts in effect on this date.</summary>
    public DateOnly? On { get; init; }

    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record PioneerPostMemberItem(long MemberId, string Name);

public sealed record PioneerPostItem(
    long Id, long OrganizationId, string OrganizationName, string Name, PioneerPostKind Kind, DateOnly From, DateOnly? To, string? Note,
    IReadOnlyList<PioneerPostMemberItem> Members, bool CanWrite)
{
    public string KindLabel => PioneerPostKinds.Label(Kind);
}

public sealed class ListPioneerPostsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<PioneerPostItem>>> HandleAsync(ListPioneerPostsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var posts = db.Set<PioneerPost>().AsNoTracking();
        if (query.Kind is PioneerPostKind kind) posts = posts.Where(p => p.Kind == kind);
        if (query.On is DateOnly on) posts = posts.Where(p => p.From <= on && (p.To == null || p.To >= on));
        var rows = from p in posts
                   join o in organizations.Value on p.OrganizationId equals o.Id
                   select new { Post = p, OrganizationName = o.Name, o.Path };
        var size = Page<PioneerPostItem>.NormalizeSize(query.PageSize);
        var number = Page<PioneerPostItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(r => r.Post.From).ThenByDescending(r => r.Post.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var members = await PioneerPostRules.MembersAsync(db, page.Select(r => r.Post.Id).ToList(), ct);
        return new Page<PioneerPostItem>(page.Select(r => PioneerPostRules.Item(r.Post, r.OrganizationName, members, scope.Allows(r.Path, Permission.Write))).ToList(),
            total, number, size);
    }
}

public sealed record GetPioneerPostQuery(long Id);

public sealed class GetPioneerPostHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<PioneerPostItem>> HandleAsync(GetPioneerPostQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from p in db.Set<PioneerPost>().AsNoTracking()
                         join o in db.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
                         where p.Id == query.Id
                         select new { Post = p, o.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return VolunteeringErrors.NotFound("党员先锋岗", query.Id);
        var members = await PioneerPostRules.MembersAsync(db, [row.Post.Id], ct);
        return PioneerPostRules.Item(row.Post, row.Name, members, scope.Allows(row.Path, Permission.Write));
    }
}

internal static class PioneerPostRules
{
    public static async Task<Result<PioneerPost>> LoadAsync(DangjianDbContext db, long id, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var post = await db.Set<PioneerPost>().Include(p => p.Members).SingleOrDefaultAsync(p => p.Id == id, ct);
        var notFound = VolunteeringErrors.NotFound("党员先锋岗", id);
        if (post is null) return notFound;
        var path = await VolunteeringAccess.RecordPathAsync(db, post.OrganizationId, scope, permission, notFound, ct);
        return path.IsSuccess ? post : path.FirstError;
    }

    public static async Task<ILookup<long, PioneerPostMemberItem>> MembersAsync(DangjianDbContext db, List<long> postIds, CancellationToken ct) =>
        (await (from pm in db.Set<PioneerPostMember>().AsNoTracking()
                join m in db.Set<Member>().AsNoTracking() on pm.MemberId equals m.Id
                where postIds.Contains(pm.PostId)
                orderby m.Name, m.Id
                select new { pm.PostId, m.Id, m.Name }).ToListAsync(ct))
        .ToLookup(r => r.PostId, r => new PioneerPostMemberItem(r.Id, r.Name));

    public static PioneerPostItem Item(PioneerPost p, string organizationName, ILookup<long, PioneerPostMemberItem> members, bool canWrite) =>
        new(p.Id, p.OrganizationId, organizationName, p.Name, p.Kind, p.From, p.To, p.Note, members[p.Id].ToList(), canWrite);

    public static async Task<Result<ValidPioneerPost>> ValidateAsync(DangjianDbContext db, AccessScope scope, PioneerPostInput input, DateOnly today, CancellationToken ct)
    {
        var v = new WorkLogValidation();
        var name = v.Text(input.Name, "Name", "岗位名称", PioneerPost.NameMaxLength);
        var note = v.Text(input.Note, "Note", "备注", PioneerPost.NoteMaxLength, required: false);
        if (input.Kind is not PioneerPostKind kind || !Enum.IsDefined(kind)) v.Add(VolunteeringErrors.KindRequired);
        if (input.From is not DateOnly from) v.Add(VolunteeringErrors.DateRequired("From", "设岗日期"));
        else
        {
            // A post is set up on a day that has come; it may be planned to end later.
            v.NotInFuture(from, today, "From", "设岗日期");
            v.Period(from, input.To, "To", "撤岗日期");
        }

        if (input.MemberIds.Count == 0) v.Add(VolunteeringErrors.PostMembersRequired);
        else await v.MembersAsync(db, scope, input.MemberIds, ct, "MemberIds");
        if (!v.IsValid) return v.Fail<ValidPioneerPost>();
        return new ValidPioneerPost(name!, input.Kind!.Value, input.From!.Value, input.To, note, input.MemberIds.ToList());
    }
}
