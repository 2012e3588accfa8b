using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// Records the branch's decision on a 自行脱党 review case (e.g. 经教育已补交，不作脱党处理, or 按自行脱党除名 with the
/// branch meeting's date); the case then leaves the 工作台. The decision itself (除名) is taken through the member's status.
/// </summary>
public sealed record DecideDuesReviewCaseCommand(long CaseId, DateOnly? DecidedOn, string? Decision);

public sealed class DecideDuesReviewCaseHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(DecideDuesReviewCaseCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from c in db.Set<DuesReviewCase>()
                         join o in db.Organizations on c.OrganizationId equals o.Id
                         where c.Id == command.CaseId
                         select new { Case = c, o.Path }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return DuesLedgerErrors.CaseNotFound(command.CaseId);
        var allowed = scope.Check(row.Path, Permission.Write);
        if (!allowed.IsSuccess) return allowed.FirstError;
        if (row.Case.Status != DuesCaseStatus.Open) return DuesLedgerErrors.CaseAlreadyDecided;

        var errors = new List<Error>();
        var decision = command.Decision?.Trim();
        if (string.IsNullOrEmpty(decision)) errors.Add(DuesLedgerErrors.DecisionRequired);
        else if (decision.Length > DuesReviewCase.TextMaxLength) errors.Add(DuesLedgerErrors.DecisionTooLong);
        if (command.DecidedOn is not DateOnly decidedOn) errors.Add(DuesLedgerErrors.DecidedOnRequired);
        else if (decidedOn > clock.Today()) errors.Add(DuesLedgerErrors.DecidedOnInFuture);
        else if (decidedOn < row.Case.OpenedOn) errors.Add(DuesLedgerErrors.DecidedBeforeOpened(row.Case.OpenedOn));
        if (errors.Count > 0) return Result<Done>.Failure(errors);

        row.Case.Decide(command.DecidedOn!.Value, decision!);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
