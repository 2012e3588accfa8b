using System.Text;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Summaries;

/// <summary>
/// The two templates Dangjian ships, in our own words (docs/adr/0013). Headings are numbered when the draft is written
/// (一、…, （一）…), so a part left empty for lack of records does not leave a gap in the numbering.
/// </summary>
public static class ShippedTemplates
{
    private const string Opening =
        "{年度}年{期间}，{组织}以习近平新时代中国特色社会主义思想为指导，按照年初确定的党建工作安排，把严肃党内政治生活、加强党员教育管理、规范党费收缴等要求落到支部日常工作中。对照工作台账，现将{期间}党建工作情况总结如下。";

    private static string Body(string plansHeading)
    {
        var text = new StringBuilder();
        text.AppendLine("## 主要工作及成效").AppendLine();
        foreach (var section in Enum.GetValues<SummarySection>())
        {
            text.AppendLine($"### {section}");
            text.AppendLine($"[[section:{section}]]").AppendLine();
        }

        text.AppendLine("## 存在的问题");
        text.AppendLine("[[problems]]").AppendLine();
        text.AppendLine($"## {plansHeading}");
        text.AppendLine("[[plans]]");
        return text.ToString();
    }

    public static readonly string HalfYear =
        "# {组织}{年度}年上半年党建工作总结\n\n" + Opening + "\n\n" + Body("下半年工作打算");

    public static readonly string Annual =
        "# {组织}{年度}年度党建工作总结\n\n" + Opening + "\n\n" + Body("下一步打算");

    public static string Skeleton(SummaryKind kind) => kind == SummaryKind.Annual ? Annual : HalfYear;

    /// <summary>The text with every <c>[[section:…]]</c> line replaced by the sentences registered for it (one paragraph per section).</summary>
    public static string Expand(string text, SummaryKind kind, SummaryRegistry registry)
    {
        var result = new StringBuilder();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("[[section:", StringComparison.Ordinal) && line.EndsWith("]]", StringComparison.Ordinal)
                && SummaryMarkup.ParseSection(line["[[section:".Length..^2]) is { } section)
            {
                var sentences = registry.For(section, kind).Select(s => s.Text.Trim()).ToList();
                if (sentences.Count > 0) result.AppendLine(string.Concat(sentences));
                continue;
            }

            result.AppendLine(raw.TrimEnd());
        }

        return result.ToString().TrimEnd() + "\n";
    }
}

/// <summary>The template in force for an organization: its own latest version, else the nearest ancestor's, else the shipped one.</summary>
public sealed record EffectiveSummaryTemplate(SummaryKind Kind, string Text, int Version, long? OrganizationId, string? OrganizationName, DateTime? CreatedAtUtc, string? CreatedBy)
{
    public bool IsShipped => OrganizationId is null;

    public string SourceLabel => IsShipped ? "系统默认模板" : $"{OrganizationName} 第 {Version} 版";
}

internal static class SummaryTemplates
{
    public static async Task<EffectiveSummaryTemplate> EffectiveAsync(DangjianDbContext db, string path, SummaryKind kind, SummaryRegistry registry, CancellationToken ct)
    {
        var ids = OrgPath.Ids(path).ToList();
        var candidates = await (from t in db.Set<SummaryTemplate>().AsNoTracking()
                                join o in db.Organizations.AsNoTracking() on t.OrganizationId equals o.Id
                                where ids.Contains(t.OrganizationId) && t.Kind == kind
                                group t by new { t.OrganizationId, o.Name } into g
                                select new { g.Key.OrganizationId, g.Key.Name, Version = g.Max(t => t.Version) }).ToListAsync(ct);
        var nearest = candidates.OrderByDescending(c => ids.IndexOf(c.OrganizationId)).FirstOrDefault();
        if (nearest is null) return new EffectiveSummaryTemplate(kind, ShippedTemplates.Expand(ShippedTemplates.Skeleton(kind), kind, registry), 0, null, null, null, null);
        var row = await db.Set<SummaryTemplate>().AsNoTracking()
            .SingleAsync(t => t.OrganizationId == nearest.OrganizationId && t.Kind == kind && t.Version == nearest.Version, ct);
        return new EffectiveSummaryTemplate(kind, row.Text, row.Version, row.OrganizationId, nearest.Name, row.CreatedAtUtc, row.CreatedBy);
    }
}
