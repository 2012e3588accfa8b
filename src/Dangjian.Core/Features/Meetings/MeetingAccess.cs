using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Meetings;

/// <summary>Loads what a meeting request is about through the caller's scope: not found outside it, forbidden without the permission.</summary>
internal static class MeetingAccess
{
    public static async Task<Result<Organization>> LoadOrganizationAsync(DangjianDbContext db, long organizationId, AccessScope scope, Permission permission, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return MeetingErrors.OrganizationNotFound(organizationId);
        var allowed = scope.Check(organization.Path, permission);
        return allowed.IsSuccess ? organization : allowed.FirstError;
    }

    /// <summary>The meeting (tracked, with its rows when <paramref name="withRows"/>) and its organization.</summary>
    public static async Task<Result<(Meeting Meeting, Organization Organization)>> LoadMeetingAsync(
        DangjianDbContext db, long id, AccessScope scope, Permission permission, bool withRows, CancellationToken ct)
    {
        var meetings = db.Set<Meeting>().AsQueryable();
        if (withRows)
        {
            meetings = meetings.Include(m => m.Kinds).Include(m => m.Attendees).Include(m => m.AgendaItems).Include(m => m.KeySpeakers).AsSplitQuery();
        }

        var meeting = await meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return MeetingErrors.NotFound(id);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == meeting.OrganizationId, ct);
        if (!scope.Allows(organization.Path, Permission.Read)) return MeetingErrors.NotFound(id);
        var allowed = scope.Check(organization.Path, permission);
        return allowed.IsSuccess ? (meeting, organization) : allowed.FirstError;
    }
}
