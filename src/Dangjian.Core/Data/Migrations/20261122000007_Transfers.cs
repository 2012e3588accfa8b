using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>组织关系转接 (transfers with their 介绍信) and the date a member's relationship left the system.</summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261122000007_Transfers")]
public sealed class Transfers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(name: "TransferredOutOn", table: "Members", nullable: true);

        migrationBuilder.CreateTable(
            name: "Transfers",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MemberId = table.Column<long>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                FromOrganizationId = table.Column<long>(nullable: true),
                ToOrganizationId = table.Column<long>(nullable: true),
                ExternalOrganizationName = table.Column<string>(maxLength: 100, nullable: true),
                LetterNumber = table.Column<string>(maxLength: 50, nullable: true),
                IssuedOn = table.Column<DateOnly>(nullable: false),
                ValidDays = table.Column<int>(nullable: false),
                ExpiresOn = table.Column<DateOnly>(nullable: false),
                DuesPaidUpTo = table.Column<DateOnly>(nullable: true),
                ReceiptReturnedOn = table.Column<DateOnly>(nullable: true),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
                DecidedOn = table.Column<DateOnly>(nullable: true),
                DecisionNote = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Transfers", x => x.Id);
                table.ForeignKey("FK_Transfers_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Transfers_Organizations_FromOrganizationId", x => x.FromOrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Transfers_Organizations_ToOrganizationId", x => x.ToOrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Transfers_MemberId", "Transfers", "MemberId");
        migrationBuilder.CreateIndex("IX_Transfers_FromOrganizationId", "Transfers", "FromOrganizationId");
        migrationBuilder.CreateIndex("IX_Transfers_ToOrganizationId", "Transfers", "ToOrganizationId");
        migrationBuilder.CreateIndex("IX_Transfers_Status_ExpiresOn", "Transfers", ["Status", "ExpiresOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Transfers");
        migrationBuilder.DropColumn(name: "TransferredOutOn", table: "Members");
    }
}
