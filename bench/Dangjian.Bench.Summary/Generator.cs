using Dangjian.Bench.Shared;
using System.Globalization;
using System.Text;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Bench.Summary;

/// <summary>
/// The measured subtree: one 区委 → <see cref="GeneralBranches"/> 党总支 → branches (<see cref="Branches"/> in all), under a
/// 市委 that also holds a sibling 区委 with <see cref="SiblingBranches"/> branches of the same data, so every query has to
/// pick the subtree out of a larger database.
/// </summary>
internal sealed record TreeShape(int Branches, int GeneralBranches, int SiblingBranches, int MembersPerBranch)
{
    public int BranchesPerGeneral => Branches / GeneralBranches;

    public int Organizations => 1 + 1 + GeneralBranches + Branches + (SiblingBranches > 0 ? 1 + SiblingBranches : 0);

    public static TreeShape For(int branches, int generalBranches, int siblingBranches, int membersPerBranch)
    {
        if (branches <= 0 || generalBranches <= 0 || branches % generalBranches != 0)
            throw new ArgumentException($"--branches ({branches}) must be a positive multiple of --general-branches ({generalBranches})");
        if (membersPerBranch < 5) throw new ArgumentException("--members must be at least 5 (书记, two 委员, lecturers)");
        return new TreeShape(branches, generalBranches, siblingBranches, membersPerBranch);
    }

    public string Describe() =>
        $"市委 → 区委 (the measured subtree) → {GeneralBranches} 党总支 → {BranchesPerGeneral} 党支部 each = **{Branches:N0} branches**, " +
        $"{MembersPerBranch} members each ({Branches * MembersPerBranch:N0}); beside it a sibling 区委 with {SiblingBranches:N0} branches of the same data " +
        $"({SiblingBranches * MembersPerBranch:N0} members); {Organizations:N0} organizations in all";
}

internal sealed record BenchTree(
    long CityId, long RootId, IReadOnlyList<long> GeneralBranchIds, IReadOnlyList<long> Branches, IReadOnlyList<long> SiblingBranches, IReadOnlyDictionary<long, long> ParentOf)
{
    public IEnumerable<long> AllBranches => Branches.Concat(SiblingBranches);
}

/// <summary>
/// Builds the tree through <see cref="CreateOrganizationHandler"/> (the application computes the materialized paths, as in
/// the dues and compliance benches), then the year's records by bulk INSERT: members and placements, meetings with their kinds,
/// attendance of the 支部党员大会 and 组织生活会 (one INSERT … SELECT), 谈心谈话 and a 民主评议 session per branch.
/// </summary>
internal static class Generator
{
    /// <summary>Meetings per branch and year, by built-in kind: what the summary counts.</summary>
    public static readonly IReadOnlyList<(string Code, int PerYear)> Plan =
    [
        (MeetingKindCodes.CommitteeMeeting, 12),
        (MeetingKindCodes.BranchGeneralMeeting, 4),
        (MeetingKindCodes.PartyLecture, 4),
        (MeetingKindCodes.ThemeDay, 12),
        (MeetingKindCodes.OrganizationalLifeMeeting, 1),
    ];

    private static long Kind(string code) => MeetingKindCodes.BuiltIn.Single(k => k.Code == code).Id;

    private static string KindName(string code) => MeetingKindCodes.BuiltIn.Single(k => k.Code == code).Name;

