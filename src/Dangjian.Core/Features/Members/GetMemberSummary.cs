using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>The few facts a transfer or status form shows about its member (no personal data).</summary>
public sealed record GetMemberSummaryQuery(long MemberId);

public sealed record MemberSummary(
    long Id, string Name, long OrganizationId, string OrganizationName, long? GroupId, MemberCategory Category, MembershipStatus Status,
    DateOnly? StatusSince, DateOnly AdmittedOn, bool IsLostContact, DateOnly? LostContactSince, DateOnly? TransferredOutOn, bool CanWrite);

public sealed class GetMemberSummaryHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<MemberSummary>> HandleAsync(GetMemberSummaryQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (
            from m in db.Set<Member>().AsNoTracking()
            join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
            where m.Id == query.MemberId
            select new { Member = m, o.Path, o.Name }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return MemberErrors.NotFound(query.MemberId);
        var member = row.Member;
        return new MemberSummary(member.Id, member.Name, member.OrganizationId, row.Name, member.GroupId, member.Category, member.Status, member.StatusSince, member.AdmittedOn,
            member.IsLostContact, member.LostContactSince, member.TransferredOutOn, scope.Allows(row.Path, Permission.Write));
    }
}
