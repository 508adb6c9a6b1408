using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class StagedValueConfiguration : IEntityTypeConfiguration<StagedValue>
{
    public void Configure(EntityTypeBuilder<StagedValue> builder)
    {
        // No key, index or foreign key: the bulk path writes it by COPY or multi-row INSERT and reads one import's
        // rows whole, so each would only slow the writes (on PostgreSQL an index and a foreign key tripled them).
        builder.ToTable("StagedValues");
        builder.HasNoKey();
        builder.Ignore(v => v.LineNumber);
        builder.Property(v => v.AreaCode).HasMaxLength(9);
        builder.Property(v => v.PeriodLabel).HasMaxLength(100);
        builder.Property(v => v.AgeBand).HasMaxLength(50);
        builder.Property(v => v.Note).HasMaxLength(500);
    }
}

public sealed class ReplacedValueConfiguration : IEntityTypeConfiguration<ReplacedValue>
{
    public void Configure(EntityTypeBuilder<ReplacedValue> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.AreaCode).HasMaxLength(9);
        builder.Property(v => v.PeriodLabel).HasMaxLength(100);
        builder.Property(v => v.AgeBand).HasMaxLength(50);
        builder.Property(v => v.Note).HasMaxLength(500);
        builder.HasIndex(v => v.ReplacedByImportId);
        builder.HasIndex(v => v.ImportId);
        builder.HasOne<Import>().WithMany().HasForeignKey(v => v.ReplacedByImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SeriesMappingConfiguration : IEntityTypeConfiguration<SeriesMapping>
{
    public void Configure(EntityTypeBuilder<SeriesMapping> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.SeriesKey).HasMaxLength(1000);
        builder.HasIndex(m => m.SeriesKey).IsUnique();
        builder.HasOne<Indicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}