    public static async Task<BenchTree> CreateTreeAsync(CreateOrganizationHandler create, TreeShape shape)
    {
        var scope = AccessScope.Everything("bench");
        async Task<long> CreateAsync(long? parent, string code, string name, OrganizationKind kind)
        {
            var result = await create.HandleAsync(new CreateOrganizationCommand(parent, new OrganizationInput { Code = code, Name = name, Kind = kind }), scope, default);
            if (!result.IsSuccess) throw new InvalidOperationException($"{code}: {result.FirstError.Message}");
            return result.Value;
        }

        var city = await CreateAsync(null, "C", "市委", OrganizationKind.Committee);
        var root = await CreateAsync(city, "D1", "第一区委", OrganizationKind.Committee);
        var generals = new List<long>();
        var branches = new List<long>();
        for (var g = 1; g <= shape.GeneralBranches; g++)
        {
            var general = await CreateAsync(root, $"D1G{g:00}", $"第一区第{g}党总支", OrganizationKind.GeneralBranch);
            generals.Add(general);
            for (var b = 1; b <= shape.BranchesPerGeneral; b++)
                branches.Add(await CreateAsync(general, $"D1G{g:00}B{b:000}", $"第一区第{g}党总支第{b}党支部", OrganizationKind.Branch));
        }

        var parentOf = new Dictionary<long, long> { [root] = city };
        foreach (var general in generals) parentOf[general] = root;
        for (var i = 0; i < branches.Count; i++) parentOf[branches[i]] = generals[i / shape.BranchesPerGeneral];
        var siblings = new List<long>();
        if (shape.SiblingBranches > 0)
        {
            var sibling = await CreateAsync(city, "D2", "第二区委", OrganizationKind.Committee);
            parentOf[sibling] = city;
            for (var b = 1; b <= shape.SiblingBranches; b++)
            {
                siblings.Add(await CreateAsync(sibling, $"D2B{b:0000}", $"第二区第{b}党支部", OrganizationKind.Branch));
                parentOf[siblings[^1]] = sibling;
            }
        }

        return new BenchTree(city, root, generals, branches, siblings, parentOf);
    }

