using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Audit;

namespace Dangjian.Core.Features.Members;

/// <summary>
/// Who sees a member's ID number and phone in full: administrators of the member's organization, and the member
/// themself (domain.md §9, 个人信息保护法). Everyone else sees them masked; every unmasked view by someone other than
/// the member is audited through <see cref="RecordUnmaskedViewsAsync"/>.
/// </summary>
public static class MemberPrivacy
{
    public const string UnmaskedViewReason = "查看未脱敏的身份证号/电话";

    public static bool MaySeeUnmasked(AccessScope scope, string organizationPath) => scope.Allows(organizationPath, Permission.Administer);

    public static string IdNumberFor(bool unmasked, string idNumber) => unmasked ? idNumber : IdNumber.Mask(idNumber);

    public static string? PhoneFor(bool unmasked, string? phone) => unmasked ? phone : phone is null ? null : IdNumber.MaskPhone(phone);

    /// <summary>
    /// The one place that audits unmasked views: one "Viewed" row per member shown unmasked, filed under the member's
    /// organization, saved at once. Every page, API and export that shows unmasked data to someone other than the member calls this.
    /// </summary>
    public static async Task RecordUnmaskedViewsAsync(
        DangjianDbContext db, ICurrentActor actor, IEnumerable<(long MemberId, long OrganizationId)> members, CancellationToken ct)
    {
        var now = db.Clock.UtcNow();
        var rows = members.Distinct().Select(m => AuditEntry.Create(
            now, actor.UserId, actor.DisplayName, m.OrganizationId, nameof(Member), m.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AuditAction.Viewed, "[]", UnmaskedViewReason)).ToList();
        if (rows.Count == 0) return;
        db.AuditEntries.AddRange(rows);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Masks the ID number and phone inside an audited change of a member, for callers who may not see them.</summary>
    public static FieldChange MaskChange(FieldChange change) => change.Field switch
    {
        nameof(Member.IdNumber) => change with { Before = change.Before is null ? null : IdNumber.Mask(change.Before), After = change.After is null ? null : IdNumber.Mask(change.After) },
        nameof(Member.Phone) => change with { Before = change.Before is null ? null : IdNumber.MaskPhone(change.Before), After = change.After is null ? null : IdNumber.MaskPhone(change.After) },
        _ => change,
    };
}
