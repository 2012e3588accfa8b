using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>工作台账: custom indicators (key, name, unit, aggregation, decimals, subtree) and their values.</summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261203000014_CustomIndicators")]
public sealed class CustomIndicators : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CustomIndicators",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Key = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 60, nullable: false),
                Unit = table.Column<string>(maxLength: 10, nullable: false),
                Description = table.Column<string>(maxLength: 500, nullable: true),
                Aggregation = table.Column<string>(maxLength: 10, nullable: false),
                Decimals = table.Column<int>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                IsArchived = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CustomIndicators", x => x.Id);
                table.ForeignKey("FK_CustomIndicators_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CustomIndicators_Key", "CustomIndicators", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_CustomIndicators_OrganizationId", "CustomIndicators", "OrganizationId");

        migrationBuilder.CreateTable(
            name: "CustomIndicatorValues",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                IndicatorId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                RecordedOn = table.Column<DateOnly>(nullable: false),
                Value = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CustomIndicatorValues", x => x.Id);
                table.ForeignKey("FK_CustomIndicatorValues_CustomIndicators_IndicatorId", x => x.IndicatorId, "CustomIndicators", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CustomIndicatorValues_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CustomIndicatorValues_IndicatorId_RecordedOn", "CustomIndicatorValues", ["IndicatorId", "RecordedOn"]);
        migrationBuilder.CreateIndex("IX_CustomIndicatorValues_OrganizationId_RecordedOn", "CustomIndicatorValues", ["OrganizationId", "RecordedOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CustomIndicatorValues");
        migrationBuilder.DropTable("CustomIndicators");
    }
}
