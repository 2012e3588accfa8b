using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>工作台账 (issue 7), part C: 帮扶户 with their visits and problems (status derived from dates), 宣传, 党建品牌活动.</summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261203000013_WorkLogAssistance")]
public sealed class WorkLogAssistance : Migration
{
    private static OperationBuilder<AddColumnOperation> Id(ColumnsBuilder table) =>
        table.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AssistanceHouseholds",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Address = table.Column<string>(maxLength: 200, nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AssistanceHouseholds", x => x.Id);
                table.ForeignKey("FK_AssistanceHouseholds_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AssistanceHouseholds_OrganizationId", "AssistanceHouseholds", "OrganizationId");

        migrationBuilder.CreateTable(
            name: "AssistanceVisits",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                HouseholdId = table.Column<long>(nullable: false),
                VisitedOn = table.Column<DateOnly>(nullable: false),
                Visitors = table.Column<string>(maxLength: 100, nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AssistanceVisits", x => x.Id);
                table.ForeignKey("FK_AssistanceVisits_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AssistanceVisits_AssistanceHouseholds_HouseholdId", x => x.HouseholdId, "AssistanceHouseholds", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AssistanceVisits_OrganizationId_VisitedOn", "AssistanceVisits", ["OrganizationId", "VisitedOn"]);
        migrationBuilder.CreateIndex("IX_AssistanceVisits_HouseholdId", "AssistanceVisits", "HouseholdId");

        migrationBuilder.CreateTable(
            name: "AssistanceProblems",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                HouseholdId = table.Column<long>(nullable: false),
                Description = table.Column<string>(maxLength: 200, nullable: false),
                CollectedOn = table.Column<DateOnly>(nullable: false),
                StartedOn = table.Column<DateOnly>(nullable: true),
                ResolvedOn = table.Column<DateOnly>(nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AssistanceProblems", x => x.Id);
                table.ForeignKey("FK_AssistanceProblems_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AssistanceProblems_AssistanceHouseholds_HouseholdId", x => x.HouseholdId, "AssistanceHouseholds", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AssistanceProblems_OrganizationId_CollectedOn", "AssistanceProblems", ["OrganizationId", "CollectedOn"]);
        migrationBuilder.CreateIndex("IX_AssistanceProblems_HouseholdId", "AssistanceProblems", "HouseholdId");

        migrationBuilder.CreateTable(
            name: "PublicityItems",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Count = table.Column<int>(nullable: false),
                PublishedOn = table.Column<DateOnly>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PublicityItems", x => x.Id);
                table.ForeignKey("FK_PublicityItems_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PublicityItems_OrganizationId_PublishedOn", "PublicityItems", ["OrganizationId", "PublishedOn"]);

        migrationBuilder.CreateTable(
            name: "BrandActivities",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                Brand = table.Column<string>(maxLength: 100, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BrandActivities", x => x.Id);
                table.ForeignKey("FK_BrandActivities_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_BrandActivities_OrganizationId_HeldOn", "BrandActivities", ["OrganizationId", "HeldOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "BrandActivities", "PublicityItems", "AssistanceProblems", "AssistanceVisits", "AssistanceHouseholds" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
