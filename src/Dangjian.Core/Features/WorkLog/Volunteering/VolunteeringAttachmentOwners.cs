using Dangjian.Core.Data;
using Dangjian.Core.Features.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Volunteering;

/// <summary>Photos and sign-in sheets of a 志愿服务活动.</summary>
public sealed class VolunteerActivityAttachmentOwner : IAttachmentOwner
{
    public const string Kind = "volunteerActivity";

    public string OwnerKind => Kind;

    public async Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct) =>
        await db.Set<VolunteerActivity>().Where(a => a.Id == ownerId).Select(a => (long?)a.OrganizationId).SingleOrDefaultAsync(ct);
}

/// <summary>The 报到 receipt of an 在职党员 at a community.</summary>
public sealed class CommunityReportAttachmentOwner : IAttachmentOwner
{
    public const string Kind = "communityReport";

    public string OwnerKind => Kind;

    public async Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct) =>
        await db.Set<CommunityReport>().Where(r => r.Id == ownerId).Select(r => (long?)r.OrganizationId).SingleOrDefaultAsync(ct);
}

/// <summary>Photos of a 党员先锋岗's sign and its members at work.</summary>
public sealed class PioneerPostAttachmentOwner : IAttachmentOwner
{
    public const string Kind = "pioneerPost";

    public string OwnerKind => Kind;

    public async Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct) =>
        await db.Set<PioneerPost>().Where(p => p.Id == ownerId).Select(p => (long?)p.OrganizationId).SingleOrDefaultAsync(ct);
}
