using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dangjian.Core.Data.Migrations;

/// <summary>
/// 民主评议: whether a session grades its 预备党员. The default (false) is the common practice of domain.md §4: they take part
/// but are not graded; sessions saved before this column existed keep that default.
/// </summary>
[DbContext(typeof(DangjianDbContext))]
[Migration("20261122000011_EvaluationGradeProbationary")]
public sealed class EvaluationGradeProbationary : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "GradeProbationary", table: "EvaluationSessions", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "GradeProbationary", table: "EvaluationSessions");
    }
}
