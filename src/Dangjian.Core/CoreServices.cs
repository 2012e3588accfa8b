using System.Reflection;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dangjian.Core;

public static class CoreServices
{
    /// <summary>
    /// Registers the database and every handler (a sealed class whose name ends in "Handler") as scoped services.
    /// The host supplies <see cref="ICurrentActor"/>. Attachments are stored as <paramref name="attachments"/> says, by default
    /// beside the SQLite database.
    /// </summary>
    public static IServiceCollection AddDangjianCore(this IServiceCollection services, DatabaseSettings database, AttachmentStoreSettings? attachments = null)
    {
        services.AddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<DangjianDbContext>(options => database.Configure(options), ServiceLifetime.Scoped);
        foreach (var type in typeof(CoreServices).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Name.EndsWith("Handler", StringComparison.Ordinal)))
        {
            services.AddScoped(type);
        }

        foreach (var type in typeof(CoreServices).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Features.Reminders.IReminderSource).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(Features.Reminders.IReminderSource), type);
        }

        // Every feature whose records carry attachments implements IAttachmentOwner once; the registry finds it here.
        foreach (var type in typeof(CoreServices).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAttachmentOwner).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IAttachmentOwner), type);
        }

        services.AddSingleton<AttachmentOwners>();
        services.AddSingleton(attachments ?? AttachmentStoreSettings.From(null, null, database));
        services.AddSingleton<AttachmentStore>();
        services.AddScoped<Features.Access.AccessScopeLoader>();
        return services;
    }
}
