using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>党费 (issue 5): annual profiles, approved reductions, the monthly ledger, payments and their allocations, 自行脱党 review cases, remittances and local settings.</summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261122000013_Dues")]
public sealed class Dues : Migration
{
    private static OperationBuilder<AddColumnOperation> Id(ColumnsBuilder table) =>
        table.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DuesProfiles",
            columns: table => new
            {
                Id = Id(table),
                MemberId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                Year = table.Column<int>(nullable: false),
                MemberType = table.Column<string>(maxLength: 20, nullable: false),
                GrossRegularPay = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                IncomeTax = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                SocialInsuranceIndividual = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                SocialInsuranceEmployer = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Annuity = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                ExcludedAllowances = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Base = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                FixedAmount = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Rate = table.Column<decimal>(precision: 6, scale: 4, nullable: true),
                ComputedMonthly = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                OverrideMonthly = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                OverrideReason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DuesProfiles", x => x.Id);
                table.ForeignKey("FK_DuesProfiles_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_DuesProfiles_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DuesProfiles_MemberId_Year", "DuesProfiles", ["MemberId", "Year"], unique: true);
        migrationBuilder.CreateIndex("IX_DuesProfiles_OrganizationId_Year", "DuesProfiles", ["OrganizationId", "Year"]);

        migrationBuilder.CreateTable(
            name: "DuesReductions",
            columns: table => new
            {
                Id = Id(table),
                MemberId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                FromMonth = table.Column<DateOnly>(nullable: false),
                ToMonth = table.Column<DateOnly>(nullable: false),
                ReducedMonthly = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                BranchDecisionOn = table.Column<DateOnly>(nullable: false),
                BranchDecisionNote = table.Column<string>(maxLength: 500, nullable: true),
                HigherApprovalOn = table.Column<DateOnly>(nullable: true),
                HigherApprovalNote = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DuesReductions", x => x.Id);
                table.ForeignKey("FK_DuesReductions_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_DuesReductions_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DuesReductions_MemberId_FromMonth", "DuesReductions", ["MemberId", "FromMonth"]);
        migrationBuilder.CreateIndex("IX_DuesReductions_OrganizationId", "DuesReductions", "OrganizationId");

        migrationBuilder.CreateTable(
            name: "DuesLedgerLines",
            columns: table => new
            {
                Id = Id(table),
                MemberId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                Month = table.Column<DateOnly>(nullable: false),
                Due = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Paid = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                ExcusedReason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DuesLedgerLines", x => x.Id);
                table.ForeignKey("FK_DuesLedgerLines_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_DuesLedgerLines_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DuesLedgerLines_MemberId_Month", "DuesLedgerLines", ["MemberId", "Month"], unique: true);
        migrationBuilder.CreateIndex("IX_DuesLedgerLines_OrganizationId_Month", "DuesLedgerLines", ["OrganizationId", "Month"]);
        migrationBuilder.CreateIndex("IX_DuesLedgerLines_Month", "DuesLedgerLines", "Month");

        migrationBuilder.CreateTable(
            name: "DuesPayments",
            columns: table => new
            {
                Id = Id(table),
                MemberId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                PaidOn = table.Column<DateOnly>(nullable: false),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Method = table.Column<string>(maxLength: 16, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                CollectorName = table.Column<string>(maxLength: 50, nullable: true),
                ReceiptNumber = table.Column<string>(maxLength: 50, nullable: true),
                PaidByMemberId = table.Column<long>(nullable: true),
                VoluntaryExtra = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                PeriodFrom = table.Column<DateOnly>(nullable: true),
                PeriodTo = table.Column<DateOnly>(nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DuesPayments", x => x.Id);
                table.ForeignKey("FK_DuesPayments_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_DuesPayments_Members_PaidByMemberId", x => x.PaidByMemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_DuesPayments_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DuesPayments_OrganizationId_PaidOn", "DuesPayments", ["OrganizationId", "PaidOn"]);
        migrationBuilder.CreateIndex("IX_DuesPayments_MemberId_PaidOn", "DuesPayments", ["MemberId", "PaidOn"]);
        migrationBuilder.CreateIndex("IX_DuesPayments_PaidByMemberId", "DuesPayments", "PaidByMemberId");

        migrationBuilder.CreateTable(
            name: "DuesAllocations",
            columns: table => new
            {
                Id = Id(table),
                PaymentId = table.Column<long>(nullable: false),
                LedgerLineId = table.Column<long>(nullable: false),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DuesAllocations", x => x.Id);
                table.ForeignKey("FK_DuesAllocations_DuesPayments_PaymentId", x => x.PaymentId, "DuesPayments", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_DuesAllocations_DuesLedgerLines_LedgerLineId", x => x.LedgerLineId, "DuesLedgerLines", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DuesAllocations_PaymentId", "DuesAllocations", "PaymentId");
        migrationBuilder.CreateIndex("IX_DuesAllocations_LedgerLineId", "DuesAllocations", "LedgerLineId");

        migrationBuilder.CreateTable(
            name: "DuesReviewCases",
            columns: table => new
            {
                Id = Id(table),
                MemberId = table.Column<long>(nullable: false),
                OrganizationId = table.Column<long>(nullable: false),
                OpenedOn = table.Column<DateOnly>(nullable: false),
                FirstUnpaidMonth = table.Column<DateOnly>(nullable: false),
                ConsecutiveMonths = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                DecidedOn = table.Column<DateOnly>(nullable: true),
                Decision = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DuesReviewCases", x => x.Id);
                table.ForeignKey("FK_DuesReviewCases_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_DuesReviewCases_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DuesReviewCases_OrganizationId_Status", "DuesReviewCases", ["OrganizationId", "Status"]);
        migrationBuilder.CreateIndex("IX_DuesReviewCases_MemberId_Status", "DuesReviewCases", ["MemberId", "Status"]);

        migrationBuilder.CreateTable(
            name: "DuesRemittances",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                ToOrganizationId = table.Column<long>(nullable: false),
                PeriodFrom = table.Column<DateOnly>(nullable: false),
                PeriodTo = table.Column<DateOnly>(nullable: false),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                LargeVoluntaryAmount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                RemittedOn = table.Column<DateOnly>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DuesRemittances", x => x.Id);
                table.ForeignKey("FK_DuesRemittances_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_DuesRemittances_Organizations_ToOrganizationId", x => x.ToOrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DuesRemittances_OrganizationId_PeriodFrom", "DuesRemittances", ["OrganizationId", "PeriodFrom"]);
        migrationBuilder.CreateIndex("IX_DuesRemittances_ToOrganizationId", "DuesRemittances", "ToOrganizationId");

        migrationBuilder.CreateTable(
            name: "DuesSettings",
            columns: table => new
            {
                Id = Id(table),
                OrganizationId = table.Column<long>(nullable: false),
                HeldSharePercent = table.Column<decimal>(precision: 5, scale: 2, nullable: false),
                AllowsQuarterly = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DuesSettings", x => x.Id);
                table.ForeignKey("FK_DuesSettings_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DuesSettings_OrganizationId", "DuesSettings", "OrganizationId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "DuesSettings", "DuesRemittances", "DuesReviewCases", "DuesAllocations", "DuesPayments", "DuesLedgerLines", "DuesReductions", "DuesProfiles" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
