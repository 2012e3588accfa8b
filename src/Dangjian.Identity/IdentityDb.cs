using Dangjian.Core.Data;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Identity;

/// <summary>
/// Users, their log-in data and API tokens. Kept out of Core because Identity's stores need ASP.NET (architecture decision 0);
/// same database, own migration history table.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityUserContext<AppUser>(options)
{
    public const string HistoryTable = "__IdentityMigrationsHistory";

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength).IsRequired();
        builder.Entity<ApiToken>(token =>
        {
            token.ToTable("ApiTokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.UserId).IsRequired();
            token.Property(t => t.Name).HasMaxLength(100).IsRequired();
            token.Property(t => t.Hash).HasMaxLength(64).IsRequired();
            token.Property(t => t.Prefix).HasMaxLength(16).IsRequired();
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings database) => database.Configure(options, HistoryTable);
}
