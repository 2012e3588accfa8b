using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>工作台账 (issue 7, part B): donation drives and their member donors, commendations and their recipients, care visits and the members visited.</summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261203000012_WorkLogDonations")]
public sealed class WorkLogDonations : Migration
{
    private static OperationBuilder<AddColumnOperation> Id(ColumnsBuilder table) =>
        table.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DonationDrives",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Purpose = table.Column<string>(maxLength: 200, nullable: false),
                Recipient = table.Column<string>(maxLength: 24, nullable: false),
                OutsideDonors = table.Column<int>(nullable: false),
                OutsideAmount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DonationDrives", x => x.Id);
                table.ForeignKey("FK_DonationDrives_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DonationDrives_OrganizationId_HeldOn", "DonationDrives", ["OrganizationId", "HeldOn"]);

        migrationBuilder.CreateTable(
            name: "DonationDonors",
            columns: table => new
            {
                Id = Id(table),
                DriveId = table.Column<long>(nullable: false),
                MemberId = table.Column<long>(nullable: false),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DonationDonors", x => x.Id);
                table.ForeignKey("FK_DonationDonors_DonationDrives_DriveId", x => x.DriveId, "DonationDrives", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_DonationDonors_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DonationDonors_DriveId_MemberId", "DonationDonors", ["DriveId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_DonationDonors_MemberId", "DonationDonors", "MemberId");

        migrationBuilder.CreateTable(
            name: "Commendations",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                AwardedOn = table.Column<DateOnly>(nullable: false),
                Level = table.Column<string>(maxLength: 16, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Commendations", x => x.Id);
                table.ForeignKey("FK_Commendations_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Commendations_OrganizationId_AwardedOn", "Commendations", ["OrganizationId", "AwardedOn"]);

        migrationBuilder.CreateTable(
            name: "CommendationRecipients",
            columns: table => new
            {
                Id = Id(table),
                CommendationId = table.Column<long>(nullable: false),
                RecipientOrganizationId = table.Column<long>(nullable: true),
                MemberId = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommendationRecipients", x => x.Id);
                table.ForeignKey("FK_CommendationRecipients_Commendations_CommendationId", x => x.CommendationId, "Commendations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CommendationRecipients_Organizations_RecipientOrganizationId", x => x.RecipientOrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CommendationRecipients_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CommendationRecipients_CommendationId", "CommendationRecipients", "CommendationId");
        migrationBuilder.CreateIndex("IX_CommendationRecipients_MemberId", "CommendationRecipients", "MemberId");
        migrationBuilder.CreateIndex("IX_CommendationRecipients_RecipientOrganizationId", "CommendationRecipients", "RecipientOrganizationId");

        migrationBuilder.CreateTable(
            name: "CareVisits",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                VisitedOn = table.Column<DateOnly>(nullable: false),
                Reason = table.Column<string>(maxLength: 16, nullable: false),
                Money = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Goods = table.Column<string>(maxLength: 500, nullable: true),
                Visitors = table.Column<string>(maxLength: 200, nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CareVisits", x => x.Id);
                table.ForeignKey("FK_CareVisits_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CareVisits_OrganizationId_VisitedOn", "CareVisits", ["OrganizationId", "VisitedOn"]);

        migrationBuilder.CreateTable(
            name: "CareVisitMembers",
            columns: table => new
            {
                Id = Id(table),
                VisitId = table.Column<long>(nullable: false),
                MemberId = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CareVisitMembers", x => x.Id);
                table.ForeignKey("FK_CareVisitMembers_CareVisits_VisitId", x => x.VisitId, "CareVisits", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CareVisitMembers_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CareVisitMembers_VisitId_MemberId", "CareVisitMembers", ["VisitId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_CareVisitMembers_MemberId", "CareVisitMembers", "MemberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "CareVisitMembers", "CareVisits", "CommendationRecipients", "Commendations", "DonationDonors", "DonationDrives" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
