namespace Dangjian.Identity;

/// <summary>
/// A personal API token for scripts and the CLI. Only its SHA-256 hash is stored; the token itself is shown once.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>The first characters, so a user can tell tokens apart without the secret.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}
