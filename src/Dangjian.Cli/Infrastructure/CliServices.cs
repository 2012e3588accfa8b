using Dangjian.Cli.Demo;
using Dangjian.Core;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Infrastructure;

/// <summary>The same services the web host uses, without a web host: the CLI calls the real handlers, never the database directly.</summary>
public static class CliServices
{
    public const string ProviderVariable = "Database__Provider";
    public const string ConnectionVariable = "ConnectionStrings__Dangjian";

    /// <summary>
    /// Command line first, then the environment variables the web host reads (so one shell setup serves both), then
    /// the embedded default. An unknown provider is refused: silently falling back to SQLite would migrate the wrong database.
    /// </summary>
    public static Result<DatabaseSettings> ResolveDatabase(string? providerOption, string? connectionOption, Func<string, string?> environment)
    {
        var fromOption = providerOption is not null;
        var provider = providerOption ?? Blank(environment(ProviderVariable));
        var connection = connectionOption ?? Blank(environment(ConnectionVariable));
        var source = fromOption ? "--provider" : ProviderVariable;
        if (provider is not null && !IsKnownProvider(provider))
        {
            return Error.Validation("cli.provider", $"{source} 的值“{provider}”无效，只能是 Sqlite 或 Postgres");
        }

        var isPostgres = provider is not null && !string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase);
        if (isPostgres && connection is null)
        {
            return Error.Validation("cli.connection", $"使用 PostgreSQL 时必须用 --connection 或环境变量 {ConnectionVariable} 指定连接字符串");
        }

        return DatabaseSettings.From(provider, connection);
    }

    public static ServiceProvider Build(DatabaseSettings database, ICurrentActor actor)
    {
        var services = new ServiceCollection();
        // No logging provider on purpose: EF's SQL log would drown the messages the operator needs to read.
        services.AddLogging();
        services.AddSingleton(actor);
        services.AddDangjianCore(database);
        services.AddDangjianIdentity(database);
        services.AddDemoSeeding();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The audit log names who ran the command: "命令行:<OS user>" tells two operators on one server apart.</summary>
    public static ICurrentActor OperatorActor()
    {
        string? osUser;
        try
        {
            osUser = Environment.UserName;
        }
        catch (InvalidOperationException)
        {
            osUser = null;
        }

        return new FixedActor(null, string.IsNullOrWhiteSpace(osUser) ? "命令行" : $"命令行:{osUser}");
    }

    /// <summary>What to print about the database without leaking a password from the connection string.</summary>
    public static string Describe(DatabaseSettings database)
    {
        if (!database.IsPostgres)
        {
            return $"SQLite（{Path.GetFullPath(database.SqliteFile ?? "")}）";
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"PostgreSQL（{builder.Host}:{builder.Port}/{builder.Database}）";
    }

    private static bool IsKnownProvider(string provider) =>
        provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)
        || provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
        || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
