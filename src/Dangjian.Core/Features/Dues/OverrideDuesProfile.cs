using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// Sets (or, with <see cref="Monthly"/> empty, clears) the amount a member owes each month of the profile's year in place
/// of the computed one — for corrections the calculator cannot express, such as a 年薪制 member's actual pay. Amount as text
/// (a JSON number or string at the API, a form field on the page).
/// </summary>
public sealed record OverrideDuesProfileCommand(long ProfileId, string? Monthly, string? Reason);

/// <summary>
/// domain.md §5: "Keep a manual, audited override for corrections." The reason is required, kept on the profile and
/// written to the audit log with the change.
/// </summary>
public sealed class OverrideDuesProfileHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<DuesProfileItem>> HandleAsync(OverrideDuesProfileCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await DuesProfileAccess.LoadAsync(db, command.ProfileId, scope, Permission.Write, ct, tracking: true);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var profile = loaded.Value.Profile;

        var errors = new List<Error>();
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (reason is null) errors.Add(DuesProfileErrors.OverrideReasonRequired);
        else if (reason.Length > DuesProfile.ReasonMaxLength) errors.Add(DuesProfileErrors.ReasonTooLong);
        decimal? monthly = null;
        if (!string.IsNullOrWhiteSpace(command.Monthly))
        {
            var parsed = DuesCalculator.ParseAmount(command.Monthly, "Monthly", "每月应交金额");
            if (parsed.IsSuccess) monthly = parsed.Value;
            else errors.AddRange(parsed.Errors);
        }

        if (errors.Count > 0) return Result<DuesProfileItem>.Failure(errors);

        profile.Override(monthly, reason);
        db.AuditReason = reason;
        await db.SaveChangesAsync(ct);
        return DuesProfileItem.From(profile);
    }
}
