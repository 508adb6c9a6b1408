using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MhEmployment.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Imports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CreatedByImportId",
                table: "Indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsReview",
                table: "Indicators",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "Format",
                table: "Imports",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<long>(
                name: "ChangedCount",
                table: "Imports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "CommittedBy",
                table: "Imports",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CommittedUtc",
                table: "Imports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "Imports",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ErrorCount",
                table: "Imports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "FileSize",
                table: "Imports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "MappingJson",
                table: "Imports",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Message",
                table: "Imports",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NewCount",
                table: "Imports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "Progress",
                table: "Imports",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "RequestedFormat",
                table: "Imports",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RowCount",
                table: "Imports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Imports",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SummaryJson",
                table: "Imports",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UnchangedCount",
                table: "Imports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "UndoneBy",
                table: "Imports",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UndoneUtc",
                table: "Imports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ValidationComplete",
                table: "Imports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "WarningCount",
                table: "Imports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ReplacedValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReplacedByImportId = table.Column<int>(type: "integer", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Sex = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AgeBand = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Count = table.Column<double>(type: "double precision", nullable: true),
                    Denominator = table.Column<double>(type: "double precision", nullable: true),
                    Lower95 = table.Column<double>(type: "double precision", nullable: true),
                    Upper95 = table.Column<double>(type: "double precision", nullable: true),
                    Lower998 = table.Column<double>(type: "double precision", nullable: true),
                    Upper998 = table.Column<double>(type: "double precision", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ImportId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplacedValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReplacedValues_Imports_ReplacedByImportId",
                        column: x => x.ReplacedByImportId,
                        principalTable: "Imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SeriesMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SeriesKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeriesMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeriesMappings_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StagedValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<int>(type: "integer", nullable: false),
                    LineNumber = table.Column<long>(type: "bigint", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Sex = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AgeBand = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Count = table.Column<double>(type: "double precision", nullable: true),
                    Denominator = table.Column<double>(type: "double precision", nullable: true),
                    Lower95 = table.Column<double>(type: "double precision", nullable: true),
                    Upper95 = table.Column<double>(type: "double precision", nullable: true),
                    Lower998 = table.Column<double>(type: "double precision", nullable: true),
                    Upper998 = table.Column<double>(type: "double precision", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StagedValues_Imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "Imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Imports_Status",
                table: "Imports",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ReplacedValues_ImportId",
                table: "ReplacedValues",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReplacedValues_ReplacedByImportId",
                table: "ReplacedValues",
                column: "ReplacedByImportId");

            migrationBuilder.CreateIndex(
                name: "IX_SeriesMappings_IndicatorId",
                table: "SeriesMappings",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_SeriesMappings_SeriesKey",
                table: "SeriesMappings",
                column: "SeriesKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StagedValues_ImportId_IndicatorId_AreaCode_PeriodStart_Peri~",
                table: "StagedValues",
                columns: new[] { "ImportId", "IndicatorId", "AreaCode", "PeriodStart", "PeriodEnd", "Sex", "AgeBand" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReplacedValues");

            migrationBuilder.DropTable(
                name: "SeriesMappings");

            migrationBuilder.DropTable(
                name: "StagedValues");

            migrationBuilder.DropIndex(
                name: "IX_Imports_Status",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "CreatedByImportId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "NeedsReview",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "ChangedCount",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "CommittedBy",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "CommittedUtc",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "ErrorCount",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "FileSize",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "MappingJson",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "Message",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "NewCount",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "Progress",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "RequestedFormat",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "RowCount",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "SummaryJson",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "UnchangedCount",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "UndoneBy",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "UndoneUtc",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "ValidationComplete",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "WarningCount",
                table: "Imports");

            migrationBuilder.AlterColumn<string>(
                name: "Format",
                table: "Imports",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);
        }
    }
}
