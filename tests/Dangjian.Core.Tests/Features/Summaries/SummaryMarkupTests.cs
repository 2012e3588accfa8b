using Dangjian.Core.Features.Summaries;

namespace Dangjian.Core.Tests.Features.Summaries;

public sealed class SummaryMarkupTests
{
    [Fact]
    public void Parse_ShippedTemplates_HaveTitleSectionsProblemsAndPlans()
    {
        foreach (var kind in new[] { SummaryKind.HalfYear, SummaryKind.Annual })
        {
            var blocks = SummaryMarkup.Parse(ShippedTemplates.Skeleton(kind)).Value;
            blocks.Count(b => b.Kind == SummaryMarkupKind.Title).ShouldBe(1);
            blocks.Where(b => b.Kind == SummaryMarkupKind.Section).Select(b => b.Section).ShouldBe(Enum.GetValues<SummarySection>().Cast<SummarySection?>());
            blocks.ShouldContain(b => b.Kind == SummaryMarkupKind.Problems);
            blocks.ShouldContain(b => b.Kind == SummaryMarkupKind.Plans);
        }

        ShippedTemplates.HalfYear.ShouldContain("## 下半年工作打算");
        ShippedTemplates.Annual.ShouldContain("{组织}{年度}年度党建工作总结");
    }

    [Fact]
    public void Parse_ExpandedShippedTemplates_AreValidMarkup()
    {
        foreach (var kind in new[] { SummaryKind.HalfYear, SummaryKind.Annual })
        {
            var expanded = ShippedTemplates.Expand(ShippedTemplates.Skeleton(kind), kind, SummaryRegistry.Default);
            SummaryMarkup.Parse(expanded).IsSuccess.ShouldBeTrue();
            expanded.ShouldContain("支部党员大会{meetings.count|kind=支部党员大会}次");
            expanded.ShouldNotContain("[[section:");
        }
    }

    [Fact]
    public void Registry_EveryModuleContributes()
    {
        var keys = SummaryRegistry.Default.Sentences.Select(s => s.Text).ToList();
        foreach (var key in new[] { "meetings.count", "lectures.count", "members.count", "evaluation.sessions", "talks.count", "committee.elections", "members.transferredIn", "dues.due", "compliance.rate", "development.admitted", "development.applicants", "development.planned" })
            keys.ShouldContain(t => t.Contains("{" + key, StringComparison.Ordinal), key);
        SummaryRegistry.Default.Facts.Count.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Theory]
    [InlineData("# 标题\n\n开会{meetings.count次。", "第 3 行", "没有配对")]
    [InlineData("# 标题\n\n开会}次。", "第 3 行", "多余的")]
    [InlineData("# 标题\n\n\n开会{}次。", "第 4 行", "空的")]
    [InlineData("# 标题\n\n开会{meetings.count{kind}}次。", "第 3 行", "分类明细")]
    [InlineData("# 标题\n\n{单位}召开会议。", "第 3 行", "不是有效的指标写法")]
    [InlineData("# 标题\n[[section:不存在]]", "第 2 行", "没有名为“不存在”的部分")]
    [InlineData("# 标题\n[[other]]", "第 2 行", "不认识的指令")]
    [InlineData("正文", "缺少标题行", "")]
    [InlineData("# 甲\n# 乙", "第 2 行", "只能有一个标题")]
    public void Parse_BadSyntax_RefusedNamingTheLine(string text, string expected, string also)
    {
        var result = SummaryMarkup.Parse(text);

        result.IsSuccess.ShouldBeFalse();
        var message = string.Join("\n", result.Errors.Select(e => e.Message));
        message.ShouldContain(expected);
        message.ShouldContain(also);
    }

    [Fact]
    public void Sentences_SplitAtFullStopsButNotInsidePlaceholders()
    {
        SummaryMarkup.Sentences("甲{a.b|k=x。y}次。乙！丙").ShouldBe(["甲{a.b|k=x。y}次。", "乙！", "丙"]);
    }

    [Theory]
    [InlineData(1234.5, "元", "1,234.50")]
    [InlineData(87.46, "%", "87.5")]
    [InlineData(12, "次", "12")]
    [InlineData(0, "人", "0")]
    public void Format_FollowsUiConventions(decimal value, string unit, string expected) =>
        SummaryDrafter.Format(value, unit).ShouldBe(expected);

    [Theory]
    [InlineData("2020-01-01", "2020-06-30", "上半年")]
    [InlineData("2020-07-01", "2020-12-31", "下半年")]
    [InlineData("2020-01-01", "2020-12-31", "全年")]
    [InlineData("2020-03-01", "2020-05-31", "3月1日至5月31日")]
    public void PeriodWord_NamesTheHalvesAndTheYear(string from, string to, string expected) =>
        SummaryDrafter.PeriodWord(DateOnly.Parse(from), DateOnly.Parse(to)).ShouldBe(expected);

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(21, "二十一")]
    public void Ordinal_ChineseNumerals(int n, string expected) => SummaryDrafter.Ordinal(n).ShouldBe(expected);
}
