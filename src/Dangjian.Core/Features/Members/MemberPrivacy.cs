using Dangjian.Core.Features.Access;

namespace Dangjian.Core.Features.Members;

/// <summary>
/// Who sees a member's ID number and phone in full: administrators of the member's organization, and the member
/// themself (domain.md §9, PIPL). Everyone else sees them masked; unmasked views are audited by the caller.
/// </summary>
public static class MemberPrivacy
{
    public static bool MaySeeUnmasked(AccessScope scope, string organizationPath) => scope.Allows(organizationPath, Permission.Administer);

    public static string IdNumberFor(bool unmasked, string idNumber) => unmasked ? idNumber : IdNumber.Mask(idNumber);

    public static string? PhoneFor(bool unmasked, string? phone) => unmasked ? phone : phone is null ? null : IdNumber.MaskPhone(phone);
}
