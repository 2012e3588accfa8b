using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dangjian.Core;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Monthly dues ledger bench (issue 5): one month's ledger for 100,000 members (2,000 branches × 50) generated through
// GenerateDuesLedgerHandler — the same set-based path the page and the API run — on a SQLite file and on PostgreSQL.
// The tree is built through CreateOrganizationHandler; members, placements and profiles are bulk-inserted (they are the
// input, not what is measured). Usage: dotnet run -c Release [branches] [membersPerBranch];
// PostgreSQL runs when DANGJIAN_TEST_POSTGRES holds a connection string whose role may CREATE DATABASE.
var explain = args.Contains("--explain");
var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var branches = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 2_000;
var perBranch = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 50;
Console.WriteLine($"党费月度台账基准：{branches} 个党支部 × {perBranch} 名党员 = {branches * perBranch} 名；{Environment.ProcessorCount} 核 {CpuModel()}；" +
                  $"内存 {MemoryGb()}；{System.Runtime.InteropServices.RuntimeInformation.OSDescription}；.NET {Environment.Version}；{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

var folder = Path.Combine(Path.GetTempPath(), "dangjian-bench-dues", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    await RunAsync("SQLite（文件，WAL）", DatabaseSettings.From("Sqlite", $"Data Source={Path.Combine(folder, "bench.db")}"), branches, perBranch, explain);
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

if (Environment.GetEnvironmentVariable("DANGJIAN_TEST_POSTGRES") is { Length: > 0 } admin)
{
    var name = "dangjian_bench_dues_" + Guid.NewGuid().ToString("N")[..8];
    await using (var connection = new NpgsqlConnection(admin))
    {
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
    }

    try
    {
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        await RunAsync("PostgreSQL", DatabaseSettings.From("Postgres", builder.ConnectionString), branches, perBranch, explain);
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

static async Task RunAsync(string label, DatabaseSettings database, int branches, int perBranch, bool explain)
{
    var services = new ServiceCollection();
    services.AddDangjianCore(database);
    services.AddSingleton<ICurrentActor>(new FixedActor("bench", "基准测试"));
    await using var provider = services.BuildServiceProvider();
    await using var scope = provider.CreateAsyncScope();
    var sp = scope.ServiceProvider;
    var dbFactory = sp.GetRequiredService<IDbContextFactory<DangjianDbContext>>();
    await using (var db = await dbFactory.CreateDbContextAsync())
    {
        await DatabaseMigrator.MigrateAsync(db);
    }

    var everything = AccessScope.Everything("bench");
    var month = DuesMonth.Of(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));
    var seed = Stopwatch.StartNew();
    var (root, branchIds) = await SeedTreeAsync(sp.GetRequiredService<CreateOrganizationHandler>(), everything, branches);
    var tree = seed.Elapsed;
    seed.Restart();
    var moved = await SeedMembersAsync(dbFactory, branchIds, perBranch, month);
    Console.WriteLine($"{label}：准备数据 — 组织 {branches + 1} 个（经 CreateOrganizationHandler）{S(tree)}；党员、组织关系、{month.Year} 年基数批量写入 {S(seed.Elapsed)}（其中 {moved} 人本月中旬转到相邻支部）");

    if (explain)
    {
        // The candidate query exactly as the handler sends it, with the database's plan (executed, on PostgreSQL).
        await using var db = await dbFactory.CreateDbContextAsync();
        var branchQuery = db.Organizations.AsNoTracking().InSubtree((await db.Organizations.SingleAsync(o => o.Id == root)).Path);
        var existing = db.Set<DuesLedgerLine>();
        var query = DuesLedgerGeneration.Candidates(db, branchQuery, month)
            .Select(c => new PendingLine(c.MemberId, c.OrganizationId, c.Due, existing.Any(l => l.MemberId == c.MemberId && l.Month == month)));
        await using var command = query.CreateDbCommand();
        await command.Connection!.OpenAsync();
        Console.WriteLine(command.CommandText);
        command.CommandText = (database.IsPostgres ? "EXPLAIN ANALYZE " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) Console.WriteLine(database.IsPostgres ? reader.GetString(0) : $"{reader.GetValue(0)} {reader.GetValue(1)} {reader.GetValue(3)}");
    }

    var handler = sp.GetRequiredService<GenerateDuesLedgerHandler>();
    var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    var timer = Stopwatch.StartNew();
    var first = (await handler.HandleAsync(new GenerateDuesLedgerCommand(root, month), everything, default)).Value;
    var generate = timer.Elapsed;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;

    timer.Restart();
    var again = (await handler.HandleAsync(new GenerateDuesLedgerCommand(root, month), everything, default)).Value;
    var regenerate = timer.Elapsed;

    timer.Restart();
    var overview = (await sp.GetRequiredService<GetDuesOverviewHandler>().HandleAsync(new GetDuesOverviewQuery(root, month), everything, default)).Value;
    var overviewTime = timer.Elapsed;

    timer.Restart();
    var ledger = (await sp.GetRequiredService<GetDuesLedgerHandler>().HandleAsync(new GetDuesLedgerQuery(branchIds[branches / 2], month), everything, default)).Value;
    var ledgerTime = timer.Elapsed;

    await using var check = await dbFactory.CreateDbContextAsync();
    var lines = await check.Set<DuesLedgerLine>().CountAsync(l => l.Month == month);
    var dueSum = await check.Set<DuesLedgerLine>().Where(l => l.Month == month).SumAsync(l => l.Due);
    var expected = ExpectedDue(branches * perBranch);

    // Members who moved mid-month owe the month at the branch that held them on the 1st: the one where their first placement is.
    var movedAtOldBranch = await (from l in check.Set<DuesLedgerLine>()
                                  join p in check.Set<Dangjian.Core.Features.Members.MemberPlacement>() on l.MemberId equals p.MemberId
                                  where l.Month == month && p.To != null && p.OrganizationId == l.OrganizationId
                                  select l.Id).CountAsync();
    if (movedAtOldBranch != moved) throw new InvalidOperationException($"转出支部的台账 {movedAtOldBranch} 条，应为 {moved}");
    if (first.Created != branches * perBranch || lines != first.Created || again.Created != 0 || dueSum != expected || overview.Due != expected)
    {
        throw new InvalidOperationException($"结果不对：新增 {first.Created}，台账 {lines}，再次生成新增 {again.Created}，应交合计 {dueSum}（应为 {expected}），概况 {overview.Due}");
    }

    Console.WriteLine($"{label}：生成 {first.Created} 条 {S(generate)}（进程 CPU {S(cpu)}）；再次生成（已有，新增 {again.Created}） {S(regenerate)}；" +
                      $"全市概况（{overview.Branches.Total} 个支部的合计 + 第 1 页） {S(overviewTime)}；一个支部的台账页 {S(ledgerTime)}（{ledger.Members} 人）；" +
                      $"应交合计 {dueSum:#,##0.00} 元，与逐人金额之和一致；负载 {Load()}");
}

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static string S(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

static string CpuModel() => File.Exists("/proc/cpuinfo")
    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
    : "?";

static string MemoryGb() => File.Exists("/proc/meminfo")
    ? (long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024) + " GB"
    : "?";

// Monthly dues of member i: computed by the real calculator from a spread of bases (1,800–21,800 元), so the amounts are the
// awkward ones (33.34, 76.50 …) and the sum checks the fen.
static decimal Monthly(int i) => DuesCalculator.Monthly(DuesMemberType.Salaried, 1800m + (i * 7919 % 2_000_000) / 100m).Value.Monthly;

static decimal ExpectedDue(int members)
{
    var sum = 0m;
    for (var i = 0; i < members; i++) sum += Monthly(i);
    return sum;
}

static async Task<(long Root, List<long> Branches)> SeedTreeAsync(CreateOrganizationHandler create, AccessScope scope, int branches)
{
    var root = (await create.HandleAsync(new CreateOrganizationCommand(null, new OrganizationInput { Code = "BENCH", Name = "基准测试党委", Kind = OrganizationKind.Committee }), scope, default)).Value;
    var ids = new List<long>(branches);
    for (var b = 0; b < branches; b++)
    {
        ids.Add((await create.HandleAsync(new CreateOrganizationCommand(root, new OrganizationInput { Code = $"B{b:0000}", Name = $"第{b + 1}党支部", Kind = OrganizationKind.Branch }), scope, default)).Value);
    }

    return (root, ids);
}

// Members, their placements and their profiles as multi-row INSERTs in one transaction. Every 100th member moved to the next
// branch on the 15th of the month: the ledger must put that month at the old branch only.
static async Task<int> SeedMembersAsync(IDbContextFactory<DangjianDbContext> dbFactory, List<long> branches, int perBranch, DateOnly month)
{
    await using var db = await dbFactory.CreateDbContextAsync();
    await using var transaction = await db.Database.BeginTransactionAsync();
    var total = branches.Count * perBranch;
    var moved = 0;
    const int batch = 1000;
    var midMonth = month.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    for (var start = 0; start < total; start += batch)
    {
        var members = new StringBuilder("INSERT INTO \"Members\" (\"Id\", \"Name\", \"Gender\", \"Ethnicity\", \"BirthDate\", \"IdNumber\", \"EmploymentStatus\", \"IsLeadingCadre\", \"AdmittedOn\", \"Category\", \"Status\", \"IsMobile\", \"IsLostContact\", \"OrganizationId\", \"HasApplicationLetter\", \"HasVolunteerForm\", \"HasPoliticalReview\", \"HasConfirmationApplication\") VALUES ");
        var placements = new StringBuilder("INSERT INTO \"MemberPlacements\" (\"MemberId\", \"OrganizationId\", \"From\", \"To\") VALUES ");
        var profiles = new StringBuilder("INSERT INTO \"DuesProfiles\" (\"MemberId\", \"OrganizationId\", \"Year\", \"MemberType\", \"ComputedMonthly\") VALUES ");
        for (var i = start; i < Math.Min(start + batch, total); i++)
        {
            var id = i + 1;
            var branchIndex = i / perBranch;
            var branch = branches[branchIndex];
            var separator = i == start ? "" : ", ";
            var movesOn = i % 100 == 99;
            var current = movesOn ? branches[(branchIndex + 1) % branches.Count] : branch;
            if (movesOn) moved++;
            members.Append(CultureInfo.InvariantCulture,
                $"{separator}({id}, '党员{id}', 'Male', '汉族', '1980-01-01', 'B{id:00000000000000000}', 'Employed', FALSE, '2010-01-01', 'Full', 'Normal', FALSE, FALSE, {current}, FALSE, FALSE, FALSE, FALSE)");
            if (movesOn) placements.Append(CultureInfo.InvariantCulture, $"{separator}({id}, {branch}, '2010-01-01', '{midMonth}'), ({id}, {current}, '{midMonth}', NULL)");
            else placements.Append(CultureInfo.InvariantCulture, $"{separator}({id}, {branch}, '2010-01-01', NULL)");
            profiles.Append(CultureInfo.InvariantCulture, $"{separator}({id}, {branch}, {month.Year}, 'Salaried', '{Monthly(i).ToString(CultureInfo.InvariantCulture)}')");
        }

        await db.Database.ExecuteSqlRawAsync(members.ToString());
        await db.Database.ExecuteSqlRawAsync(placements.ToString());
        await db.Database.ExecuteSqlRawAsync(profiles.ToString());
    }

    await transaction.CommitAsync();

    // What autovacuum does shortly after a load of this size on a live server; without it the planner believes the tables
    // are empty and nests loops over them. (SQLite has no statistics unless asked, and the application never asks.)
    if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("ANALYZE \"Organizations\", \"Members\", \"MemberPlacements\", \"DuesProfiles\", \"DuesLedgerLines\"");
    return moved;
}
