using System.Security.Cryptography;
using System.Text;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Identity;

public sealed record CreatedApiToken(long Id, string Token, string Prefix);

/// <summary>Issues, checks and revokes personal API tokens. Tokens are random; only their hash is kept.</summary>
public sealed class ApiTokenService(IDbContextFactory<IdentityDb> dbFactory, RecordExternalChangeHandler audit, TimeProvider clock)
{
    public const string TokenPrefix = "dj_";

    public async Task<Result<CreatedApiToken>> CreateAsync(string userId, string? name, int? validDays, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) return Error.Validation("token.name_required", "请填写令牌名称", "Name");
        if (trimmed.Length > 100) return Error.Validation("token.name_too_long", "令牌名称不能超过 100 个字", "Name");
        if (validDays is < 1 or > 3650) return Error.Validation("token.valid_days", "有效天数应在 1 到 3650 之间", "ValidDays");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return Error.NotFound("user.not_found", "用户不存在");
        var token = TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new ApiToken
        {
            UserId = userId,
            Name = trimmed,
            Hash = Hash(token),
            Prefix = token[..10],
            CreatedAtUtc = now,
            ExpiresAtUtc = validDays is int days ? now.AddDays(days) : null,
        };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        await audit.HandleAsync(new RecordExternalChangeCommand(nameof(ApiToken), entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditAction.Created,
            [new FieldChange("UserId", null, userId), new FieldChange("Name", null, trimmed), new FieldChange("Prefix", null, entity.Prefix)]), ct);
        return new CreatedApiToken(entity.Id, token, entity.Prefix);
    }

    /// <summary>The user a live token belongs to, or null.</summary>
    public async Task<AppUser?> ValidateAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAtUtc == null, ct);
        if (entity is null || entity.ExpiresAtUtc <= now) return null;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == entity.UserId, ct);
        if (user is null || user.LockoutEnd > clock.GetUtcNow()) return null;
        // Recording every use would make each API call a write; to the minute is enough to tell live tokens from dead ones.
        if (entity.LastUsedAtUtc is null || now - entity.LastUsedAtUtc > TimeSpan.FromMinutes(5))
        {
            entity.LastUsedAtUtc = now;
            await db.SaveChangesAsync(ct);
        }
        return user;
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(ct);
    }

    public async Task<Result<Done>> RevokeAsync(string userId, long tokenId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (entity is null) return Error.NotFound("token.not_found", "令牌不存在");
        if (entity.RevokedAtUtc is not null) return Done.Value;
        entity.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.HandleAsync(new RecordExternalChangeCommand(nameof(ApiToken), tokenId.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditAction.Updated,
            [new FieldChange("RevokedAtUtc", null, entity.RevokedAtUtc.Value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))], "吊销令牌"), ct);
        return Done.Value;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
