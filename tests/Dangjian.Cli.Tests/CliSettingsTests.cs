using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Data;

namespace Dangjian.Cli.Tests;

public sealed class CliSettingsTests
{
    private static readonly IReadOnlySet<string> Flags = new HashSet<string> { "help", "force" };

    [Fact]
    public void ResolveDatabase_NothingGiven_UsesEmbeddedSqlite()
    {
        var settings = CliServices.ResolveDatabase(null, null, _ => null);

        settings.IsSuccess.ShouldBeTrue();
        settings.Value.IsPostgres.ShouldBeFalse();
        settings.Value.ConnectionString.ShouldBe(DatabaseSettings.DefaultSqliteConnection);
    }

    [Fact]
    public void ResolveDatabase_OptionsAndEnvironment_OptionsWin()
    {
        var environment = new Dictionary<string, string?>
        {
            [CliServices.ProviderVariable] = "Postgres",
            [CliServices.ConnectionVariable] = "Host=env;Database=env",
        };

        var fromEnvironment = CliServices.ResolveDatabase(null, null, environment.GetValueOrDefault);
        var fromOptions = CliServices.ResolveDatabase("Sqlite", "Data Source=cli.db", environment.GetValueOrDefault);

        fromEnvironment.Value.IsPostgres.ShouldBeTrue();
        fromEnvironment.Value.ConnectionString.ShouldBe("Host=env;Database=env");
        fromOptions.Value.IsPostgres.ShouldBeFalse();
        fromOptions.Value.ConnectionString.ShouldBe("Data Source=cli.db");
    }

    [Fact]
    public void ResolveDatabase_UnknownProvider_IsRefusedInsteadOfFallingBackToSqlite()
    {
        var settings = CliServices.ResolveDatabase("MySql", null, _ => null);

        settings.IsSuccess.ShouldBeFalse();
        settings.FirstError.Message.ShouldContain("MySql");
    }

    [Fact]
    public void ResolveDatabase_PostgresWithoutConnection_IsRefused()
    {
        var settings = CliServices.ResolveDatabase("Postgres", null, _ => null);

        settings.IsSuccess.ShouldBeFalse();
        settings.FirstError.Message.ShouldContain(CliServices.ConnectionVariable);
    }

    [Fact]
    public void Parse_MixedForms_CollectsWordsOptionsAndFlags()
    {
        var parsed = ArgumentParser.Parse(["admin", "--user=alice", "create", "--password", "-Dash123", "--force"], Flags);

        parsed.Error.ShouldBeNull();
        parsed.Words.ShouldBe(["admin", "create"]);
        parsed.Get("user").ShouldBe("alice");
        parsed.Get("password").ShouldBe("-Dash123");
        parsed.Has("force").ShouldBeTrue();
    }

    [Theory]
    [InlineData("--user", "a", "--user", "b")]
    [InlineData("--user")]
    [InlineData("--force=yes")]
    [InlineData("-u")]
    public void Parse_Malformed_ReportsAnError(params string[] args)
    {
        ArgumentParser.Parse(args, Flags).Error.ShouldNotBeNull();
    }
}
