using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Meetings;

/// <summary>The meeting kinds, in their display order. Archived kinds are left out unless asked for.</summary>
public sealed record ListMeetingKindsQuery(bool IncludeArchived = false);

public sealed record MeetingKindItem(long Id, string Code, string Name, bool IsBuiltIn, int SortOrder, bool IsArchived, int Meetings);

public sealed record MeetingKindList(IReadOnlyList<MeetingKindItem> Kinds, bool CanManage);

public sealed class ListMeetingKindsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    /// <summary>
    /// Kinds are the same for every organization, so any signed-in user with a scope may read them. The meeting count
    /// is taken over the whole system: it only tells an administrator whether a kind is in use.
    /// </summary>
    public async Task<MeetingKindList> HandleAsync(ListMeetingKindsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kinds = db.Set<MeetingKind>().AsNoTracking();
        if (!query.IncludeArchived) kinds = kinds.Where(k => !k.IsArchived);
        var canManage = MeetingKindAccess.CanManage(scope);
        var uses = canManage
            ? await db.Set<MeetingKindLink>().GroupBy(l => l.MeetingKindId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct)
            : [];
        var list = await kinds.OrderBy(k => k.SortOrder).ThenBy(k => k.Id).ToListAsync(ct);
        return new MeetingKindList(
            list.Select(k => new MeetingKindItem(k.Id, k.Code, k.Name, k.IsBuiltIn, k.SortOrder, k.IsArchived, uses.GetValueOrDefault(k.Id))).ToList(),
            canManage);
    }
}

/// <summary>Adds a kind of meeting or activity (issue 4: administrators may add kinds); it counts in meetings.count{kind} like the built-ins.</summary>
public sealed record AddMeetingKindCommand(string? Name, int? SortOrder);

public sealed class AddMeetingKindHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<long>> HandleAsync(AddMeetingKindCommand command, AccessScope scope, CancellationToken ct)
    {
        if (!MeetingKindAccess.CanManage(scope)) return MeetingErrors.KindsForbidden;
        var name = command.Name?.Trim() ?? "";
        var errors = new List<Error>();
        if (name.Length == 0 || name.Length > MeetingKind.NameMaxLength) errors.Add(MeetingErrors.KindNameRequired);
        if (command.SortOrder is < 0 or > 99999) errors.Add(MeetingErrors.KindSortOrderRange);
        if (errors.Count > 0) return Result<long>.Failure(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<MeetingKind>().AnyAsync(k => k.Name == name, ct)) return MeetingErrors.KindNameTaken(name);
        var sortOrder = command.SortOrder ?? (await db.Set<MeetingKind>().MaxAsync(k => (int?)k.SortOrder, ct) ?? 0) + 10;

        // The code is what links and URLs carry; a random suffix keeps it stable across renames and unique without a second save.
        var kind = MeetingKind.Custom("custom-" + Guid.NewGuid().ToString("N")[..12], name, sortOrder);
        db.Add(kind);
        await db.SaveChangesAsync(ct);
        return kind.Id;
    }
}

/// <summary>Renames, reorders, archives or restores an added kind. Built-in kinds are fixed: their names are the regulations' terms.</summary>
public sealed record UpdateMeetingKindCommand(long Id, string? Name, int? SortOrder, bool? IsArchived);

public sealed class UpdateMeetingKindHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(UpdateMeetingKindCommand command, AccessScope scope, CancellationToken ct)
    {
        if (!MeetingKindAccess.CanManage(scope)) return MeetingErrors.KindsForbidden;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kind = await db.Set<MeetingKind>().SingleOrDefaultAsync(k => k.Id == command.Id, ct);
        if (kind is null) return MeetingErrors.KindNotFound(command.Id);

        var name = command.Name?.Trim();
        var renames = name is not null && name != kind.Name;
        var archives = command.IsArchived is bool archived && archived != kind.IsArchived;
        var reorders = command.SortOrder is int order && order != kind.SortOrder;
        if (kind.IsBuiltIn && (renames || archives || reorders)) return MeetingErrors.BuiltInKindFixed;

        var errors = new List<Error>();
        if (name is not null && (name.Length == 0 || name.Length > MeetingKind.NameMaxLength)) errors.Add(MeetingErrors.KindNameRequired);
        if (command.SortOrder is < 0 or > 99999) errors.Add(MeetingErrors.KindSortOrderRange);
        if (errors.Count > 0) return Result<Done>.Failure(errors);
        if (renames && await db.Set<MeetingKind>().AnyAsync(k => k.Name == name && k.Id != kind.Id, ct)) return MeetingErrors.KindNameTaken(name!);

        if (renames) kind.Rename(name!);
        if (reorders) kind.Reorder(command.SortOrder!.Value);
        if (archives) kind.Archive(command.IsArchived!.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

internal static class MeetingKindAccess
{
    /// <summary>
    /// Kinds are shared by every organization, so only those who administer a whole tree may change them: a 系统管理员,
    /// or an administrator of a top-level organization.
    /// </summary>
    public static bool CanManage(AccessScope scope) =>
        scope.IsSystemAdmin || scope.Roots.Any(r => r.Role.Grants(Permission.Administer) && OrgPath.Depth(r.Path) == 1);
}
