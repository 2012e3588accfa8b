using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>Terms (届), elections with their candidates, committee members and the per-organization election settings.</summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261122000006_Committees")]
public sealed class Committees : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CommitteeTerms",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OrganizationId = table.Column<long>(nullable: false),
                Number = table.Column<int>(nullable: false),
                StartedOn = table.Column<DateOnly>(nullable: false),
                PlannedEndOn = table.Column<DateOnly>(nullable: false),
                EndedOn = table.Column<DateOnly>(nullable: true),
                ApprovalNote = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommitteeTerms", x => x.Id);
                table.ForeignKey("FK_CommitteeTerms_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CommitteeTerms_OrganizationId_Number", "CommitteeTerms", ["OrganizationId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_CommitteeTerms_PlannedEndOn", "CommitteeTerms", "PlannedEndOn");

        migrationBuilder.CreateTable(
            name: "CommitteeElections",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OrganizationId = table.Column<long>(nullable: false),
                TermId = table.Column<long>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Seats = table.Column<int>(nullable: false),
                ShouldAttend = table.Column<int>(nullable: false),
                Present = table.Column<int>(nullable: false),
                BallotsIssued = table.Column<int>(nullable: false),
                BallotsReturned = table.Column<int>(nullable: false),
                VoidBallots = table.Column<int>(nullable: false),
                StrictQuorum = table.Column<bool>(nullable: false),
                IsValid = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommitteeElections", x => x.Id);
                table.ForeignKey("FK_CommitteeElections_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CommitteeElections_CommitteeTerms_TermId", x => x.TermId, "CommitteeTerms", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CommitteeElections_OrganizationId_HeldOn", "CommitteeElections", ["OrganizationId", "HeldOn"]);
        migrationBuilder.CreateIndex("IX_CommitteeElections_TermId", "CommitteeElections", "TermId");

        migrationBuilder.CreateTable(
            name: "CommitteeElectionCandidates",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ElectionId = table.Column<long>(nullable: false),
                MemberId = table.Column<long>(nullable: true),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Votes = table.Column<int>(nullable: false),
                Elected = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommitteeElectionCandidates", x => x.Id);
                table.ForeignKey("FK_CommitteeElectionCandidates_CommitteeElections_ElectionId", x => x.ElectionId, "CommitteeElections", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CommitteeElectionCandidates_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CommitteeElectionCandidates_ElectionId", "CommitteeElectionCandidates", "ElectionId");
        migrationBuilder.CreateIndex("IX_CommitteeElectionCandidates_MemberId", "CommitteeElectionCandidates", "MemberId");

        migrationBuilder.CreateTable(
            name: "CommitteeMembers",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OrganizationId = table.Column<long>(nullable: false),
                TermId = table.Column<long>(nullable: true),
                MemberId = table.Column<long>(nullable: true),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Post = table.Column<string>(maxLength: 32, nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommitteeMembers", x => x.Id);
                table.ForeignKey("FK_CommitteeMembers_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CommitteeMembers_CommitteeTerms_TermId", x => x.TermId, "CommitteeTerms", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CommitteeMembers_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CommitteeMembers_OrganizationId_To", "CommitteeMembers", ["OrganizationId", "To"]);
        migrationBuilder.CreateIndex("IX_CommitteeMembers_TermId", "CommitteeMembers", "TermId");
        migrationBuilder.CreateIndex("IX_CommitteeMembers_MemberId", "CommitteeMembers", "MemberId");

        migrationBuilder.CreateTable(
            name: "ElectionSettings",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OrganizationId = table.Column<long>(nullable: false),
                StrictQuorum = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ElectionSettings", x => x.Id);
                table.ForeignKey("FK_ElectionSettings_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ElectionSettings_OrganizationId", "ElectionSettings", "OrganizationId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ElectionSettings");
        migrationBuilder.DropTable("CommitteeMembers");
        migrationBuilder.DropTable("CommitteeElectionCandidates");
        migrationBuilder.DropTable("CommitteeElections");
        migrationBuilder.DropTable("CommitteeTerms");
    }
}
