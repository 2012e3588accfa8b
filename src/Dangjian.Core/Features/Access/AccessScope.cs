using System.Linq.Expressions;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Organizations;

namespace Dangjian.Core.Features.Access;

/// <summary>A subtree the caller holds a role over.</summary>
public sealed record ScopeRoot(long OrganizationId, string Path, string Name, Role Role);

/// <summary>
/// The caller's organization scope: the one mechanism through which every read and write is filtered
/// (architecture decision 6). Reads filter by <see cref="Organizations"/> / <see cref="OrganizationIds"/>;
/// writes call <see cref="Check"/> with the target's path.
/// </summary>
public sealed class AccessScope
{
    public static readonly AccessScope Nobody = new(null, false, []);

    public AccessScope(string? userId, bool isSystemAdmin, IReadOnlyList<ScopeRoot> roots)
    {
        UserId = userId;
        IsSystemAdmin = isSystemAdmin;
        Roots = roots;
    }

    public string? UserId { get; }
    public bool IsSystemAdmin { get; }
    public IReadOnlyList<ScopeRoot> Roots { get; }

    public static AccessScope Everything(string? userId) => new(userId, true, []);

    public bool Allows(string path, Permission permission) =>
        IsSystemAdmin || Roots.Any(r => r.Role.Grants(permission) && OrgPath.IsWithin(path, r.Path));

    public bool AllowsAnywhere(Permission permission) => IsSystemAdmin || Roots.Any(r => r.Role.Grants(permission));

    /// <summary>
    /// A record that exists but lies outside the caller's scope is reported as not found: its existence is itself data.
    /// </summary>
    public Result<Done> Check(string path, Permission permission, string notFoundMessage = "组织不存在或不在您的管理范围内")
    {
        if (Allows(path, permission))
        {
            return Done.Value;
        }

        return Allows(path, Permission.Read) ? Error.Forbidden(ForbiddenMessage(permission)) : Error.NotFound("not_found", notFoundMessage);
    }

    public static string ForbiddenMessage(Permission permission) => permission switch
    {
        Permission.Administer => "您没有管理该组织的权限",
        Permission.Write => "您没有在该组织登记工作的权限",
        _ => "您没有查看该组织的权限",
    };

    public IReadOnlyList<string> PathsFor(Permission permission) =>
        OrgPath.Minimal(Roots.Where(r => r.Role.Grants(permission)).Select(r => r.Path));

    /// <summary>Organizations the caller may act on with <paramref name="permission"/>: one index range per root.</summary>
    public IQueryable<Organization> Organizations(IQueryable<Organization> organizations, Permission permission = Permission.Read) =>
        IsSystemAdmin ? organizations : organizations.Where(OrgPath.WithinAny<Organization>(o => o.Path, PathsFor(permission)));

    /// <summary>Ids of the organizations in scope, for filtering any record that carries an organization id.</summary>
    public IQueryable<long> OrganizationIds(IQueryable<Organization> organizations, Permission permission = Permission.Read) =>
        Organizations(organizations, permission).Select(o => o.Id);

    /// <summary>Records owned by organizations in scope.</summary>
    public IQueryable<T> Owned<T>(IQueryable<T> records, IQueryable<Organization> organizations, Permission permission = Permission.Read)
        where T : IOrganizationOwned
    {
        if (IsSystemAdmin)
        {
            return records;
        }

        var ids = OrganizationIds(organizations, permission);
        return records.Where(r => ids.Contains(r.OrganizationId));
    }

    /// <summary>Builds the filter "path of x is in scope" for records that reach their organization through a navigation.</summary>
    public Expression<Func<T, bool>> PathFilter<T>(Expression<Func<T, string>> pathSelector, Permission permission = Permission.Read) =>
        IsSystemAdmin ? _ => true : OrgPath.WithinAny(pathSelector, PathsFor(permission));
}
