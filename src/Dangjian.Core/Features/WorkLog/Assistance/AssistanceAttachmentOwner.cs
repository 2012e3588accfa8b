using Dangjian.Core.Data;
using Dangjian.Core.Features.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Assistance;

/// <summary>帮扶户 carry attachments (visit photos, 一户一策 files): they belong to the household's organization.</summary>
public sealed class AssistanceAttachmentOwner : IAttachmentOwner
{
    public const string Kind = "assistanceHousehold";

    public string OwnerKind => Kind;

    public async Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct) =>
        await db.Set<AssistanceHousehold>().Where(h => h.Id == ownerId).Select(h => (long?)h.OrganizationId).SingleOrDefaultAsync(ct);
}
