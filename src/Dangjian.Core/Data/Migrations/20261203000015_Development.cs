using System.Globalization;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>
/// 发展党员: candidates, their completed steps and named people, yearly plans, per-organization settings, and the national
/// holiday calendar seeded with the 2018–2026 notices (shared docs/holidays.md; later years are added in the product).
/// </summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261203000015_Development")]
public sealed class Development : Migration
{
    /// <summary>
    /// holidays.md, as published: (notice year, 休息日 ranges with the holiday's name, 调休上班日). Ranges are inclusive; the
    /// weekends behind "与周末连休" are included. Frozen with this migration: corrections go through the product.
    /// </summary>
    private static readonly (int Year, string RestDays, string Workdays)[] Notices =
    [
        (2018, "2017-12-30..2018-01-01 元旦;2018-02-15..2018-02-21 春节;2018-04-05..2018-04-07 清明节;2018-04-29..2018-05-01 劳动节;2018-06-16..2018-06-18 端午节;2018-09-22..2018-09-24 中秋节;2018-10-01..2018-10-07 国庆节",
            "2018-02-11,2018-02-24,2018-04-08,2018-04-28,2018-09-29,2018-09-30"),
        (2019, "2018-12-30..2019-01-01 元旦;2019-02-04..2019-02-10 春节;2019-04-05..2019-04-07 清明节;2019-05-01..2019-05-04 劳动节;2019-06-07..2019-06-09 端午节;2019-09-13..2019-09-15 中秋节;2019-10-01..2019-10-07 国庆节",
            "2018-12-29,2019-02-02,2019-02-03,2019-04-28,2019-05-05,2019-09-29,2019-10-12"),
        (2020, "2020-01-01..2020-01-01 元旦;2020-01-24..2020-02-02 春节;2020-04-04..2020-04-06 清明节;2020-05-01..2020-05-05 劳动节;2020-06-25..2020-06-27 端午节;2020-10-01..2020-10-08 国庆节、中秋节",
            "2020-01-19,2020-04-26,2020-05-09,2020-06-28,2020-09-27,2020-10-10"),
        (2021, "2021-01-01..2021-01-03 元旦;2021-02-11..2021-02-17 春节;2021-04-03..2021-04-05 清明节;2021-05-01..2021-05-05 劳动节;2021-06-12..2021-06-14 端午节;2021-09-19..2021-09-21 中秋节;2021-10-01..2021-10-07 国庆节",
            "2021-02-07,2021-02-20,2021-04-25,2021-05-08,2021-09-18,2021-09-26,2021-10-09"),
        (2022, "2022-01-01..2022-01-03 元旦;2022-01-31..2022-02-06 春节;2022-04-03..2022-04-05 清明节;2022-04-30..2022-05-04 劳动节;2022-06-03..2022-06-05 端午节;2022-09-10..2022-09-12 中秋节;2022-10-01..2022-10-07 国庆节",
            "2022-01-29,2022-01-30,2022-04-02,2022-04-24,2022-05-07,2022-10-08,2022-10-09"),
        (2023, "2022-12-31..2023-01-02 元旦;2023-01-21..2023-01-27 春节;2023-04-05..2023-04-05 清明节;2023-04-29..2023-05-03 劳动节;2023-06-22..2023-06-24 端午节;2023-09-29..2023-10-06 中秋节、国庆节",
            "2023-01-28,2023-01-29,2023-04-23,2023-05-06,2023-06-25,2023-10-07,2023-10-08"),
        (2024, "2023-12-30..2024-01-01 元旦;2024-02-10..2024-02-17 春节;2024-04-04..2024-04-06 清明节;2024-05-01..2024-05-05 劳动节;2024-06-08..2024-06-10 端午节;2024-09-15..2024-09-17 中秋节;2024-10-01..2024-10-07 国庆节",
            "2024-02-04,2024-02-18,2024-04-07,2024-04-28,2024-05-11,2024-09-14,2024-09-29,2024-10-12"),
        (2025, "2025-01-01..2025-01-01 元旦;2025-01-28..2025-02-04 春节;2025-04-04..2025-04-06 清明节;2025-05-01..2025-05-05 劳动节;2025-05-31..2025-06-02 端午节;2025-10-01..2025-10-08 国庆节、中秋节",
            "2025-01-26,2025-02-08,2025-04-27,2025-09-28,2025-10-11"),
        (2026, "2026-01-01..2026-01-03 元旦;2026-02-15..2026-02-23 春节;2026-04-04..2026-04-06 清明节;2026-05-01..2026-05-05 劳动节;2026-06-19..2026-06-21 端午节;2026-09-25..2026-09-27 中秋节;2026-10-01..2026-10-07 国庆节",
            "2026-01-04,2026-02-14,2026-02-28,2026-05-09,2026-09-20,2026-10-10"),
    ];

