using Dangjian.Documents.Docx;

namespace Dangjian.Documents.Tests.Docx;

/// <summary>Documents shared by the writer and render tests; <see cref="Report"/> is the one in docs/samples.</summary>
internal static class SampleDocuments
{
    public const string Title = "中共某某市某某区委员会关于2026年度基层党组织建设工作情况的报告";
    public const string Issuer = "中共某某市某某区委员会";
    public static readonly DateOnly Date = new(2026, 12, 3);

    public static OfficialDocument Report() => new(
        Title,
        [
            new BodyParagraph("2026年，区委坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届历次全会精神，"
                + "认真落实新时代党的建设总要求和新时代党的组织路线，以提升组织力为重点，突出政治功能，推动基层党组织全面进步、全面过硬。"
                + "现将有关情况报告如下。"),
            new Heading1("一、主要工作及成效"),
            new Heading2("（一）思想建设持续加强"),
            new BodyParagraph("全年组织各级党组织开展集中学习326次，举办专题读书班12期，覆盖党员4,816人次。严格落实“三会一课”制度，"
                + "支部主题党日活动开展率达到100%。"),
            new Heading2("（二）组织体系更加健全"),
            new BodyParagraph("完成村（社区）“两委”换届后的党组织书记集中轮训，新建“两新”组织党支部9个，选派第一书记15名。"),
            new BodyTable(["序号", "党组织", "党员数", "备注"],
            [
                ["1", "第一党支部", "32", ""],
                ["2", "第二党支部", "28", "含预备党员3名"],
            ]),
            new Heading1("二、存在的问题"),
            new BodyParagraph("个别党支部“三会一课”记录不规范，党员教育管理方式还不够灵活，发展党员工作中的公示环节有时流于形式。"),
        ],
        Issuer,
        Date);

    /// <summary>Plain CJK text with no punctuation, so line breaking cannot move a character to the next line.</summary>
    public static string LongText(int characters) =>
        string.Concat(Enumerable.Repeat("党的建设是党领导的伟大社会革命的重要组成部分", characters / 22 + 1))[..characters];
}
