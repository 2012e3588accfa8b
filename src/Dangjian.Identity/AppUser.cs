using Microsoft.AspNetCore.Identity;

namespace Dangjian.Identity;

/// <summary>A person who logs in. Core refers to users only by <see cref="IdentityUser.Id"/> and <see cref="DisplayName"/>.</summary>
public sealed class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 50;

    public string DisplayName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}
