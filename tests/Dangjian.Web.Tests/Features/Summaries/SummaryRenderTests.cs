using System.Diagnostics;
using Dangjian.Core.Features.Access;
using Dangjian.Documents.Summaries;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Summaries;

/// <summary>
/// Renders the generated half-year summary the way a reader sees it: docx → PDF (LibreOffice) → page 1 as PNG (pdftoppm), into
/// artifacts/summary-page1.png. The tools are required: CI installs them, and a missing tool fails the test, never skips it.
/// </summary>
public sealed class SummaryRenderTests(SqliteApp fixture) : AppTests(fixture), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task HalfYearSummary_RendersPageOneToPng()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        var world = await SummaryWorld.CreateAsync(App, admin, "示例");
        var draft = await SummaryWorld.GenerateAsync(App, world.BranchA, AccessScope.Everything(null));

        var artifacts = Path.Combine(RepositoryRoot(), "artifacts");
        Directory.CreateDirectory(artifacts);
        var work = Path.Combine(Path.GetTempPath(), "dangjian-render-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var docx = Path.Combine(work, "summary.docx");
        await File.WriteAllBytesAsync(docx, SummaryDocuments.Docx(draft));
        File.Copy(docx, Path.Combine(artifacts, "summary.docx"), overwrite: true);

        var profile = "file://" + Path.Combine(work, "lo-profile");
        await RunAsync(Tool("soffice", "libreoffice"), $"-env:UserInstallation={profile} --headless --convert-to pdf --outdir \"{work}\" \"{docx}\"");
        var pdf = Path.Combine(work, "summary.pdf");
        File.Exists(pdf).ShouldBeTrue("LibreOffice 没有生成 PDF");
        await RunAsync(Tool("pdftoppm"), $"-png -r 80 -f 1 -l 1 -singlefile \"{pdf}\" \"{Path.Combine(work, "page1")}\"");
        var png = Path.Combine(work, "page1.png");
        File.Exists(png).ShouldBeTrue("pdftoppm 没有生成 PNG");
        new FileInfo(png).Length.ShouldBeGreaterThan(10_000);
        File.Copy(png, Path.Combine(artifacts, "summary-page1.png"), overwrite: true);
    }

    private static string Tool(params string[] names)
    {
        foreach (var name in names)
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        throw new InvalidOperationException($"找不到 {string.Join(" 或 ", names)}：渲染检查需要 LibreOffice 和 poppler-utils（CI 会安装）");
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, $"{file} {arguments}\n{await output}\n{await error}");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("找不到仓库根目录（Dangjian.slnx）");
    }
}
