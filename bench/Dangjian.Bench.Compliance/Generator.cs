using Dangjian.Bench.Shared;
using System.Globalization;
using System.Text;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Bench.Compliance;

/// <summary>1 city committee → districts → 党总支 → branches, each branch with one 党小组.</summary>
internal sealed record TreeShape(int Districts, int GeneralBranches, int BranchesPerGeneral)
{
    public const int MembersPerBranch = 12;

    public int Branches => Districts * GeneralBranches * BranchesPerGeneral;

    public int Total => 1 + Districts + Districts * GeneralBranches + Branches * 2;

    public static TreeShape For(int branches)
    {
        if (branches < 200 || branches % 200 != 0) throw new ArgumentException("--branches must be a multiple of 200 (20 districts × 10 党总支 × N branches)");
        return new TreeShape(20, 10, branches / 200);
    }

    public string Describe() =>
        $"1 city committee → {Districts} district committees → {GeneralBranches} 党总支 each → {BranchesPerGeneral} 党支部 each ({Branches:N0} branches) → 1 党小组 each; " +
        $"{Total:N0} organizations; {MembersPerBranch} members per branch";
}

internal sealed record BenchBranch(long Id, long GroupId, long DistrictId);

internal sealed record BenchTree(long RootId, IReadOnlyList<long> DistrictIds, IReadOnlyList<BenchBranch> Branches);

/// <summary>
/// Builds the tree through <see cref="CreateOrganizationHandler"/> (paths are the application's to compute), then a year of
/// evidence by bulk INSERT: the meeting, evaluation and talk forms are not what is measured, and going through them would
/// take longer than the whole bench. The evidence has realistic gaps (see <see cref="AddEvidenceAsync"/>).
/// </summary>
internal static class Generator
{
    private static long Kind(string code) => MeetingKindCodes.BuiltIn.Single(k => k.Code == code).Id;

    public static async Task<BenchTree> CreateTreeAsync(CreateOrganizationHandler create, TreeShape shape)
    {
        var scope = AccessScope.Everything("bench");
        async Task<long> CreateAsync(long? parent, string code, string name, OrganizationKind kind)
        {
            var result = await create.HandleAsync(new CreateOrganizationCommand(parent, new OrganizationInput { Code = code, Name = name, Kind = kind }), scope, default);
            if (!result.IsSuccess) throw new InvalidOperationException(result.FirstError.Message);
            return result.Value;
        }

        var root = await CreateAsync(null, "C", "市委", OrganizationKind.Committee);
        var districts = new List<long>();
        var branches = new List<BenchBranch>();
        for (var d = 1; d <= shape.Districts; d++)
        {
            var district = await CreateAsync(root, $"D{d}", $"第{d}区委", OrganizationKind.Committee);
            districts.Add(district);
            for (var g = 1; g <= shape.GeneralBranches; g++)
            {
                var general = await CreateAsync(district, $"D{d}G{g}", $"第{d}区第{g}党总支", OrganizationKind.GeneralBranch);
                for (var b = 1; b <= shape.BranchesPerGeneral; b++)
                {
                    var branch = await CreateAsync(general, $"D{d}G{g}B{b}", $"第{d}区第{g}党总支第{b}党支部", OrganizationKind.Branch);
                    var group = await CreateAsync(branch, $"D{d}G{g}B{b}X", $"第{d}区第{g}党总支第{b}党支部第一党小组", OrganizationKind.Group);
                    branches.Add(new BenchBranch(branch, group, district));
                }
            }
        }

        return new BenchTree(root, districts, branches);
    }

