using Dangjian.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Identity;

public static class IdentityServices
{
    /// <summary>Identity's user store on the same database, with the lockout and password rules the platform requires.</summary>
    public static IdentityBuilder AddDangjianIdentity(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddDbContextFactory<IdentityDb>(options => IdentityDb.Configure(options, database), ServiceLifetime.Scoped);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<IdentityDb>>().CreateDbContext());
        services.AddScoped<ApiTokenService>();
        services.AddScoped<UserAdministration>();
        return services.AddIdentityCore<AppUser>(options =>
            {
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddErrorDescriber<ChineseIdentityErrors>();
    }
}
