using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Summaries;
using Dangjian.Core.Features.WorkLog.CustomIndicators;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.Features.Summaries;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Dangjian.Web.Tests.Features.WorkLog.CustomIndicators.CustomIndicatorTestData;

namespace Dangjian.Web.Tests.Features.WorkLog.CustomIndicators;

/// <summary>
/// A custom indicator in a generated 党建工作总结: an organization's template names <c>{custom.key}</c>; the draft prints the
/// subtree's sum for the period, and still does after the indicator is renamed and archived (the key is the reference).
/// </summary>
public abstract class CustomIndicatorSummaryTests(AppFixture fixture) : AppTests(fixture)
{
    [Fact]
    public async Task Template_ReferencingACustomIndicator_PrintsItsSum_EvenAfterRenameAndArchive()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        var world = await SummaryWorld.CreateAsync(App, admin, Unique("CI"));
        var key = Key("drafts");
        var id = await DefineAsync(App, world.Root, key, "起草文稿");
        await RecordAsync(App, id, world.BranchA, new DateOnly(2020, 3, 10), 3);
        await RecordAsync(App, id, world.BranchB, new DateOnly(2020, 6, 30), 4);
        await RecordAsync(App, id, world.BranchB, new DateOnly(2020, 7, 1), 100); // after the half-year

        using (var scope = App.Services.CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveSummaryTemplateHandler>().HandleAsync(
                new SaveSummaryTemplateCommand(world.Root, SummaryKind.HalfYear, $"# {{组织}}半年小结\n\n## 工作\n\n{{期间}}共起草各类文稿{{custom.{key}}}篇。"),
                AccessScope.Everything(null), CancellationToken.None);
            saved.IsSuccess.ShouldBeTrue(saved.IsSuccess ? "" : string.Join("；", saved.Errors.Select(e => e.Message)));
        }

        var draft = await SummaryWorld.GenerateAsync(App, world.Root, AccessScope.Everything(null));
        draft.Blocks.ShouldContain(b => b.Text == "上半年共起草各类文稿7篇。");
        draft.Figures.Single(f => f.Key == "custom." + key).Label.ShouldBe("起草文稿");

        await CommitteeTestData.RunAsync(App, sp => sp.GetRequiredService<UpdateCustomIndicatorHandler>().HandleAsync(
            new UpdateCustomIndicatorCommand(id, new CustomIndicatorInput { Name = "起草各类文稿", Unit = "篇", Aggregation = CustomAggregation.Sum, Decimals = 0 }),
            AccessScope.Everything(null), CancellationToken.None));
        await CommitteeTestData.RunAsync(App, sp => sp.GetRequiredService<ArchiveCustomIndicatorHandler>().HandleAsync(
            new ArchiveCustomIndicatorCommand(id, true), AccessScope.Everything(null), CancellationToken.None));
        var again = await SummaryWorld.GenerateAsync(App, world.Root, AccessScope.Everything(null));
        again.Blocks.ShouldContain(b => b.Text == "上半年共起草各类文稿7篇。");
        again.Figures.Single(f => f.Key == "custom." + key).Label.ShouldBe("起草各类文稿");

        // Branch A alone: its own value.
        var branch = await SummaryWorld.GenerateAsync(App, world.BranchA, AccessScope.Everything(null));
        branch.Blocks.ShouldContain(b => b.Text == "上半年共起草各类文稿3篇。");
    }
}

public sealed class CustomIndicatorSummaryTests_Sqlite(SqliteApp app) : CustomIndicatorSummaryTests(app), IClassFixture<SqliteApp>;

public sealed class CustomIndicatorSummaryTests_Postgres(PostgresApp app) : CustomIndicatorSummaryTests(app), IClassFixture<PostgresApp>;
