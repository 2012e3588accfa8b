using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dangjian.Core.Data.Migrations;

/// <summary>党费: at most one open 自行脱党 review case per member, as a partial unique index (the same SQL on SQLite and PostgreSQL).</summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261122000015_DuesOneOpenCase")]
public sealed class DuesOneOpenCase : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_DuesReviewCases_MemberId_Open", "DuesReviewCases", "MemberId", unique: true, filter: "\"Status\" = 'Open'");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_DuesReviewCases_MemberId_Open", "DuesReviewCases");
    }
}
