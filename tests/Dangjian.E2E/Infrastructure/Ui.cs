using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dangjian.E2E.Infrastructure;

public static partial class Ui
{
    private static readonly Lazy<string> Screenshots = new(() =>
    {
        var folder = FindRepoRoot() is string root
            ? Path.Combine(root, "artifacts", "e2e-screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots"); // not inside the repository, e.g. a copied test folder
        Directory.CreateDirectory(folder);
        return folder;
    });

    /// <summary>artifacts/e2e-screenshots under the repository root (the folder holding Dangjian.slnx), else bin/…/screenshots.</summary>
    public static string ScreenshotFolder => Screenshots.Value;

    /// <summary>
    /// Runs a test body; on failure saves a full-page screenshot of <paramref name="page"/>, then rethrows.
    /// Also fails the test when the page logs a script error or a console error (a Content-Security-Policy violation,
    /// a missing script or stylesheet), which a passing click-through would otherwise hide.
    /// </summary>
    public static async Task RunAsync(IPage page, Func<Task> body, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            // the site has no favicon (yet); chromium asks for one on every page and logs the 404
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal)) problems.Enqueue($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => problems.Enqueue($"script error: {error}");
        try
        {
            await body();
            problems.ShouldBeEmpty("页面出现脚本或控制台错误 / the page logged errors");
        }
        catch (Exception ex) when (ex.GetType().FullName != "Xunit.Sdk.SkipException")
        {
            var name = $"{Path.GetFileNameWithoutExtension(file)}.{test}-failed.png";
            var path = await ScreenshotAsync(page, name);
            TestContext.Current.SendDiagnosticMessage($"失败截图 / failure screenshot: {path}");
            TestContext.Current.TestOutputHelper?.WriteLine($"失败截图 / failure screenshot: {path} (URL {page.Url})");
            throw;
        }
    }

    /// <summary>Full-page PNG into artifacts/e2e-screenshots; never throws (returns why it could not).</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string fileName)
    {
        var path = Path.Combine(ScreenshotFolder, fileName);
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 10_000 });
            return path;
        }
        catch (PlaywrightException ex)
        {
            return $"(截图失败 / screenshot failed: {ex.Message})";
        }
    }

    /// <summary>The id at the end of an /organizations/{id} address.</summary>
    public static long OrganizationId(string url)
    {
        var match = OrgIdPattern().Match(new Uri(url).AbsolutePath);
        match.Success.ShouldBeTrue($"不是组织详情地址 / not an organization page: {url}");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Func<string, bool> PathIs(string path) => url => new Uri(url).AbsolutePath == path;

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx"))) return dir.FullName;
        }

        return null;
    }

    [GeneratedRegex(@"^/organizations/(\d+)$")]
    private static partial Regex OrgIdPattern();
}
