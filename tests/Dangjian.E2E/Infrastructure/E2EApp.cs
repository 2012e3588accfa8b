using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Dangjian.E2E.Infrastructure;

/// <summary>
/// The real application on a real Kestrel port, with its own SQLite file and data-protection keys in a temp folder.
/// One instance per test class (class fixture), so every flow starts from its own fresh database.
/// The server starts lazily, so a machine without chromium never starts it (the tests skip first).
/// </summary>
public sealed class E2EApp : IAsyncDisposable
{
    public const string AdminUserName = "admin";
    public const string AdminDisplayName = "系统管理员";
    public const string AdminPassword = "Admin2026pass";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dangjian-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Factory? _factory;
    private string? _adminState;

    /// <summary>Base address of the running server, without a trailing slash, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    public string DatabaseFile => Path.Combine(_folder, "dangjian.db");

    public async Task<string> StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_factory is null)
            {
                Directory.CreateDirectory(_folder);
                var factory = new Factory(DatabaseFile, Path.Combine(_folder, "keys"));
                factory.UseKestrel(0);
                factory.StartServer();
                var address = factory.ClientOptions.BaseAddress;
                address.Scheme.ShouldBe("http");
                address.Port.ShouldBeGreaterThan(0, $"Kestrel 未分配端口 / Kestrel did not bind a port: {address}");
                BaseUrl = address.GetLeftPart(UriPartial.Authority);
                _factory = factory;
            }

            return BaseUrl;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A browser context signed in as the system administrator. The first call creates the administrator through the
    /// /setup page (fresh database); later calls reuse the saved cookies.
    /// </summary>
    public async Task<IBrowserContext> AdminContextAsync(IBrowser browser)
    {
        await StartAsync();
        await _gate.WaitAsync();
        try
        {
            if (_adminState is null)
            {
                await using var context = await CreateContextAsync(browser, null);
                var page = await context.NewPageAsync();
                await page.GotoAsync(BaseUrl + "/setup");
                await page.FillAsync("#UserName", AdminUserName);
                await page.FillAsync("#DisplayName", AdminDisplayName);
                await page.FillAsync("#Password", AdminPassword);
                await page.ClickAsync("#dj-setup");
                await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/organizations");
                _adminState = await context.StorageStateAsync();
            }
        }
        finally
        {
            _gate.Release();
        }

        return await CreateContextAsync(browser, _adminState);
    }

    /// <summary>A fresh, signed-out browser context whose relative addresses go to this server.</summary>
    public async Task<IBrowserContext> NewContextAsync(IBrowser browser)
    {
        await StartAsync();
        return await CreateContextAsync(browser, null);
    }

    private async Task<IBrowserContext> CreateContextAsync(IBrowser browser, string? storageState)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }

        _gate.Dispose();
    }

    private sealed class Factory(string databaseFile, string keysFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Dangjian", $"Data Source={databaseFile}");
            builder.UseSetting("DataProtection:KeysFolder", keysFolder);
            builder.UseSetting("Security:LoginAttemptsPerMinute", "1000");
            builder.UseSetting("Dues:ReviewCheckHours", "0"); // flows start from known data; the daily check would add cases mid-flow
        }
    }
}
