using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MhEmployment.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LeanStaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_StagedValues_Imports_ImportId",
                table: "StagedValues");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StagedValues",
                table: "StagedValues");

            migrationBuilder.DropIndex(
                name: "IX_StagedValues_ImportId_IndicatorId_AreaCode_PeriodStart_Peri~",
                table: "StagedValues");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "StagedValues");

            migrationBuilder.DropColumn(
                name: "LineNumber",
                table: "StagedValues");

            migrationBuilder.AlterTable(
                name: "StagedValues")
                .Annotation("Npgsql:UnloggedTable", true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "StagedValues")
                .OldAnnotation("Npgsql:UnloggedTable", true);

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "StagedValues",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<long>(
                name: "LineNumber",
                table: "StagedValues",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddPrimaryKey(
                name: "PK_StagedValues",
                table: "StagedValues",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_StagedValues_ImportId_IndicatorId_AreaCode_PeriodStart_Peri~",
                table: "StagedValues",
                columns: new[] { "ImportId", "IndicatorId", "AreaCode", "PeriodStart", "PeriodEnd", "Sex", "AgeBand" });

            migrationBuilder.AddForeignKey(
                name: "FK_StagedValues_Imports_ImportId",
                table: "StagedValues",
                column: "ImportId",
                principalTable: "Imports",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
