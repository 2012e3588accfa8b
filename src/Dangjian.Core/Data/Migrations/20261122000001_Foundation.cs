using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dangjian.Core.Data.Migrations;

/// <summary>
/// Organizations, role grants and the audit log. Hand-written (no `dotnet ef` here, docs/adr/0002): one set for both
/// providers, each column carrying both providers' identity annotations; column types come from each provider's mapping.
/// </summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261122000001_Foundation")]
public sealed class Foundation : Migration
{
    private bool IsPostgres => ActiveProvider == DatabaseSettings.PostgresProviderName;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Organizations",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ParentId = table.Column<long>(nullable: true),
                Path = table.Column<string>(maxLength: 400, nullable: false, collation: IsPostgres ? "C" : null),
                Code = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                ShortName = table.Column<string>(maxLength: 30, nullable: true),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                HostUnitName = table.Column<string>(maxLength: 100, nullable: true),
                HostUnitCategory = table.Column<string>(maxLength: 32, nullable: true),
                FoundedOn = table.Column<DateOnly>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                DissolvedOn = table.Column<DateOnly>(nullable: true),
                DissolutionReason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Organizations", x => x.Id);
                table.ForeignKey("FK_Organizations_Organizations_ParentId", x => x.ParentId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Organizations_Code", "Organizations", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Organizations_Path", "Organizations", "Path");
        migrationBuilder.CreateIndex("IX_Organizations_ParentId", "Organizations", "ParentId");

        migrationBuilder.CreateTable(
            name: "RoleGrants",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(maxLength: 64, nullable: false),
                OrganizationId = table.Column<long>(nullable: true),
                Role = table.Column<string>(maxLength: 32, nullable: false),
                GrantedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoleGrants", x => x.Id);
                table.ForeignKey("FK_RoleGrants_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RoleGrants_UserId", "RoleGrants", "UserId");
        migrationBuilder.CreateIndex("IX_RoleGrants_OrganizationId", "RoleGrants", "OrganizationId");

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AtUtc = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(maxLength: 64, nullable: true),
                UserName = table.Column<string>(maxLength: 100, nullable: false),
                OrganizationId = table.Column<long>(nullable: true),
                EntityType = table.Column<string>(maxLength: 100, nullable: false),
                EntityKey = table.Column<string>(maxLength: 100, nullable: false),
                Action = table.Column<string>(maxLength: 16, nullable: false),
                Changes = table.Column<string>(nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_AuditEntries_EntityType_EntityKey", "AuditEntries", ["EntityType", "EntityKey"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_OrganizationId_AtUtc", "AuditEntries", ["OrganizationId", "AtUtc"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_AtUtc", "AuditEntries", "AtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AuditEntries");
        migrationBuilder.DropTable("RoleGrants");
        migrationBuilder.DropTable("Organizations");
    }
}