    /// <summary>
    /// A year of records per branch: 主题党日 every month (5% missed; at quarter ends half are held together with the
    /// 支部党员大会, one meeting with two kinds), 支委会 monthly in the 70% of branches with a 3-member committee (8% missed),
    /// 支部党员大会 and 党课 quarterly (10% missed), 组织生活会 in December (15% missed), 党小组会 monthly (10% missed),
    /// two 集中学习 a month that no obligation counts, a 民主评议 session (90%), and 谈心谈话 covering everyone in 80% of the
    /// branches. District and city secretaries lecture at one of their branches (80% of them do).
    /// </summary>
    public static async Task AddEvidenceAsync(DangjianDbContext db, BenchTree tree, int year)
    {
        var random = new Random(20261122);
        var members = new List<object?[]>();
        var placements = new List<object?[]>();
        var seats = new List<object?[]>();
        var meetings = new List<object?[]>();
        var links = new List<object?[]>();
        var evaluations = new List<object?[]>();
        var talks = new List<object?[]>();
        var memberId = 0L;
        var meetingId = 0L;
        var since = new DateOnly(2015, 1, 1);
        var recorded = new DateTime(year, 12, 31, 8, 0, 0, DateTimeKind.Utc);

        void Meeting(long organizationId, DateOnly heldOn, string topic, long? lecturer, LecturerRole? role, params string[] kinds)
        {
            meetingId++;
            meetings.Add([meetingId, organizationId, heldOn, topic, lecturer, role?.ToString(), recorded]);
            foreach (var kind in kinds) links.Add([meetingId, Kind(kind)]);
        }

        DateOnly Day(int month) => new(year, month, random.Next(1, 29));

        var firstMemberOfBranch = new Dictionary<long, long>();
        foreach (var branch in tree.Branches)
        {
            var ids = new List<long>();
            for (var i = 0; i < TreeShape.MembersPerBranch; i++)
            {
                memberId++;
                ids.Add(memberId);
                var inGroup = i % 2 == 0;
                members.Add([memberId, $"党员{memberId}", i % 3 == 0 ? "Female" : "Male", "汉族", new DateOnly(1970, 1, 1).AddDays((int)(memberId % 9000)),
                    $"B{memberId:D17}", "Employed", false, since, "Full", "Normal", false, false, branch.Id, inGroup ? branch.GroupId : null, true, true, true, true]);
                placements.Add([memberId, branch.Id, inGroup ? branch.GroupId : null, since]);
            }

            firstMemberOfBranch[branch.Id] = ids[0];
            var hasCommittee = random.NextDouble() < 0.7;
            seats.Add([branch.Id, ids[0], "书记" + ids[0], "Secretary", new DateOnly(2020, 1, 1)]);
            if (hasCommittee)
            {
                seats.Add([branch.Id, ids[1], "委员" + ids[1], "OrganizationMember", new DateOnly(2020, 1, 1)]);
                seats.Add([branch.Id, ids[2], "委员" + ids[2], "PropagandaMember", new DateOnly(2020, 1, 1)]);
            }

            for (var month = 1; month <= 12; month++)
            {
                var quarterEnd = month % 3 == 0;
                var combined = quarterEnd && random.NextDouble() < 0.5;
                if (random.NextDouble() >= 0.05)
                {
                    if (combined) Meeting(branch.Id, Day(month), "主题党日暨支部党员大会", null, null, MeetingKindCodes.ThemeDay, MeetingKindCodes.BranchGeneralMeeting);
                    else Meeting(branch.Id, Day(month), "主题党日", null, null, MeetingKindCodes.ThemeDay);
                }

                if (quarterEnd && !combined && random.NextDouble() >= 0.1) Meeting(branch.Id, Day(month), "支部党员大会", null, null, MeetingKindCodes.BranchGeneralMeeting);
                if (hasCommittee && random.NextDouble() >= 0.08) Meeting(branch.Id, Day(month), "支委会", null, null, MeetingKindCodes.CommitteeMeeting);
                if (month % 3 == 2 && random.NextDouble() >= 0.1)
                {
                    var bySecretary = random.NextDouble() < 0.5;
                    Meeting(branch.Id, Day(month), "党课", bySecretary ? ids[0] : ids[random.Next(1, ids.Count)], bySecretary ? LecturerRole.Secretary : LecturerRole.OrdinaryMember, MeetingKindCodes.PartyLecture);
                }

                if (random.NextDouble() >= 0.1) Meeting(branch.GroupId, Day(month), "党小组会", null, null, MeetingKindCodes.GroupMeeting);
                Meeting(branch.Id, Day(month), "集中学习", null, null, MeetingKindCodes.CollectiveStudy);
                Meeting(branch.Id, Day(month), "集中学习", null, null, MeetingKindCodes.CollectiveStudy);
            }

            if (random.NextDouble() >= 0.15) Meeting(branch.Id, new DateOnly(year, 12, random.Next(1, 29)), "组织生活会", null, null, MeetingKindCodes.OrganizationalLifeMeeting);
            if (random.NextDouble() < 0.9) evaluations.Add([branch.Id, year, new DateOnly(year, 12, 20)]);

            var complete = random.NextDouble() < 0.8;
            var partners = complete ? ids.Skip(1).ToList() : ids.Skip(1).Where((_, i) => i % 2 == 0).ToList();
            foreach (var partner in partners) talks.Add([branch.Id, Day(random.Next(1, 13)), ids[0], partner, "谈心谈话"]);
            if (hasCommittee && complete) talks.Add([branch.Id, Day(random.Next(1, 13)), ids[1], ids[2], "谈心谈话"]);
        }

        // Secretaries of the districts and of the city: a member of one of their branches, lecturing there.
        var secretaryOf = new List<(long Committee, long Branch)> { (tree.RootId, tree.Branches[0].Id) };
        secretaryOf.AddRange(tree.DistrictIds.Select(d => (d, tree.Branches.First(b => b.DistrictId == d).Id)));
        var used = new HashSet<long>();
        foreach (var (committee, branch) in secretaryOf)
        {
            var member = tree.Branches.Where(b => b.Id == branch || b.DistrictId == committee).Select(b => firstMemberOfBranch[b.Id] + 3).First(m => used.Add(m));
            seats.Add([committee, member, "书记" + member, "Secretary", new DateOnly(2021, 1, 1)]);
            if (random.NextDouble() < 0.8) Meeting(branch, new DateOnly(year, 6, random.Next(1, 29)), "书记讲党课", member, LecturerRole.LeadingCadre, MeetingKindCodes.PartyLecture);
        }

        var transaction = await db.Database.BeginTransactionAsync();
        await InsertAsync(db, "Members", ["Id", "Name", "Gender", "Ethnicity", "BirthDate", "IdNumber", "EmploymentStatus", "IsLeadingCadre", "AdmittedOn", "Category", "Status",
            "IsMobile", "IsLostContact", "OrganizationId", "GroupId", "HasApplicationLetter", "HasVolunteerForm", "HasPoliticalReview", "HasConfirmationApplication"], members);
        await InsertAsync(db, "MemberPlacements", ["MemberId", "OrganizationId", "GroupId", "From"], placements);
        await InsertAsync(db, "CommitteeMembers", ["OrganizationId", "MemberId", "Name", "Post", "From"], seats);
        await InsertAsync(db, "Meetings", ["Id", "OrganizationId", "HeldOn", "Topic", "LecturerMemberId", "LecturerRole", "RecordedAt"], meetings);
        await InsertAsync(db, "MeetingKindLinks", ["MeetingId", "MeetingKindId"], links);
        await InsertAsync(db, "EvaluationSessions", ["OrganizationId", "Year", "HeldOn"], evaluations);
        await InsertAsync(db, "HeartToHeartTalks", ["OrganizationId", "HeldOn", "InitiatorMemberId", "PartnerMemberId", "Topic"], talks);
        if (db.IsPostgres)
        {
            foreach (var table in new[] { "Members", "Meetings" })
            {
                // Explicit ids were inserted: move the identity on, for any later insert through EF.
                var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))";
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }

        await transaction.CommitAsync();
    }

    private static async Task InsertAsync(DangjianDbContext db, string table, string[] columns, List<object?[]> rows)
    {
        const int batch = 500;
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        for (var start = 0; start < rows.Count; start += batch)
        {
            var sql = new StringBuilder(head);
            foreach (var row in rows.Skip(start).Take(batch))
            {
                if (sql.Length > head.Length) sql.Append(',');
                sql.Append('(').AppendJoin(", ", row.Select(Literal)).Append(')');
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
