namespace Dangjian.Web.Tests.TestSupport;

/// <summary>
/// One running host per test class and database kind. Tests in a class share it, so each test builds its own data
/// with unique codes instead of assuming an empty database.
/// </summary>
public abstract class AppFixture(DatabaseKind kind) : IAsyncLifetime
{
    private DangjianApp? _app;

    public DatabaseKind Kind { get; } = kind;

    public bool Available => Kind == DatabaseKind.Sqlite || TestDatabase.PostgresConnection is not null;

    public DangjianApp App => _app ?? throw new InvalidOperationException("宿主未启动");

    public async ValueTask InitializeAsync()
    {
        if (Available)
        {
            _app = await DangjianApp.StartAsync(Kind);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        try
        {
            await _app.DisposeAsync();
        }
        catch (Exception e)
        {
            // Every test of the class has already reported; a host that stops badly is printed whole (to be read in
            // the CI log) rather than turned into a class-cleanup failure that hides which step threw.
            await Console.Error.WriteLineAsync($"[tests] stopping the {Kind} host failed: {e}");
        }
    }
}

public sealed class SqliteApp() : AppFixture(DatabaseKind.Sqlite);

public sealed class PostgresApp() : AppFixture(DatabaseKind.Postgres);

/// <summary>Base of every test class that runs on both databases: the PostgreSQL variant skips, with the reason, when no server is configured.</summary>
public abstract class AppTests(AppFixture fixture) : IAsyncLifetime
{
    protected DangjianApp App => fixture.App;
    protected AppFixture Fixture => fixture;

    public virtual ValueTask InitializeAsync()
    {
        if (!fixture.Available)
        {
            Assert.Skip(TestDatabase.SkipReason);
        }

        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Codes are unique per test so tests sharing a host never collide.</summary>
    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
