using Dangjian.Cli.Infrastructure;

namespace Dangjian.Cli.Tests;

public sealed class DbBackupTests : CliTestBase
{
    [Fact]
    public async Task DbBackup_Sqlite_WritesACopyWithTheSameOrganizations()
    {
        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);
        var target = Path.Combine(Db.Folder, "backups", "nested", "copy.db");

        var run = await Db.RunAsync("db", "backup", "--out", target);

        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        File.Exists(target).ShouldBeTrue();
        File.Exists(target + "-wal").ShouldBeFalse();
        (await CountOrganizationsAsync(target)).ShouldBe(await CountOrganizationsAsync(Db.File));
        (await CountOrganizationsAsync(target)).ShouldBe(46);
    }

    [Fact]
    public async Task DbBackup_TargetExists_ExitsOneUnlessForced()
    {
        (await Db.RunAsync("db", "migrate")).ExitCode.ShouldBe(ExitCodes.Success);
        var target = Path.Combine(Db.Folder, "copy.db");
        await File.WriteAllTextAsync(target, "old", Ct);

        var refused = await Db.RunAsync("db", "backup", "--out", target);
        var forced = await Db.RunAsync("db", "backup", "--out", target, "--force");

        refused.ExitCode.ShouldBe(ExitCodes.RuleError);
        refused.Err.ShouldContain("--force");
        forced.ExitCode.ShouldBe(ExitCodes.Success, forced.Err);
        (await CountOrganizationsAsync(target)).ShouldBe(0);
    }

    [Fact]
    public async Task DbBackup_MissingDatabaseFile_ExitsOneAndCreatesNothing()
    {
        var run = await Db.RunAsync("db", "backup", "--out", Path.Combine(Db.Folder, "copy.db"));

        run.ExitCode.ShouldBe(ExitCodes.RuleError);
        run.Err.ShouldContain("数据库文件不存在");
        File.Exists(Db.File).ShouldBeFalse();
    }

    [Fact]
    public async Task DbBackup_Postgres_ExplainsPgDumpWithoutThePassword()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(
            ["db", "backup", "--out", "/srv/backup/dangjian.dump"], stdout, stderr, new StringReader(""),
            name => name switch
            {
                CliServices.ProviderVariable => "Postgres",
                CliServices.ConnectionVariable => "Host=db.internal;Port=5433;Username=dj;Password=TopSecret9;Database=dangjian",
                _ => null,
            },
            Ct);

        code.ShouldBe(ExitCodes.Success, stderr.ToString());
        stdout.ToString().ShouldContain("pg_dump --host=db.internal --port=5433 --username=dj --format=custom --file=/srv/backup/dangjian.dump dangjian");
        stdout.ToString().ShouldNotContain("TopSecret9");
    }
}
