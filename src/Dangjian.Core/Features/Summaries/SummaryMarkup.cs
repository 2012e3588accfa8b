using System.Text;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Metrics;

namespace Dangjian.Core.Features.Summaries;

public enum SummaryMarkupKind
{
    Title,
    Heading1,
    Heading2,
    Paragraph,

    /// <summary><c>[[section:名称]]</c>: the sentences modules registered for the section.</summary>
    Section,

    /// <summary><c>[[problems]]</c>: problems drafted from facts.</summary>
    Problems,

    /// <summary><c>[[plans]]</c>: plans drafted from facts.</summary>
    Plans,
}

/// <summary>One block of a template, with the line it starts on (for error messages).</summary>
public sealed record SummaryMarkupBlock(SummaryMarkupKind Kind, string Text, int Line, SummarySection? Section = null);

/// <summary>A <c>{…}</c> in a template: a variable (<c>组织</c>, <c>年度</c>, <c>期间</c>) or a metric reference.</summary>
public sealed record SummaryPlaceholder(string Text, int Line, string? Variable, MetricRef? Ref);

/// <summary>A piece of a sentence: literal text, or a placeholder.</summary>
public sealed record SummarySegment(string Text, SummaryPlaceholder? Placeholder);

/// <summary>
/// The template markup of docs/adr/0013: <c># 标题</c>, <c>## 一级标题</c>, <c>### 二级标题</c>, paragraphs separated by blank
/// lines, <c>[[section:名称]]</c>, <c>[[problems]]</c>, <c>[[plans]]</c>, and placeholders <c>{指标}</c> <c>{组织}</c> <c>{年度}</c>
/// <c>{期间}</c>. A placeholder lies on one line. Lines starting with <c>//</c> are notes for the template's editor and are dropped.
/// </summary>
public static class SummaryMarkup
{
    public const string Organization = "组织";
    public const string Year = "年度";
    public const string Period = "期间";
    public static readonly IReadOnlyList<string> Variables = [Organization, Year, Period];

    /// <summary>Splits a template into blocks and checks its syntax; every error names its line.</summary>
    public static Result<IReadOnlyList<SummaryMarkupBlock>> Parse(string? text)
    {
        var blocks = new List<SummaryMarkupBlock>();
        var errors = new List<Error>();
        var lines = (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var paragraph = new StringBuilder();
        var paragraphLine = 0;

        void Flush()
        {
            if (paragraph.Length > 0) blocks.Add(new SummaryMarkupBlock(SummaryMarkupKind.Paragraph, paragraph.ToString(), paragraphLine));
            paragraph.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.StartsWith("//", StringComparison.Ordinal)) continue;
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            foreach (var error in Placeholders(line, number).Errors) errors.Add(error);
            if (line.StartsWith("[[", StringComparison.Ordinal))
            {
                Flush();
                var directive = Directive(line, number);
                if (directive.IsSuccess) blocks.Add(directive.Value);
                else errors.AddRange(directive.Errors);
                continue;
            }

            var heading = line.StartsWith("### ", StringComparison.Ordinal) ? SummaryMarkupKind.Heading2
                : line.StartsWith("## ", StringComparison.Ordinal) ? SummaryMarkupKind.Heading1
                : line.StartsWith("# ", StringComparison.Ordinal) ? SummaryMarkupKind.Title
                : (SummaryMarkupKind?)null;
            if (heading is { } kind)
            {
                Flush();
                var headingText = line.TrimStart('#').Trim();
                if (headingText.Length == 0) errors.Add(LineError(number, "标题不能为空"));
                blocks.Add(new SummaryMarkupBlock(kind, headingText, number));
                continue;
            }

            if (line.StartsWith('#')) errors.Add(LineError(number, "标题写法应为“# 标题”“## 一级标题”或“### 二级标题”（井号后空一格）"));
            if (paragraph.Length == 0) paragraphLine = number;
            paragraph.Append(line);
        }

        Flush();
        var titles = blocks.Count(b => b.Kind == SummaryMarkupKind.Title);
        if (titles == 0) errors.Add(Error.Validation("summary.template", "模板缺少标题行（以“# ”开头的一行）", "text"));
        if (titles > 1) errors.Add(LineError(blocks.Where(b => b.Kind == SummaryMarkupKind.Title).Skip(1).First().Line, "模板只能有一个标题行（“# ”）"));
        return errors.Count > 0 ? Result<IReadOnlyList<SummaryMarkupBlock>>.Failure(errors) : blocks;
    }

