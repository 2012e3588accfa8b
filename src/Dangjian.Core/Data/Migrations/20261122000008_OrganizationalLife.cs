using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Obligations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>
/// Organizational life (issue 4): meeting kinds (built-ins seeded), meetings with attendance, 议题 and 重点发言, attachments,
/// findings (问题清单), obligations (defaults seeded) with per-subtree overrides, 民主评议 with 组织处置 cases, and 谈心谈话.
/// </summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261122000008_OrganizationalLife")]
public sealed class OrganizationalLife : Migration
{
    private bool IsPostgres => ActiveProvider == DatabaseSettings.PostgresProviderName;

    private static OperationBuilder<AddColumnOperation> Id(ColumnsBuilder table) =>
        table.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MeetingKinds",
            columns: table => new
            {
                Id = Id(table),
                Code = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 30, nullable: false),
                IsBuiltIn = table.Column<bool>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                IsArchived = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MeetingKinds", x => x.Id));
        migrationBuilder.CreateIndex("IX_MeetingKinds_Code", "MeetingKinds", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_MeetingKinds_Name", "MeetingKinds", "Name", unique: true);
        foreach (var (id, code, name) in MeetingKindCodes.BuiltIn)
        {
            // Raw SQL, because without a model snapshot InsertData cannot know the column types; this SQL is valid on both providers.
            migrationBuilder.Sql($"INSERT INTO \"MeetingKinds\" (\"Id\", \"Code\", \"Name\", \"IsBuiltIn\", \"SortOrder\", \"IsArchived\") VALUES ({id}, '{code}', '{name}', TRUE, {id * 10}, FALSE);");
        }

        migrationBuilder.CreateTable(
            name: "Meetings",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                StartTime = table.Column<TimeOnly>(nullable: true),
                Place = table.Column<string>(maxLength: 200, nullable: true),
                Topic = table.Column<string>(maxLength: 200, nullable: false),
                HostMemberId = table.Column<long>(nullable: true),
                HostName = table.Column<string>(maxLength: 50, nullable: true),
                RecorderMemberId = table.Column<long>(nullable: true),
                RecorderName = table.Column<string>(maxLength: 50, nullable: true),
                LecturerMemberId = table.Column<long>(nullable: true),
                LecturerName = table.Column<string>(maxLength: 50, nullable: true),
                LecturerRole = table.Column<string>(maxLength: 20, nullable: true),
                Minutes = table.Column<string>(maxLength: 20000, nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Meetings", x => x.Id);
                table.ForeignKey("FK_Meetings_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Meetings_Members_HostMemberId", x => x.HostMemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Meetings_Members_RecorderMemberId", x => x.RecorderMemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Meetings_Members_LecturerMemberId", x => x.LecturerMemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Meetings_OrganizationId_HeldOn", "Meetings", ["OrganizationId", "HeldOn"]);
        migrationBuilder.CreateIndex("IX_Meetings_HeldOn", "Meetings", "HeldOn");
        migrationBuilder.CreateIndex("IX_Meetings_HostMemberId", "Meetings", "HostMemberId");
        migrationBuilder.CreateIndex("IX_Meetings_RecorderMemberId", "Meetings", "RecorderMemberId");
        migrationBuilder.CreateIndex("IX_Meetings_LecturerMemberId", "Meetings", "LecturerMemberId");

        migrationBuilder.CreateTable(
            name: "MeetingKindLinks",
            columns: table => new
            {
                MeetingId = table.Column<long>(nullable: false),
                MeetingKindId = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingKindLinks", x => new { x.MeetingId, x.MeetingKindId });
                table.ForeignKey("FK_MeetingKindLinks_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_MeetingKindLinks_MeetingKinds_MeetingKindId", x => x.MeetingKindId, "MeetingKinds", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_MeetingKindLinks_MeetingKindId_MeetingId", "MeetingKindLinks", ["MeetingKindId", "MeetingId"]);

        migrationBuilder.CreateTable(
            name: "MeetingAttendees",
            columns: table => new
            {
                Id = Id(table),
                MeetingId = table.Column<long>(nullable: false),
                MemberId = table.Column<long>(nullable: true),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Role = table.Column<string>(maxLength: 16, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                LeaveReason = table.Column<string>(maxLength: 200, nullable: true),
                IsVoter = table.Column<bool>(nullable: false),
                IsCommitteeMember = table.Column<bool>(nullable: false),
                ExcludedFromExpected = table.Column<bool>(nullable: false),
                ExclusionReason = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingAttendees", x => x.Id);
                table.ForeignKey("FK_MeetingAttendees_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_MeetingAttendees_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_MeetingAttendees_MeetingId", "MeetingAttendees", "MeetingId");
        migrationBuilder.CreateIndex("IX_MeetingAttendees_MemberId", "MeetingAttendees", "MemberId");

        migrationBuilder.CreateTable(
            name: "MeetingAgendaItems",
            columns: table => new
            {
                Id = Id(table),
                MeetingId = table.Column<long>(nullable: false),
                Order = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Topic = table.Column<string>(maxLength: 20, nullable: false),
                Decision = table.Column<string>(maxLength: 1000, nullable: true),
                VotesYes = table.Column<int>(nullable: true),
                VotesNo = table.Column<int>(nullable: true),
                VotesAbstain = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingAgendaItems", x => x.Id);
                table.ForeignKey("FK_MeetingAgendaItems_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MeetingAgendaItems_MeetingId", "MeetingAgendaItems", "MeetingId");

        migrationBuilder.CreateTable(
            name: "MeetingKeySpeakers",
            columns: table => new
            {
                Id = Id(table),
                MeetingId = table.Column<long>(nullable: false),
                MemberId = table.Column<long>(nullable: true),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Summary = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingKeySpeakers", x => x.Id);
                table.ForeignKey("FK_MeetingKeySpeakers_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_MeetingKeySpeakers_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_MeetingKeySpeakers_MeetingId", "MeetingKeySpeakers", "MeetingId");
        migrationBuilder.CreateIndex("IX_MeetingKeySpeakers_MemberId", "MeetingKeySpeakers", "MemberId");

        migrationBuilder.CreateTable(
            name: "Attachments",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                OwnerKind = table.Column<string>(maxLength: 40, nullable: false),
                OwnerId = table.Column<long>(nullable: false),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                StorageKey = table.Column<string>(maxLength: 64, nullable: false),
                UploadedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Attachments", x => x.Id);
                table.ForeignKey("FK_Attachments_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Attachments_OwnerKind_OwnerId", "Attachments", ["OwnerKind", "OwnerId"]);
        migrationBuilder.CreateIndex("IX_Attachments_StorageKey", "Attachments", "StorageKey", unique: true);
        migrationBuilder.CreateIndex("IX_Attachments_OrganizationId", "Attachments", "OrganizationId");

        migrationBuilder.CreateTable(
            name: "Findings",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                Source = table.Column<string>(maxLength: 20, nullable: false),
                SourceId = table.Column<long>(nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: false),
                OwnerMemberId = table.Column<long>(nullable: true),
                OwnerName = table.Column<string>(maxLength: 50, nullable: false),
                Deadline = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                ResolvedOn = table.Column<DateOnly>(nullable: true),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Findings", x => x.Id);
                table.ForeignKey("FK_Findings_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Findings_Members_OwnerMemberId", x => x.OwnerMemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Findings_Source_SourceId", "Findings", ["Source", "SourceId"]);
        migrationBuilder.CreateIndex("IX_Findings_OrganizationId_Status", "Findings", ["OrganizationId", "Status"]);
        migrationBuilder.CreateIndex("IX_Findings_Status_Deadline", "Findings", ["Status", "Deadline"]);
        migrationBuilder.CreateIndex("IX_Findings_OwnerMemberId", "Findings", "OwnerMemberId");

        migrationBuilder.CreateTable(
            name: "Obligations",
            columns: table => new
            {
                Id = Id(table),
                Code = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Frequency = table.Column<string>(maxLength: 16, nullable: false),
                MinCount = table.Column<int>(nullable: false),
                Target = table.Column<string>(maxLength: 32, nullable: false),
                Evidence = table.Column<string>(maxLength: 32, nullable: false),
                MeetingKindCodes = table.Column<string>(maxLength: 400, nullable: false),
                Source = table.Column<string>(maxLength: 100, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Obligations", x => x.Id));
        migrationBuilder.CreateIndex("IX_Obligations_Code", "Obligations", "Code", unique: true);
        foreach (var seed in ObligationDefaults.All)
        {
            migrationBuilder.Sql(
                "INSERT INTO \"Obligations\" (\"Id\", \"Code\", \"Name\", \"Frequency\", \"MinCount\", \"Target\", \"Evidence\", \"MeetingKindCodes\", \"Source\", \"SortOrder\") " +
                $"VALUES ({seed.Id}, '{seed.Code}', '{seed.Name}', '{seed.Frequency}', {seed.MinCount}, '{seed.Target}', '{seed.Evidence}', '{seed.KindCodes}', '{seed.Source}', {seed.Id * 10});");
        }

        migrationBuilder.CreateTable(
            name: "ObligationOverrides",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                ObligationId = table.Column<long>(nullable: false),
                Enabled = table.Column<bool>(nullable: false),
                Frequency = table.Column<string>(maxLength: 16, nullable: true),
                MinCount = table.Column<int>(nullable: true),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ObligationOverrides", x => x.Id);
                table.ForeignKey("FK_ObligationOverrides_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ObligationOverrides_Obligations_ObligationId", x => x.ObligationId, "Obligations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ObligationOverrides_OrganizationId_ObligationId", "ObligationOverrides", ["OrganizationId", "ObligationId"], unique: true);
        migrationBuilder.CreateIndex("IX_ObligationOverrides_ObligationId", "ObligationOverrides", "ObligationId");

        migrationBuilder.CreateTable(
            name: "EvaluationSessions",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                Year = table.Column<int>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                MeetingId = table.Column<long>(nullable: true),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EvaluationSessions", x => x.Id);
                table.ForeignKey("FK_EvaluationSessions_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_EvaluationSessions_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_EvaluationSessions_OrganizationId_Year", "EvaluationSessions", ["OrganizationId", "Year"], unique: true);
        migrationBuilder.CreateIndex("IX_EvaluationSessions_HeldOn", "EvaluationSessions", "HeldOn");
        migrationBuilder.CreateIndex("IX_EvaluationSessions_MeetingId", "EvaluationSessions", "MeetingId");

        migrationBuilder.CreateTable(
            name: "EvaluationEntries",
            columns: table => new
            {
                Id = Id(table),
                SessionId = table.Column<long>(nullable: false),
                MemberId = table.Column<long>(nullable: false),
                Participated = table.Column<bool>(nullable: false),
                Grade = table.Column<string>(maxLength: 20, nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EvaluationEntries", x => x.Id);
                table.ForeignKey("FK_EvaluationEntries_EvaluationSessions_SessionId", x => x.SessionId, "EvaluationSessions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_EvaluationEntries_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_EvaluationEntries_SessionId_MemberId", "EvaluationEntries", ["SessionId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_EvaluationEntries_MemberId", "EvaluationEntries", "MemberId");

        migrationBuilder.CreateTable(
            name: "DispositionCases",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                MemberId = table.Column<long>(nullable: false),
                EvaluationEntryId = table.Column<long>(nullable: true),
                Measure = table.Column<string>(maxLength: 32, nullable: false),
                OpenedOn = table.Column<DateOnly>(nullable: false),
                Deadline = table.Column<DateOnly>(nullable: true),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                Outcome = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DispositionCases", x => x.Id);
                table.ForeignKey("FK_DispositionCases_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_DispositionCases_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_DispositionCases_EvaluationEntries_EvaluationEntryId", x => x.EvaluationEntryId, "EvaluationEntries", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DispositionCases_OrganizationId_Status", "DispositionCases", ["OrganizationId", "Status"]);
        migrationBuilder.CreateIndex("IX_DispositionCases_MemberId", "DispositionCases", "MemberId");
        migrationBuilder.CreateIndex("IX_DispositionCases_EvaluationEntryId", "DispositionCases", "EvaluationEntryId");

        migrationBuilder.CreateTable(
            name: "HeartToHeartTalks",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                InitiatorMemberId = table.Column<long>(nullable: false),
                PartnerMemberId = table.Column<long>(nullable: false),
                Topic = table.Column<string>(maxLength: 200, nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HeartToHeartTalks", x => x.Id);
                table.ForeignKey("FK_HeartToHeartTalks_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_HeartToHeartTalks_Members_InitiatorMemberId", x => x.InitiatorMemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_HeartToHeartTalks_Members_PartnerMemberId", x => x.PartnerMemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_HeartToHeartTalks_OrganizationId_HeldOn", "HeartToHeartTalks", ["OrganizationId", "HeldOn"]);
        migrationBuilder.CreateIndex("IX_HeartToHeartTalks_InitiatorMemberId", "HeartToHeartTalks", "InitiatorMemberId");
        migrationBuilder.CreateIndex("IX_HeartToHeartTalks_PartnerMemberId", "HeartToHeartTalks", "PartnerMemberId");

        if (IsPostgres)
        {
            // The seeded rows carry explicit ids; move the identity sequences past them so added rows do not collide.
            migrationBuilder.Sql("SELECT setval(pg_get_serial_sequence('\"MeetingKinds\"', 'Id'), 100);");
            migrationBuilder.Sql("SELECT setval(pg_get_serial_sequence('\"Obligations\"', 'Id'), 100);");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "HeartToHeartTalks", "DispositionCases", "EvaluationEntries", "EvaluationSessions", "ObligationOverrides", "Obligations",
                     "Findings", "Attachments", "MeetingKeySpeakers", "MeetingAgendaItems", "MeetingAttendees", "MeetingKindLinks", "Meetings", "MeetingKinds",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
