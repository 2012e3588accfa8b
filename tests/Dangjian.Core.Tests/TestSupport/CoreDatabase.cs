using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Organizations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Core.Tests.TestSupport;

/// <summary>
/// Core wired the way a host wires it, on a real, migrated SQLite file in a folder of its own.
/// Each test gets a fresh database; the clock is fake so China-date rules are deterministic.
/// </summary>
public sealed class CoreDatabase : IAsyncDisposable
{
    /// <summary>16:30 UTC on June 30 is already July 1 in China.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 6, 30, 16, 30, 0, TimeSpan.Zero);

    public static readonly DateOnly DefaultChinaToday = new(2026, 7, 1);

    private readonly string _folder;
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private CoreDatabase(string folder, ServiceProvider services, FakeClock clock)
    {
        _folder = folder;
        _services = services;
        _scope = services.CreateAsyncScope();
        Clock = clock;
    }

    public FakeClock Clock { get; }

    public static AccessScope Admin { get; } = AccessScope.Everything("admin");

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<CoreDatabase> StartAsync(FakeClock? clock = null)
    {
        clock ??= new FakeClock(DefaultNow);
        var folder = Path.Combine(Path.GetTempPath(), "dangjian-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock); // before AddDangjianCore, which only tries to add the system clock
        services.AddDangjianCore(DatabaseSettings.From("Sqlite", $"Data Source={Path.Combine(folder, "dangjian.db")}"));
        services.AddSingleton<ICurrentActor>(new FixedActor("u1", "测试员"));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var database = new CoreDatabase(folder, provider, clock);
        await using var db = await database.OpenAsync();
        await DatabaseMigrator.MigrateAsync(db, Ct);
        return database;
    }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public Task<DangjianDbContext> OpenAsync() => Get<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);

    public static OrganizationInput Input(string code, OrganizationKind kind, string? name = null, DateOnly? foundedOn = null, int? sortOrder = null) => new()
    {
        Code = code,
        Name = name ?? $"{code}{kind.Label()}",
        Kind = kind,
        FoundedOn = foundedOn,
        SortOrder = sortOrder,
    };

    /// <summary>Creates an organization as 系统管理员 and insists that it worked: setup must not fail silently.</summary>
    public async Task<long> CreateAsync(string code, OrganizationKind kind, long? parentId = null, DateOnly? foundedOn = null, int? sortOrder = null)
    {
        var result = await Get<CreateOrganizationHandler>().HandleAsync(
            new CreateOrganizationCommand(parentId, Input(code, kind, foundedOn: foundedOn, sortOrder: sortOrder)), Admin, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        return result.Value;
    }

    public async Task<Organization> FindAsync(long id)
    {
        await using var db = await OpenAsync();
        return await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id, Ct);
    }

    public async Task<List<Organization>> OrganizationsAsync()
    {
        await using var db = await OpenAsync();
        return await db.Organizations.AsNoTracking().OrderBy(o => o.Id).ToListAsync(Ct);
    }

    public async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = await OpenAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing cleanup must not hide the test's own outcome.
        }
    }
}
