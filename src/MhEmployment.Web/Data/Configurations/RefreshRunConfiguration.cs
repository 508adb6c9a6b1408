using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class RefreshRunConfiguration : IEntityTypeConfiguration<RefreshRun>
{
    public void Configure(EntityTypeBuilder<RefreshRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.IndicatorKey).HasMaxLength(100);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.Property(r => r.Error).HasMaxLength(2000);
        // The worker looks for queued runs; the schedule for its last run; the page lists recent ones.
        builder.HasIndex(r => r.Status);
        builder.HasIndex(r => new { r.Trigger, r.CreatedUtc });
        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RefreshItemConfiguration : IEntityTypeConfiguration<RefreshItem>
{
    public void Configure(EntityTypeBuilder<RefreshItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.IndicatorKey).HasMaxLength(100);
        builder.Property(i => i.IndicatorName).HasMaxLength(300);
        builder.Property(i => i.SourceUrl).HasMaxLength(2000);
        builder.Property(i => i.Message).HasMaxLength(2000);
        builder.HasIndex(i => i.RunId);
        builder.HasIndex(i => i.IndicatorKey);
    }
}
