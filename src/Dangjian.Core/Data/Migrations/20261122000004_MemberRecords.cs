using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>Repeatable member records (奖惩, 职务, 出国出境, 困难情况, 家庭成员) in one table told apart by Kind.</summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261122000004_MemberRecords")]
public sealed class MemberRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MemberRecords",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MemberId = table.Column<long>(nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                Detail = table.Column<string>(maxLength: 500, nullable: true),
                FromDate = table.Column<DateOnly>(nullable: true),
                ToDate = table.Column<DateOnly>(nullable: true),
                Level = table.Column<string>(maxLength: 50, nullable: true),
                Type = table.Column<string>(maxLength: 50, nullable: true),
                Relation = table.Column<string>(maxLength: 50, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MemberRecords", x => x.Id);
                table.ForeignKey("FK_MemberRecords_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MemberRecords_MemberId_Kind", "MemberRecords", ["MemberId", "Kind"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("MemberRecords");
    }
}
