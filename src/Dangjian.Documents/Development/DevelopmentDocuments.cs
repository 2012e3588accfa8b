using System.Globalization;
using Dangjian.Core.Features.Development.Documents;
using Dangjian.Core.Features.Members;
using Dangjian.Documents.Docx;

namespace Dangjian.Documents.Development;

/// <summary>
/// The 发展党员 documents as <see cref="OfficialDocument"/>s (docs/adr/0012): the three 公示 and the 备案 report. The wording is
/// ours; the layout is the writer's. Dates in the text follow the documents' format (2026年12月3日); in the tables they are
/// written 2026.12.03, as personnel tables do, so that eight or nine columns of 四号 text fit the 156 mm line.
/// </summary>
public static class DevelopmentDocuments
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Headers are broken by hand where a cell would otherwise wrap mid-word ("出生年/月").
    // Column widths in millimetres of the 156 mm line, from what each column must hold on one line as LibreOffice renders
    // it: a three-character name 19, "1996.05" 21, a full date 29; 序号 and 性别 take one character and a two-line header.
    private static readonly IReadOnlyList<double> NoticeWidths = [9, 19, 9, 22, 14, 25, 29, 29];
    // The 备案 table and the admission 公示 have one column more and no 序号 (the body states the count): 培养联系人 and
    // 入党介绍人 one name a line. 工作单位 holds three characters a line, so its header is broken between the two words.
    private static readonly IReadOnlyList<double> PersonTableWidths = [19, 9, 23, 14, 19, 24, 28, 20];

    /// <summary>Characters of 二号 on the 156 mm title line; a longer title is broken at a phrase rather than wherever it overflows.</summary>
    private const int TitleLineCharacters = 20;

    /// <summary>
    /// A 公示 about 发展对象, laid out for its purpose: the activists proposed as 发展对象 (numbered, with the day each became an
    /// activist), or the 发展对象 proposed for admission as 预备党员 (the 备案 table's columns: the day each became a 发展对象 and
    /// the 入党介绍人, which leave no room for 序号).
    /// </summary>
    public static OfficialDocument TargetNotice(TargetNotice notice)
    {
        var names = Names(notice.People.Select(p => p.Name).ToList());
        var admission = notice.Purpose == TargetNoticePurpose.ProposeForAdmission;
        var title = admission ? Title($"关于拟接收{names}", "为中共预备党员的公示") : Title($"关于拟确定{names}", "为发展对象的公示");
        var opening = admission
            ? $"按照《中国共产党发展党员工作细则》的要求，{notice.OrganizationName}对以下{notice.People.Count}名发展对象的培养考察、"
                + "政治审查和集中培训情况进行了审查，认为其已具备入党条件，拟提交支部党员大会讨论接收为中共预备党员，现予公示。"
            : $"按照《中国共产党发展党员工作细则》的要求，{notice.OrganizationName}对入党积极分子的培养教育和考察情况进行了研究，"
                + $"拟将以下{notice.People.Count}名同志确定为发展对象，现予公示。";
        var table = admission
            ? PersonTable("确定为发展\n对象时间", "入党\n介绍人",
                notice.People.Select(p => new TablePerson(p.Name, p.Gender, p.BirthDate, p.Education, p.Employer, p.ApplicationDate,
                    TableDate(p.TargetOn ?? p.ActivistOn), p.Sponsors ?? [])))
            : new BodyTable(
                ["序号", "姓名", "性别", "出生\n年月", "学历", "工作单位", "申请入党\n时间", "确定为积极\n分子时间"],
                notice.People.Select((p, i) => Row(i, p.Name, p.Gender, p.BirthDate, p.Education, p.Employer ?? "", TableDate(p.ApplicationDate), TableDate(p.ActivistOn))).ToList(),
                NoticeWidths);
        var blocks = new List<DocumentBlock> { new BodyParagraph(opening), table };
        blocks.AddRange(NoticeClosing(notice.OrganizationName, notice.Period, notice.Contact, notice.Phone));
        return new OfficialDocument(title, blocks, notice.OrganizationName, notice.Period.From);
    }

    public static OfficialDocument ConfirmationNotice(ConfirmationNotice notice)
    {
        var names = Names(notice.People.Select(p => p.Name).ToList());
        var blocks = new List<DocumentBlock>
        {
            new BodyParagraph($"按照《中国共产党发展党员工作细则》的要求，{notice.OrganizationName}拟在以下{notice.People.Count}名预备党员的预备期满后，"
                + "提交支部党员大会讨论其转为正式党员的问题，现予公示。"),
            new BodyTable(
                ["序号", "姓名", "性别", "出生\n年月", "学历", "所在\n党支部", "入党时间", "预备期满\n时间"],
                notice.People.Select((p, i) => Row(i, p.Name, p.Gender, p.BirthDate, p.Education, p.BranchName, TableDate(p.VotedOn),
                    TableDate(p.ProbationEndsOn) + (p.ExtensionMonths is int m ? $"\n延长{m}个月" : ""))).ToList(),
                NoticeWidths),
        };
        blocks.AddRange(NoticeClosing(notice.OrganizationName, notice.Period, notice.Contact, notice.Phone));
        return new OfficialDocument(Title($"关于{names}", "预备党员拟转正的公示"), blocks, notice.OrganizationName, notice.Period.From);
    }

    public static OfficialDocument FilingReport(FilingReport report)
    {
        var activists = report.Kind == FilingKind.Activists;
        var what = activists ? "入党积极分子" : "发展对象";
        var period = report.From == report.To
            ? OfficialDocumentWriter.FormatDate(report.From)
            : $"{OfficialDocumentWriter.FormatDate(report.From)}至{OfficialDocumentWriter.FormatDate(report.To)}";
        var basis = activists
            ? "经党员推荐、团组织推优和支部委员会研究"
            : "在听取党小组、培养联系人、党员和群众意见的基础上，经支部委员会研究";
        var blocks = new List<DocumentBlock>
        {
            new Addressee($"{report.Addressee ?? "上级党委"}："),
            new BodyParagraph($"按照《中国共产党发展党员工作细则》的规定，{period}，{report.OrganizationName}{basis}，共确定{what}{report.People.Count}名。"
                + (activists ? "" : "上述同志均已经过一年以上的培养教育和考察。") + "现将名单报上，请予备案。"),
            PersonTable(activists ? "确定为积极\n分子时间" : "确定为发展\n对象时间", activists ? "培养\n联系人" : "入党\n介绍人",
                report.People.Select(p => new TablePerson(p.Name, p.Gender, p.BirthDate, p.Education, p.Employer, p.ApplicationDate,
                    TableDate(p.DeterminedOn), p.People))),
            new BodyParagraph("特此报告。"),
        };
        return new OfficialDocument($"关于确定{what}的备案报告", blocks, report.OrganizationName, report.IssuedOn);
    }

    public static byte[] Docx(OfficialDocument document) => OfficialDocumentWriter.ToBytes(document);

    /// <summary>The download name: the title without characters a file name cannot hold.</summary>
    public static string FileName(OfficialDocument document) =>
        (string.Concat(document.Title.Replace("\n", "").Split(Path.GetInvalidFileNameChars())).Trim() is { Length: > 0 } name ? name : "发展党员文书") + ".docx";

    /// <summary>"张三同志" for one person, "张三等3名同志" for several, as titles name them.</summary>
    public static string Names(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "有关同志",
        1 => $"{names[0]}同志",
        _ => $"{names[0]}等{names.Count}名同志",
    };

    /// <summary>"2026.12.03": the table form of a date.</summary>
    public static string TableDate(DateOnly date) => date.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture);

    /// <summary>"1990.05": 出生年月, and the application in the 备案 table, whose nine columns leave no room for the day.</summary>
    public static string TableMonth(DateOnly date) => date.ToString("yyyy.MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// The title on one line when it fits, else broken before <paramref name="tail"/> (GB/T 9704 7.3.1: 回行时词意完整) instead of
    /// leaving the last character or two alone on the second line.
    /// </summary>
    public static string Title(string head, string tail) =>
        (head + tail).Sum(c => c < 0x80 ? 0.5 : 1.0) > TitleLineCharacters ? head + "\n" + tail : head + tail;

    /// <summary>"2026年12月3日至2026年12月9日（5个工作日）".</summary>
    public static string PeriodText(NoticePeriod period) =>
        $"{OfficialDocumentWriter.FormatDate(period.From)}至{OfficialDocumentWriter.FormatDate(period.To)}（{period.WorkingDays}个工作日）";

    /// <summary>A row of the table the 备案 report and the admission 公示 share: the person, a date, the people named for them.</summary>
    private sealed record TablePerson(
        string Name, Gender Gender, DateOnly BirthDate, Education? Education, string? Employer, DateOnly ApplicationDate, string DateColumn, IReadOnlyList<string> Named);

    /// <summary>姓名 … 申请入党时间 (the month), then a date column and the names column (培养联系人 or 入党介绍人, one name a line).</summary>
    private static BodyTable PersonTable(string dateHeader, string namesHeader, IEnumerable<TablePerson> people) => new(
        ["姓名", "性别", "出生\n年月", "学历", "工作\n单位", "申请入党\n时间", dateHeader, namesHeader],
        people.Select(p => (IReadOnlyList<string>)
        [
            p.Name, p.Gender.Label(), TableMonth(p.BirthDate), p.Education?.Label() ?? "",
            p.Employer ?? "", TableMonth(p.ApplicationDate), p.DateColumn, string.Join("\n", p.Named),
        ]).ToList(),
        PersonTableWidths);

    private static IReadOnlyList<string> Row(int index, string name, Gender gender, DateOnly birth, Education? education, string place, string date1, string date2) =>
        [(index + 1).ToString(CultureInfo.InvariantCulture), name, gender.Label(), TableMonth(birth), education?.Label() ?? "", place, date1, date2];

    /// <summary>The period, how to give feedback and whom to call: the same for every 公示.</summary>
    private static IEnumerable<DocumentBlock> NoticeClosing(string organization, NoticePeriod period, string? contact, string? phone)
    {
        yield return new BodyParagraph($"公示时间：{PeriodText(period)}。");
        yield return new BodyParagraph($"公示期间，党员和群众对公示对象有意见的，可以来电、来信或者当面向{organization}反映。"
            + "反映情况应当实事求是，提倡署真实姓名，组织上为反映人保密。");
        var reach = string.Join("　", new[] { contact is null ? null : $"联系人：{contact}", phone is null ? null : $"联系电话：{phone}" }.Where(x => x is not null));
        if (reach.Length > 0) yield return new BodyParagraph(reach);
    }
}
