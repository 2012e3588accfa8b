using System.Diagnostics;
using Dangjian.Core.Features.Access;
using Dangjian.Documents.Summaries;
using Dangjian.Web.Tests.TestSupport;

namespace Dangjian.Web.Tests.Features.Summaries;

/// <summary>
/// Renders the generated half-year summary the way a reader sees it: docx → PDF → page 1 as PNG through scripts/render-docx.sh (LibreOffice, pdftoppm), into
/// artifacts/summary-page1.png. The tools are required: CI installs them, and a missing tool fails the test, never skips it.
/// </summary>
public sealed class SummaryRenderTests(SqliteApp fixture) : AppTests(fixture), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task HalfYearSummary_RendersPageOneToPng()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        var world = await SummaryWorld.CreateAsync(App, admin, Unique("R"), "城关镇机关");
        var draft = await SummaryWorld.GenerateAsync(App, world.BranchA, AccessScope.Everything(null));

        var artifacts = Path.Combine(RepositoryRoot(), "artifacts");
        Directory.CreateDirectory(artifacts);
        var work = Path.Combine(Path.GetTempPath(), "dangjian-render-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var docx = Path.Combine(work, "summary.docx");
        await File.WriteAllBytesAsync(docx, SummaryDocuments.Docx(draft));
        File.Copy(docx, Path.Combine(artifacts, "summary.docx"), overwrite: true);

        var output = await RunAsync("bash", $"\"{Path.Combine(RepositoryRoot(), "scripts", "render-docx.sh")}\" \"{docx}\" \"{Path.Combine(work, "out")}\"");
        var png = output.Trim().Split('\n')[^1].Trim();
        File.Exists(png).ShouldBeTrue($"render-docx.sh 没有生成 PNG（{png}）");
        new FileInfo(png).Length.ShouldBeGreaterThan(10_000);
        File.Copy(png, Path.Combine(artifacts, "summary-page1.png"), overwrite: true);
    }

    private static async Task<string> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, $"{file} {arguments}\n{await output}\n{await error}");
        return await output;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("找不到仓库根目录（Dangjian.slnx）");
    }
}
