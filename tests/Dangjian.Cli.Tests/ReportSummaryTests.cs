using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Dangjian.Cli.Infrastructure;
using Dangjian.Documents.Xlsx;
using DocumentFormat.OpenXml.Packaging;

namespace Dangjian.Cli.Tests;

public sealed class ReportSummaryTests : CliTestBase
{
    [Fact]
    public async Task ReportSummary_RecordedBranch_WritesDocxAndFiguresAppendix()
    {
        (await Db.RunAsync("db", "migrate")).ExitCode.ShouldBe(ExitCodes.Success);
        var year = 2020;
        await using (var services = Db.Services())
        {
            using var scope = services.CreateScope();
            var everything = AccessScope.Everything(null);
            var root = await scope.ServiceProvider.GetRequiredService<CreateOrganizationHandler>().HandleAsync(
                new CreateOrganizationCommand(null, new OrganizationInput { Code = "CLI-R", Name = "命令行测试党委", Kind = OrganizationKind.Committee }), everything, Ct);
            var branch = await scope.ServiceProvider.GetRequiredService<CreateOrganizationHandler>().HandleAsync(
                new CreateOrganizationCommand(root.Value, new OrganizationInput { Code = "CLI-A", Name = "命令行测试党支部", Kind = OrganizationKind.Branch }), everything, Ct);
            var meeting = await scope.ServiceProvider.GetRequiredService<CreateMeetingHandler>().HandleAsync(new CreateMeetingCommand(branch.Value, new MeetingInput
            {
                HeldOn = new DateOnly(year, 3, 5), KindCodes = [MeetingKindCodes.BranchGeneralMeeting], Topic = "支部党员大会", Attendance = [],
            }), everything, Ct);
            meeting.IsSuccess.ShouldBeTrue(meeting.IsSuccess ? "" : meeting.FirstError.Message);
        }

        var docx = Path.Combine(Db.Folder, "summary.docx");
        var xlsx = Path.Combine(Db.Folder, "figures.xlsx");

        var run = await Db.RunAsync("report", "summary", "--org", "CLI-R", "--from", $"{year}-01-01", "--to", $"{year}-06-30",
            "--kind", "half-year", "--out", docx, "--figures", xlsx);

        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("已起草");
        using (var document = WordprocessingDocument.Open(docx, false))
        {
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            text.ShouldContain($"{year}年上半年党建工作总结");
            text.ShouldContain("主要工作及成效");
            text.ShouldContain("支部党员大会1次");
        }

        var rows = XlsxReader.Read(await File.ReadAllBytesAsync(xlsx, Ct))!.Select(r => r.Cells).ToList();
        rows[0].ShouldBe(new[] { "序号", "指标", "指标键", "数值", "单位", "说明" });
        rows.Skip(1).ShouldContain(r => r.Count > 2 && r[2] == "meetings.count|kind=支部党员大会");
    }

    [Fact]
    public async Task ReportSummary_UnknownOrgOrBadKind_RefusedInChinese()
    {
        var unknown = await Db.RunAsync("report", "summary", "--org", "NOPE", "--from", "2020-01-01", "--to", "2020-06-30", "--kind", "annual", "--out", Path.Combine(Db.Folder, "x.docx"));
        var kind = await Db.RunAsync("report", "summary", "--org", "NOPE", "--from", "2020-01-01", "--to", "2020-06-30", "--kind", "monthly", "--out", Path.Combine(Db.Folder, "x.docx"));

        unknown.ExitCode.ShouldBe(ExitCodes.RuleError);
        unknown.Err.ShouldContain("没有编码为“NOPE”的组织");
        kind.ExitCode.ShouldBe(ExitCodes.RuleError);
        kind.Err.ShouldContain("half-year 或 annual");
    }
}
