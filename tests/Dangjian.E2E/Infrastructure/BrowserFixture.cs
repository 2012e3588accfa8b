using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Dangjian.E2E.Infrastructure.BrowserFixture))]

namespace Dangjian.E2E.Infrastructure;

/// <summary>
/// One headless Debian chromium for the whole test assembly. Never downloads a browser (no `playwright install`):
/// it launches /usr/bin/chromium through the driver that ships in the Microsoft.Playwright package.
/// When chromium is absent nothing is launched, and every browser test skips with <see cref="SkipIfNoChromium"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>/usr/bin/chromium, or the path in DANGJIAN_E2E_CHROMIUM (set it to a missing file to see the skip).</summary>
    public static readonly string ChromiumPath =
        Environment.GetEnvironmentVariable("DANGJIAN_E2E_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium 未启动 / chromium was not launched");

    /// <summary>Call first in every browser test.</summary>
    public static void SkipIfNoChromium()
    {
        if (!ChromiumAvailable)
        {
            Assert.Skip($"未找到 {ChromiumPath}，跳过浏览器端到端测试（以 root 执行 apt-get install -y chromium 后即可运行）。 / " +
                        $"{ChromiumPath} not found, so the browser end-to-end tests are skipped (install it with apt-get install -y chromium).");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!ChromiumAvailable) return;

        // failure screenshots of an earlier run would be mistaken for this run's
        foreach (var stale in Directory.EnumerateFiles(Ui.ScreenshotFolder, "*-failed.png"))
        {
            File.Delete(stale);
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