    /// <summary>
    /// The year's records, per branch (sibling district included): <c>MembersPerBranch</c> members with a placement since
    /// 2015 (the first is 书记, the next two 委员); 12 支委会, 4 支部党员大会, 4 党课 (by the 书记, an ordinary member, a
    /// leading cadre, an invited lecturer), 12 主题党日 and 1 组织生活会, each one meeting with one kind; attendance of every
    /// member at the 支部党员大会 and the 组织生活会 (about 90% present, 7% on leave, 3% absent; 1% excluded from 应到);
    /// the 书记's 谈心谈话 with every other member; a 民主评议 session with an entry per member. Returns the row counts.
    /// </summary>
    public static async Task<IReadOnlyList<(string Table, long Rows)>> AddRecordsAsync(DangjianDbContext db, TreeShape shape, BenchTree tree, int year, bool dues)
    {
        var members = new List<object?[]>();
        var placements = new List<object?[]>();
        var seats = new List<object?[]>();
        var meetings = new List<object?[]>();
        var links = new List<object?[]>();
        var talks = new List<object?[]>();
        var sessions = new List<object?[]>();
        var entries = new List<object?[]>();
        var since = new DateOnly(2015, 1, 1);
        var recorded = new DateTime(year, 12, 31, 8, 0, 0, DateTimeKind.Utc);
        var memberId = 0L;
        var meetingId = 0L;
        var sessionId = 0L;
        var branchIndex = 0;
        string[] grades = ["Excellent", "Qualified", "Qualified", "Qualified", "Qualified", "Qualified", "Qualified", "Qualified", "Qualified", "BasicallyQualified"];

        foreach (var branch in tree.AllBranches)
        {
            branchIndex++;
            var first = memberId + 1;
            for (var i = 0; i < shape.MembersPerBranch; i++)
            {
                memberId++;
                members.Add([memberId, $"党员{memberId}", i % 3 == 0 ? "Female" : "Male", "汉族", new DateOnly(1960, 1, 1).AddDays((int)(memberId * 37 % 15000)),
                    $"S{memberId:D17}", "Employed", i == 3, since, "Full", "Normal", false, false, branch, false, false, false, false]);
                placements.Add([memberId, branch, since]);
            }

            seats.Add([branch, first, "书记" + first, "Secretary", new DateOnly(2022, 1, 1)]);
            seats.Add([branch, first + 1, "委员" + (first + 1), "OrganizationMember", new DateOnly(2022, 1, 1)]);
            seats.Add([branch, first + 2, "委员" + (first + 2), "PropagandaMember", new DateOnly(2022, 1, 1)]);

            foreach (var (code, perYear) in Plan)
            {
                var kind = Kind(code);
                for (var n = 0; n < perYear; n++)
                {
                    meetingId++;
                    // Spread over the year: monthly kinds in their month, quarterly ones in the quarter's middle month, yearly ones in December.
                    var month = perYear switch { 12 => n + 1, 4 => n * 3 + 2, _ => 12 };
                    var day = 1 + (int)((branchIndex * 7 + n * 11 + kind * 3) % 28);
                    var heldOn = new DateOnly(year, month, day);
                    (long? LecturerId, string? LecturerName, string? Role) lecturer = code != MeetingKindCodes.PartyLecture ? (null, null, null) : (n % 4) switch
                    {
                        0 => (first, "党员" + first, "Secretary"),
                        1 => (first + 4, "党员" + (first + 4), "OrdinaryMember"),
                        2 => (first + 3, "党员" + (first + 3), "LeadingCadre"),
                        _ => (null, "特邀专家", "Invited"),
                    };
                    meetings.Add([meetingId, branch, heldOn, $"{KindName(code)}（{year}年第{n + 1}次）", lecturer.LecturerId, lecturer.LecturerName, lecturer.Role, recorded]);
                    links.Add([meetingId, kind]);
                }
            }

            for (var partner = first + 1; partner <= memberId; partner++)
                talks.Add([branch, new DateOnly(year, 1 + (int)(partner % 12), 1 + (int)(partner % 28)), first, partner, "谈心谈话"]);

            sessionId++;
            sessions.Add([sessionId, branch, year, new DateOnly(year, 12, 20)]);
            for (var m = first; m <= memberId; m++)
                entries.Add([sessionId, m, m % 50 != 7, m % 50 != 7 ? grades[(int)(m % grades.Length)] : null]);
        }

        // The INSERT … SELECT statements write up to 1.3 million rows each: far beyond the default 30 s on a busy machine.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(15));
        await using var transaction = await db.Database.BeginTransactionAsync();
        await InsertAsync(db, "Members", ["Id", "Name", "Gender", "Ethnicity", "BirthDate", "IdNumber", "EmploymentStatus", "IsLeadingCadre", "AdmittedOn", "Category", "Status",
            "IsMobile", "IsLostContact", "OrganizationId", "HasApplicationLetter", "HasVolunteerForm", "HasPoliticalReview", "HasConfirmationApplication"], members);
        await InsertAsync(db, "MemberPlacements", ["MemberId", "OrganizationId", "From"], placements);
        await InsertAsync(db, "CommitteeMembers", ["OrganizationId", "MemberId", "Name", "Post", "From"], seats);
        await InsertAsync(db, "Meetings", ["Id", "OrganizationId", "HeldOn", "Topic", "LecturerMemberId", "LecturerName", "LecturerRole", "RecordedAt"], meetings);
        await InsertAsync(db, "MeetingKindLinks", ["MeetingId", "MeetingKindId"], links);

        // Attendance: every member of the branch at each 支部党员大会 and 组织生活会, decided by arithmetic on the ids so the
        // statement is the same on both databases.
        var attendance = $"""
            INSERT INTO "MeetingAttendees" ("MeetingId", "MemberId", "Name", "Role", "Status", "LeaveReason", "IsVoter", "IsCommitteeMember", "ExcludedFromExpected", "ExclusionReason")
            SELECT m."Id", p."Id", p."Name", 'Member',
                   CASE WHEN (p."Id" * 7 + m."Id") % 100 < 7 THEN 'Leave' WHEN (p."Id" * 7 + m."Id") % 100 < 10 THEN 'Absent' ELSE 'Present' END,
                   CASE WHEN (p."Id" * 7 + m."Id") % 100 < 7 THEN '因公出差' ELSE NULL END,
                   TRUE, FALSE,
                   CASE WHEN (p."Id" * 13 + m."Id") % 100 = 0 THEN TRUE ELSE FALSE END,
                   CASE WHEN (p."Id" * 13 + m."Id") % 100 = 0 THEN '长期外出经批准' ELSE NULL END
            FROM "Meetings" m
            JOIN "MeetingKindLinks" l ON l."MeetingId" = m."Id"
            JOIN "Members" p ON p."OrganizationId" = m."OrganizationId"
            WHERE l."MeetingKindId" IN ({Kind(MeetingKindCodes.BranchGeneralMeeting)}, {Kind(MeetingKindCodes.OrganizationalLifeMeeting)})
            """;
        await db.Database.ExecuteSqlRawAsync(attendance);
        await InsertAsync(db, "HeartToHeartTalks", ["OrganizationId", "HeldOn", "InitiatorMemberId", "PartnerMemberId", "Topic"], talks);
        await InsertAsync(db, "EvaluationSessions", ["Id", "OrganizationId", "Year", "HeldOn"], sessions);
        await InsertAsync(db, "EvaluationEntries", ["SessionId", "MemberId", "Participated", "Grade"], entries);
        if (dues) await AddDuesAsync(db, tree, year);
        if (db.IsPostgres)
        {
            // Explicit ids were inserted: move the identities on, for any later insert through EF.
            foreach (var table in new[] { "Members", "Meetings", "EvaluationSessions" })
            {
                var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))";
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }

