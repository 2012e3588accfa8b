using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>Members and the history of which branch held each member's relationship.</summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261122000003_Members")]
public sealed class Members : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Members",
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
                Degree = table.Column<string>(maxLength: 50, nullable: true),
                Occupation = table.Column<string>(maxLength: 32, nullable: true),
                EmploymentStatus = table.Column<string>(maxLength: 32, nullable: false),
                Employer = table.Column<string>(maxLength: 100, nullable: true),
                JobTitle = table.Column<string>(maxLength: 100, nullable: true),
                IsLeadingCadre = table.Column<bool>(nullable: false),
                CadreLevel = table.Column<string>(maxLength: 50, nullable: true),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                Address = table.Column<string>(maxLength: 200, nullable: true),
                ApplicationDate = table.Column<DateOnly>(nullable: true),
                AdmittedOn = table.Column<DateOnly>(nullable: false),
                ConfirmedOn = table.Column<DateOnly>(nullable: true),
                Category = table.Column<string>(maxLength: 16, nullable: false),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                StatusSince = table.Column<DateOnly>(nullable: true),
                ProbationPunishmentEndsOn = table.Column<DateOnly>(nullable: true),
                ExitType = table.Column<string>(maxLength: 16, nullable: true),
                ExitedOn = table.Column<DateOnly>(nullable: true),
                ExitReason = table.Column<string>(maxLength: 500, nullable: true),
                IsMobile = table.Column<bool>(nullable: false),
                MobileWhere = table.Column<string>(maxLength: 100, nullable: true),
                MobileSince = table.Column<DateOnly>(nullable: true),
                IsLostContact = table.Column<bool>(nullable: false),
                LostContactSince = table.Column<DateOnly>(nullable: true),
                OrganizationId = table.Column<long>(nullable: false),
                GroupId = table.Column<long>(nullable: true),
                HasApplicationLetter = table.Column<bool>(nullable: false),
                HasVolunteerForm = table.Column<bool>(nullable: false),
                HasPoliticalReview = table.Column<bool>(nullable: false),
                HasConfirmationApplication = table.Column<bool>(nullable: false),
                FilesCompletedOn = table.Column<DateOnly>(nullable: true),
                UserId = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Members", x => x.Id);
                table.ForeignKey("FK_Members_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Members_Organizations_GroupId", x => x.GroupId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Members_IdNumber", "Members", "IdNumber", unique: true);
        migrationBuilder.CreateIndex("IX_Members_OrganizationId", "Members", "OrganizationId");
        migrationBuilder.CreateIndex("IX_Members_GroupId", "Members", "GroupId");
        migrationBuilder.CreateIndex("IX_Members_Name", "Members", "Name");
        migrationBuilder.CreateIndex("IX_Members_UserId", "Members", "UserId");

        migrationBuilder.CreateTable(
            name: "MemberPlacements",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MemberId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                GroupId = table.Column<long>(nullable: true),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MemberPlacements", x => x.Id);
                table.ForeignKey("FK_MemberPlacements_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_MemberPlacements_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_MemberPlacements_Organizations_GroupId", x => x.GroupId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_MemberPlacements_OrganizationId_From", "MemberPlacements", ["OrganizationId", "From"]);
        migrationBuilder.CreateIndex("IX_MemberPlacements_MemberId", "MemberPlacements", "MemberId");
        migrationBuilder.CreateIndex("IX_MemberPlacements_GroupId", "MemberPlacements", "GroupId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("MemberPlacements");
        migrationBuilder.DropTable("Members");
    }
}
