using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Volunteering;

public static class VolunteeringErrors
{
    public static Error NotFound(string what, long id) => Error.NotFound("worklog.not_found", $"{what}（编号 {id}）不存在或不在您的管理范围内");
    public static Error DateRequired(string field, string label) => Error.Validation("worklog.required", $"请填写{label}", field);
    public static Error KindRequired => Error.Validation("worklog.kind", "请选择岗位类别（党员先锋岗、党员示范岗或党员责任区）", "Kind");
    public static Error MemberRequired => Error.Validation("worklog.required", "请选择党员", "MemberId");
    public static Error PostMembersRequired => Error.Validation("worklog.required", "请至少选择一名在岗党员", "MemberIds");

    public static Error DayOverflow(string who, DateOnly on, decimal already, decimal now) => Error.Validation("worklog.hours",
        $"{who}在 {on:yyyy-MM-dd} 已登记其他志愿服务{already:0.##}小时，加上本次{now:0.##}小时超过{WorkLogValidation.MaxHoursPerPersonPerDay:0}小时", "Participants");
}

/// <summary>A member a volunteering form can name: the members now placed in the organization or under it.</summary>
public sealed record VolunteerMemberChoice(long MemberId, string Name, string OrganizationName);

public sealed record GetVolunteerMemberChoicesQuery(long OrganizationId);

public sealed class GetVolunteerMemberChoicesHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<IReadOnlyList<VolunteerMemberChoice>>> HandleAsync(GetVolunteerMemberChoicesQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await VolunteeringAccess.OrganizationAsync(db, query.OrganizationId, scope, ct);
        if (!organization.IsSuccess) return organization.FirstError;
        var rows = await (from m in db.Set<Member>().AsNoTracking()
                          join o in db.Organizations.AsNoTracking().InSubtree(organization.Value.Path) on m.OrganizationId equals o.Id
                          where m.Status != MembershipStatus.Left
                          orderby o.Path, m.Name, m.Id
                          select new VolunteerMemberChoice(m.Id, m.Name, o.Name)).ToListAsync(ct);
        return rows;
    }
}

internal static class VolunteeringAccess
{
    /// <summary>The organization a record is made for: not found outside the caller's scope, forbidden when read-only.</summary>
    public static async Task<Result<Organization>> OrganizationAsync(DangjianDbContext db, long organizationId, AccessScope scope, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read))
            return Error.NotFound("worklog.organization_not_found", $"组织（编号 {organizationId}）不存在或不在您的管理范围内");
        var allowed = scope.Check(organization.Path, Permission.Write);
        return allowed.IsSuccess ? organization : allowed.FirstError;
    }

    /// <summary>The path of a record's organization, checked: not found outside scope, forbidden without <paramref name="permission"/>.</summary>
    public static async Task<Result<string>> RecordPathAsync(DangjianDbContext db, long organizationId, AccessScope scope, Permission permission, Error notFound, CancellationToken ct)
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).SingleOrDefaultAsync(ct);
        if (path is null || !scope.Allows(path, Permission.Read)) return notFound;
        var allowed = scope.Check(path, permission);
        return allowed.IsSuccess ? path : allowed.FirstError;
    }

    public static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
