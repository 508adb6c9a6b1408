using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.Imports;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace MhEmployment.Web.Data;

/// <summary>
/// The model, shared by both providers. Each provider has its own subclass so that each keeps its own
/// migration set (SQLite and PostgreSQL differ in types and in what a migration can do). It also holds the
/// accounts (ASP.NET Core Identity) and the data-protection keys, so restarts and several instances share sessions.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<AreaSuccession> AreaSuccessions => Set<AreaSuccession>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<Import> Imports => Set<Import>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<DataChange> DataChanges => Set<DataChange>();
    public DbSet<AssetDomain> AssetDomains => Set<AssetDomain>();
    public DbSet<AssetChecklistItem> AssetChecklistItems => Set<AssetChecklistItem>();
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<AssetItemLink> AssetItems => Set<AssetItemLink>();
    public DbSet<AssetAreaLink> AssetAreas => Set<AssetAreaLink>();
    public DbSet<AssetChange> AssetChanges => Set<AssetChange>();
    public DbSet<AssetImport> AssetImports => Set<AssetImport>();
    public DbSet<RagAnalysis> RagAnalyses => Set<RagAnalysis>();
    public DbSet<RagAnalysisRating> RagAnalysisRatings => Set<RagAnalysisRating>();
    public DbSet<AreaNhsLink> AreaNhsLinks => Set<AreaNhsLink>();
    public DbSet<EvidenceLink> EvidenceLinks => Set<EvidenceLink>();
    public DbSet<WeightingScheme> WeightingSchemes => Set<WeightingScheme>();
    public DbSet<SchemeWeight> SchemeWeights => Set<SchemeWeight>();
    public DbSet<Priority> Priorities => Set<Priority>();
    public DbSet<PriorityAsset> PriorityAssets => Set<PriorityAsset>();
    public DbSet<PriorityIndicator> PriorityIndicators => Set<PriorityIndicator>();
    public DbSet<PriorityChange> PriorityChanges => Set<PriorityChange>();
    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();
    public DbSet<ExportJobChunk> ExportJobChunks => Set<ExportJobChunk>();
    public DbSet<RefreshRun> RefreshRuns => Set<RefreshRun>();
    public DbSet<RefreshItem> RefreshItems => Set<RefreshItem>();
    public DbSet<StagedValue> StagedValues => Set<StagedValue>();
    public DbSet<ReplacedValue> ReplacedValues => Set<ReplacedValue>();
    public DbSet<SeriesMapping> SeriesMappings => Set<SeriesMapping>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored by name: readable in SQL and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Conventions.Replace<ForeignKeyIndexConvention>(services =>
            new ValuesAreaKeyUnindexed(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));
    }
}

public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : AppDbContext(options);

public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Staging is rewritten in bulk and read once; PostgreSQL empties an unlogged table after a crash, which commit
        // notices (it counts the staged rows) and answers with "validate again".
        builder.Entity<StagedValue>().IsUnlogged();
        // Undo finds an import's values by ImportId. An import's rows are appended together, so a block-range (BRIN)
        // index finds them almost as well as a b-tree, for a fraction of the upkeep: a 1M-row import spent about a
        // sixth of its insert keeping a b-tree on ImportId. Ranges are summarised as autovacuum passes; until then
        // they are simply read.
        builder.Entity<IndicatorValue>().HasIndex(v => v.ImportId).HasMethod("brin").HasStorageParameter("autosummarize", true);
    }
}
