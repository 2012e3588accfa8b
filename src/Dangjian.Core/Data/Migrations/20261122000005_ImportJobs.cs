using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>Member import jobs: uploaded rows, progress and errors, processed in the background.</summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261122000005_ImportJobs")]
public sealed class ImportJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ImportJobs",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(maxLength: 64, nullable: false),
                UserName = table.Column<string>(maxLength: 100, nullable: false),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                Total = table.Column<int>(nullable: false),
                Processed = table.Column<int>(nullable: false),
                ErrorCount = table.Column<int>(nullable: false),
                Imported = table.Column<int>(nullable: false),
                RowsJson = table.Column<string>(nullable: false),
                ErrorsJson = table.Column<string>(nullable: false),
                Message = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                FinishedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ImportJobs", x => x.Id));
        migrationBuilder.CreateIndex("IX_ImportJobs_UserId", "ImportJobs", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ImportJobs");
}
