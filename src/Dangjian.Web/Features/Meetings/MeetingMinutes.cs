using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace Dangjian.Web.Features.Meetings;

/// <summary>
/// Renders meeting minutes, stored as the Markdown the user typed. Raw HTML is disabled (it is shown as text), and links
/// or images whose address is not http(s), mailto or relative lose their address, so minutes cannot carry script.
/// </summary>
public static class MeetingMinutes
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static MarkupString Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return new MarkupString("");
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
        }

        return new MarkupString(Markdown.ToHtml(document, Pipeline));
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;

        // Browsers ignore tabs, line breaks and control characters inside a scheme ("java\tscript:"), so the check does too.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var delimiter = compact.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon >= 0 && (delimiter < 0 || colon < delimiter);
        if (!hasScheme) return true;
        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}
