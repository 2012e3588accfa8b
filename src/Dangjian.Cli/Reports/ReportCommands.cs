using System.Globalization;
using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Summaries;
using Dangjian.Documents.Summaries;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Reports;

/// <summary><c>report summary</c>: the drafted 党建工作总结 as a Word file, run as the system over the whole tree.</summary>
public static class ReportCommands
{
    public static readonly CliCommand Summary = new(
        "report", "summary", "起草党建工作总结（Word 文件，可附数字附表）",
        [
            new("org", "组织编码", Required: true, ValueName: "编码"),
            new("from", "统计期开始日期 yyyy-MM-dd", Required: true, ValueName: "日期"),
            new("to", "统计期结束日期 yyyy-MM-dd", Required: true, ValueName: "日期"),
            new("kind", "总结类型：half-year（半年）或 annual（年度）", Required: true, ValueName: "类型"),
            new("out", "Word 文件的保存路径（.docx）", Required: true, ValueName: "文件"),
            new("figures", "另存数字附表的路径（.xlsx），可不填", ValueName: "文件"),
        ],
        SummaryAsync,
        Details: "以系统身份按组织及其下级组织的记录起草，使用该组织生效的总结模板；草稿同时保存，可在网页“工作总结”中修改后重新下载。\n"
            + "没有记录的数字不会写成 0：整句略去或标为【待补充】，并在结束时列出。");

    private static async Task<int> SummaryAsync(CommandContext context, CancellationToken ct)
    {
        var errors = new List<Error>();
        var from = Date(context.Required("from"), "--from", errors);
        var to = Date(context.Required("to"), "--to", errors);
        var kind = SummaryKindLabels.Parse(context.Required("kind"));
        if (kind is null) errors.Add(Error.Validation("cli.kind", $"--kind 的值“{context.Required("kind")}”无效，只能是 half-year 或 annual"));
        if (errors.Count > 0) return context.Fail(errors);

        await context.MigrateAsync(ct);
        var code = context.Required("org").Trim();
        long? organizationId;
        await using (var db = await context.Service<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(ct))
        {
            organizationId = await db.Organizations.AsNoTracking().Where(o => o.Code == code).Select(o => (long?)o.Id).SingleOrDefaultAsync(ct);
        }

        if (organizationId is null) return context.Fail([Error.NotFound("cli.org", $"没有编码为“{code}”的组织")]);
        var drafted = await context.Service<GenerateSummaryHandler>()
            .HandleAsync(new GenerateSummaryCommand(organizationId, from, to, kind), AccessScope.Everything(null), ct);
        if (!drafted.IsSuccess) return context.Fail(drafted.Errors);

        var draft = drafted.Value;
        var output = context.Required("out");
        await File.WriteAllBytesAsync(output, SummaryDocuments.Docx(draft), ct);
        context.Out.WriteLine($"已起草《{draft.Title}》（草稿编号 {draft.Id}），保存到 {output}");
        if (context.Get("figures") is { } figures)
        {
            await File.WriteAllBytesAsync(figures, SummaryDocuments.Xlsx(draft), ct);
            context.Out.WriteLine($"数字附表（{draft.Figures.Count} 项）保存到 {figures}");
        }

        if (draft.Missing.Count > 0)
        {
            context.Out.WriteLine($"待补充 {draft.Missing.Count} 处：");
            foreach (var m in draft.Missing)
                context.Out.WriteLine($"  - {(m.LeftOut ? "未写入正文" : "正文中待补充")}：{string.Join("、", m.Figures.Select(f => $"{f.Label}（{f.Ref}）"))}");
        }

        return ExitCodes.Success;
    }

    private static DateOnly? Date(string text, string option, List<Error> errors)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(Error.Validation("cli.date", $"{option} 的值“{text}”不是 yyyy-MM-dd 格式的日期"));
        return null;
    }
}