        await transaction.CommitAsync();

        var counts = new List<(string, long)>();
        foreach (var table in new[] { "Organizations", "Members", "MemberPlacements", "CommitteeMembers", "Meetings", "MeetingKindLinks", "MeetingAttendees", "HeartToHeartTalks", "EvaluationSessions", "EvaluationEntries",
                     "DuesProfiles", "DuesLedgerLines", "DuesPayments", "DuesAllocations", "DuesRemittances" })
            counts.Add((table, await BenchDatabase.CountAsync(db, table)));
        return counts;
    }

    /// <summary>Monthly dues by member: one of five amounts, chosen by the member's id.</summary>
    private static readonly decimal[] Monthly = [0.50m, 12.00m, 25.50m, 33.34m, 120.00m];

    /// <summary>
    /// A year of 党费 for every member, by INSERT … SELECT: a profile, twelve ledger lines, a payment a quarter covering its
    /// three months (one allocation per line). Members whose id ends in 20·k do not pay the fourth quarter (欠交 at the year's
    /// end, 5%); those at 20·k + 10 skip the first quarter and pay it back in June (补缴); one in 1,000 gives 1,000 元 大额党费
    /// in July. Each branch hands its quarter's dues up to its parent, and the district to the city (上缴 out of the subtree).
    /// </summary>
    private static async Task AddDuesAsync(DangjianDbContext db, BenchTree tree, int year)
    {
        var pg = db.IsPostgres;
        string Dec(decimal v) => pg ? v.ToString("0.00", CultureInfo.InvariantCulture) : $"'{v.ToString("0.00", CultureInfo.InvariantCulture)}'";
        string Date(DateOnly d) => pg ? $"DATE '{d:yyyy-MM-dd}'" : $"'{d:yyyy-MM-dd}'";
        string ByMember(Func<decimal, decimal> amount) =>
            "CASE m.\"Id\" % 5 " + string.Concat(Monthly.Select((v, i) => $"WHEN {i} THEN {Dec(amount(v))} ")) + "END";
        var months = string.Join(" UNION ALL ", Enumerable.Range(1, 12).Select(mo => $"SELECT {Date(new DateOnly(year, mo, 1))} AS \"Month\", {(mo - 1) / 3 + 1} AS \"Q\""));
        var quarters = string.Join(" UNION ALL ", Enumerable.Range(1, 4).Select(q =>
            $"SELECT {q} AS \"Q\", {Date(new DateOnly(year, q * 3 - 2, 1))} AS \"PeriodFrom\", {Date(new DateOnly(year, q * 3, 1))} AS \"PeriodTo\", {Date(new DateOnly(year, q * 3 - 2, 15))} AS \"PaidOn\""));
        string[] statements =
        [
            $"""
            INSERT INTO "DuesProfiles" ("MemberId", "OrganizationId", "Year", "MemberType", "ComputedMonthly")
            SELECT m."Id", m."OrganizationId", {year}, 'Salaried', {ByMember(v => v)} FROM "Members" m
            """,
            $"""
            INSERT INTO "DuesLedgerLines" ("MemberId", "OrganizationId", "Month", "Due", "Paid")
            SELECT m."Id", m."OrganizationId", mo."Month", {ByMember(v => v)},
                   CASE WHEN m."Id" % 20 = 0 AND mo."Q" = 4 THEN {Dec(0)} ELSE {ByMember(v => v)} END
            FROM "Members" m CROSS JOIN ({months}) mo
            """,
            $"""
            INSERT INTO "DuesPayments" ("MemberId", "OrganizationId", "PaidOn", "Amount", "Method", "Kind", "VoluntaryExtra", "PeriodFrom", "PeriodTo")
            SELECT m."Id", m."OrganizationId", q."PaidOn", {ByMember(v => v * 3)}, 'Online', 'Regular', {Dec(0)}, q."PeriodFrom", q."PeriodTo"
            FROM "Members" m CROSS JOIN ({quarters}) q
            WHERE NOT (m."Id" % 20 = 0 AND q."Q" = 4) AND NOT (m."Id" % 20 = 10 AND q."Q" = 1)
            """,
            $"""
            INSERT INTO "DuesPayments" ("MemberId", "OrganizationId", "PaidOn", "Amount", "Method", "Kind", "VoluntaryExtra", "PeriodFrom", "PeriodTo")
            SELECT m."Id", m."OrganizationId", {Date(new DateOnly(year, 6, 10))}, {ByMember(v => v * 3)}, 'Cash', 'BackPayment', {Dec(0)},
                   {Date(new DateOnly(year, 1, 1))}, {Date(new DateOnly(year, 3, 1))}
            FROM "Members" m WHERE m."Id" % 20 = 10
            """,
            $"""
            INSERT INTO "DuesPayments" ("MemberId", "OrganizationId", "PaidOn", "Amount", "Method", "Kind", "VoluntaryExtra")
            SELECT m."Id", m."OrganizationId", {Date(new DateOnly(year, 7, 1))}, {Dec(1000)}, 'Transfer', 'LargeVoluntary', {Dec(0)}
            FROM "Members" m WHERE m."Id" % 1000 = 1
            """,
            """
            INSERT INTO "DuesAllocations" ("PaymentId", "LedgerLineId", "Amount")
            SELECT p."Id", l."Id", l."Due"
            FROM "DuesPayments" p JOIN "DuesLedgerLines" l ON l."MemberId" = p."MemberId" AND l."Month" >= p."PeriodFrom" AND l."Month" <= p."PeriodTo"
            WHERE p."Kind" IN ('Regular', 'BackPayment')
            """,
        ];
        foreach (var sql in statements) await db.Database.ExecuteSqlRawAsync(sql);

        // 上缴: every organization with a parent, quarterly, a fixed amount (the figure only adds them up).
        var remittances = new List<object?[]>();
        foreach (var (organization, parent) in tree.ParentOf)
        {
            for (var q = 1; q <= 4; q++)
                remittances.Add([organization, parent, new DateOnly(year, q * 3 - 2, 1), new DateOnly(year, q * 3, 1), 1000m + organization % 100, 0m, new DateOnly(year, q * 3, 25)]);
        }

        await InsertAsync(db, "DuesRemittances", ["OrganizationId", "ToOrganizationId", "PeriodFrom", "PeriodTo", "Amount", "LargeVoluntaryAmount", "RemittedOn"], remittances,
            v => v is decimal d ? Dec(d) : Literal(v));
    }

    private static async Task InsertAsync(DangjianDbContext db, string table, string[] columns, List<object?[]> rows, Func<object?, string>? literal = null)
    {
        literal ??= Literal;
        const int batch = 1000;
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        var sql = new StringBuilder();
        for (var start = 0; start < rows.Count; start += batch)
        {
            sql.Clear().Append(head);
            for (var i = start; i < Math.Min(start + batch, rows.Count); i++)
            {
                if (i > start) sql.Append(',');
                sql.Append('(').AppendJoin(", ", rows[i].Select(literal)).Append(')');
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString());
        }
    }

    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "TRUE" : "FALSE",
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateOnly d => $"'{d:yyyy-MM-dd}'",
        DateTime t => $"'{t:yyyy-MM-dd HH:mm:ss}'",
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        _ => throw new NotSupportedException(value.GetType().Name),
    };
}
