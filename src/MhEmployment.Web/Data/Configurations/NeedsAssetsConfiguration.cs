using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> builder)
    {
        builder.HasKey(l => new { l.DomainId, l.IndicatorId });
        builder.HasOne(l => l.Domain).WithMany().HasForeignKey(l => l.DomainId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Indicator).WithMany().HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class WeightingSchemeConfiguration : IEntityTypeConfiguration<WeightingScheme>
{
    public const int NameLength = 100;

    public void Configure(EntityTypeBuilder<WeightingScheme> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(NameLength);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.Description).HasMaxLength(AssetConfiguration.LongTextLength);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.HasMany(s => s.Weights).WithOne().HasForeignKey(w => w.SchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SchemeWeightConfiguration : IEntityTypeConfiguration<SchemeWeight>
{
    public void Configure(EntityTypeBuilder<SchemeWeight> builder)
    {
        builder.HasKey(w => new { w.SchemeId, w.DomainId, w.IndicatorId });
        builder.HasOne<AssetDomain>().WithMany().HasForeignKey(w => w.DomainId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(w => w.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.AreaCode).HasMaxLength(9);
        builder.Property(p => p.Description).HasMaxLength(AssetConfiguration.LongTextLength);
        builder.Property(p => p.Owner).HasMaxLength(AssetConfiguration.ShortTextLength);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.HasOne<Area>().WithMany().HasForeignKey(p => p.AreaCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssetDomain>().WithMany().HasForeignKey(p => p.DomainId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssetChecklistItem>().WithMany().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AreaCode, p.Status });
        builder.HasMany(p => p.Assets).WithOne().HasForeignKey(a => a.PriorityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Indicators).WithOne().HasForeignKey(i => i.PriorityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<PriorityChange>().WithOne().HasForeignKey(c => c.PriorityId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PriorityAssetConfiguration : IEntityTypeConfiguration<PriorityAsset>
{
    public void Configure(EntityTypeBuilder<PriorityAsset> builder)
    {
        builder.HasKey(a => new { a.PriorityId, a.AssetId });
        builder.HasOne<Asset>().WithMany().HasForeignKey(a => a.AssetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PriorityIndicatorConfiguration : IEntityTypeConfiguration<PriorityIndicator>
{
    public void Configure(EntityTypeBuilder<PriorityIndicator> builder)
    {
        builder.HasKey(i => new { i.PriorityId, i.IndicatorId });
        builder.HasOne<Indicator>().WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PriorityChangeConfiguration : IEntityTypeConfiguration<PriorityChange>
{
    public void Configure(EntityTypeBuilder<PriorityChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.Property(c => c.Summary).HasMaxLength(AssetConfiguration.LongTextLength);
        builder.HasIndex(c => new { c.PriorityId, c.ChangedUtc });
    }
}
