using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// One member's dues: the profiles by year, every ledger month (at whichever branch held them), the payments, the month paid
/// up to, the arrears and any open 自行脱党 review case. The history follows the member: the branch that holds them now sees
/// the months owed at the branch before.
/// </summary>
public sealed record GetMemberDuesQuery(long MemberId);

public sealed record MemberDuesProfileItem(int Year, DuesMemberType MemberType, decimal? Base, decimal Monthly, bool Overridden, string? OverrideReason);

public sealed record MemberDuesLineItem(
    long LineId, DateOnly Month, long OrganizationId, string OrganizationName, decimal Due, decimal Paid, decimal Outstanding, DuesLineStatus Status, string? ExcusedReason);

public sealed record MemberDuesView(
    long MemberId, string Name, long OrganizationId, string OrganizationName, bool CanWrite, bool AllowsQuarterly, DateOnly? PaidUpTo, DateOnly LastCompletedMonth,
    int ConsecutiveMonths, DateOnly? RunFrom, int MonthsOwed, decimal Outstanding, IReadOnlyList<DuesReviewCaseItem> Cases,
    IReadOnlyList<MemberDuesProfileItem> Profiles, IReadOnlyList<MemberDuesLineItem> Lines, IReadOnlyList<DuesPaymentItem> Payments,
    IReadOnlyList<DuesPayerChoice> Payers);

/// <summary>A member of the same branch who may hand over the dues on the member's behalf (代交).</summary>
public sealed record DuesPayerChoice(long MemberId, string Name);

public sealed class GetMemberDuesHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>A branch has at most about 50 members (《支部工作条例》); the choice list stops well above that.</summary>
    public const int MaxPayers = 200;

    public async Task<Result<MemberDuesView>> HandleAsync(GetMemberDuesQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, query.MemberId, scope, Permission.Read, ct, tracking: false);
        if (!loaded.IsSuccess) return DuesLedgerErrors.MemberNotFound(query.MemberId);
        var (member, path) = loaded.Value;
        var canWrite = scope.Allows(path, Permission.Write);
        var branchName = await db.Organizations.Where(o => o.Id == member.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var last = DuesArrears.LastCompletedMonth(clock.Today());
        var arrears = await DuesArrears.Of(db, db.Set<Member>().Where(m => m.Id == member.Id).Select(m => m.Id), last).SingleOrDefaultAsync(ct);

        var profiles = (await db.Set<DuesProfile>().AsNoTracking().Where(p => p.MemberId == member.Id).OrderByDescending(p => p.Year).ToListAsync(ct))
            .Select(p => new MemberDuesProfileItem(p.Year, p.MemberType, p.Base, DuesMoney.Fen(p.Monthly), p.OverrideMonthly is not null, p.OverrideReason)).ToList();
        var lines = (await (from l in db.Set<DuesLedgerLine>().AsNoTracking()
                            join o in db.Organizations on l.OrganizationId equals o.Id
                            where l.MemberId == member.Id
                            orderby l.Month descending
                            select new { Line = l, o.Name }).ToListAsync(ct))
            .Select(r => new MemberDuesLineItem(r.Line.Id, r.Line.Month, r.Line.OrganizationId, r.Name, DuesMoney.Fen(r.Line.Due), DuesMoney.Fen(r.Line.Paid),
                DuesMoney.Fen(r.Line.Outstanding), DuesLineStatuses.Of(r.Line.Due, r.Line.Paid), r.Line.ExcusedReason)).ToList();
        var payments = await DuesPaymentItems.LoadAsync(db,
            db.Set<DuesPayment>().AsNoTracking().Where(p => p.MemberId == member.Id).OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.Id), scope, ct);
        var cases = (await (from c in db.Set<DuesReviewCase>().AsNoTracking()
                            join o in db.Organizations on c.OrganizationId equals o.Id
                            where c.MemberId == member.Id
                            orderby c.OpenedOn descending, c.Id descending
                            select new { Case = c, o.Name, o.Path }).ToListAsync(ct))
            .Select(r => new DuesReviewCaseItem(r.Case.Id, member.Id, member.Name, r.Case.OrganizationId, r.Name, r.Case.OpenedOn, r.Case.FirstUnpaidMonth,
                r.Case.ConsecutiveMonths, r.Case.Status, r.Case.DecidedOn, r.Case.Decision, scope.Allows(r.Path, Permission.Write))).ToList();

        var payers = await DuesArrears.CurrentMembers(db, db.Organizations.Where(o => o.Id == member.OrganizationId).Select(o => o.Id))
            .Where(m => m.Id != member.Id).OrderBy(m => m.Name).ThenBy(m => m.Id).Take(MaxPayers)
            .Select(m => new DuesPayerChoice(m.Id, m.Name)).ToListAsync(ct);

        return new MemberDuesView(member.Id, member.Name, member.OrganizationId, branchName, canWrite, await DuesLedgerAccess.AllowsQuarterlyAsync(db, path, ct),
            await DuesPaidUpTo.ForMemberAsync(db, member.Id, ct), last, arrears?.ConsecutiveMonths ?? 0, arrears?.RunFrom, arrears?.MonthsOwed ?? 0,
            DuesMoney.Fen(arrears?.Outstanding ?? 0m), cases, profiles, lines, payments, payers);
    }
}
