using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        // One value per indicator, period, area, sex and age band: the key imports merge on. Each index on this table
        // costs every bulk import a write per row, so there is no surrogate id and no second lookup index: the
        // dashboards read from an in-memory snapshot, the values API filters by indicator and dates (this key's
        // prefix), and undo finds an import's rows through the ImportId index. The period comes before the area
        // because files come period by period (NOMIS, Fingertips and MHSDS all write one period's areas together)
        // and new periods follow old ones: an import's new keys then land side by side at the end of their
        // indicator's range, rather than one in every area's run (half the cost of the key's upkeep, measured).
        builder.HasKey(v => new { v.IndicatorId, v.PeriodStart, v.PeriodEnd, v.AreaCode, v.Sex, v.AgeBand });
        builder.Property(v => v.AreaCode).HasMaxLength(9);
        builder.Property(v => v.PeriodLabel).HasMaxLength(100);
        builder.Property(v => v.AgeBand).HasMaxLength(50);
        builder.Property(v => v.Note).HasMaxLength(500);
        builder.HasIndex(v => v.ImportId);
        builder.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Area).WithMany().HasForeignKey(v => v.AreaCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Import).WithMany().HasForeignKey(v => v.ImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ImportConfiguration : IEntityTypeConfiguration<Import>
{
    public void Configure(EntityTypeBuilder<Import> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.SourceUrl).HasMaxLength(2000);
        builder.Property(i => i.Format).HasMaxLength(40);
        builder.Property(i => i.RequestedFormat).HasMaxLength(40);
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
        builder.Property(i => i.CommittedBy).HasMaxLength(256);
        builder.Property(i => i.UndoneBy).HasMaxLength(256);
        builder.Property(i => i.Message).HasMaxLength(2000);
        builder.HasIndex(i => i.Sha256);
        builder.HasIndex(i => i.Status);
    }
}
