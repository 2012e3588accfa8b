using Dangjian.Cli.Infrastructure;
using Dangjian.Identity;

namespace Dangjian.Cli.Tests;

public sealed class DbMigrateTests : CliTestBase
{
    [Fact]
    public async Task DbMigrate_EmptyFile_CreatesCoreAndIdentityTables()
    {
        var run = await Db.RunAsync("db", "migrate");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("已应用 1 个迁移");
        var tables = await TablesAsync(Db.File);
        tables.ShouldContain("Organizations");
        tables.ShouldContain("RoleGrants");
        tables.ShouldContain("AuditEntries");
        tables.ShouldContain("AspNetUsers");
        tables.ShouldContain("ApiTokens");
        tables.ShouldContain("__EFMigrationsHistory");
        tables.ShouldContain(IdentityDb.HistoryTable);
    }

    [Fact]
    public async Task DbMigrate_SecondRun_ReportsUpToDate()
    {
        (await Db.RunAsync("db", "migrate")).ExitCode.ShouldBe(ExitCodes.Success);

        var again = await Db.RunAsync("db", "migrate");

        again.ExitCode.ShouldBe(ExitCodes.Success, again.Err);
        again.Out.ShouldContain("已是最新");
    }
}
