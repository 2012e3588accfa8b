using System.Diagnostics;
using System.Globalization;
using Dangjian.Core;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Members.Import;
using Dangjian.Core.Features.Organizations;
using Dangjian.Documents.Xlsx;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Member import bench (issue 3): 10,000 valid rows through the real path — read the xlsx, open the job (rows stored as
// JSON), check every row, confirm, then commit in one transaction with placements and audit rows — on a SQLite file and
// on PostgreSQL. Usage: dotnet run -c Release [rows] ; PostgreSQL runs when DANGJIAN_TEST_POSTGRES is set.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
Console.WriteLine($"党员导入基准：{rows} 行；{Environment.ProcessorCount} 核；{System.Runtime.InteropServices.RuntimeInformation.OSDescription}；.NET {Environment.Version}");

var file = Generate(rows, branches: 40);
Console.WriteLine($"生成文件：{file.Length / 1024} KB");

var folder = Path.Combine(Path.GetTempPath(), "dangjian-bench-import", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
await RunAsync("SQLite（文件，WAL）", DatabaseSettings.From("Sqlite", $"Data Source={Path.Combine(folder, "bench.db")}"), file);
Directory.Delete(folder, recursive: true);

if (Environment.GetEnvironmentVariable("DANGJIAN_TEST_POSTGRES") is { Length: > 0 } admin)
{
    var name = "dangjian_bench_" + Guid.NewGuid().ToString("N")[..8];
    await using (var connection = new NpgsqlConnection(admin))
    {
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
    }

    try
    {
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        await RunAsync("PostgreSQL", DatabaseSettings.From("Postgres", builder.ConnectionString), file);
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
else
{
    Console.WriteLine("PostgreSQL：未设置 DANGJIAN_TEST_POSTGRES，跳过");
}

static async Task RunAsync(string label, DatabaseSettings database, byte[] file)
{
    var services = new ServiceCollection();
    services.AddDangjianCore(database);
    services.AddSingleton<ICurrentActor>(new BenchActor());
    await using var provider = services.BuildServiceProvider();
    await using var scope = provider.CreateAsyncScope();
    var sp = scope.ServiceProvider;
    var dbFactory = sp.GetRequiredService<IDbContextFactory<DangjianDbContext>>();
    await using (var db = await dbFactory.CreateDbContextAsync())
    {
        await DatabaseMigrator.MigrateAsync(db);
    }

    var everything = AccessScope.Everything("bench");
    await SeedTreeAsync(sp.GetRequiredService<CreateOrganizationHandler>(), everything, branches: 40);

    var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    var total = Stopwatch.StartNew();
    var step = Stopwatch.StartNew();
    var sheet = XlsxReader.Read(file)!;
    var read = step.Elapsed;

    step.Restart();
    var job = (await sp.GetRequiredService<StartMemberImportHandler>().HandleAsync(
        new StartMemberImportCommand("bench.xlsx", sheet.Select(r => new MemberImportRow(r.Number, r.Cells)).ToList()), everything, default)).Value;
    var stored = step.Elapsed;

    step.Restart();
    var runner = sp.GetRequiredService<RunMemberImportJobHandler>();
    await runner.HandleAsync(new RunMemberImportJobCommand(job), everything, default);
    var view = (await sp.GetRequiredService<GetMemberImportJobHandler>().HandleAsync(new GetMemberImportJobQuery(job), everything, default)).Value;
    if (view.ErrorCount > 0) throw new InvalidOperationException("基准数据有错误：" + view.Errors[0].Message + " 第 " + view.Errors[0].Row + " 行");
    var validated = step.Elapsed;

    step.Restart();
    (await sp.GetRequiredService<ConfirmMemberImportHandler>().HandleAsync(new ConfirmMemberImportCommand(job), everything, default)).IsSuccess.ToString();
    await runner.HandleAsync(new RunMemberImportJobCommand(job), everything, default);
    var committed = step.Elapsed;
    total.Stop();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;

    await using var check = await dbFactory.CreateDbContextAsync();
    var members = await check.Set<Member>().CountAsync();
    var placements = await check.Set<MemberPlacement>().CountAsync();
    var audits = await check.AuditEntries.CountAsync(a => a.EntityType == nameof(Member) || a.EntityType == nameof(MemberPlacement));
    Console.WriteLine($"{label}：读取 xlsx {S(read)}，建任务 {S(stored)}，校验 {S(validated)}，提交（复核+写入） {S(committed)}，合计 {S(total.Elapsed)}（进程 CPU {S(cpu)}，负载 {Load()}）；党员 {members}，组织关系记录 {placements}，审计 {audits}");
}

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static string S(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

static async Task SeedTreeAsync(CreateOrganizationHandler create, AccessScope scope, int branches)
{
    var root = (await create.HandleAsync(new CreateOrganizationCommand(null, new OrganizationInput { Code = "BENCH", Name = "基准测试党委", Kind = OrganizationKind.Committee }), scope, default)).Value;
    for (var b = 0; b < branches; b++)
    {
        var branch = (await create.HandleAsync(new CreateOrganizationCommand(root, new OrganizationInput { Code = $"B{b:000}", Name = $"第{b + 1}党支部", Kind = OrganizationKind.Branch }), scope, default)).Value;
        await create.HandleAsync(new CreateOrganizationCommand(branch, new OrganizationInput { Code = $"B{b:000}G1", Name = "第一党小组", Kind = OrganizationKind.Group }), scope, default);
    }
}

static byte[] Generate(int count, int branches)
{
    var random = new Random(20261122);
    string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    string[] given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"];
    var used = new HashSet<string>();
    var rows = new List<IReadOnlyList<string?>>(count);
    for (var i = 0; i < count; i++)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 40));
        var male = random.Next(2) == 0;
        string id;
        do
        {
            var seq = random.Next(0, 500) * 2 + (male ? 1 : 0);
            var first17 = (110101 + random.Next(0, 900)).ToString(CultureInfo.InvariantCulture) + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("000", CultureInfo.InvariantCulture);
            id = first17 + IdNumber.CheckCharacter(first17);
        }
        while (!used.Add(id));

        var applied = birth.AddYears(18 + random.Next(0, 10)).AddDays(random.Next(1, 300));
        var admitted = applied.AddDays(400 + random.Next(0, 700));
        var confirmed = admitted.AddYears(1);
        var branch = i % branches;
        rows.Add(
        [
            surnames[random.Next(surnames.Length)] + given[random.Next(given.Length)] + given[random.Next(given.Length)],
            male ? "男" : "女", "汉族", MemberSheet.Date(birth), id, "北京", "大学本科", "学士", "党政机关工作人员", "在职",
            "某单位", "科员", "138" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), "北京市东城区某街道",
            MemberSheet.Date(applied), MemberSheet.Date(admitted), MemberSheet.Date(confirmed), "正式党员", $"B{branch:000}", i % 3 == 0 ? $"B{branch:000}G1" : "",
        ]);
    }

    return XlsxWriter.Write(MemberSheet.SheetName, MemberSheet.Headers, rows, MemberSheet.Widths);
}

internal sealed class BenchActor : ICurrentActor
{
    public string? UserId => "bench";
    public string DisplayName => "基准测试";
}
