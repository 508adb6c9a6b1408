using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MhEmployment.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ImportIdBrin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_ImportId",
                table: "IndicatorValues");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_ImportId",
                table: "IndicatorValues",
                column: "ImportId")
                .Annotation("Npgsql:IndexMethod", "brin")
                .Annotation("Npgsql:StorageParameter:autosummarize", true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_ImportId",
                table: "IndicatorValues");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_ImportId",
                table: "IndicatorValues",
                column: "ImportId");
        }
    }
}
