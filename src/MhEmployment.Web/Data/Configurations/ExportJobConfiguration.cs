using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.RegionCode).HasMaxLength(9);
        builder.Property(j => j.RegionName).HasMaxLength(200);
        builder.Property(j => j.Benchmark).HasMaxLength(100);
        builder.Property(j => j.Scheme).HasMaxLength(WeightingSchemeConfiguration.NameLength);
        builder.Property(j => j.Sections).HasMaxLength(300);
        builder.Property(j => j.RequestedBy).HasMaxLength(256);
        builder.Property(j => j.RequestedByUserId).HasMaxLength(450);
        builder.Property(j => j.CurrentArea).HasMaxLength(200);
        builder.Property(j => j.Error).HasMaxLength(2000);
        builder.Property(j => j.FileName).HasMaxLength(300);
        // The worker looks for queued jobs; the cleanup for expired ones; the page lists a person's recent ones.
        builder.HasIndex(j => j.Status);
        builder.HasIndex(j => j.ExpiresUtc);
        builder.HasIndex(j => new { j.RequestedByUserId, j.CreatedUtc });
        builder.HasMany<ExportJobChunk>().WithOne().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ExportJobChunkConfiguration : IEntityTypeConfiguration<ExportJobChunk>
{
    public void Configure(EntityTypeBuilder<ExportJobChunk> builder) => builder.HasKey(c => new { c.JobId, c.Index });
}
