using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>Uploaded dues base sheets waiting to be previewed and confirmed in the profile wizard.</summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261122000014_DuesImportDrafts")]
public sealed class DuesImportDrafts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DuesImportDrafts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(maxLength: 64, nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                Year = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                RowsJson = table.Column<string>(nullable: false),
                ProblemsJson = table.Column<string>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DuesImportDrafts", x => x.Id));
        migrationBuilder.CreateIndex("IX_DuesImportDrafts_UserId", "DuesImportDrafts", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("DuesImportDrafts");
}
