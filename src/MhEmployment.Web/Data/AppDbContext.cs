using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Data;

/// <summary>
/// The model, shared by both providers. Each provider has its own subclass so that each keeps its own
/// migration set (SQLite and PostgreSQL differ in types and in what a migration can do).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<AreaSuccession> AreaSuccessions => Set<AreaSuccession>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<Import> Imports => Set<Import>();
    public DbSet<AssetDomain> AssetDomains => Set<AssetDomain>();
    public DbSet<AssetChecklistItem> AssetChecklistItems => Set<AssetChecklistItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored by name: readable in SQL and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : AppDbContext(options);

public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AppDbContext(options);
