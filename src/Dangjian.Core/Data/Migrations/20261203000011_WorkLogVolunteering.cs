using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>
/// 工作台账, volunteering (issue 7): 志愿服务活动 with their party-member participants and hours, 在职党员到社区报到, and
/// 党员先锋岗 / 示范岗 / 责任区 with the members holding them.
/// </summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261203000011_WorkLogVolunteering")]
public sealed class WorkLogVolunteering : Migration
{
    private static OperationBuilder<AddColumnOperation> Id(ColumnsBuilder table) =>
        table.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "VolunteerActivities",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                ServiceProject = table.Column<string>(maxLength: 100, nullable: true),
                ProjectClaimed = table.Column<bool>(nullable: false),
                PublicVolunteers = table.Column<int>(nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VolunteerActivities", x => x.Id);
                table.ForeignKey("FK_VolunteerActivities_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_VolunteerActivities_OrganizationId_HeldOn", "VolunteerActivities", ["OrganizationId", "HeldOn"]);

        migrationBuilder.CreateTable(
            name: "VolunteerParticipants",
            columns: table => new
            {
                Id = Id(table),
                ActivityId = table.Column<long>(nullable: false),
                MemberId = table.Column<long>(nullable: false),
                Hours = table.Column<decimal>(precision: 6, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VolunteerParticipants", x => x.Id);
                table.ForeignKey("FK_VolunteerParticipants_VolunteerActivities_ActivityId", x => x.ActivityId, "VolunteerActivities", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_VolunteerParticipants_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_VolunteerParticipants_ActivityId_MemberId", "VolunteerParticipants", ["ActivityId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_VolunteerParticipants_MemberId", "VolunteerParticipants", "MemberId");

        migrationBuilder.CreateTable(
            name: "CommunityReports",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                MemberId = table.Column<long>(nullable: false),
                Community = table.Column<string>(maxLength: 100, nullable: false),
                ReportedOn = table.Column<DateOnly>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommunityReports", x => x.Id);
                table.ForeignKey("FK_CommunityReports_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CommunityReports_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CommunityReports_OrganizationId_ReportedOn", "CommunityReports", ["OrganizationId", "ReportedOn"]);
        migrationBuilder.CreateIndex("IX_CommunityReports_MemberId", "CommunityReports", "MemberId");

        migrationBuilder.CreateTable(
            name: "PioneerPosts",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<string>(maxLength: 24, nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PioneerPosts", x => x.Id);
                table.ForeignKey("FK_PioneerPosts_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PioneerPosts_OrganizationId_From", "PioneerPosts", ["OrganizationId", "From"]);

        migrationBuilder.CreateTable(
            name: "PioneerPostMembers",
            columns: table => new
            {
                Id = Id(table),
                PostId = table.Column<long>(nullable: false),
                MemberId = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PioneerPostMembers", x => x.Id);
                table.ForeignKey("FK_PioneerPostMembers_PioneerPosts_PostId", x => x.PostId, "PioneerPosts", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PioneerPostMembers_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PioneerPostMembers_PostId_MemberId", "PioneerPostMembers", ["PostId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_PioneerPostMembers_MemberId", "PioneerPostMembers", "MemberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PioneerPostMembers");
        migrationBuilder.DropTable("PioneerPosts");
        migrationBuilder.DropTable("CommunityReports");
        migrationBuilder.DropTable("VolunteerParticipants");
        migrationBuilder.DropTable("VolunteerActivities");
    }
}
