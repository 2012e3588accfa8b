using Dangjian.Cli.Infrastructure;

namespace Dangjian.Cli.Tests;

public sealed class UsageTests : CliTestBase
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("db", "explode")]
    [InlineData("db", "migrate", "extra")]
    [InlineData("admin", "create", "--user", "a")]
    [InlineData("db", "migrate", "--no-such-option", "x")]
    [InlineData("token", "create", "--user", "a", "--name", "b", "--days", "abc")]
    [InlineData("db")]
    [InlineData("db", "migrate", "-x")]
    public async Task Run_BadUsage_ExitsTwo(params string[] args)
    {
        var run = await Db.RunAsync(args);

        run.ExitCode.ShouldBe(ExitCodes.UsageError);
        run.Err.ShouldContain("用法错误");
        File.Exists(Db.File).ShouldBeFalse();
    }

    [Fact]
    public async Task Run_NoArguments_PrintsHelpAndExitsTwo()
    {
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync([], TextWriter.Null, stderr, new StringReader(""), _ => null, Ct);

        code.ShouldBe(ExitCodes.UsageError);
        stderr.ToString().ShouldContain("db migrate");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("-h")]
    public async Task Run_Help_ListsEveryCommand(string argument)
    {
        using var stdout = new StringWriter();

        var code = await CliApp.RunAsync([argument], stdout, TextWriter.Null, new StringReader(""), _ => null, Ct);

        code.ShouldBe(ExitCodes.Success);
        foreach (var command in CliApp.Commands)
        {
            stdout.ToString().ShouldContain(command.FullName);
        }
    }

    [Fact]
    public async Task Run_CommandHelp_ShowsOptionsWithoutTouchingTheDatabase()
    {
        var run = await Db.RunAsync("admin", "create", "--help");

        run.ExitCode.ShouldBe(ExitCodes.Success);
        run.Out.ShouldContain("--password");
        File.Exists(Db.File).ShouldBeFalse();
    }

    [Fact]
    public async Task Run_DatabaseUnreachable_PrintsOneLineWithoutStackTrace()
    {
        // A directory where the database file should be: SQLite cannot open it.
        Directory.CreateDirectory(Db.File);

        var run = await Db.RunAsync("db", "migrate");

        run.ExitCode.ShouldBe(ExitCodes.RuleError);
        run.Err.ShouldStartWith("出错：");
        run.Err.ShouldNotContain(" at ");
    }
}
