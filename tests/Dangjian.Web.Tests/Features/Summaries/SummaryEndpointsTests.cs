using System.Net;
using System.Net.Http.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Summaries;
using Dangjian.Documents.Summaries;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Summaries;

public abstract class SummaryEndpointsTests(AppFixture fixture) : AppTests(fixture)
{
    [Fact]
    public async Task Generate_HalfYear_WritesEachRecordedFigureIntoItsSentence()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        var world = await SummaryWorld.CreateAsync(App, admin, Unique("S"));
        using var api = App.ApiClient(admin);

        var response = await api.PostAsJsonAsync("/api/v1/summaries", new { org = world.BranchA, from = "2020-01-01", to = "2020-06-30", kind = "half-year" });

        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType!.MediaType.ShouldBe(SummaryDocuments.DocxContentType);
        var disposition = response.Content.Headers.ContentDisposition!;
        (disposition.FileNameStar ?? disposition.FileName)!.ShouldContain("党建工作总结");
        var text = SummaryWorld.Text(bytes);
        text.ShouldContain($"{world.BranchAName}2020年上半年党建工作总结");
        text.ShouldContain("支部党员大会2次");
        text.ShouldContain("支委会3次");
        text.ShouldContain("讲授党课1次");
        text.ShouldContain("书记带头讲党课1次");
        text.ShouldContain("组织民主评议党员1次，4名党员参加评议");
        text.ShouldContain("一、主要工作及成效");
        text.ShouldContain("二、存在的问题");
        text.ShouldContain("三、下半年工作打算");
        // Nobody records dues here: the dues sentences are left out, never printed with 0.
        text.ShouldNotContain("应交党费");
        text.ShouldNotContain("党费收缴和管理");
    }

    [Fact]
    public async Task Generate_ModuleWithoutRecords_SentenceListedAsMissingAndFiguresMatchTheCatalogue()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        var world = await SummaryWorld.CreateAsync(App, admin, Unique("S"));

        var draft = await SummaryWorld.GenerateAsync(App, world.Root, AccessScope.Everything(null));

        var dues = draft.Missing.Single(m => m.Figures.Any(f => f.Ref == "dues.due"));
        dues.LeftOut.ShouldBeTrue();
        dues.Figures.Select(f => f.Ref).ShouldBe(["dues.due", "dues.paid", "dues.collectionRate"]);
        draft.Blocks.ShouldNotContain(b => b.Text.Contains("应交党费"));
        draft.Figures.Single(f => f.Ref == "dues.due").Value.ShouldBeNull();

        // Every figure equals the catalogue's value for the same scope and period.
        var table = await CommitteeTestData.RunAsync(App, sp => sp.GetRequiredService<GetMetricValuesHandler>().HandleAsync(
            new GetMetricValuesQuery(world.Root, MetricTargetMode.Subtree, SummaryWorld.From, SummaryWorld.To, draft.Figures.Select(f => f.Ref).ToList()),
            AccessScope.Everything(null), CancellationToken.None));
        foreach (var figure in draft.Figures)
        {
            var column = table.Columns.Single(c => c.Ref.ToString() == figure.Ref);
            table.Reading(table.Rows[0], column).Value.ShouldBe(figure.Value, figure.Ref);
        }

        // Each registered sentence whose figures all have data appears in the docx with exactly those figures.
        var text = SummaryWorld.Text(SummaryDocuments.Docx(draft));
        text.ShouldContain("支部党员大会3次、支委会3次");
        var byRef = draft.Figures.ToDictionary(f => f.Ref);
        var checkedSentences = 0;
        foreach (var sentence in SummaryRegistry.Default.Sentences.Where(s => s.Kinds.HasFlag(SummaryKinds.HalfYear))
                     .SelectMany(s => SummaryMarkup.Sentences(s.Text)).Select(t => new { Text = t }))
        {
            var refs = SummaryMarkup.Segments(sentence.Text, 1).Value.Where(x => x.Placeholder?.Ref is not null).Select(x => x.Text).ToList();
            if (refs.Count == 0 || !refs.All(r => byRef.TryGetValue(r[1..^1], out var f) && f.Value is not null)) continue;
            if (refs.All(r => byRef[r[1..^1]].Value == 0))
            {
                text.ShouldNotContain(sentence.Text[..4]);
                continue;
            }

            var expected = sentence.Text.Replace("{期间}", "上半年").Replace("{组织}", world.RootName).Replace("{年度}", "2020");
            foreach (var r in refs) expected = expected.Replace(r, byRef[r[1..^1]].Text);
            text.ShouldContain(expected);
            checkedSentences++;
        }

        checkedSentences.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Generate_BranchUser_CoversOnlyTheirSubtree()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        var world = await SummaryWorld.CreateAsync(App, admin, Unique("S"));
        var branchUser = await App.CreateUserAsync(Unique("branch"), Role.OrgAdmin, world.BranchA);
        using var api = App.ApiClient(branchUser);

        var mine = await api.PostAsJsonAsync("/api/v1/summaries", new { org = world.BranchA, from = "2020-01-01", to = "2020-06-30", kind = "half-year" });
        var other = await api.PostAsJsonAsync("/api/v1/summaries", new { org = world.BranchB, from = "2020-01-01", to = "2020-06-30", kind = "half-year" });
        var parent = await api.PostAsJsonAsync("/api/v1/summaries", new { org = world.Root, from = "2020-01-01", to = "2020-06-30", kind = "half-year" });

        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        SummaryWorld.Text(await mine.Content.ReadAsByteArrayAsync()).ShouldContain("支部党员大会2次");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        parent.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var rootDraft = await SummaryWorld.GenerateAsync(App, world.Root, AccessScope.Everything(null));
        rootDraft.Figures.Single(f => f.Ref == "meetings.count|kind=支部党员大会").Value.ShouldBe(3m);
    }

    [Fact]
    public async Task Generate_BadInput_400WithChineseMessages()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var api = App.ApiClient(admin);

        var reversed = await api.PostAsJsonAsync("/api/v1/summaries", new { org = 1, from = "2020-06-30", to = "2020-01-01", kind = "half-year" });
        var badKind = await api.PostAsJsonAsync("/api/v1/summaries", new { org = 1, from = "2020-01-01", to = "2020-06-30", kind = "monthly" });
        var missing = await api.PostAsJsonAsync("/api/v1/summaries", new { kind = "annual" });

        reversed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reversed.Content.ReadAsStringAsync()).ShouldContain("不能晚于结束日期");
        badKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badKind.Content.ReadAsStringAsync()).ShouldContain("总结类型");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("请选择组织");
    }

    [Fact]
    public async Task SaveTemplate_UnknownKey_RefusedNamingKeyAndLine()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var api = App.ApiClient(admin);
        var root = await api.CreateOrganizationAsync(null, Unique("T"), "模板测试党委", "Committee");

        var text = "# {组织}{年度}年上半年党建工作总结\n\n上半年召开支部党员大会{meetings.count|kind=支部党员大会}次，\n开展活动{meetings.nosuch}次。\n";
        var refused = await Save(root, text);

        refused.IsSuccess.ShouldBeFalse();
        var message = string.Join("\n", refused.Errors.Select(e => e.Message));
        message.ShouldContain("meetings.nosuch");
        message.ShouldContain("第 4 行");
        (await Save(root, "# 标题\n\n召开{meetings.count|kind=不存在的会}次。")).Errors[0].Message.ShouldContain("不存在的会");
        (await Save(root, "# 标题\n\n召开{meetings.count次。")).Errors[0].Message.ShouldContain("第 3 行");
    }

    [Fact]
    public async Task SaveTemplate_Twice_VersionsIncrementAndChildrenInherit()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        var world = await SummaryWorld.CreateAsync(App, admin, Unique("S"));

        (await Save(world.Root, "# {组织}半年小结\n\n## 工作\n\n{期间}开会{meetings.count|kind=支部党员大会}次。")).Value.ShouldBe(1);
        (await Save(world.Root, "# {组织}半年小结\n\n## 工作\n\n{期间}共开支部党员大会{meetings.count|kind=支部党员大会}次。\n\n## 问题\n\n[[problems]]")).Value.ShouldBe(2);

        var details = await CommitteeTestData.RunAsync(App, sp => sp.GetRequiredService<GetSummaryTemplateHandler>()
            .HandleAsync(new GetSummaryTemplateQuery(world.BranchA, SummaryKind.HalfYear), AccessScope.Everything(null), CancellationToken.None));
        details.Effective.OrganizationId.ShouldBe(world.Root);
        details.Effective.Version.ShouldBe(2);
        details.History.ShouldBeEmpty();
        var draft = await SummaryWorld.GenerateAsync(App, world.BranchA, AccessScope.Everything(null));
        draft.TemplateVersion.ShouldBe(2);
        draft.Title.ShouldBe($"{world.BranchAName}半年小结");
        draft.Blocks.ShouldContain(b => b.Text == "上半年共开支部党员大会2次。");
        var annual = await SummaryWorld.GenerateAsync(App, world.BranchA, AccessScope.Everything(null), SummaryKind.Annual);
        annual.TemplateVersion.ShouldBe(0);
    }

    [Fact]
    public async Task ShippedTemplates_EveryRegisteredSentenceResolvesAgainstTheCatalogue()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var api = App.ApiClient(admin);
        var root = await api.CreateOrganizationAsync(null, Unique("T"), "模板校验党委", "Committee");

        foreach (var kind in new[] { SummaryKind.HalfYear, SummaryKind.Annual })
        {
            var text = ShippedTemplates.Expand(ShippedTemplates.Skeleton(kind), kind, SummaryRegistry.Default);
            using var scope = App.Services.CreateScope();
            var saved = await scope.ServiceProvider.GetRequiredService<SaveSummaryTemplateHandler>()
                .HandleAsync(new SaveSummaryTemplateCommand(root, kind, text), AccessScope.Everything(null), CancellationToken.None);
            saved.IsSuccess.ShouldBeTrue(saved.IsSuccess ? "" : string.Join("\n", saved.Errors.Select(e => e.Message)));
        }
    }

    private async Task<Dangjian.Core.Common.Result<int>> Save(long organization, string text)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SaveSummaryTemplateHandler>()
            .HandleAsync(new SaveSummaryTemplateCommand(organization, SummaryKind.HalfYear, text), AccessScope.Everything(null), CancellationToken.None);
    }
}

public sealed class SummaryEndpointsTests_Sqlite(SqliteApp app) : SummaryEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class SummaryEndpointsTests_Postgres(PostgresApp app) : SummaryEndpointsTests(app), IClassFixture<PostgresApp>;
