using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class DataChangeConfiguration : IEntityTypeConfiguration<DataChange>
{
    public void Configure(EntityTypeBuilder<DataChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasMaxLength(40);
        builder.HasIndex(c => c.ImportId);
    }
}
