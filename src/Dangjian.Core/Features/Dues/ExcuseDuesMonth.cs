using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// Records the reason a member did not pay a month (党章第九条: only months unpaid 没有正当理由 count toward 自行脱党), or
/// withdraws it (<see cref="Withdraw"/>, with the reason for withdrawing). The month stays owed either way; the audit rows
/// keep who recorded what and when.
/// </summary>
public sealed record ExcuseDuesMonthCommand(long MemberId, DateOnly Month, string? Reason, bool Withdraw = false);

public sealed class ExcuseDuesMonthHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(ExcuseDuesMonthCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, command.MemberId, scope, Permission.Write, ct, tracking: false);
        if (!loaded.IsSuccess) return loaded.FirstError.Kind == ErrorKind.NotFound ? DuesLedgerErrors.MemberNotFound(command.MemberId) : loaded.FirstError;
        var reason = command.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return DuesLedgerErrors.ReasonRequired;
        if (reason.Length > DuesLedgerLine.ReasonMaxLength) return DuesLedgerErrors.ReasonTooLong;
        var month = DuesMonth.Of(command.Month);
        if (month > DuesMonth.Of(clock.Today())) return DuesLedgerErrors.ExcuseMonthNotCompleted;

        var line = await db.Set<DuesLedgerLine>().SingleOrDefaultAsync(l => l.MemberId == command.MemberId && l.Month == month, ct);
        if (line is null) return DuesLedgerErrors.LineNotFound(month);
        if (command.Withdraw)
        {
            line.Excuse(null);
            db.AuditReason = reason;
        }
        else
        {
            if (line.Paid >= line.Due) return DuesLedgerErrors.ExcuseFullyPaid;
            line.Excuse(reason);
        }

        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
