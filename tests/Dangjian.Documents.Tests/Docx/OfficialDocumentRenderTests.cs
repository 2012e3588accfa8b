using System.Diagnostics;
using Dangjian.Documents.Docx;

namespace Dangjian.Documents.Tests.Docx;

/// <summary>
/// Renders documents through LibreOffice with scripts/render-docx.sh (docs/adr/0012). Never skipped: without soffice,
/// pdftoppm or pdftotext these tests fail, and CI (.ci/run) installs them.
/// </summary>
public sealed class OfficialDocumentRenderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dangjian-docx-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Render_SampleReport_PdfWithChineseTextAndPage1Png()
    {
        var png = await RenderAsync("report", SampleDocuments.Report());

        png.ShouldBe(Path.Combine(directory, "out", "report.png"));
        var bytes = await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken);
        bytes.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var pdf = Path.ChangeExtension(png, ".pdf");
        var info = await RunAsync("pdfinfo", pdf);
        info.ShouldContain("Pages:");
        int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim()).ShouldBeGreaterThanOrEqualTo(1);

        // The Chinese text is in the PDF as text (a missing font would drop or box it), with page number and 落款.
        var text = (await RunAsync("pdftotext", "-layout", pdf, "-")).Replace(" ", "");
        text.ShouldContain(SampleDocuments.Title[..13]);
        text.ShouldContain("一、主要工作及成效");
        text.ShouldContain("—1—");
        text.ShouldContain("—2—");
        text.ShouldContain(SampleDocuments.Issuer + "\n2026年12月3日");
    }

    [Fact]
    public async Task Render_FullPage_Holds22LinesOf28Characters()
    {
        // Page 1 holds the title, a blank line and 20 body lines; page 2 is body text only.
        var document = new OfficialDocument("测试", [new BodyParagraph(SampleDocuments.LongText(28 * 50))]);

        var png = await RenderAsync("grid", document);

        var page2 = await RunAsync("pdftotext", "-f", "2", "-l", "2", "-layout", Path.ChangeExtension(png, ".pdf"), "-");
        var lines = page2.Split('\n').Select(l => l.Replace(" ", "").Trim()).Where(l => l.Length > 0).ToList();
        lines[^1].ShouldBe("—2—");
        lines[..^1].Select(l => l.Length).ShouldBe(Enumerable.Repeat(28, 22));
    }

    private async Task<string> RenderAsync(string name, OfficialDocument document)
    {
        var docx = Path.Combine(directory, name + ".docx");
        await File.WriteAllBytesAsync(docx, OfficialDocumentWriter.ToBytes(document), TestContext.Current.CancellationToken);
        var output = await RunAsync("bash", Path.Combine(RepositoryRoot(), "scripts", "render-docx.sh"), docx, Path.Combine(directory, "out"));
        var png = output.Trim();
        File.Exists(png).ShouldBeTrue($"render-docx.sh printed '{png}'");
        File.Exists(Path.ChangeExtension(png, ".pdf")).ShouldBeTrue();
        return png;
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed (poppler-utils, libreoffice-writer): {e.Message}", e);
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            process.ExitCode.ShouldBe(0, $"{program} {string.Join(' ', arguments)} failed: {await stderr}");
            return await stdout;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (Dangjian.slnx) not found above " + AppContext.BaseDirectory);
    }
}
