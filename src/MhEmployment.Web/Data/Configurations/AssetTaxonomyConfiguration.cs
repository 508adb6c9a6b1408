using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class AssetDomainConfiguration : IEntityTypeConfiguration<AssetDomain>
{
    public void Configure(EntityTypeBuilder<AssetDomain> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.Number).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Description).HasMaxLength(1000);
        builder.HasMany(d => d.Items).WithOne(i => i.Domain).HasForeignKey(i => i.DomainId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AssetChecklistItemConfiguration : IEntityTypeConfiguration<AssetChecklistItem>
{
    public void Configure(EntityTypeBuilder<AssetChecklistItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Key).HasMaxLength(100);
        builder.HasIndex(i => i.Key).IsUnique();
        builder.HasIndex(i => new { i.DomainId, i.Number }).IsUnique();
        builder.Property(i => i.Text).HasMaxLength(1000);
    }
}