    /// <summary>(date, notice year, is a 调休上班日, name) for every seeded day.</summary>
    internal static IEnumerable<(DateOnly Date, int Year, bool IsWorkday, string Name)> SeedDays()
    {
        foreach (var (year, rest, work) in Notices)
        {
            foreach (var entry in rest.Split(';'))
            {
                var (range, name) = (entry[..entry.IndexOf(' ')], entry[(entry.IndexOf(' ') + 1)..]);
                var parts = range.Split("..");
                for (var d = Parse(parts[0]); d <= Parse(parts[1]); d = d.AddDays(1)) yield return (d, year, false, name);
            }

            foreach (var day in work.Split(',')) yield return (Parse(day), year, true, "调休上班");
        }
    }

    private static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Candidates",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Gender = table.Column<string>(maxLength: 16, nullable: false),
                Ethnicity = table.Column<string>(maxLength: 20, nullable: false),
                BirthDate = table.Column<DateOnly>(nullable: false),
                IdNumber = table.Column<string>(maxLength: 18, nullable: false),
                NativePlace = table.Column<string>(maxLength: 100, nullable: true),
                Education = table.Column<string>(maxLength: 32, nullable: true),
                Occupation = table.Column<string>(maxLength: 32, nullable: true),
                EmploymentStatus = table.Column<string>(maxLength: 32, nullable: false),
                Employer = table.Column<string>(maxLength: 100, nullable: true),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                IsLeagueMember = table.Column<bool>(nullable: false),
                RecommendedByLeague = table.Column<bool>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                ApplicationDate = table.Column<DateOnly>(nullable: false),
                ActivistOn = table.Column<DateOnly>(nullable: true),
                TargetOn = table.Column<DateOnly>(nullable: true),
                VotedOn = table.Column<DateOnly>(nullable: true),
                AdmittedOn = table.Column<DateOnly>(nullable: true),
                MemberId = table.Column<long>(nullable: true),
                ExtensionMonths = table.Column<int>(nullable: true),
                ExtendedOn = table.Column<DateOnly>(nullable: true),
                ConfirmedOn = table.Column<DateOnly>(nullable: true),
                CancelledOn = table.Column<DateOnly>(nullable: true),
                CancellationReason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Candidates", x => x.Id);
                table.ForeignKey("FK_Candidates_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Candidates_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Candidates_IdNumber", "Candidates", "IdNumber", unique: true);
        migrationBuilder.CreateIndex("IX_Candidates_OrganizationId", "Candidates", "OrganizationId");
        migrationBuilder.CreateIndex("IX_Candidates_MemberId", "Candidates", "MemberId");

