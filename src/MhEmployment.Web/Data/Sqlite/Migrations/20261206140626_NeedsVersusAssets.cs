using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MhEmployment.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NeedsVersusAssets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvidenceLinks",
                columns: table => new
                {
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceLinks", x => new { x.DomainId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_EvidenceLinks_AssetDomains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "AssetDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvidenceLinks_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Priorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Timescale = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Priorities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Priorities_Areas_AreaCode",
                        column: x => x.AreaCode,
                        principalTable: "Areas",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Priorities_AssetChecklistItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "AssetChecklistItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Priorities_AssetDomains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "AssetDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WeightingSchemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LevelRule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HighFrom = table.Column<double>(type: "REAL", nullable: true),
                    LowTo = table.Column<double>(type: "REAL", nullable: true),
                    MinimumShare = table.Column<double>(type: "REAL", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeightingSchemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PriorityAssets",
                columns: table => new
                {
                    PriorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssetId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorityAssets", x => new { x.PriorityId, x.AssetId });
                    table.ForeignKey(
                        name: "FK_PriorityAssets_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PriorityAssets_Priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "Priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PriorityChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PriorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorityChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriorityChanges_Priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "Priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PriorityIndicators",
                columns: table => new
                {
                    PriorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorityIndicators", x => new { x.PriorityId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_PriorityIndicators_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PriorityIndicators_Priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "Priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SchemeWeights",
                columns: table => new
                {
                    SchemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchemeWeights", x => new { x.SchemeId, x.DomainId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_SchemeWeights_AssetDomains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "AssetDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SchemeWeights_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SchemeWeights_WeightingSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "WeightingSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceLinks_IndicatorId",
                table: "EvidenceLinks",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Priorities_AreaCode_Status",
                table: "Priorities",
                columns: new[] { "AreaCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Priorities_DomainId",
                table: "Priorities",
                column: "DomainId");

            migrationBuilder.CreateIndex(
                name: "IX_Priorities_ItemId",
                table: "Priorities",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PriorityAssets_AssetId",
                table: "PriorityAssets",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_PriorityChanges_PriorityId_ChangedUtc",
                table: "PriorityChanges",
                columns: new[] { "PriorityId", "ChangedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PriorityIndicators_IndicatorId",
                table: "PriorityIndicators",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeWeights_DomainId",
                table: "SchemeWeights",
                column: "DomainId");

            migrationBuilder.CreateIndex(
                name: "IX_SchemeWeights_IndicatorId",
                table: "SchemeWeights",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_WeightingSchemes_Name",
                table: "WeightingSchemes",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceLinks");

            migrationBuilder.DropTable(
                name: "PriorityAssets");

            migrationBuilder.DropTable(
                name: "PriorityChanges");

            migrationBuilder.DropTable(
                name: "PriorityIndicators");

            migrationBuilder.DropTable(
                name: "SchemeWeights");

            migrationBuilder.DropTable(
                name: "Priorities");

            migrationBuilder.DropTable(
                name: "WeightingSchemes");
        }
    }
}
