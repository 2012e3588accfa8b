using System.Diagnostics;
using Dangjian.Documents.Development;
using Dangjian.Documents.Docx;

namespace Dangjian.Documents.Tests.Development;

/// <summary>
/// Renders the four documents through LibreOffice (scripts/render-docx.sh, docs/adr/0012): the PDF carries the title, the
/// table and the 落款 as text, and each fits one page. Set DANGJIAN_KEEP_RENDERS to a folder to keep the .docx, .pdf and .png.
/// </summary>
public sealed class DevelopmentDocumentsRenderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dangjian-devdocs-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    public static TheoryData<string> Names => ["development-target-notice", "development-admission-notice", "development-confirmation-notice", "development-filing-report"];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Render_Document_OnePageWithTitleTableAndClosing(string name)
    {
        var document = name switch
        {
            "development-target-notice" => DevelopmentDocuments.TargetNotice(DevelopmentSamples.TargetNotice()),
            "development-admission-notice" => DevelopmentDocuments.TargetNotice(DevelopmentSamples.AdmissionNotice()),
            "development-confirmation-notice" => DevelopmentDocuments.ConfirmationNotice(DevelopmentSamples.ConfirmationNotice()),
            _ => DevelopmentDocuments.FilingReport(DevelopmentSamples.FilingReport()),
        };
        var docx = Path.Combine(directory, name + ".docx");
        await File.WriteAllBytesAsync(docx, OfficialDocumentWriter.ToBytes(document), TestContext.Current.CancellationToken);

        var png = (await RunAsync("bash", Path.Combine(RepositoryRoot(), "scripts", "render-docx.sh"), docx, Path.Combine(directory, "out"))).Trim();

        var pdf = Path.ChangeExtension(png, ".pdf");
        if (Environment.GetEnvironmentVariable("DANGJIAN_KEEP_RENDERS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            foreach (var file in new[] { docx, pdf, png }) File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);
        }
        (await RunAsync("pdfinfo", pdf)).ShouldContain("Pages:           1\n");
        var text = (await RunAsync("pdftotext", "-layout", pdf, "-")).Replace(" ", "");
        text.ShouldContain(document.Title[..10]);
        text.ShouldContain("姓名");
        text.ShouldContain(DevelopmentSamples.Branch + "\n");
        text.ShouldContain(OfficialDocumentWriter.FormatDate(document.Date!.Value));
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start");
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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException("repository root (Dangjian.slnx) not found above " + AppContext.BaseDirectory);
    }
}
