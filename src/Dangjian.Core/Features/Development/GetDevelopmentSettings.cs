using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development;

/// <summary>The development rules that apply to an organization, and where they come from (the settings page).</summary>
public sealed record GetDevelopmentSettingsQuery(long OrganizationId);

/// <summary>
/// The effective settings: the organization's own, else the nearest ancestor's (<see cref="SourceOrganizationName"/>), else the
/// defaults of domain.md §6 (<see cref="IsDefault"/>). <see cref="CanAdminister"/>: the caller may change them here.
/// </summary>
public sealed record DevelopmentSettingsView(
    long OrganizationId, string OrganizationName, int ActivistAfterMonths, int NoticeWorkingDays, bool IsDefault, bool IsOwn,
    long? SourceOrganizationId, string? SourceOrganizationName, bool CanAdminister);

public sealed class GetDevelopmentSettingsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<DevelopmentSettingsView>> HandleAsync(GetDevelopmentSettingsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == query.OrganizationId).Select(o => new { o.Id, o.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (org is null || !scope.Allows(org.Path, Permission.Read)) return Error.NotFound("development.org_not_found", $"组织（编号 {query.OrganizationId}）不存在或不在您的管理范围内");

        // The same "nearest up the tree" reading as CandidateAccess.PolicyAsync, which the rules use.
        var ids = OrgPath.Ids(org.Path).ToList();
        var settings = await (from s in db.Set<DevelopmentSettings>().AsNoTracking()
                              join o in db.Organizations on s.OrganizationId equals o.Id
                              where ids.Contains(s.OrganizationId)
                              select new { s.OrganizationId, s.ActivistAfterMonths, s.NoticeWorkingDays, o.Name }).ToListAsync(ct);
        var nearest = settings.OrderByDescending(s => ids.IndexOf(s.OrganizationId)).FirstOrDefault();
        var canAdminister = scope.Allows(org.Path, Permission.Administer);
        return nearest is null
            ? new DevelopmentSettingsView(org.Id, org.Name, DevelopmentPolicy.Default.ActivistAfterMonths, DevelopmentPolicy.Default.NoticeWorkingDays, true, false, null, null, canAdminister)
            : new DevelopmentSettingsView(org.Id, org.Name, nearest.ActivistAfterMonths, nearest.NoticeWorkingDays, false, nearest.OrganizationId == org.Id,
                nearest.OrganizationId, nearest.Name, canAdminister);
    }
}