        migrationBuilder.CreateTable(
            name: "CandidateSteps",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CandidateId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                Step = table.Column<int>(nullable: false),
                CompletedOn = table.Column<DateOnly>(nullable: false),
                Person = table.Column<string>(maxLength: 100, nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                DocumentsFiled = table.Column<bool>(nullable: false),
                ReviewPassed = table.Column<bool>(nullable: true),
                TrainingDays = table.Column<int>(nullable: true),
                TrainingHours = table.Column<int>(nullable: true),
                NoticeFrom = table.Column<DateOnly>(nullable: true),
                NoticeTo = table.Column<DateOnly>(nullable: true),
                LeavesUnitOn = table.Column<DateOnly>(nullable: true),
                ExpectedVoters = table.Column<int>(nullable: true),
                PresentVoters = table.Column<int>(nullable: true),
                YesVotes = table.Column<int>(nullable: true),
                NoVotes = table.Column<int>(nullable: true),
                Abstentions = table.Column<int>(nullable: true),
                WrittenYes = table.Column<int>(nullable: true),
                WrittenNo = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CandidateSteps", x => x.Id);
                table.ForeignKey("FK_CandidateSteps_Candidates_CandidateId", x => x.CandidateId, "Candidates", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CandidateSteps_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CandidateSteps_CandidateId_Step", "CandidateSteps", ["CandidateId", "Step"]);
        migrationBuilder.CreateIndex("IX_CandidateSteps_OrganizationId", "CandidateSteps", "OrganizationId");

        migrationBuilder.CreateTable(
            name: "CandidatePeople",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CandidateId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                Role = table.Column<string>(maxLength: 16, nullable: false),
                MemberId = table.Column<long>(nullable: false),
                NamedOn = table.Column<DateOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CandidatePeople", x => x.Id);
                table.ForeignKey("FK_CandidatePeople_Candidates_CandidateId", x => x.CandidateId, "Candidates", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CandidatePeople_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CandidatePeople_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CandidatePeople_CandidateId", "CandidatePeople", "CandidateId");
        migrationBuilder.CreateIndex("IX_CandidatePeople_MemberId", "CandidatePeople", "MemberId");
        migrationBuilder.CreateIndex("IX_CandidatePeople_OrganizationId", "CandidatePeople", "OrganizationId");

        migrationBuilder.CreateTable(
            name: "DevelopmentPlans",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OrganizationId = table.Column<long>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Minimum = table.Column<int>(nullable: false),
                Maximum = table.Column<int>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DevelopmentPlans", x => x.Id);
                table.ForeignKey("FK_DevelopmentPlans_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DevelopmentPlans_OrganizationId_Year", "DevelopmentPlans", ["OrganizationId", "Year"], unique: true);

        migrationBuilder.CreateTable(
            name: "DevelopmentSettings",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OrganizationId = table.Column<long>(nullable: false),
                ActivistAfterMonths = table.Column<int>(nullable: false),
                NoticeWorkingDays = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DevelopmentSettings", x => x.Id);
                table.ForeignKey("FK_DevelopmentSettings_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DevelopmentSettings_OrganizationId", "DevelopmentSettings", "OrganizationId", unique: true);

        migrationBuilder.CreateTable(
            name: "HolidayDays",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Date = table.Column<DateOnly>(nullable: false),
                NoticeYear = table.Column<int>(nullable: false),
                IsWorkday = table.Column<bool>(nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_HolidayDays", x => x.Id));
        migrationBuilder.CreateIndex("IX_HolidayDays_Date", "HolidayDays", "Date", unique: true);
        migrationBuilder.CreateIndex("IX_HolidayDays_NoticeYear", "HolidayDays", "NoticeYear");

        var days = SeedDays().ToList();
        var values = new object[days.Count, 4];
        for (var i = 0; i < days.Count; i++)
        {
            values[i, 0] = days[i].Date;
            values[i, 1] = days[i].Year;
            values[i, 2] = days[i].IsWorkday;
            values[i, 3] = days[i].Name;
        }

        // Without a model snapshot the seed must name its column types, which differ by provider.
        string[] types = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? ["date", "integer", "boolean", "character varying(50)"]
            : ["TEXT", "INTEGER", "INTEGER", "TEXT"];
        migrationBuilder.InsertData("HolidayDays", ["Date", "NoticeYear", "IsWorkday", "Name"], types, values);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("HolidayDays");
        migrationBuilder.DropTable("DevelopmentSettings");
        migrationBuilder.DropTable("DevelopmentPlans");
        migrationBuilder.DropTable("CandidatePeople");
        migrationBuilder.DropTable("CandidateSteps");
        migrationBuilder.DropTable("Candidates");
    }
}