    /// <summary>The placeholders of one line, checked: balanced braces, a known variable or a valid single-figure reference.</summary>
    public static Result<IReadOnlyList<SummaryPlaceholder>> Placeholders(string line, int number)
    {
        var segments = Segments(line, number);
        return segments.IsSuccess
            ? segments.Value.Where(s => s.Placeholder is not null).Select(s => s.Placeholder!).ToList()
            : Result<IReadOnlyList<SummaryPlaceholder>>.Failure(segments.Errors);
    }

    /// <summary>Literal text and placeholders of a text, in order.</summary>
    public static Result<IReadOnlyList<SummarySegment>> Segments(string text, int number)
    {
        var segments = new List<SummarySegment>();
        var errors = new List<Error>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '}')
            {
                errors.Add(LineError(number, "多余的“}”，占位符应写成“{指标键}”"));
                i++;
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }

            // A reference may itself hold braces (key{dimension}), so match them by depth.
            var depth = 0;
            var end = -1;
            for (var j = i; j < text.Length; j++)
            {
                if (text[j] == '{') depth++;
                else if (text[j] == '}' && --depth == 0)
                {
                    end = j;
                    break;
                }
            }

            if (end < 0)
            {
                errors.Add(LineError(number, "“{”没有配对的“}”"));
                break;
            }

            if (literal.Length > 0) segments.Add(new SummarySegment(literal.ToString(), null));
            literal.Clear();
            var inner = text[(i + 1)..end].Trim();
            var placeholder = Placeholder(inner, number);
            if (placeholder.IsSuccess) segments.Add(new SummarySegment(text[i..(end + 1)], placeholder.Value));
            else errors.AddRange(placeholder.Errors);
            i = end + 1;
        }

        if (literal.Length > 0) segments.Add(new SummarySegment(literal.ToString(), null));
        return errors.Count > 0 ? Result<IReadOnlyList<SummarySegment>>.Failure(errors) : segments;
    }

    /// <summary>Sentences of a paragraph: each ends after 。！？ (placeholders never split).</summary>
    public static IReadOnlyList<string> Sentences(string paragraph)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var c in paragraph)
        {
            current.Append(c);
            if (c == '{') depth++;
            else if (c == '}' && depth > 0) depth--;
            else if (depth == 0 && c is '。' or '！' or '？')
            {
                result.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.ToString().Trim().Length > 0) result.Add(current.ToString());
        return result;
    }

    public static Error LineError(int line, string message) => Error.Validation("summary.template", $"第 {line} 行：{message}", "text");

    public static SummarySection? ParseSection(string name)
    {
        var trimmed = name.Trim();
        foreach (var section in Enum.GetValues<SummarySection>())
            if (section.ToString() == trimmed) return section;
        return null;
    }

    private static Result<SummaryPlaceholder> Placeholder(string inner, int number)
    {
        if (inner.Length == 0) return LineError(number, "占位符“{}”是空的");
        if (Variables.Contains(inner)) return new SummaryPlaceholder(inner, number, inner, null);
        var parsed = MetricRef.Parse(inner);
        if (!parsed.IsSuccess) return LineError(number, $"{parsed.FirstError.Message}；可用的变量：{{组织}}{{年度}}{{期间}}");
        if (parsed.Value.IsBreakdown)
            return LineError(number, $"“{inner}”是分类明细，句子里只能写一个数：请写成“{parsed.Value.Key}|{parsed.Value.Dimension}=取值”");
        return new SummaryPlaceholder(inner, number, null, parsed.Value);
    }

    private static Result<SummaryMarkupBlock> Directive(string line, int number)
    {
        if (!line.EndsWith("]]", StringComparison.Ordinal)) return LineError(number, "“[[”应以“]]”结束，且独占一行");
        var inner = line[2..^2].Trim();
        if (inner == "problems") return new SummaryMarkupBlock(SummaryMarkupKind.Problems, "", number);
        if (inner == "plans") return new SummaryMarkupBlock(SummaryMarkupKind.Plans, "", number);
        if (inner.StartsWith("section:", StringComparison.Ordinal))
        {
            var name = inner["section:".Length..];
            return ParseSection(name) is { } section
                ? new SummaryMarkupBlock(SummaryMarkupKind.Section, name.Trim(), number, section)
                : LineError(number, $"没有名为“{name.Trim()}”的部分，可用：{string.Join("、", Enum.GetNames<SummarySection>())}");
        }

        return LineError(number, $"不认识的指令“{line}”，可用：[[section:部分名称]]、[[problems]]、[[plans]]");
    }
}
