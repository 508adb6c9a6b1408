using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MhEmployment.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NaturalValueKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_IndicatorValues",
                table: "IndicatorValues");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_AreaCode_IndicatorId",
                table: "IndicatorValues");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_IndicatorId_AreaCode_PeriodStart_PeriodEnd_Sex_AgeBand",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "IndicatorValues");

            migrationBuilder.AddPrimaryKey(
                name: "PK_IndicatorValues",
                table: "IndicatorValues",
                columns: new[] { "IndicatorId", "PeriodStart", "PeriodEnd", "AreaCode", "Sex", "AgeBand" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_IndicatorValues",
                table: "IndicatorValues");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "IndicatorValues",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_IndicatorValues",
                table: "IndicatorValues",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_AreaCode_IndicatorId",
                table: "IndicatorValues",
                columns: new[] { "AreaCode", "IndicatorId" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorId_AreaCode_PeriodStart_PeriodEnd_Sex_AgeBand",
                table: "IndicatorValues",
                columns: new[] { "IndicatorId", "AreaCode", "PeriodStart", "PeriodEnd", "Sex", "AgeBand" },
                unique: true);
        }
    }
}
