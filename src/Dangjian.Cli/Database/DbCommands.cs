using Dangjian.Cli.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dangjian.Cli.Database;

/// <summary><c>db migrate</c> and <c>db backup</c>.</summary>
public static class DbCommands
{
    public static readonly CliCommand Migrate = new(
        "db", "migrate", "创建或升级数据库结构（业务库与用户库）", [], MigrateAsync,
        Details: "可以重复运行：已是最新时不做任何改动。");

    public static readonly CliCommand Backup = new(
        "db", "backup", "把数据库备份到一个文件",
        [
            new("out", "备份文件路径，所在文件夹不存在时自动创建", Required: true, ValueName: "文件"),
            new("force", "备份文件已存在时覆盖它", OptionKind.Flag),
        ],
        BackupAsync,
        Details: "SQLite 使用在线备份，系统运行中也可以执行；PostgreSQL 请使用 pg_dump，本命令会给出示例命令。");

    private static async Task<int> MigrateAsync(CommandContext context, CancellationToken ct)
    {
        context.Out.WriteLine($"数据库：{CliServices.Describe(context.Database)}");
        var (core, identity) = await context.MigrateAsync(ct);
        Report(context.Out, "业务库", core);
        Report(context.Out, "用户库", identity);
        return ExitCodes.Success;
    }

    private static void Report(TextWriter writer, string label, IReadOnlyList<string> applied)
    {
        writer.WriteLine(applied.Count == 0 ? $"{label}：已是最新，无需迁移" : $"{label}：已应用 {applied.Count} 个迁移（{string.Join("、", applied)}）");
    }

    private static Task<int> BackupAsync(CommandContext context, CancellationToken ct)
    {
        var target = Path.GetFullPath(context.Required("out"));
        return Task.FromResult(context.Database.IsPostgres
            ? ExplainPgDump(context, target)
            : BackupSqlite(context, target, ct));
    }

    /// <summary>
    /// SQLite's online backup API copies a consistent snapshot page by page while the web host keeps writing (WAL mode);
    /// copying the file instead could catch it between the main file and its -wal file and produce a corrupt backup.
    /// </summary>
    private static int BackupSqlite(CommandContext context, string target, CancellationToken ct)
    {
        var sourceFile = context.Database.SqliteFile;
        if (string.IsNullOrEmpty(sourceFile) || sourceFile == ":memory:")
        {
            context.Err.WriteLine("出错：内存数据库无法备份");
            return ExitCodes.RuleError;
        }

        var source = Path.GetFullPath(sourceFile);
        if (!File.Exists(source))
        {
            context.Err.WriteLine($"出错：数据库文件不存在：{source}");
            return ExitCodes.RuleError;
        }

        if (string.Equals(source, target, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            context.Err.WriteLine("出错：备份文件不能是数据库文件本身");
            return ExitCodes.RuleError;
        }

        if (File.Exists(target) && !context.Has("force"))
        {
            context.Err.WriteLine($"出错：备份文件已存在：{target}（如需覆盖请加 --force）");
            return ExitCodes.RuleError;
        }

        ct.ThrowIfCancellationRequested();
        var folder = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // ReadWrite, not ReadWriteCreate: a mistyped path must fail rather than back up a freshly created empty database.
        var sourceConnection = new SqliteConnectionStringBuilder(context.Database.SqliteConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        // Write beside the target and move it into place at the end: a failed backup must never destroy the previous one,
        // and an existing file that is not a database (which SQLite refuses to overwrite) is simply replaced.
        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            // No pooling on the copy, so the file is closed (and can be moved) as soon as we are done.
            var targetConnection = new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString();
            using (var from = new SqliteConnection(sourceConnection))
            using (var to = new SqliteConnection(targetConnection))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);

                // The copy inherits WAL mode; switch it back so the backup is one self-contained file with no -wal/-shm companions.
                using var command = to.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=DELETE;";
                command.ExecuteNonQuery();
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        var size = new FileInfo(target).Length;
        context.Out.WriteLine($"已备份 {source}");
        context.Out.WriteLine($"备份文件：{target}（{size / 1024.0:0.#} KB）");
        return ExitCodes.Success;
    }

    /// <summary>
    /// We do not run pg_dump ourselves: its version must match the server's, and the operator's credentials belong in
    /// ~/.pgpass or PGPASSWORD rather than on our command line. Showing the exact command is the useful part.
    /// </summary>
    private static int ExplainPgDump(CommandContext context, string target)
    {
        var builder = new NpgsqlConnectionStringBuilder(context.Database.ConnectionString);
        var host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        var user = string.IsNullOrEmpty(builder.Username) ? "postgres" : builder.Username;
        var database = string.IsNullOrEmpty(builder.Database) ? user : builder.Database;
        context.Out.WriteLine("当前使用 PostgreSQL 数据库，请用 PostgreSQL 自带的 pg_dump 备份（其版本应不低于服务器版本）。示例：");
        context.Out.WriteLine();
        context.Out.WriteLine($"  pg_dump --host={Quote(host)} --port={builder.Port} --username={Quote(user)} --format=custom --file={Quote(target)} {Quote(database)}");
        context.Out.WriteLine();
        context.Out.WriteLine("密码可以写在 ~/.pgpass 中，或临时设置环境变量 PGPASSWORD。");
        context.Out.WriteLine($"恢复时使用：pg_restore --host={Quote(host)} --port={builder.Port} --username={Quote(user)} --dbname={Quote(database)} --clean --if-exists {Quote(target)}");
        return ExitCodes.Success;
    }

    /// <summary>Single-quotes for a POSIX shell when the value has anything a shell would interpret.</summary>
    private static string Quote(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '@' or '=' or ',')
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
