using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MhEmployment.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Assets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredUtc",
                table: "AssetChecklistItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AreaNhsLinks",
                columns: table => new
                {
                    LocalAuthorityCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    SubIcbLocationCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    IcbCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    ThroughCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaNhsLinks", x => new { x.LocalAuthorityCode, x.SubIcbLocationCode });
                    table.ForeignKey(
                        name: "FK_AreaNhsLinks_Areas_IcbCode",
                        column: x => x.IcbCode,
                        principalTable: "Areas",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AreaNhsLinks_Areas_LocalAuthorityCode",
                        column: x => x.LocalAuthorityCode,
                        principalTable: "Areas",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AreaNhsLinks_Areas_SubIcbLocationCode",
                        column: x => x.SubIcbLocationCode,
                        principalTable: "Areas",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AreaNhsLinks_Areas_ThroughCode",
                        column: x => x.ThroughCode,
                        principalTable: "Areas",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssetImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UnchangedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CommittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PriorState = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RagAnalyses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    AnalysisDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RagAnalyses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RagAnalyses_Areas_AreaCode",
                        column: x => x.AreaCode,
                        principalTable: "Areas",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Assets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CapacityPerYear = table.Column<int>(type: "INTEGER", nullable: true),
                    DemandPerYear = table.Column<int>(type: "INTEGER", nullable: true),
                    WaitingList = table.Column<int>(type: "INTEGER", nullable: true),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FundingAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    FundingStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FundingEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Commissioner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingRationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RatedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assets_AssetImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "AssetImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RagAnalysisRatings",
                columns: table => new
                {
                    AnalysisId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RagAnalysisRatings", x => new { x.AnalysisId, x.ItemId });
                    table.ForeignKey(
                        name: "FK_RagAnalysisRatings_AssetChecklistItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "AssetChecklistItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RagAnalysisRatings_RagAnalyses_AnalysisId",
                        column: x => x.AnalysisId,
                        principalTable: "RagAnalyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssetAreas",
                columns: table => new
                {
                    AssetId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetAreas", x => new { x.AssetId, x.AreaCode });
                    table.ForeignKey(
                        name: "FK_AssetAreas_Areas_AreaCode",
                        column: x => x.AreaCode,
                        principalTable: "Areas",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetAreas_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssetChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssetId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetChanges_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssetItems",
                columns: table => new
                {
                    AssetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetItems", x => new { x.AssetId, x.ItemId });
                    table.ForeignKey(
                        name: "FK_AssetItems_AssetChecklistItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "AssetChecklistItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssetItems_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AreaNhsLinks_IcbCode",
                table: "AreaNhsLinks",
                column: "IcbCode");

            migrationBuilder.CreateIndex(
                name: "IX_AreaNhsLinks_SubIcbLocationCode",
                table: "AreaNhsLinks",
                column: "SubIcbLocationCode");

            migrationBuilder.CreateIndex(
                name: "IX_AreaNhsLinks_ThroughCode",
                table: "AreaNhsLinks",
                column: "ThroughCode");

            migrationBuilder.CreateIndex(
                name: "IX_AssetAreas_AreaCode_AssetId",
                table: "AssetAreas",
                columns: new[] { "AreaCode", "AssetId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetChanges_AssetId_OccurredUtc",
                table: "AssetChanges",
                columns: new[] { "AssetId", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetItems_ItemId_AssetId",
                table: "AssetItems",
                columns: new[] { "ItemId", "AssetId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_FundingEnd",
                table: "Assets",
                column: "FundingEnd");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_ImportId",
                table: "Assets",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Name",
                table: "Assets",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Provider",
                table: "Assets",
                column: "Provider");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Rating",
                table: "Assets",
                column: "Rating");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Sector",
                table: "Assets",
                column: "Sector");

            migrationBuilder.CreateIndex(
                name: "IX_RagAnalyses_AreaCode_AnalysisDate",
                table: "RagAnalyses",
                columns: new[] { "AreaCode", "AnalysisDate" });

            migrationBuilder.CreateIndex(
                name: "IX_RagAnalysisRatings_ItemId",
                table: "RagAnalysisRatings",
                column: "ItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AreaNhsLinks");

            migrationBuilder.DropTable(
                name: "AssetAreas");

            migrationBuilder.DropTable(
                name: "AssetChanges");

            migrationBuilder.DropTable(
                name: "AssetItems");

            migrationBuilder.DropTable(
                name: "RagAnalysisRatings");

            migrationBuilder.DropTable(
                name: "Assets");

            migrationBuilder.DropTable(
                name: "RagAnalyses");

            migrationBuilder.DropTable(
                name: "AssetImports");

            migrationBuilder.DropColumn(
                name: "RetiredUtc",
                table: "AssetChecklistItems");
        }
    }
}
