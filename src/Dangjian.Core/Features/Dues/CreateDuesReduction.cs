using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>Months typed as yyyy-MM (or a date inside the month): every dues month is its first day (<see cref="DuesMonth"/>).</summary>
public static class DuesMonthText
{
    private static readonly string[] Formats = ["yyyy-MM", "yyyy-M", "yyyy-MM-dd", "yyyy-M-d", "yyyy/M", "yyyy年M月"];

    public static DateOnly? Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return DateOnly.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? DuesMonth.Of(date) : null;
    }

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>
/// A reduction or exemption for months of one year. Amount as text; months as yyyy-MM. The approvals are dates of record:
/// the branch's decision, and for anyone but a retiree the higher committee's approval.
/// </summary>
public sealed record CreateDuesReductionCommand(
    long MemberId, string? FromMonth, string? ToMonth, string? ReducedMonthly, string? Reason,
    DateOnly? BranchDecisionOn, string? BranchDecisionNote, DateOnly? HigherApprovalOn, string? HigherApprovalNote);

/// <summary>
/// 《关于中国共产党党费收缴、使用和管理的规定》 (《党费规定》): 生活确有困难的党员，经党支部研究、报上一级党委批准后，可以少交或免交党费；
/// 离退休党员经党支部同意即可. Whether the member is a retiree is the type on their profile for the year. The reduced amount is
/// at least 0 (an exemption) and below what the profile asks; a member's reductions never overlap, so each month has one amount.
/// </summary>
public sealed class CreateDuesReductionHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateDuesReductionCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, command.MemberId, scope, Permission.Write, ct, tracking: false);
        if (!loaded.IsSuccess) return loaded.FirstError.Kind == ErrorKind.NotFound ? DuesProfileErrors.MemberNotFound(command.MemberId) : loaded.FirstError;
        var (member, _) = loaded.Value;
        var today = clock.Today();

        var errors = new List<Error>();
        var from = DuesMonthText.Parse(command.FromMonth);
        var to = DuesMonthText.Parse(command.ToMonth);
        if (from is null) errors.Add(DuesProfileErrors.MonthRequired("FromMonth", "减免起始月份"));
        if (to is null) errors.Add(DuesProfileErrors.MonthRequired("ToMonth", "减免截止月份"));
        if (from is not null && to is not null)
        {
            if (to < from) errors.Add(DuesProfileErrors.MonthOrder);
            else if (to.Value.Year != from.Value.Year) errors.Add(DuesProfileErrors.ReductionAcrossYears);
        }

        var reduced = DuesCalculator.ParseAmount(command.ReducedMonthly, "ReducedMonthly", "减免后每月金额");
        if (!reduced.IsSuccess) errors.AddRange(reduced.Errors);
        var reason = Text(command.Reason);
        if (reason is null) errors.Add(DuesProfileErrors.ReductionReasonRequired);
        else if (reason.Length > DuesReduction.TextMaxLength) errors.Add(DuesProfileErrors.ReductionTextTooLong("Reason", "减免原因"));
        var branchNote = Text(command.BranchDecisionNote);
        if (branchNote?.Length > DuesReduction.TextMaxLength) errors.Add(DuesProfileErrors.ReductionTextTooLong("BranchDecisionNote", "支部决定说明"));
        var higherNote = Text(command.HigherApprovalNote);
        if (higherNote?.Length > DuesReduction.TextMaxLength) errors.Add(DuesProfileErrors.ReductionTextTooLong("HigherApprovalNote", "上级批准说明"));
        if (command.BranchDecisionOn is null) errors.Add(DuesProfileErrors.BranchDecisionRequired);
        else if (command.BranchDecisionOn > today) errors.Add(DuesProfileErrors.BranchDecisionInFuture);
        if (command.HigherApprovalOn is { } higher)
        {
            if (higher > today) errors.Add(DuesProfileErrors.HigherApprovalInFuture);
            else if (command.BranchDecisionOn is { } branch && higher < branch) errors.Add(DuesProfileErrors.HigherApprovalBeforeBranch(branch));
        }

        if (errors.Count > 0) return Result<long>.Failure(errors);

        var year = from!.Value.Year;
        var profile = await db.Set<DuesProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.MemberId == member.Id && p.Year == year, ct);
        if (profile is null) return DuesProfileErrors.NoProfileForReduction(year);
        var rule = DuesReductionRules.Check(profile.MemberType, profile.Monthly, reduced.Value, command.HigherApprovalOn);
        if (!rule.IsSuccess) return rule.FirstError;

        var overlapping = await db.Set<DuesReduction>().AsNoTracking()
            .Where(r => r.MemberId == member.Id && r.FromMonth <= to!.Value && r.ToMonth >= from.Value)
            .Select(r => new { r.FromMonth, r.ToMonth })
            .FirstOrDefaultAsync(ct);
        if (overlapping is not null) return DuesProfileErrors.ReductionOverlaps(overlapping.FromMonth, overlapping.ToMonth);

        var reduction = DuesReduction.Create(member.Id, member.OrganizationId, from.Value, to!.Value, reduced.Value, reason!,
            command.BranchDecisionOn!.Value, branchNote, command.HigherApprovalOn, higherNote);
        db.Add(reduction);
        await db.SaveChangesAsync(ct);
        return reduction.Id;
    }

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The approval and amount rules of a reduction, apart from the database, so their boundaries are tested directly.</summary>
public static class DuesReductionRules
{
    /// <summary>
    /// 《党费规定》: a retiree (离退休) needs the branch's approval only; every other member also needs the higher
    /// committee's. The reduced amount is below the normal monthly amount (0 is an exemption).
    /// </summary>
    public static Result<Done> Check(DuesMemberType type, decimal normalMonthly, decimal reducedMonthly, DateOnly? higherApprovalOn)
    {
        if (type != DuesMemberType.Retired && higherApprovalOn is null) return DuesProfileErrors.HigherApprovalRequired;
        if (reducedMonthly < 0 || reducedMonthly >= normalMonthly) return DuesProfileErrors.ReducedNotBelowNormal(normalMonthly);
        return Done.Value;
    }
}
