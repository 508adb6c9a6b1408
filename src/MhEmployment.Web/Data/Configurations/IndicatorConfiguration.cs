using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Key).HasMaxLength(100);
        builder.HasIndex(i => i.Key).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(300);
        builder.Property(i => i.Definition).HasMaxLength(4000);
        builder.Property(i => i.Source).HasMaxLength(500);
        builder.Property(i => i.Age).HasMaxLength(50);
        builder.Property(i => i.NomisDataset).HasMaxLength(20);
        builder.Property(i => i.FingertipsAreaTypes).HasMaxLength(100);
        builder.Property(i => i.NomisQuery).HasMaxLength(1000);
    }
}
