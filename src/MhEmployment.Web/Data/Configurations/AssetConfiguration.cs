using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public const int NameLength = 200;
    public const int ShortTextLength = 200;
    public const int LongTextLength = 4000;

    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(NameLength);
        builder.Property(a => a.Provider).HasMaxLength(NameLength);
        builder.Property(a => a.Description).HasMaxLength(LongTextLength);
        builder.Property(a => a.TargetGroup).HasMaxLength(LongTextLength);
        builder.Property(a => a.Eligibility).HasMaxLength(LongTextLength);
        builder.Property(a => a.FundingSource).HasMaxLength(ShortTextLength);
        builder.Property(a => a.FundingAmount).HasPrecision(14, 2);
        builder.Property(a => a.Commissioner).HasMaxLength(ShortTextLength);
        builder.Property(a => a.Contact).HasMaxLength(ShortTextLength);
        builder.Property(a => a.Website).HasMaxLength(500);
        builder.Property(a => a.Postcode).HasMaxLength(8);
        builder.Property(a => a.RatingRationale).HasMaxLength(LongTextLength);
        builder.Property(a => a.RatedBy).HasMaxLength(256);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        // What the register sorts and filters on.
        builder.HasIndex(a => a.Name);
        builder.HasIndex(a => a.Provider);
        builder.HasIndex(a => a.Sector);
        builder.HasIndex(a => a.Rating);
        builder.HasIndex(a => a.FundingEnd);
        builder.HasIndex(a => a.ImportId);
        builder.HasMany(a => a.Items).WithOne().HasForeignKey(l => l.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Areas).WithOne().HasForeignKey(l => l.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<AssetChange>().WithOne().HasForeignKey(c => c.AssetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AssetItemLinkConfiguration : IEntityTypeConfiguration<AssetItemLink>
{
    public void Configure(EntityTypeBuilder<AssetItemLink> builder)
    {
        builder.HasKey(l => new { l.AssetId, l.ItemId });
        // A checklist item is retired, never deleted, while anything refers to it.
        builder.HasOne(l => l.Item).WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.ItemId, l.AssetId });
    }
}

public sealed class AssetAreaLinkConfiguration : IEntityTypeConfiguration<AssetAreaLink>
{
    public void Configure(EntityTypeBuilder<AssetAreaLink> builder)
    {
        builder.HasKey(l => new { l.AssetId, l.AreaCode });
        builder.Property(l => l.AreaCode).HasMaxLength(9);
        builder.HasOne(l => l.Area).WithMany().HasForeignKey(l => l.AreaCode).OnDelete(DeleteBehavior.Restrict);
        // The register and coverage find assets by the areas they serve.
        builder.HasIndex(l => new { l.AreaCode, l.AssetId });
    }
}

public sealed class AssetChangeConfiguration : IEntityTypeConfiguration<AssetChange>
{
    public void Configure(EntityTypeBuilder<AssetChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Actor).HasMaxLength(256);
        builder.Property(c => c.Summary).HasMaxLength(20000);
        builder.Property(c => c.Rationale).HasMaxLength(AssetConfiguration.LongTextLength);
        builder.HasIndex(c => new { c.AssetId, c.OccurredUtc });
    }
}

public sealed class AssetImportConfiguration : IEntityTypeConfiguration<AssetImport>
{
    public void Configure(EntityTypeBuilder<AssetImport> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.FileName).HasMaxLength(255);
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
        builder.HasMany<Asset>().WithOne().HasForeignKey(a => a.ImportId).OnDelete(DeleteBehavior.SetNull);
    }
}
