using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dangjian.Core.Data.Migrations;

/// <summary>
/// Meeting decisions: what each voted 议题 says it decided (通过 / 未通过), and the committee's size on the meeting date
/// (the 支委会 quorum's denominator), both kept so a recorded decision stays explainable. Added meeting kinds get ids
/// from 101 on SQLite as well, as <see cref="Features.Meetings.MeetingKindCodes.BuiltIn"/> promises.
/// </summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261122000009_MeetingDecisions")]
public sealed class MeetingDecisions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "Passed", table: "MeetingAgendaItems", nullable: true);
        migrationBuilder.AddColumn<int>(name: "CommitteeSize", table: "Meetings", nullable: true);

        if (ActiveProvider != DatabaseSettings.PostgresProviderName)
        {
            // PostgreSQL's identity sequence was moved past the reserved ids by the previous migration; this is SQLite's counterpart.
            migrationBuilder.Sql("UPDATE sqlite_sequence SET seq = 100 WHERE name = 'MeetingKinds' AND seq < 100;");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "CommitteeSize", table: "Meetings");
        migrationBuilder.DropColumn(name: "Passed", table: "MeetingAgendaItems");
    }
}
