using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class RagAnalysisConfiguration : IEntityTypeConfiguration<RagAnalysis>
{
    public void Configure(EntityTypeBuilder<RagAnalysis> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.AreaCode).HasMaxLength(9);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.AreaCode, a.AnalysisDate });
        builder.HasMany(a => a.Ratings).WithOne().HasForeignKey(r => r.AnalysisId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RagAnalysisRatingConfiguration : IEntityTypeConfiguration<RagAnalysisRating>
{
    public void Configure(EntityTypeBuilder<RagAnalysisRating> builder)
    {
        builder.HasKey(r => new { r.AnalysisId, r.ItemId });
        builder.Property(r => r.Rationale).HasMaxLength(AssetConfiguration.LongTextLength);
        builder.HasOne(r => r.Item).WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AreaNhsLinkConfiguration : IEntityTypeConfiguration<AreaNhsLink>
{
    public void Configure(EntityTypeBuilder<AreaNhsLink> builder)
    {
        builder.HasKey(l => new { l.LocalAuthorityCode, l.SubIcbLocationCode });
        builder.Property(l => l.LocalAuthorityCode).HasMaxLength(9);
        builder.Property(l => l.SubIcbLocationCode).HasMaxLength(9);
        builder.Property(l => l.IcbCode).HasMaxLength(9);
        builder.Property(l => l.ThroughCode).HasMaxLength(9);
        builder.HasOne<Area>().WithMany().HasForeignKey(l => l.LocalAuthorityCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Area>().WithMany().HasForeignKey(l => l.SubIcbLocationCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Area>().WithMany().HasForeignKey(l => l.IcbCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Area>().WithMany().HasForeignKey(l => l.ThroughCode).OnDelete(DeleteBehavior.Restrict);
    }
}
