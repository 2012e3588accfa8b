using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>党建工作总结 (docs/adr/0013): versioned templates per organization and kind, and the drafts users edit before download.</summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261203000001_Summaries")]
public sealed class Summaries : Migration
{
    private static OperationBuilder<AddColumnOperation> Id(ColumnsBuilder table) =>
        table.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SummaryTemplates",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Version = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 20000, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 100, nullable: false),
                CreatedByUserId = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SummaryTemplates", x => x.Id);
                table.ForeignKey("FK_SummaryTemplates_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SummaryTemplates_OrganizationId_Kind_Version", "SummaryTemplates", ["OrganizationId", "Kind", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "SummaryDrafts",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: false),
                TemplateVersion = table.Column<int>(nullable: false),
                TemplateOrganizationId = table.Column<long>(nullable: true),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                BlocksJson = table.Column<string>(nullable: false),
                FiguresJson = table.Column<string>(nullable: false),
                MissingJson = table.Column<string>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 100, nullable: false),
                CreatedByUserId = table.Column<string>(maxLength: 64, nullable: true),
                UpdatedAtUtc = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SummaryDrafts", x => x.Id);
                table.ForeignKey("FK_SummaryDrafts_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SummaryDrafts_OrganizationId_CreatedAtUtc", "SummaryDrafts", ["OrganizationId", "CreatedAtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SummaryDrafts");
        migrationBuilder.DropTable("SummaryTemplates");
    }
}
